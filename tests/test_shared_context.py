"""One browser context reused by every scenario (steps/harness/contexts.py): a scenario after another finds no
cookie, no local or session storage, no history and no document of it, in the same context (in Chromium, the
same tab, which is not reloaded between scenarios); ``set_cookie`` (state injection)
gives the site a cookie on both drivers."""
from __future__ import annotations


import pytest

from steps.drivers.engines import Unavailable, webkitgtk
from steps.drivers.playwright_ui import CONTEXT
from steps.drivers.webdriver_ui import WebDriverUI
from steps.harness.contexts import SharedContext

from .static_site import serve

PAGE = "<!doctype html><html><head><meta charset='utf-8'></head><body><h1>頁</h1></body></html>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("shared"), {"page.html": PAGE}) as url:
        yield url


@pytest.fixture
def chromium(request):
    if request.config.getoption("--browser") != "chromium":
        pytest.skip("the Playwright side runs in the chromium run (one Playwright per process)")
    return request.getfixturevalue("browser")


def test_a_scenario_after_another_starts_clean_in_the_same_context(chromium, site):
    from steps.drivers.playwright_ui import PlaywrightUI
    shared = SharedContext(chromium, dict(CONTEXT), [site])
    try:
        first = PlaywrightUI(shared.new_page(), site)
        first.set_cookie("sim_session", "abc")
        first.open("/page.html")
        first.page.evaluate("localStorage.setItem('k', 'v'); sessionStorage.setItem('s', 'v')")
        first.open("/page.html?second")
        context = first.page.context
        shared.release(first.page)
        second = PlaywrightUI(shared.new_page(), site)
        second.open("/page.html")
        assert second.page.context is context and shared.created == 1
        assert context.cookies() == []
        assert second.page.evaluate("localStorage.getItem('k')") is None
        assert second.page.evaluate("sessionStorage.getItem('s')") is None
        assert second.page.evaluate("history.length") == 1  # this page only: no entry of the scenario before
        second.page.go_back()
        assert second.current_url() == site + "/page.html"
        assert shared.pages_opened == 1  # Chromium: the same tab, its history reset
    finally:
        shared.close()


def test_a_scenario_that_reads_before_it_navigates_sees_a_blank_page_not_the_one_before(chromium, site):
    from steps.drivers.playwright_ui import PlaywrightUI
    shared = SharedContext(chromium, dict(CONTEXT), [site])
    try:
        first = PlaywrightUI(shared.new_page(), site)
        first.open("/page.html")
        first.expect_heading("頁")
        shared.release(first.page)
        second = PlaywrightUI(shared.new_page(), site)
        assert second.current_url() == "about:blank"
        with pytest.raises(AssertionError):
            second.timeout = 0.3
            second.expect_heading("頁")
        assert second.page.evaluate("history.length") == 1
    finally:
        shared.close()


def test_webdriver_sets_the_site_cookie_from_anywhere(site):
    try:
        with webkitgtk(headed=False) as driver:
            ui = WebDriverUI(driver, site)
            driver.get("about:blank")
            ui.set_cookie("sim_session", "abc")
            assert {c["name"]: c["value"] for c in driver.get_cookies()} == {"sim_session": "abc"}
            ui.forget()
            assert driver.get_cookies() == []
    except Unavailable as why:
        pytest.skip(str(why))


def test_open_as_in_chromium_keeps_the_tab_forgets_the_cookies_and_ends_with_the_visit(chromium, site):
    from steps.drivers.playwright_ui import PlaywrightUI
    shared = SharedContext(chromium, dict(CONTEXT), [site])
    agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Line/13.0.0"
    try:
        ui = PlaywrightUI(shared.new_page(), site)
        ui.set_cookie("sim_session", "abc")
        ui.open("/page.html")
        own, tab = ui.user_agent(), ui.page
        sent = []
        ui.page.on("request", lambda r: sent.append(r.headers.get("user-agent")))
        ui.open_as(agent, "/page.html?as")
        assert ui.page is tab and ui.user_agent() == agent and sent[-1] == agent
        assert tab.context.cookies() == []
        ui.end_visits()
        ui.open("/page.html")
        assert ui.user_agent() == own and sent[-1] == own
    finally:
        shared.close()
