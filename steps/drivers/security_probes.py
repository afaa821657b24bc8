"""What the security scenarios read from the browser besides the page: its cookies for the site, the response
headers of the page, another name of the same site (a Host header that differs from the public origin), and
whether a screen is there *without failing* (an advisory check notes what it saw instead of raising).

Both drivers: Playwright (``ui.page``) and WebDriver (``ui.driver``). This reaches into the drivers' objects; it
belongs in steps/drivers/ as driver methods (``cookies()``, ``response_headers()``) once that folder is free."""
from __future__ import annotations

import html as html_lib
import re
import time
import unicodedata
from urllib.parse import urlsplit, urlunsplit

import pytest

LOOPBACK_ALIASES = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}


def cookies(ui) -> dict[str, str]:
    """The site's cookies in this browser (HttpOnly ones included): name -> value."""
    if hasattr(ui, "page"):
        return {c["name"]: c["value"] for c in ui.page.context.cookies(ui.current_url() or ui.base_url)}
    return {c["name"]: c["value"] for c in ui.driver.get_cookies()}


def response_headers(ui) -> dict[str, str]:
    """The headers the site answers the current page's URL with, as this browser context would fetch it (its cookies).
    WebDriver has no access to response headers and a page's CSP blocks an in-page fetch: skipped there."""
    if not hasattr(ui, "page"):
        pytest.skip(f"{ui.engine}: WebDriver cannot read response headers (and the page's CSP connect-src blocks an "
                    "in-page fetch); the header checks run in the Playwright engines (chromium)")
    response = ui.page.request.get(ui.current_url(), max_redirects=0)
    return {k.lower(): v for k, v in response.headers.items()}


def alias_of(site_url: str) -> str:
    """The same site under another host name (the browser then sends that name as Host): a loopback target only."""
    parts = urlsplit(site_url)
    other = LOOPBACK_ALIASES.get(parts.hostname or "")
    if other is None:
        pytest.skip(f"needs a second name for the target {parts.hostname} to send another Host header; "
                    "only a loopback target (127.0.0.1 / localhost) has one here")
    netloc = other + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)).rstrip("/")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def page_text(ui) -> str:
    """Every text of the page as one line (NFKC, single spaces)."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", ui.html())
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(unicodedata.normalize("NFKC", text).split())


def shows(ui, screen_class, timeout: float = 2.0) -> bool:
    """Is this screen shown (its marker sentence, else its heading), within ``timeout``? Never raises."""
    kind, word = ("text", screen_class.marker) if screen_class.marker else ("heading", screen_class.heading)
    return ui._wait(ui.spec(kind, word), "shown", timeout) is not None


def outcome(ui, next_screen, same_screen, timeout: float = 2.0) -> bool:
    """After a submit: True once ``next_screen`` is shown, False once ``same_screen`` is shown with an alert (refused),
    else False after ``timeout``. Whichever comes first: a refusal does not wait out the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        if shows(ui, next_screen, 0):
            return True
        if ui.alerts() and shows(ui, same_screen, 0):
            return False
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        shows(ui, next_screen, min(0.1, left))  # a look on each animation frame in the page for a while, no sleep


def field_shown(ui, label: str, timeout: float = 2.0) -> bool:
    return ui._wait(ui.spec("field", label), "shown", timeout) is not None
