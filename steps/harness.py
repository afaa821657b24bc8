"""Session-wide fixtures: the target, its control API, the stubs, one browser; per scenario a fresh
browser context, a reset target and the scenario's shared state (``world``)."""
from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from . import contract
from .clients import ControlClient, StubsClient
from .evidence import begin_tracing, remember_environment
from .engines import WEBDRIVER_ENGINES, Unavailable, playwright_launcher, webdriver_session
from .profile import Profile
from .target import Target, for_profile
from .targeting import profile_of
from .ui import PlaywrightUI
from .ui_webdriver import WebDriverUI

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@dataclass
class World:
    """What one scenario remembers between its steps."""
    config: dict
    member: dict = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="session")
def profile(request) -> Profile:
    return profile_of(request.config)


@pytest.fixture(scope="session")
def target(request, profile: Profile, tmp_path_factory) -> Iterator[Target]:
    running = for_profile(profile, str(tmp_path_factory.mktemp("simulator")))
    if not profile.embedded:  # a vendor's target: its control API must keep the contract before anything runs
        broken_endpoints = contract.broken(findings := contract.check(profile, running.control_url))
        if broken_endpoints:
            pytest.exit(f"the target's control API breaks the contract (simulator/openapi.yaml):\n{contract.render(findings)}",
                        returncode=3)
    health = ControlClient(running.control_url).health()
    remember_environment(target=profile.name, target_profile=profile.source, site_url=running.site_url,
                         target_implementation=health.get("implementation", "?"), target_version=health.get("version", "?"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def control(request, target: Target, profile: Profile) -> ControlClient:
    return ControlClient(target.control_url, capabilities=profile.capabilities,
                         real_time=request.config.getoption("--real-time"))


@pytest.fixture(scope="session")
def stubs(target: Target) -> StubsClient:
    return StubsClient(target.stubs_url)


@pytest.fixture(scope="session")
def target_config(control: ControlClient, profile: Profile) -> dict:
    """The thresholds the documents leave open: the target's /config, overridden by the profile."""
    return {**control.config(), **profile.thresholds}


@pytest.fixture(scope="session")
def browser_name(request) -> str:
    return request.config.getoption("--browser")


@pytest.fixture(scope="session")
def browser(request, browser_name: str) -> Iterator[Browser]:
    """One Playwright browser for the run (chromium, webkit or firefox)."""
    with sync_playwright() as pw:
        try:
            kind, extra = playwright_launcher(pw, browser_name, request.config.getoption("--chromium-path"))
        except Unavailable as why:
            pytest.skip(str(why))
        launched = kind.launch(headless=not request.config.getoption("--headed"), slow_mo=request.config.getoption("--slowmo"),
                               args=CHROMIUM_ARGS if browser_name == "chromium" else [], **extra)
        remember_environment(browser=f"{browser_name} {launched.version}", engine="playwright")
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def webdriver(request, browser_name: str):
    """One WebDriver session for the run (webkitgtk or safari); scenarios share it and forget their cookies."""
    with ExitStack() as stack:
        try:
            driver = stack.enter_context(webdriver_session(browser_name, request.config.getoption("--headed")))
        except Unavailable as why:
            pytest.skip(str(why))
        caps = driver.capabilities
        remember_environment(browser=f"{browser_name} ({caps.get('browserName')} {caps.get('browserVersion')})",
                             engine="webdriver")
        yield driver


@pytest.fixture
def ui(request, browser_name: str, target: Target) -> Iterator[PlaywrightUI | WebDriverUI]:
    if browser_name in WEBDRIVER_ENGINES:
        headed = request.config.getoption("--headed")  # open_as: a session per User-Agent, same engine
        remote = WebDriverUI(request.getfixturevalue("webdriver"), target.site_url,
                             session_as=lambda agent: webdriver_session(browser_name, headed, agent))
        remote.urls = target.urls
        yield remote
        remote.forget()
        return
    context = request.getfixturevalue("browser").new_context(
        locale="ja-JP", timezone_id="Asia/Tokyo", viewport={"width": 1000, "height": 900})
    context.set_default_timeout(5000)
    begin_tracing(context, request.config)
    page = context.new_page()
    local = PlaywrightUI(page, target.site_url)
    local.urls = target.urls
    yield local
    local.end_visits()  # contexts opened by open_as
    context.close()


@pytest.fixture
def world(control: ControlClient, stubs: StubsClient, target_config: dict) -> World:
    """A clean target for every scenario: store wiped, clock frozen at a fixed time, stubs emptied."""
    control.reset()
    stubs.reset()
    return World(config=target_config)
