"""Traceability and reporting tools: the spec catalogue, which scenarios cite which statement, the results
of the last run, the summary printed by ``make report``, the living documents and the Allure configuration.

Run ``python -m steps.reporting --help``."""
