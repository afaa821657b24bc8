"""The Playwright driver (Chromium; Playwright's WebKit and Firefox where installed): the mechanics of
``DocumentUI``. locate.js and actions.js are installed in every document of the context (an init script). An element
is a number actions.js keeps in its page, never a Playwright element handle (each handle costs its document Playwright's
utility world and injected script: ≈30–60 ms of Chromium CPU a document here); a click or fill is checked there as
Playwright checks it, then done with Playwright's mouse and keyboard. Waiting is polled in the page on animation
frames (actions.js ``wait``), never a sleep."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Error as PlaywrightError, Page, TimeoutError as PlaywrightTimeout

from ..harness.contexts import LEFT, STORAGE, cdp
from ..target.vocabulary import Vocabulary
from . import bounded, dialogs
from .document_ui import LOCATE, DocumentUI

# What a context opened by open_as is given (the same as the ``ui`` fixture's own context).
CONTEXT = {"locale": "ja-JP", "timezone_id": "Asia/Tokyo", "viewport": {"width": 1000, "height": 900}}
TIMEOUT_MS = 5000
ACTIONS = Path(__file__).with_name("actions.js").read_text(encoding="utf-8")
INSTALL = f"window.__doc = {LOCATE};\nwindow.__act = {ACTIONS};"
LOOK = ("spec => window.__doc ? (r => ({texts: r.texts, visible: r.visible, how: r.how}))(window.__doc.locate(spec))"
        " : {texts: [], visible: [], how: ''}")
CALL = "([name, ...args]) => window.__act ? window.__act[name](...args) : null"  # a page without them: as if empty
# the next DOM change, or 100 ms: what _until waits for between two looks
CHANGE = ("() => new Promise(r => { const o = new MutationObserver(() => { o.disconnect(); r(true); });"
          " o.observe(document, {subtree: true, childList: true, characterData: true});"
          " setTimeout(() => { o.disconnect(); r(true); }, 100); })")
# Playwright's page.content(), read in the page's world
CONTENT = ("() => (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '')"
           " + (document.documentElement ? document.documentElement.outerHTML : '')")


def _replaced(error: PlaywrightError) -> bool:
    """Whether an evaluation failed because a navigation replaced its document (not a fault of the script)."""
    return any(words in str(error) for words in ("context was destroyed", "navigation", "Target closed", "frame was detached"))


class PlaywrightUI(DocumentUI):
    engine = "playwright"

    def __init__(self, page: Page, base_url: str, vocabulary: Vocabulary | None = None) -> None:
        super().__init__(base_url, vocabulary)
        self.page = page
        self._visits: list[BrowserContext] = []  # contexts opened by open_as (engines other than Chromium)
        self._agent = None  # Chromium: the CDP session holding open_as's User-Agent override
        self._install(page.context)
        dialogs.listen(page)
        dialogs.clear(page)  # a kept tab: the scenario before's dialogs are not this one's

    @staticmethod
    def _install(context: BrowserContext) -> None:
        if not getattr(context, "_doc_installed", False):
            context.add_init_script(INSTALL)
            context._doc_installed = True  # type: ignore[attr-defined]

    # a page kept from the scenario before (steps/harness/contexts.py) -----------------------------------------
    def _arrive(self, url: str | None = None) -> None:
        """The kept page still shows the scenario before: load ``url`` (or, to read the page first, ``about:blank``)
        in its place, then reset its history to that one entry."""
        if not getattr(self.page, LEFT, False):
            if url is not None:
                self.page.goto(url, wait_until="domcontentloaded")
            return
        setattr(self.page, LEFT, False)
        try:
            self.page.goto(url or "about:blank", wait_until="domcontentloaded")
        finally:
            cdp(self.page).send("Page.resetNavigationHistory")

    # mechanics -------------------------------------------------------------------------------------------
    def _act(self, name: str, *args, seconds: float | None = None) -> Any:
        return bounded.evaluate(self.page, CALL, [name, *args], seconds)

    def _wait(self, spec: dict, mode: str, timeout: float | None = None) -> Any:
        """The element (mode "shown") or True (mode "gone") once the page has it, else None after ``timeout``: one
        look, then a look on each animation frame, in the page. A navigation during the wait: the next document."""
        self._arrive()
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            try:
                left = max(0.0, deadline - time.monotonic())
                return self._act("wait", spec, mode, left * 1000, seconds=left + bounded.HUNG_SECONDS)
            except PlaywrightError as error:
                if not _replaced(error):
                    raise
                if time.monotonic() >= deadline:  # the document was replaced while we looked: look in the next one
                    return None
                self._settle()

    def _settle(self) -> None:
        try:
            self.page.wait_for_load_state("domcontentloaded")
        except PlaywrightError:
            pass

    def _locate(self, spec: dict) -> dict:
        self._arrive()
        for _ in range(3):  # a navigation may replace the document between two looks
            try:
                return bounded.evaluate(self.page, LOOK, spec)
            except PlaywrightError:
                self.page.wait_for_load_state()
        return {"texts": [], "visible": [], "how": ""}

    def _candidates(self, kind: str) -> list[str]:
        self._arrive()
        try:
            return bounded.evaluate(self.page, "kind => window.__doc ? window.__doc.candidates(kind) : []", kind)
        except PlaywrightError:
            return []

    def _fill(self, element, value: str) -> None:
        """Playwright's fill: actions.js checks the field and selects its text, the keyboard types over it as one insert
        (an empty value: Delete)."""
        how = self._act("fill", element, value, self.timeout * 1000, seconds=self.timeout + bounded.HUNG_SECONDS)
        if how == "type":
            if value:
                bounded.within(self.page, lambda: self.page.keyboard.insert_text(value), what="typing")
            else:
                bounded.within(self.page, lambda: self.page.keyboard.press("Delete"), what="a key")
        elif how != "done":
            raise AssertionError(f"cannot fill the field: {how or 'the page has no harness script (actions.js)'}")

    def _click(self, element) -> None:
        """Click with the mouse at the element's point once it can take the click; when that submits a form or follows
        a link, wait until the next document has loaded."""
        spot = (self._act("spot", element, self.timeout * 1000, seconds=self.timeout + bounded.HUNG_SECONDS)
                or {"problem": "the page has no harness script (actions.js)"})
        if "problem" in spot:
            raise AssertionError(f"cannot click: {spot['problem']} (after {self.timeout:g}s, on {self.page.url})")
        if not spot["leaving"]:
            self._mouse_click(spot)
            return
        try:
            with self.page.expect_navigation(wait_until="domcontentloaded", timeout=self.timeout * 1000):
                self._mouse_click(spot)
        except PlaywrightTimeout:
            pass  # a script handled it without leaving the page: the next observation decides

    def _mouse_click(self, spot: dict) -> None:
        bounded.within(self.page, lambda: self.page.mouse.click(spot["x"], spot["y"]), what="a click")

    def _check(self, element) -> None:
        """Playwright's check: nothing when checked already, else a click that must leave it checked."""
        state = self._act("checked", element)
        if state is None:
            raise AssertionError("not a checkbox or radio button")
        if state:
            return
        self._click(element)
        if not self._act("checked", element):
            raise AssertionError("clicking the checkbox did not check it")

    def _attribute(self, element, name: str) -> str | None:
        return self._act("attribute", element, name)

    def _tag(self, element) -> str:
        return self._act("tag", element)

    def _until(self, probe, what: str) -> None:
        """Retry ``probe`` until it holds: each retry waits for the page to change (a DOM mutation) or 100 ms."""
        self._arrive()
        seen: Any = None
        for attempt in range(int(self.timeout * 10)):
            ok, seen = probe()
            if ok:
                return
            try:
                bounded.evaluate(self.page, CHANGE)
            except PlaywrightError:
                self._settle()
        raise AssertionError(f"{what} within {self.timeout:g}s; saw {str(seen)[:300]!r} (on {self.current_url()})")

    def current_url(self) -> str:
        self._arrive()
        return self.page.url

    # navigation ------------------------------------------------------------------------------------------
    def dialogs(self) -> list[str]:
        return list(dialogs.shown(self.page))

    def _forget_dialogs(self) -> None:
        dialogs.clear(self.page)

    def open(self, path_or_url: str) -> None:
        self._forget_dialogs()
        self._arrive(path_or_url if "://" in path_or_url else self.base_url + path_or_url)

    def set_cookie(self, name: str, value: str) -> None:
        """A cookie of the site, as its server would set it (state injection hands over a session this way)."""
        host = urlsplit(self.base_url).hostname
        self.page.context.add_cookies([{"name": name, "value": value, "domain": host, "path": "/", "httpOnly": True,
                                        "sameSite": "Lax"}])

    def open_as(self, user_agent: str, path_or_url: str) -> None:
        """Visit as another browser: no cookie or storage of the scenario so far, every request and
        ``navigator.userAgent`` carrying ``user_agent``; the rest of the scenario is that browser. In Chromium the
        same tab is told the User-Agent (CDP ``Emulation.setUserAgentOverride``, what Playwright's own
        ``user_agent`` option sends) once its cookies and storage are forgotten: no new context or tab (≈0.8 s each
        here). Other engines get a fresh context and page. ``end_visits`` ends the visit."""
        if self.page.context.browser is not None and self.page.context.browser.browser_type.name == "chromium":
            self._arrive()
            self.page.context.clear_cookies()
            if self.page.url.startswith(("http://", "https://")):
                bounded.evaluate(self.page, "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
            if self._agent is None:
                self._agent = self.page.context.new_cdp_session(self.page)
            for origin in {f"{u.scheme}://{u.netloc}" for u in map(urlsplit, (self.base_url, self.page.url))
                           if u.scheme in ("http", "https")}:
                self._agent.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
            self._agent.send("Emulation.setUserAgentOverride", {"userAgent": user_agent})
            self.open(path_or_url)
            return
        context = self.page.context.browser.new_context(user_agent=user_agent, **CONTEXT)
        context.set_default_timeout(TIMEOUT_MS)
        self._install(context)
        self._visits.append(context)
        self.page = context.new_page()
        dialogs.listen(self.page)
        self.open(path_or_url)

    def end_visits(self) -> None:
        """The page's own User-Agent again (the override ends with its CDP session); contexts of visits closed."""
        if self._agent is not None:
            agent, self._agent = self._agent, None
            try:
                agent.detach()
            except PlaywrightError:
                pass
        for context in self._visits:
            context.close()
        self._visits.clear()

    def back(self) -> None:
        # the previous step may have started a navigation (a form post): let it land, or Chromium under load answers
        # "Page.getNavigationHistory: Not attached to an active page"
        self._arrive()
        self.page.wait_for_load_state()
        self.page.go_back()

    def user_agent(self) -> str:
        self._arrive()
        return bounded.evaluate(self.page, "navigator.userAgent")

    # evidence --------------------------------------------------------------------------------------------
    def screenshot(self) -> bytes:
        self._arrive()
        return self.page.screenshot(full_page=True)

    def html(self) -> str:
        self._arrive()
        for _ in range(3):
            try:
                return bounded.evaluate(self.page, CONTENT)
            except PlaywrightError:  # a navigation replaced the document while we read it
                self._settle()
        return self.page.content()
