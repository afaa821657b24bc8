"""Session-wide fixtures: the target, its control API, the stubs, one browser and one reused browser context
(steps/harness/contexts.py); per scenario a new page with cookies and storage cleared, a reset target and the
scenario's shared state (``world``)."""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, Error as PlaywrightError, sync_playwright

from ..target import contract
from ..target.clients import ControlClient, StubsClient
from ..evidence.allure_hooks import begin_tracing, begin_video, end_video, remember_environment
from ..drivers import bounded
from ..drivers.chromium_switches import chromium_args
from ..drivers.agent_sessions import SIZE as AGENT_SESSIONS, AgentSessions
from ..drivers.engines import (WEBDRIVER_ENGINES, Unavailable, connect_playwright, playwright_launcher, remote_capabilities,
                               webdriver_session, xvfb)
from ..target.profile import Profile
from ..target.vocabulary import Vocabulary
from ..target.launch import Target, for_profile
from ..target.selection import profile_of
from .contexts import SharedContext
from .webdriver_session import RunSession
from ..drivers.playwright_ui import PlaywrightUI
from ..drivers.webdriver_ui import WebDriverUI

CHROMIUM_ARGS = chromium_args()  # steps/drivers/chromium_switches.py


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
    health = ControlClient(running.control_url, token=running.control_token).health()
    running.defects = list(health.get("defects") or [])
    remember_environment(target=profile.name, target_profile=profile.source, site_url=running.site_url,
                         target_implementation=health.get("implementation", "?"), target_version=health.get("version", "?"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def control(request, target: Target, profile: Profile) -> ControlClient:
    return ControlClient(target.control_url, capabilities=profile.capabilities, token=target.control_token,
                         real_time=request.config.getoption("--real-time"))


@pytest.fixture(scope="session")
def stubs(target: Target) -> StubsClient:
    return StubsClient(target.stubs_url, token=target.stubs_token)


@pytest.fixture(scope="session")
def target_config(control: ControlClient, profile: Profile) -> dict:
    """The thresholds the documents leave open: the target's /config, overridden by the profile."""
    return {**control.config(), **profile.thresholds}


@pytest.fixture(scope="session")
def browser_name(request) -> str:
    return request.config.getoption("--browser")


@pytest.fixture(scope="session")
def browser(request, browser_name: str) -> Iterator[Browser]:
    """One Playwright browser for the run (chromium, webkit or firefox): launched here, or with ``--connect`` the
    browser of a Playwright server; ``--browser-channel`` launches that installed channel (chrome, msedge ...)."""
    option = request.config.getoption
    with sync_playwright() as pw:
        if option("--connect"):
            try:
                launched = connect_playwright(pw, browser_name, option("--connect"), option("--slowmo"))
            except Unavailable as why:
                pytest.skip(str(why))
            remember_environment(browser=f"{browser_name} {launched.version} (server {option('--connect')})",
                                 engine="playwright (remote)")
            yield launched
            launched.close()
            return
        try:
            if option("--browser-channel"):
                kind, extra = getattr(pw, browser_name), {"channel": option("--browser-channel")}
            else:
                kind, extra = playwright_launcher(pw, browser_name, option("--chromium-path"), option("--headed"))
        except Unavailable as why:
            pytest.skip(str(why))
        launched = kind.launch(headless=not option("--headed"), slow_mo=option("--slowmo"),
                               args=CHROMIUM_ARGS if browser_name == "chromium" else [], **extra)
        channel = f" ({option('--browser-channel')})" if option("--browser-channel") else ""
        binary = f" ({extra['executable_path']})" if extra.get("executable_path") else ""
        remember_environment(browser=f"{browser_name}{channel} {launched.version}{binary}", engine="playwright")
        yield launched
        launched.close()


def context_options(request) -> dict:
    """A scenario's browser context: Japanese locale and time, a 1000×900 window, or ``--device``'s descriptor."""
    options = {"locale": "ja-JP", "timezone_id": "Asia/Tokyo", "viewport": {"width": 1000, "height": 900}}
    device = request.config.getoption("--device")
    if device:
        descriptor = request.getfixturevalue("playwright_devices").get(device)
        if descriptor is None:
            raise pytest.UsageError(f"--device {device!r}: not a Playwright device descriptor")
        options.update({k: v for k, v in descriptor.items() if k != "default_browser_type"})
    return options


@pytest.fixture(scope="session")
def playwright_devices() -> dict:
    with sync_playwright() as pw:
        return dict(pw.devices)


@pytest.fixture(scope="session")
def x_display(request, browser_name: str) -> Iterator:
    """The X display every local headless WebKitGTK session of the run shares: one Xvfb, started the first time a
    session needs it; None where no Xvfb is wanted (another engine, --headed, --webdriver-url)."""
    if browser_name != "webkitgtk" or request.config.getoption("--headed") or request.config.getoption("--webdriver-url"):
        yield None
        return
    with _lazy_display() as display:
        yield display


@pytest.fixture(scope="session")
def webdriver_sessions(request, browser_name: str, x_display) -> Iterator[RunSession]:
    """The run's WebDriver session (webkitgtk or safari): scenarios share it and forget their cookies; one whose page
    stopped answering is quit and the next scenario gets a new one (steps/harness/webdriver_session.py)."""
    url = request.config.getoption("--webdriver-url")

    def announce(driver) -> None:
        caps = driver.capabilities
        remember_environment(browser=f"{browser_name} ({caps.get('browserName')} {caps.get('browserVersion')})"
                                     + (f" at {url}" if url else ""), engine="webdriver (remote)" if url else "webdriver")
    session = RunSession(lambda: webdriver_session(browser_name, request.config.getoption("--headed"), remote=url,
                                                   capabilities=_remote_capabilities(request, browser_name),
                                                   display=x_display() if x_display else None), announce)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def webdriver(webdriver_sessions: RunSession):
    """This scenario's WebDriver session: the run's one, or a new one after a session that stopped answering."""
    try:
        return webdriver_sessions.current()
    except Unavailable as why:
        pytest.skip(str(why))


@pytest.fixture(scope="session")
def agent_sessions(request, browser_name: str, x_display) -> Iterator[AgentSessions]:
    """WebDriver sessions that send another User-Agent (``open_as``), kept for the run on the run's X display
    (steps/drivers/agent_sessions.py)."""
    headed, url = request.config.getoption("--headed"), request.config.getoption("--webdriver-url")
    caps = _remote_capabilities(request, browser_name)
    sessions = AgentSessions(lambda agent: webdriver_session(browser_name, headed, agent, url, caps,
                                                             display=x_display() if x_display else None),
                             size=0 if url else AGENT_SESSIONS)  # a remote grid: no idle sessions held
    try:
        yield sessions
    finally:
        sessions.close()


@contextmanager
def _lazy_display() -> Iterator:
    """An Xvfb started the first time a session needs one."""
    with ExitStack() as stack:
        started: list[str] = []

        def display() -> str:
            if not started:
                started.append(stack.enter_context(xvfb()))
            return started[0]
        yield display


def _remote_capabilities(request, browser_name: str) -> dict | None:
    """``--webdriver-url``'s capabilities: ``--webdriver-capabilities`` (file or JSON), else the engine's defaults."""
    if not request.config.getoption("--webdriver-url"):
        return None
    return remote_capabilities(browser_name, request.config.getoption("--webdriver-capabilities"))


def _site_of(node) -> str | None:
    return next((m.name for m in node.iter_markers() if m.name in ("myaplus", "fanclub")), None)


@pytest.fixture
def ui(request, browser_name: str, target: Target, profile: Profile) -> Iterator[PlaywrightUI | WebDriverUI]:
    words = Vocabulary(profile.vocabulary).for_site(_site_of(request.node))  # how this target names things
    if browser_name in WEBDRIVER_ENGINES or request.config.getoption("--webdriver-url"):
        remote = WebDriverUI(request.getfixturevalue("webdriver"), target.site_url, vocabulary=words,
                             session_as=request.getfixturevalue("agent_sessions").session_as)
        remote.urls = target.urls
        yield remote
        try:
            remote.forget()
        except bounded.PageBusy:  # a page that stopped answering: its session is replaced for the next scenario
            pass
        return
    if (request.config.getoption("video", default="off") or "off") != "off":  # a video is recorded per context
        context = request.getfixturevalue("browser").new_context(**begin_video(context_options(request), request.config))
        context.set_default_timeout(5000)
        shared = None
    else:
        shared = request.getfixturevalue("shared_context")
    page = shared.new_page() if shared else context.new_page()
    begin_tracing(page.context, request.config)
    local = PlaywrightUI(page, target.site_url, vocabulary=words)
    local.urls = target.urls
    yield local
    local.end_visits()  # contexts opened by open_as
    if shared is None:
        context.close()
        end_video(page, request)  # --video: the file exists once its context is closed
        return
    if (request.config.getoption("tracing", default="off") or "off") != "off":
        try:  # the report hooks stop it; a scenario they missed must not leave it running for the next one
            page.context.tracing.stop()
        except PlaywrightError:
            pass
    shared.release(page)


@pytest.fixture(scope="session")
def shared_context(request, browser: Browser, target: Target) -> Iterator[SharedContext]:
    """The browser context every scenario of this worker and engine reuses (steps/harness/contexts.py)."""
    shared = SharedContext(browser, context_options(request), [target.site_url, *target.urls.values()])
    yield shared
    shared.close()


@pytest.fixture
def state_injection(request, profile: Profile, target: Target) -> bool:
    """Whether this scenario's Givens bring the member to a screen by state injection (steps/journeys/arrival.py)
    rather than walking there: the profile offers it, ``--walk`` is off, the scenario is not the ``@journey`` that
    walks the route, and the target has no seeded defects (a mutant is judged on the walk, as before)."""
    return (profile.capabilities.get("sessions", False) and not request.config.getoption("--walk")
            and request.node.get_closest_marker("journey") is None and not target.defects)


@pytest.fixture
def world(control: ControlClient, stubs: StubsClient, target_config: dict) -> World:
    """A clean target for every scenario: store wiped, clock frozen at a fixed time, stubs emptied."""
    control.reset()
    stubs.reset()
    return World(config=target_config)
