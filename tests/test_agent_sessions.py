"""WebDriver sessions per User-Agent kept for the run (steps/drivers/agent_sessions.py): reused, least recently used
closed first, forgotten between visits without a page load, and a dead one never lent again."""
from __future__ import annotations

from contextlib import contextmanager

from steps.drivers.agent_sessions import AgentSessions


class FakeDriver:
    def __init__(self, agent: str) -> None:
        self.agent, self.quit, self.dead = agent, False, False
        self.current_url, self.loads, self.cookies_deleted, self.scripts = "about:blank", 0, 0, []

    def delete_all_cookies(self):
        if self.dead:
            raise ConnectionError("gone")
        self.cookies_deleted += 1

    def execute_script(self, script):
        self.scripts.append(script)

    def get_cookies(self):
        return []

    def get(self, url):
        self.loads += 1


def pool(size=2):
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
