"""One Playwright browser context per worker and engine, reused by every scenario (creating one costs ≈200 ms,
closing ≈75 ms on the shared 2-core machine). Each scenario gets a new page (tab) in it: its own history and
sessionStorage. Between scenarios the context forgets what a new one would not have: its cookies, the site's
localStorage / IndexedDB / caches, permissions. A scenario that needs a context of its own gets one: ``--video``
records per context (the ``ui`` fixture then makes one per scenario), and ``open_as`` (another User-Agent) opens a
separate context already. The harness never fakes the browser's clock (``page.clock``): time is the site's, moved
through the control API and reset before every scenario, so the browser has no clock state to clear.

Should clearing fail (a crashed page, a closed context), the context is closed and the next scenario gets a new one.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Error as PlaywrightError, Page

TIMEOUT_MS = 5000
STORAGE = "local_storage,indexeddb,cache_storage,service_workers,websql,file_systems,shader_cache"


class SharedContext:
    def __init__(self, browser: Browser, options: dict, origins: list[str]) -> None:
        self.browser, self.options = browser, options
        self.origins = sorted({f"{u.scheme}://{u.netloc}" for u in map(urlsplit, origins) if u.scheme in ("http", "https")})
        self.context: BrowserContext | None = None
        self.created = 0  # contexts made (the benchmark and the tests read it)

    def new_page(self) -> Page:
        if self.context is None:
            self.context = self.browser.new_context(**self.options)
            self.context.set_default_timeout(TIMEOUT_MS)
            self.created += 1
        return self.context.new_page()

    def release(self, page: Page) -> None:
        """The scenario is over: forget its cookies, storage and permissions, close its page."""
        context = self.context
        if context is None:
            return
        try:
            self._clear_storage(page)
            page.close()
            context.clear_cookies()
            context.clear_permissions()
            if context.pages:  # pages a scenario opened itself (a link with target=_blank)
                for other in list(context.pages):
                    other.close()
        except PlaywrightError:
            self.close()

    def _clear_storage(self, page: Page) -> None:
        if self.browser.browser_type.name == "chromium":  # every origin of the target, without loading a page
            cdp = self.context.new_cdp_session(page)
            try:
                for origin in self.origins:
                    cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
            finally:
                cdp.detach()
        elif page.url.startswith(("http://", "https://")):  # other engines: the origin the page is on
            page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")

    def close(self) -> None:
        if self.context is not None:
            context, self.context = self.context, None
            try:
                context.close()
            except PlaywrightError:
                pass
