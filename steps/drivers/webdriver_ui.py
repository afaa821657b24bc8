"""The WebDriver driver (WebKitGTK through WebKitWebDriver, real Safari through safaridriver): the mechanics of
``DocumentUI``, the twin of ``PlaywrightUI``. The same locate.js runs through ``execute_script``; every wait is
selenium's ``WebDriverWait`` (polling the page), never a sleep."""
from __future__ import annotations

from contextlib import ExitStack
from typing import Any, Callable

from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                        JavascriptException, NoSuchFrameException, StaleElementReferenceException,
                                        TimeoutException, WebDriverException)
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from ..target.vocabulary import Vocabulary
from . import dialogs
from .forgetting import forget_site
from .document_ui import LOCATE, DocumentUI
from .engines import Unavailable

POLL = 0.05  # seconds between attempts (selenium's WebDriverWait)
RUN = "const doc = " + LOCATE + ";\nconst [op, a, b] = arguments;\n" + """
if (op === "candidates") return doc.candidates(a);
const r = doc.locate(a);
if (op === "first") { const i = r.visible.indexOf(true); return i >= 0 ? r.els[i] : null; }
if (op === "gone") return !r.visible.some(Boolean);
return {texts: r.texts, visible: r.visible, how: r.how};"""
LEAVING = """const el = arguments[0];  // will clicking el load a new document? if so, mark the one we are leaving
const link = el.closest("a[href], area[href]");  // the same rule as actions.js leaving()
const href = link && link.getAttribute("href");
const goes = link ? !href.startsWith("#") && !href.startsWith("javascript:") && !href.startsWith("mailto:") && !link.target
  : (el.type === "submit" || (el.tagName === "BUTTON" && !el.getAttribute("type"))) && !!el.form
    && (el.form.noValidate || el.formNoValidate || el.form.checkValidity());
if (goes) window.__uiLeaving = true;
return goes;"""
# Playwright's fill (select the field's text, then insert the value as one edit): trusted beforeinput and input events
# of type insertText, maxlength honoured, no key events. WebDriver's Element Send Keys types key by key instead, each
# key a repaint: ≈100 ms of browser CPU for 22 characters in WebKitGTK here, against ≈5 ms this way (README: Suite times).
INSERT = """const [el, value] = arguments;
el.focus();
if (typeof el.select === "function") el.select();
else { const range = document.createRange(); range.selectNodeContents(el); getSelection().removeAllRanges(); getSelection().addRange(range); }
return document.execCommand("insertText", false, value);"""
ARRIVED = "return !window.__uiLeaving && document.readyState === 'complete'"
TICK = """const done = arguments[0];
const dot = document.createElement("div");
dot.id = "__harnessShotTick";
dot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647";
dot.animate([{opacity: 0}, {opacity: 0.01}], {duration: 100, iterations: Infinity});
document.documentElement.appendChild(dot);
requestAnimationFrame(() => requestAnimationFrame(done));"""
RETRY_ON = (StaleElementReferenceException, JavascriptException, NoSuchFrameException, ElementClickInterceptedException,
            ElementNotInteractableException)  # the page was changing under us: look again


