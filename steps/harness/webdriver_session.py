"""The run's one WebDriver session (webkitgtk, safari, a remote end), which every scenario of the worker shares and
leaves without its cookies. It starts on first use, and again after a session whose page stopped answering
(steps/drivers/bounded.py marks it stuck): that one is quit and the next scenario gets a new browser, so one broken
page fails its own scenario, not every scenario after it."""
from __future__ import annotations

from contextlib import AbstractContextManager, ExitStack
from typing import Any, Callable

from ..drivers import bounded


class RunSession:
    def __init__(self, start: Callable[[], AbstractContextManager], on_start: Callable[[Any], None] = lambda driver: None):
        self._start, self._on_start = start, on_start
        self._held: tuple[Any, ExitStack] | None = None
        self.started = 0  # sessions started in all (the tests read it)

    def current(self) -> Any:
        if self._held is not None and bounded.is_stuck(self._held[0]):
            self.close()
        if self._held is None:
            stack = ExitStack()
            try:
                driver = stack.enter_context(self._start())
            except BaseException:
                stack.close()
                raise
            self._held = (driver, stack)
            self.started += 1
            self._on_start(driver)
        return self._held[0]

    def close(self) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            try:
                held[1].close()
            except Exception:  # noqa: BLE001 - a browser that is already gone
                pass
