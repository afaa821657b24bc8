"""Calls into a page that give up when the page's own scripts never yield (Playwright and WebDriver).

A site we did not write may ship a script that loops forever (a validation that never ends, a polling loop without a
pause): its page then runs no other script and answers no input. Playwright's ``evaluate``, mouse and keyboard have
no timeout of their own, so one such page would hang the whole run until CI kills it. Every call of the driver into
a page goes through here instead: the same call of the public API, bounded (``asyncio.wait_for`` around the
awaitable that the sync API hands to its object's ``_sync``, in Playwright's own loop). Past the bound the call raises
``PageBusy`` (an AssertionError: the scenario fails, naming the page), and the page is marked so that the harness
closes it instead of keeping it for the next scenario (steps/harness/contexts.py).

``HUNG_SECONDS`` is the bound: a page that does not run the harness's check for that long is broken for a person too.

WebDriver the same way (``guard``): WebKitWebDriver waits for a busy page without end (its script timeout does not
apply while the page's own script runs), so every command of the session must be answered within
``WEBDRIVER_SECONDS`` (Selenium's HTTP read timeout; a page load included) or raises ``PageBusy``; the session is
then marked stuck (``is_stuck``): it answers nothing more but ``quit``, and the harness starts another for the next
scenario (steps/harness/fixtures.py).
"""
from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Awaitable, Callable

if TYPE_CHECKING:
    from playwright.sync_api import Page

HUNG_SECONDS = 10.0
BUSY = "_harness_page_busy"  # set on a Page that did not answer: never kept for another scenario
WEBDRIVER_SECONDS = 30.0
STUCK = "_harness_session_stuck"  # set on a WebDriver whose command got no answer: only quit() goes through


class PageBusy(AssertionError):
    pass


def is_busy(page: Page) -> bool:
    return bool(getattr(page, BUSY, False))


def within(page: Page, call: Callable[[], Any], seconds: float | None = None, what: str = "a script") -> Any:
    """``call()``, one call of Playwright's sync API on ``page`` or its mouse or keyboard, given up after ``seconds``:
    every generated method of the sync API runs its call through its object's ``_sync``, which is bounded meanwhile."""
    if is_busy(page):  # it did not answer before: no second wait (the evidence of a failed scenario asks again)
        raise PageBusy(f"the page did not answer before and is not asked again — {page.url}")
    seconds = HUNG_SECONDS if seconds is None else seconds
    owners = [(owner, vars(owner).get("_sync")) for owner in (page, page.mouse, page.keyboard)]
    for owner, _before in owners:
        owner._sync = _bounded(owner._sync, seconds)  # type: ignore[method-assign]  # shadows the method
    try:
        return call()
    except asyncio.TimeoutError:
        setattr(page, BUSY, True)
        raise PageBusy(f"the page did not answer {what} for {seconds:g} s: one of its scripts keeps it busy "
                       f"(an endless loop?) — {page.url}") from None
    finally:
        for owner, before in owners:  # as it was: the class's method, or an outer call's bound (a call within a call)
            if before is None:
                vars(owner).pop("_sync", None)
            else:
                owner._sync = before


def _bounded(sync: Callable[[Awaitable[Any]], Any], seconds: float) -> Callable[[Awaitable[Any]], Any]:
    return lambda awaitable: sync(asyncio.wait_for(awaitable, seconds))


def evaluate(page: Page, expression: str, arg: Any = None, seconds: float | None = None) -> Any:
    return within(page, lambda: page.evaluate(expression, arg), seconds)


# WebDriver ----------------------------------------------------------------------------------------------
def is_stuck(driver: Any) -> bool:
    return bool(getattr(driver, STUCK, False))


def guard(driver: Any, seconds: float | None = None) -> Any:
    """Bound every command of a Selenium ``driver`` to ``seconds`` (see the module's docstring); returns it."""
    from urllib3.exceptions import ReadTimeoutError
    seconds = WEBDRIVER_SECONDS if seconds is None else seconds
    executor = driver.command_executor
    config = getattr(executor, "client_config", None) or executor._client_config
    config.timeout = seconds
    execute = driver.execute

    def bounded_execute(command: str, params: dict | None = None) -> Any:
        if is_stuck(driver) and command != "quit":
            raise PageBusy(f"the browser did not answer a command before and is not asked again ({command})")
        try:
            return execute(command, params)
        except ReadTimeoutError:
            setattr(driver, STUCK, True)
            raise PageBusy(f"the browser did not answer for {seconds:g} s (WebDriver command {command}): one of the page's "
                           "scripts keeps it busy (an endless loop?), or the page never finished loading") from None

    driver.execute = bounded_execute
    return driver