class WebDriverUI(DocumentUI):
    def __init__(self, driver: WebDriver, base_url: str, timeout: float = 5.0,
                 session_as: Callable[[str], Any] | None = None, vocabulary: Vocabulary | None = None) -> None:
        """``session_as(user_agent)``: a context manager giving a new WebDriver session whose browser sends that
        User-Agent (engines.webdriver_session); without it ``open_as`` raises ``Unavailable``."""
        super().__init__(base_url, vocabulary)
        self.driver = driver
        self.timeout = timeout
        self.engine = f"webdriver:{driver.capabilities.get('browserName', '?')}"
        self._session_as = session_as
        self._shared = driver
        self._visit: ExitStack | None = None
        dialogs.clear(driver)  # a shared session: the scenario before's dialogs are not this one's

    # mechanics -------------------------------------------------------------------------------------------
    def _run(self, op: str, a: Any, b: Any = None) -> Any:
        return self.driver.execute_script(RUN, op, a, b)

    def _wait(self, spec: dict, mode: str, timeout: float | None = None) -> Any:
        op = "first" if mode == "shown" else "gone"
        try:
            return WebDriverWait(self.driver, self.timeout if timeout is None else timeout, POLL, RETRY_ON).until(
                lambda _d: self._run(op, spec))
        except TimeoutException:
            return None

    def _locate(self, spec: dict) -> dict:
        try:
            return self._run("locate", spec)
        except WebDriverException:
            return {"texts": [], "visible": [], "how": ""}

    def _candidates(self, kind: str) -> list[str]:
        try:
            return self._run("candidates", kind) or []
        except WebDriverException:
            return []

    def _fill(self, element, value: str) -> None:
        """The value inserted as one edit (INSERT); where the browser cannot (a read-only field, a date input), WebDriver's
        own clear and typing, with their errors."""
        if value and self.driver.execute_script(INSERT, element, value):
            return
        element.clear()
        if value:  # WebKitWebDriver rejects empty text
            element.send_keys(value)

    def _click(self, element) -> None:
        """Click; when that submits a form or follows a link, wait for the next page (WebDriver's click does not always)."""
        leaving = self.driver.execute_script(LEAVING, element)
        element.click()
        if not leaving:  # a dialog the click opened shows itself on the next command (steps/drivers/dialogs.py): now
            self.driver.execute_script("return 0")
        else:
            self._until(lambda: (self.driver.execute_script(ARRIVED), self.driver.current_url), "expected a new page after the click")

    def _check(self, element) -> None:
        if not element.is_selected():
            element.click()

    def _attribute(self, element, name: str) -> str | None:
        return self.driver.execute_script("return arguments[0].getAttribute(arguments[1])", element, name)  # as written

    def _tag(self, element) -> str:
        return element.tag_name.lower()

    def _until(self, probe, what: str) -> None:
        seen: list[Any] = [None]

        def attempt(_driver):
            ok, seen[0] = probe()
            return ok

        try:
            WebDriverWait(self.driver, self.timeout, POLL, RETRY_ON).until(attempt)
        except TimeoutException:
            raise AssertionError(f"{what} within {self.timeout:g}s; saw {str(seen[0])[:300]!r} (on {self.current_url()})") from None

    def current_url(self) -> str:
        return self.driver.current_url

    # navigation ------------------------------------------------------------------------------------------
    def dialogs(self) -> list[str]:
        return list(dialogs.shown(self.driver))

    def _forget_dialogs(self) -> None:
        dialogs.clear(self.driver)

    def open(self, path_or_url: str) -> None:
        self._forget_dialogs()
        self.driver.get(path_or_url if "://" in path_or_url else self.base_url + path_or_url)

    def set_cookie(self, name: str, value: str) -> None:
        """A cookie of the site (state injection hands over a session this way). WebDriver sets cookies only for the
        document's own site: away from it, its start page is opened first."""
        if not self.driver.current_url.startswith(self.base_url):
            self.open("/")
        self.driver.add_cookie({"name": name, "value": value, "path": "/", "httpOnly": True})

    def open_as(self, user_agent: str, path_or_url: str) -> None:
        """Visit as another browser. WebDriver cannot change a running browser's User-Agent, so this takes a session
        of the same engine told to send ``user_agent`` (MiniBrowser's --user-agent; the ``agent_sessions`` fixture
        keeps them for the run, steps/drivers/agent_sessions.py); the rest of the scenario uses it, and ``forget``
        ends the visit. Raises ``Unavailable`` where the engine has no such setting (safaridriver)."""
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
            if not self._on_site():  # the kept session forgets the site's cookies on the site's own page
                self.open("/")
            visit, self._visit, self.driver = self._visit, None, self._shared
            visit.close()

    def _on_site(self) -> bool:
        try:
            return self.driver.current_url.startswith(self.base_url)
        except Exception:  # noqa: BLE001 - a crashed browser: the pool will not lend it again
            return True

    def back(self) -> None:
        self.driver.back()

    def forget(self) -> None:
        """Between scenarios: end an ``open_as`` visit, drop the site's cookies and storage. No page is loaded unless
        the scenario left the site (WebDriver deletes only the cookies of the page it is on); the next scenario's
        first step opens its own."""
        self.end_visits()
        if not self._on_site():
            self.open("/")
        forget_site(self.driver)

    def user_agent(self) -> str:
        return self.driver.execute_script("return navigator.userAgent")

    # evidence --------------------------------------------------------------------------------------------
    def screenshot(self) -> bytes:
        """What the engine's window shows (the viewport; WebDriver has no portable full-page capture), after two
        animation frames so the last change is painted (WebKitGTK otherwise returns the previous frame).

        WebKit answers a screenshot after its next painted frame. Painting without compositing (engines.
        webkitgtk_environment) paints only what changed, so on a page where nothing changes that frame never comes and
        the command waits forever; a 1-pixel, 1 %-opaque animated dot in the corner keeps frames coming while the
        screenshot is taken, and is removed right after."""
        self.driver.execute_async_script(TICK)
        try:
            return self.driver.get_screenshot_as_png()
        finally:
            self.driver.execute_script("document.getElementById('__harnessShotTick')?.remove()")

    def html(self) -> str:
        return self.driver.page_source
