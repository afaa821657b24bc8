"""Command-line options of the harness."""
from __future__ import annotations

from .engines import ENGINES


def pytest_addoption(parser):
    group = parser.getgroup("harness", "first-login harness")
    group.addoption("--base-url", default=None,
                    help="URL of a running site whose control API is at <base-url>/_control (default: start the embedded simulator)")
    group.addoption("--stubs-url", default=None, help="URL of running stubs (with --base-url; default: <base-url> stubs from /_control/health)")
    group.addoption("--headed", action="store_true", default=False, help="show the browser window")
    group.addoption("--slowmo", type=float, default=0, help="slow each browser action down by this many milliseconds")
    group.addoption("--chromium-path", default="/usr/bin/chromium", help="Chromium executable (default /usr/bin/chromium)")
    group.addoption("--browser", default="chromium", choices=ENGINES,
                    help="engine to run the features in (pytest-playwright's option name): chromium (Debian's), webkit and "
                         "firefox (Playwright's own, skipped where not installed), webkitgtk (WebKitWebDriver on a private "
                         "Xvfb), safari (safaridriver, macOS). Default chromium")
