"""Browser drivers: the only code that touches a browser engine.

``playwright_ui.PlaywrightUI`` (Chromium, Playwright's WebKit and Firefox) and ``webdriver_ui.WebDriverUI``
(WebKitGTK, Safari over WebDriver) are twins of one small interface that the page objects use; ``engines`` starts
and finds the engines. May import: ``steps.evidence`` (the wording judgement), the standard library and the driver
libraries. Never imports pages, bindings, the target layer or the simulator.
"""
