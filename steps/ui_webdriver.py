"""The WebDriver twin of ``ui.PlaywrightUI``: the same methods, driven with selenium, for engines Playwright
cannot drive (WebKitGTK through WebKitWebDriver, real Safari through safaridriver). Elements are found by
the same user-visible words (ui_webdriver.js); every observation retries with WebDriverWait until it holds."""
from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Callable

from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                        JavascriptException, NoSuchFrameException, StaleElementReferenceException,
                                        TimeoutException)
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from .engines import Unavailable

from .wording import check_wording

LOCATE = (Path(__file__).with_name("ui_webdriver.js")).read_text(encoding="utf-8")
POLL = 0.05  # seconds between attempts
LEAVING = """const el = arguments[0];  // will clicking el load a new document? if so, mark the one we are leaving
const href = el.getAttribute("href");
const goes = href !== null ? !href.startsWith("#") && !href.startsWith("javascript:") && !el.target
  : el.type === "submit" && !!el.form && (el.form.noValidate || el.formNoValidate || el.form.checkValidity());
if (goes) window.__uiLeaving = true;
return goes;"""
ARRIVED = "return !window.__uiLeaving && document.readyState === 'complete'"
RETRY_ON = (StaleElementReferenceException, JavascriptException, NoSuchFrameException, ElementClickInterceptedException,
            ElementNotInteractableException)  # the page was changing under us: look again


def _norm(text: str) -> str:
    return " ".join(text.split())


