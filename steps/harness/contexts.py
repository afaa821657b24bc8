"""One Playwright browser context per worker and engine, reused by every scenario (creating one costs ≈200 ms,
closing ≈75 ms on the shared 2-core machine). In Chromium the scenarios also share one page (tab): a new tab costs
≈0.6 s here (a renderer process started, the init script compiled) and its first page load ≈0.5 s more than the
same load in a warm tab. Between scenarios that page is marked as left (``LEFT``): the next scenario's first
navigation replaces its document and then resets its history (CDP ``Page.resetNavigationHistory``), and anything
that would read the page before that first sends it to ``about:blank`` (steps/drivers/playwright_ui.py,
``_arrive``), so a scenario still finds nothing of the one before; no page load is spent in between (a load of
``about:blank`` and the renderer switch it causes cost ≈50–75 ms a scenario). Until then the old document stays
loaded, without cookies: a page script of the scenario before could still send a request with no session. Other engines get a
new page per scenario. Between scenarios the context forgets what a new one would not have: its cookies, the site's
localStorage / sessionStorage / IndexedDB / caches, permissions. A scenario that needs a context of its own gets one:
``--video`` records per context (the ``ui`` fixture then makes one per scenario); ``open_as`` (another
User-Agent) overrides the User-Agent of the same tab in Chromium and opens a separate context in other engines. The harness never fakes the browser's clock (``page.clock``): time is
the site's, moved through the control API and reset before every scenario, so the browser has no clock state to clear.

Should clearing fail (a crashed page, a closed context), the context is closed and the next scenario gets a new one.
A page whose scripts stopped answering (steps/drivers/bounded.py) is closed, never kept.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Error as PlaywrightError, Page

from ..drivers import bounded

TIMEOUT_MS = 5000
LEFT = "_left_by_previous_scenario"  # set on a kept Page: its document and history are the scenario before's
STORAGE = "local_storage,indexeddb,cache_storage,service_workers,websql,file_systems,shader_cache"


def cdp(page: Page):
    """The page's own CDP session, opened once and kept while the page lives (Chromium only)."""
    session = getattr(page, "_harness_cdp", None)
    if session is None:
        session = page.context.new_cdp_session(page)
        setattr(page, "_harness_cdp", session)
    return session


class SharedContext:
    def __init__(self, browser: Browser, options: dict, origins: list[str]) -> None:
        self.browser, self.options = browser, options
        self.origins = sorted({f"{u.scheme}://{u.netloc}" for u in map(urlsplit, origins) if u.scheme in ("http", "https")})
        self.context: BrowserContext | None = None
        self.created = 0  # contexts made (the benchmark and the tests read it)
        self.pages_opened = 0
        self._kept: Page | None = None  # Chromium: the page the next scenario gets

    def new_page(self) -> Page:
        if self.context is None:
            self.context = self.browser.new_context(**self.options)
            self.context.set_default_timeout(TIMEOUT_MS)
            self.created += 1
        if self._kept is not None and not self._kept.is_closed():
            page, self._kept = self._kept, None
            return page
        self.pages_opened += 1
        return self.context.new_page()

    def release(self, page: Page) -> None:
        """The scenario is over: forget its cookies, storage, permissions and history; keep its page (Chromium) or close it."""
        context = self.context
        if context is None:
            return
        try:
            busy = bounded.is_busy(page)  # its scripts never yielded: closed, never asked anything again
            keep = self._chromium and not page.is_closed() and not busy
            if not page.is_closed() and not busy and page.url.startswith(("http://", "https://")):  # on an origin
                page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
            if self._chromium and not busy:
                self._forget_in_chromium(page)
            if not keep:
                page.close(run_before_unload=False)
            context.clear_cookies()
            context.clear_permissions()
            for other in list(context.pages):  # pages a scenario opened itself (a link with target=_blank)
                if other is not page or not keep:
                    other.close()
            self._kept = page if keep else None
            if keep:
                setattr(page, LEFT, True)
        except PlaywrightError:
            self.close()

    @property
    def _chromium(self) -> bool:
        return self.browser.browser_type.name == "chromium"

    def _forget_in_chromium(self, page: Page) -> None:
        """Every origin of the target forgets its storage without a page load."""
        for origin in self.origins:
            cdp(page).send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})

    def close(self) -> None:
        self._kept = None
        if self.context is not None:
            context, self.context = self.context, None
            try:
                context.close()
            except PlaywrightError:
                pass
