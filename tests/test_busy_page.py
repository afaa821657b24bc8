"""A page whose own script never yields (steps/drivers/bounded.py): the harness gives up on it after a bound instead
of hanging the run, fails the scenario with a message naming the page, and the next scenario gets a browser page
(Chromium: a new tab in the same context; WebDriver: a new session) that works."""
from __future__ import annotations

import time

import pytest

from steps.drivers import bounded
from steps.drivers.engines import Unavailable, webkitgtk
from steps.drivers.playwright_ui import CONTEXT, PlaywrightUI
from steps.drivers.webdriver_ui import WebDriverUI
from steps.harness.contexts import SharedContext
from steps.harness.webdriver_session import RunSession

from .static_site import serve

pytestmark = pytest.mark.slow
BUSY = """<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body><h1>固まる画面</h1>
<script>setTimeout(() => { for (;;) {} }, 200)</script></body></html>"""
FINE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body><h1>普通の画面</h1></body></html>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("busy"), {"busy.html": BUSY, "fine.html": FINE}) as url:
        yield url


def _hang_on(ui) -> float:
    """Open the busy page, let its loop start, look for a text it lacks; the seconds until the harness gave up."""
    ui.open("/busy.html")
    ui.expect_heading("固まる画面")
    started = time.monotonic()
    with pytest.raises(bounded.PageBusy, match="did not answer"):
        deadline = started + 5
        while time.monotonic() < deadline:  # the loop starts 200 ms after the load: a look after that gets no answer
            ui.expect_text("固まる画面")
    return time.monotonic() - started


def test_chromium_gives_up_on_a_busy_page_and_the_next_scenario_gets_a_new_tab(request, site, monkeypatch):
    if request.config.getoption("--browser") != "chromium":
        pytest.skip("the Playwright side runs in the chromium run (one Playwright per process)")
    monkeypatch.setattr(bounded, "HUNG_SECONDS", 1.0)
    shared = SharedContext(request.getfixturevalue("browser"), dict(CONTEXT), [site])
    try:
        ui = PlaywrightUI(shared.new_page(), site)
        ui.timeout = 0.5
        assert _hang_on(ui) < 4
        with pytest.raises(bounded.PageBusy, match="not asked again"):  # evidence asks again: no second wait
            ui.html()
        shared.release(ui.page)
        assert ui.page.is_closed(), "a page that stopped answering is closed, never kept"
        following = PlaywrightUI(shared.new_page(), site)
        following.open("/fine.html")
        following.expect_heading("普通の画面")
        assert shared.pages_opened == 2 and shared.created == 1
    finally:
        shared.close()


def test_webdriver_gives_up_on_a_busy_page_and_the_next_scenario_gets_a_new_session(site, monkeypatch):
    monkeypatch.setattr(bounded, "WEBDRIVER_SECONDS", 2.0)
    session = RunSession(lambda: webkitgtk(headed=False))
    try:
        try:
            driver = session.current()
        except Unavailable as why:
            pytest.skip(str(why))
        ui = WebDriverUI(driver, site)
        ui.timeout = 0.5
        assert _hang_on(ui) < 6
        assert bounded.is_stuck(driver)
        with pytest.raises(bounded.PageBusy, match="not asked again"):
            driver.current_url  # noqa: B018
        following = WebDriverUI(session.current(), site)
        assert following.driver is not driver and session.started == 2
        following.open("/fine.html")
        following.expect_heading("普通の画面")
    finally:
        session.close()


def test_a_run_session_is_started_once_and_again_only_after_it_got_stuck():
    started, closed = [], []

    class Driver:
        pass

    def start():
        from contextlib import contextmanager

        @contextmanager
        def one():
            driver = Driver()
            started.append(driver)
            yield driver
            closed.append(driver)
        return one()

    session = RunSession(start)
    first = session.current()
    assert session.current() is first and started == [first] and closed == []
    setattr(first, bounded.STUCK, True)
    second = session.current()
    assert second is not first and closed == [first] and session.started == 2
    session.close()
    assert closed == [first, second]


def test_a_bounded_call_within_a_bounded_call_leaves_the_page_as_it_was(request, site):
    if request.config.getoption("--browser") != "chromium":
        pytest.skip("the Playwright side runs in the chromium run (one Playwright per process)")
    context = request.getfixturevalue("browser").new_context()
    try:
        page = context.new_page()
        page.goto(site + "/fine.html")
        inner = bounded.within(page, lambda: bounded.evaluate(page, "() => document.title.length + 1"))
        assert inner == 1 and "_sync" not in vars(page) and "_sync" not in vars(page.mouse)
        assert page.evaluate("() => 2") == 2  # the sync API's own method again
    finally:
        context.close()
