"""Command-line options of the harness."""
from __future__ import annotations


def pytest_addoption(parser):
    group = parser.getgroup("harness", "first-login harness")
    group.addoption("--base-url", default=None,
                    help="URL of a running site whose control API is at <base-url>/_control (default: start the embedded simulator)")
    group.addoption("--stubs-url", default=None, help="URL of running stubs (with --base-url; default: <base-url> stubs from /_control/health)")
    group.addoption("--headed", action="store_true", default=False, help="show the browser window")
    group.addoption("--slowmo", type=float, default=0, help="slow each browser action down by this many milliseconds")
    group.addoption("--chromium-path", default="/usr/bin/chromium", help="Chromium executable (default /usr/bin/chromium)")
