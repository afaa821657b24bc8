"""WebDriver sessions per User-Agent kept for the run (steps/drivers/agent_sessions.py): reused, least recently used
closed first, forgotten between visits without a page load, and a dead one never lent again."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from steps.drivers.agent_sessions import AgentSessions
from steps.drivers.forgetting import forget_site


class FakeDriver:
    def __init__(self, agent: str, cookies_kept_for: int = 0) -> None:
        self.agent, self.quit, self.dead = agent, False, False
        self._url, self.loads, self.cookies_deleted, self.scripts = "about:blank", 0, 0, []
        self.cookies_kept_for = cookies_kept_for  # reads after which a deletion shows (WebKitGTK's is asynchronous)

    @property
    def current_url(self):
        if self.dead:
            raise ConnectionError("gone")
        return self._url

    @current_url.setter
    def current_url(self, url):
        self._url = url

    def delete_all_cookies(self):
        if self.dead:
            raise ConnectionError("gone")
        self.cookies_deleted += 1

    def execute_script(self, script):
        self.scripts.append(script)

    def get_cookies(self):
        if self.cookies_kept_for:
            self.cookies_kept_for -= 1
            return [{"name": "sim_session"}]
        return []

    def get(self, url):
        self.loads += 1


def pool(size=2):  # noqa: D103
    made: list[FakeDriver] = []

    @contextmanager
    def start(agent):
        driver = FakeDriver(agent)
        made.append(driver)
        yield driver
        driver.quit = True
    return AgentSessions(start, size=size), made


def test_a_user_agent_visited_again_reuses_its_session_with_cookies_and_storage_forgotten():
    sessions, made = pool()
    with sessions.session_as("UA-1") as first:
        first.current_url = "http://127.0.0.1:1/fanclub/first-login"
    with sessions.session_as("UA-1") as again:
        assert again is first
    assert sessions.started == 1 and first.cookies_deleted == 2 and not first.quit
    assert first.loads == 0  # forgetting loads no page
    assert any("localStorage.clear()" in s for s in first.scripts)


def test_beyond_its_size_the_least_recently_used_session_is_closed():
    sessions, made = pool(size=2)
    for agent in ("A", "B", "A", "C"):  # A used again after B: B is the least recent when C comes
        with sessions.session_as(agent):
            pass
    assert [(d.agent, d.quit) for d in made] == [("A", False), ("B", True), ("C", False)]
    sessions.close()
    assert all(d.quit for d in made)


def test_a_browser_that_died_during_a_visit_is_not_lent_again():
    sessions, made = pool()
    with sessions.session_as("UA") as driver:
        driver.current_url, driver.dead = "http://127.0.0.1:1/", True
    with sessions.session_as("UA") as other:
        assert other is not driver
    assert sessions.started == 2 and driver.quit


def test_a_session_that_died_while_idle_is_replaced_not_lent():
    sessions, made = pool()
    with sessions.session_as("UA") as driver:
        pass
    driver.dead = True
    with sessions.session_as("UA") as other:
        assert other is not driver and not other.dead
    assert sessions.started == 2 and driver.quit


def test_size_zero_keeps_nothing_a_remote_grid_would_count():
    sessions, made = pool(size=0)
    for _ in range(2):
        with sessions.session_as("UA"):
            pass
    assert sessions.started == 2 and all(d.quit for d in made)


def test_forgetting_waits_until_the_cookie_store_reads_empty():
    driver = FakeDriver("UA", cookies_kept_for=3)
    forget_site(driver)
    assert driver.cookies_deleted == 4 and driver.cookies_kept_for == 0


def test_a_browser_that_never_forgets_its_cookies_is_an_error_not_a_silent_pass():
    driver = FakeDriver("UA", cookies_kept_for=10**6)
    with pytest.raises(AssertionError, match="kept its cookies"):
        forget_site(driver, tries=5)
