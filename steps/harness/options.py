"""Command-line options of the harness."""
from __future__ import annotations

from ..drivers.engines import ENGINES


def pytest_addoption(parser):
    group = parser.getgroup("harness", "first-login harness")
    group.addoption("--base-url", default=None,
                    help="URL of a running site whose control API is at <base-url>/_control (default: start the embedded simulator)")
    group.addoption("--stubs-url", default=None, help="URL of running stubs (with --base-url; default: <base-url> stubs from /_control/health)")
    group.addoption("--headed", action="store_true", default=False, help="show the browser window")
    group.addoption("--slowmo", type=float, default=0, help="slow each browser action down by this many milliseconds")
    group.addoption("--chromium-path", default=None,
                    help="Chromium executable (default: /usr/bin/chromium-headless-shell where installed and not "
                         "--headed, else /usr/bin/chromium)")
    group.addoption("--browser", default="chromium", choices=ENGINES,
                    help="engine to run the features in (pytest-playwright's option name): chromium (Debian's), webkit and "
                         "firefox (Playwright's own, skipped where not installed), webkitgtk (WebKitWebDriver on a private "
                         "Xvfb), safari (safaridriver, macOS). Default chromium")
    # pytest-playwright's names and meanings
    group.addoption("--browser-channel", default=None,
                    help="Playwright browser channel (chrome, chrome-beta, msedge ...): that installed browser instead of "
                         "--chromium-path")
    group.addoption("--trace-screenshots", choices=("on", "off"), default="off",
                    help="with --tracing: also record the screencast (the trace viewer's filmstrip). Default off: the "
                         "trace keeps its DOM snapshot before and after every action; the screencast costs ≈1.5× the "
                         "run's time (README: Suite times)")
    group.addoption("--device", default=None,
                    help="emulate a Playwright device descriptor (e.g. 'iPhone 15', 'Pixel 7'): viewport, User-Agent, touch")
    # remote browsers
    group.addoption("--connect", default=None, metavar="WS_URL",
                    help="use the browser of a Playwright server (playwright run-server / launchServer, e.g. WebKit on "
                         "a Mac) instead of launching one; --browser names the engine it serves")
    group.addoption("--webdriver-url", default=None, metavar="URL",
                    help="drive the browser through this WebDriver remote end (Selenium Grid 4, Appium, safaridriver or "
                         "WebKitWebDriver on another machine); --browser names the engine for the report")
    group.addoption("--webdriver-capabilities", default=None, metavar="FILE.json",
                    help="capabilities of the --webdriver-url session: a JSON file (or inline JSON); default: what "
                         "--browser's own driver would be asked for")