class WebDriverUI:
    def __init__(self, driver: WebDriver, base_url: str, timeout: float = 5.0,
                 session_as: Callable[[str], Any] | None = None) -> None:
        """``session_as(user_agent)``: a context manager giving a new WebDriver session whose browser sends that
        User-Agent (engines.webdriver_session); without it ``open_as`` raises ``Unavailable``."""
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.engine = f"webdriver:{driver.capabilities.get('browserName', '?')}"
        self._session_as = session_as
        self._shared = driver
        self._visit: ExitStack | None = None

    # plumbing -----------------------------------------------------------------
    def _find(self, kind: str, name: str | None = None, exact: bool = False, inner: str | None = None) -> dict[str, list]:
        return self.driver.execute_script(LOCATE, kind, name, exact, inner)

    def _until(self, what: str, probe: Callable[[], tuple[Any, Any]]) -> Any:
        """Retry ``probe`` (returning (result, what was seen)) until the result is truthy, or fail saying ``what``."""
        seen: list[Any] = [None]

        def attempt(_driver):
            result, seen[0] = probe()
            return result

        try:
            return WebDriverWait(self.driver, self.timeout, POLL, RETRY_ON).until(attempt)
        except TimeoutException:
            raise AssertionError(f"{what} within {self.timeout:g}s; saw {seen[0]!r} at {self.driver.current_url}") from None

    def _one(self, kind: str, name: str, exact: bool, act: Callable[[Any], Any] = lambda el: True) -> Any:
        """Exactly one visible match (Playwright's strictness), then ``act`` on it."""
        def probe():
            found = self._find(kind, name, exact)
            ok = len(found["els"]) == 1 and found["visible"][0]
            return (act(found["els"][0]) if ok else None), found["texts"]
        return self._until(f"expected exactly one visible {kind} {name!r}", probe)

    def _count(self, kind: str, name: str | None, exact: bool, test: Callable[[int], bool], what: str) -> None:
        def probe():
            found = self._find(kind, name, exact)
            return test(len(found["els"])), found["texts"]
        self._until(what, probe)

    # actions ---------------------------------------------------------------
    def open(self, path_or_url: str) -> None:
        self.driver.get(path_or_url if "://" in path_or_url else self.base_url + path_or_url)

    def open_as(self, user_agent: str, path_or_url: str) -> None:
        """Visit as another browser. WebDriver cannot change a running browser's User-Agent, so this starts a new
        session of the same engine told to send ``user_agent`` (MiniBrowser's --user-agent; a few seconds); the
        rest of the scenario uses it, and ``forget`` closes it. Raises ``Unavailable`` where the engine has no
        such setting (safaridriver)."""
        if self._session_as is None:
            raise Unavailable(f"{self.engine}: no way to start a session with another User-Agent")
        self.end_visits()
        visit = ExitStack()
        self.driver = visit.enter_context(self._session_as(user_agent))
        self._visit = visit
        taken = self.user_agent()
        if taken != user_agent:  # WebKit's settings accept only an RFC 9110 product/comment list, else keep their own
            self.end_visits()
            raise Unavailable(f"{self.engine} refuses this User-Agent (not a product/comment list WebKit accepts) "
                              f"and sends its own: {taken}")
        self.open(path_or_url)

    def end_visits(self) -> None:
        if self._visit is not None:
            visit, self._visit, self.driver = self._visit, None, self._shared
            visit.close()

    def fill(self, label: str, value: str) -> None:
        def typed(field):
            field.clear()
            if value:  # WebKitWebDriver rejects empty text
                field.send_keys(value)
            return True
        self._one("field", label, False, typed)

    def press(self, name: str) -> None:
        """Click the first button, or failing that link, whose accessible name is exactly ``name``; when that
        submits a form or follows a link, wait for the next page (WebDriver's click does not always)."""
        def probe():
            found = self._find("press", name, True)
            if not found["els"]:
                return None, found["texts"]
            leaving = self.driver.execute_script(LEAVING, found["els"][0])
            found["els"][0].click()
            return [leaving], found["texts"]
        [leaving] = self._until(f"expected a button or link named {name!r}", probe)
        if leaving:
            self._until(f"expected a new page after pressing {name!r}",
                        lambda: (self.driver.execute_script(ARRIVED), self.driver.current_url))

    def choose(self, label: str) -> None:
        def check(option):
            if not option.is_selected():
                option.click()
            return True
        self._one("field", label, False, check)

    def back(self) -> None:
        self.driver.back()

    def forget(self) -> None:
        """Between scenarios: close an ``open_as`` session, drop the site's cookies and storage, leave on a blank page."""
        self.end_visits()
        if not self.driver.current_url.startswith(self.base_url):
            self.open("/")
        self.driver.delete_all_cookies()
        self.driver.execute_script("localStorage.clear(); sessionStorage.clear();")
        self.driver.get("about:blank")

    # observations (retrying, never sleeping) ---------------------------------
    def expect_heading(self, text: str) -> None:
        def probe():
            found = self._find("heading1")
            return found["texts"] == [_norm(text)], found["texts"]
        self._until(f"expected the page's one <h1> to read {text!r}", probe)

    def expect_text(self, text: str) -> None:
        def probe():
            found = self._find("text", text)
            return any(found["visible"]), found["texts"][:3]
        self._until(f"expected visible text {text!r}", probe)

    def expect_no_text(self, text: str) -> None:
        self._count("text", text, False, lambda n: n == 0, f"expected no text {text!r}")

    def expect_alert(self, text: str) -> None:
        try:
            self._count("alert", text, False, lambda n: n == 1, f"expected exactly one alert containing {text!r}")
        except AssertionError:
            check_wording(text, self.alerts(), "error message")  # a near miss is a wording deviation
            raise

    def expect_no_alert(self) -> None:
        self._count("alert", None, False, lambda n: n == 0, "expected no alert")

    def expect_status(self, text: str) -> None:
        self._count("status", text, False, lambda n: n >= 1, f"expected a status message containing {text!r}")

    def expect_button(self, name: str) -> None:
        self._one("button", name, True)

    def expect_link(self, name: str) -> None:
        self._one("link", name, True)

    def expect_no_button(self, name: str) -> None:
        self._count("button", name, True, lambda n: n == 0, f"expected no button named {name!r}")

    def expect_field(self, label: str, placeholder: str | None = None) -> None:
        field = self._one("field", label, False, lambda el: el)
        shown = field.get_dom_attribute("placeholder")
        assert placeholder is None or shown == placeholder, f"field {label!r} has placeholder {shown!r}, not {placeholder!r}"

    def expect_matching(self, pattern: str) -> None:
        def probe():
            found = self._find("main")
            return len(found["texts"]) == 1 and re.search(pattern, found["texts"][0]) is not None, found["texts"]
        self._until(f"expected <main> to match /{pattern}/", probe)

    def alerts(self) -> list[str]:
        return [t.strip() for t in self._find("alert")["texts"]]

    def link_href(self, name: str) -> str:
        link = self._one("link", name, True, lambda el: el)  # the attribute as written (WebKit's driver resolves it)
        return self.driver.execute_script("return arguments[0].getAttribute('href') || ''", link)

    def link_href_within(self, sentence: str, name: str) -> str:
        """The href, as written, of the one link named exactly ``name`` inside the text that reads ``sentence``."""
        def probe():
            found = self._find("link_within", sentence, False, name)
            ok = len(found["els"]) == 1
            return (self.driver.execute_script("return arguments[0].getAttribute('href') || ''", found["els"][0])
                    if ok else None), found["texts"]
        return self._until(f"expected exactly one link {name!r} in the text {sentence!r}", probe)

    def expect_fragment(self, fragment: str, text: str) -> None:
        def probe():
            found = self._find("id", fragment)
            return bool(found["els"]) and _norm(text) in found["texts"][0], found["texts"]
        self._until(f"expected the element id={fragment!r} to contain {text!r}", probe)

    def expect_note(self, name: str, text: str) -> None:
        def probe():
            found = self._find("note", name, True)
            ok = len(found["els"]) == 1 and found["visible"][0] and _norm(text) in found["texts"][0]
            return ok, found["texts"]
        self._until(f"expected one visible note named {name!r} containing {text!r}", probe)

    def expect_no_note(self, name: str) -> None:
        self._count("note", name, True, lambda n: n == 0, f"expected no note named {name!r}")

    def user_agent(self) -> str:
        return self.driver.execute_script("return navigator.userAgent")

    # evidence ---------------------------------------------------------------
    def screenshot(self) -> bytes:
        """What the engine's window shows (the viewport; WebDriver has no portable full-page capture), after two
        animation frames so the last change is painted (WebKitGTK otherwise returns the previous frame)."""
        self.driver.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));")
        return self.driver.get_screenshot_as_png()

    def html(self) -> str:
        return self.driver.page_source
