"""Evidence and judgement: Allure labels, links and attachments per scenario (``allure_hooks``), the catalogue IDs
registered as markers (``spec_tags``), and the near-miss judgement of documented wording (``wording``).

May import: ``steps.reporting`` (the catalogue) and allure. Never drives a browser itself: it is handed a driver
to take a screenshot from.
"""
