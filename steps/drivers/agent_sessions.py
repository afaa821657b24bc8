"""WebDriver sessions that send another User-Agent, kept for the run (issue 12, part 2).

WebDriver cannot change a running browser's User-Agent, so a visit as another browser (``WebDriverUI.open_as``)
needs a session started with it: with WebKitGTK a WebKitWebDriver, a MiniBrowser and, before, an Xvfb of its own,
2–4 s on this machine. The supported-environments feature visits as ≈30 catalogue browsers, and each 「…向けの動作保証外の
案内」 check compares with a supported browser of the same OS and comes back: up to three sessions a scenario.

``AgentSessions`` keeps the last ``size`` of them (least recently used closed first) on one shared X display, and
lends one per visit: when the visit ends its cookies and storage are forgotten (no page load), so the next visit
with that User-Agent finds a browser as fresh as a new session, minus its start-up."""
from __future__ import annotations

from collections import OrderedDict
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any, Callable, Iterator

from .forgetting import forget_site

SIZE = 4  # MiniBrowser sessions kept open at once (≈150 MB each)


class AgentSessions:
    """``size`` 0 keeps nothing: every visit starts a session and closes it after (a remote grid, whose parallel
    sessions are counted and whose idle sessions time out)."""

    def __init__(self, start: Callable[[str], AbstractContextManager], size: int = SIZE) -> None:
        self._start, self.size = start, size
        self._open: OrderedDict[str, tuple[Any, ExitStack]] = OrderedDict()
        self.started = 0  # sessions started in all (the tests read it)

    @contextmanager
    def session_as(self, user_agent: str) -> Iterator[Any]:
        """A session whose browser sends ``user_agent``: a kept one that still answers, or a new one (then the least
        recently used beyond ``size`` is closed)."""
        driver = self._kept(user_agent)
        if driver is None:
            stack = ExitStack()
            try:
                driver = stack.enter_context(self._start(user_agent))
            except BaseException:
                stack.close()
                raise
            self.started += 1
            self._open[user_agent] = (driver, stack)
            while len(self._open) > max(self.size, 1):
                self._close(next(iter(self._open)))
        try:
            yield driver
        finally:
            if self.size == 0 or not forget(driver):  # not kept, or a crashed browser: never lent again
                self._close(user_agent)

    def _kept(self, user_agent: str) -> Any:
        if user_agent not in self._open:
            return None
        driver = self._open[user_agent][0]
        try:
            driver.current_url  # noqa: B018 - a browser that died while idle does not answer
        except Exception:  # noqa: BLE001
            self._close(user_agent)
            return None
        self._open.move_to_end(user_agent)
        return driver

    def _close(self, user_agent: str) -> None:
        entry = self._open.pop(user_agent, None)
        if entry is not None:
            try:
                entry[1].close()
            except Exception:  # noqa: BLE001 - a browser that is already gone
                pass

    def close(self) -> None:
        for user_agent in list(self._open):
            self._close(user_agent)


def forget(driver) -> bool:
    """The visit is over: forget the site's cookies and storage without loading a page (``WebDriverUI.end_visits``
    first brings a visit that left the site back to it). False if the browser is gone."""
    try:
        if driver.current_url.startswith(("http://", "https://")):
            forget_site(driver)
        return True
    except Exception:  # noqa: BLE001 - selenium's WebDriverException and the connection errors of a dead driver
        return False
