"""Session-wide fixtures: the target, its control API, the stubs, one browser; per scenario a fresh
browser context, a reset target and the scenario's shared state (``world``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from .clients import ControlClient, StubsClient
from .target import Target, connect, start_embedded
from .ui import PlaywrightUI

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@dataclass
class World:
    """What one scenario remembers between its steps."""
    config: dict
    member: dict = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="session")
def target(request, tmp_path_factory) -> Iterator[Target]:
    base_url = request.config.getoption("--base-url")
    running = connect(base_url, request.config.getoption("--stubs-url")) if base_url else start_embedded(
        str(tmp_path_factory.mktemp("simulator")))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def control(target: Target) -> ControlClient:
    return ControlClient(target.control_url)


@pytest.fixture(scope="session")
def stubs(target: Target) -> StubsClient:
    return StubsClient(target.stubs_url)


@pytest.fixture(scope="session")
def target_config(control: ControlClient) -> dict:
    return control.config()


@pytest.fixture(scope="session")
def browser(request) -> Iterator[Browser]:
    with sync_playwright() as pw:
        launched = pw.chromium.launch(
            executable_path=request.config.getoption("--chromium-path"),
            headless=not request.config.getoption("--headed"),
            slow_mo=request.config.getoption("--slowmo"),
            args=CHROMIUM_ARGS,
        )
        yield launched
        launched.close()


@pytest.fixture
def ui(browser: Browser, target: Target) -> Iterator[PlaywrightUI]:
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport={"width": 1000, "height": 900})
    context.set_default_timeout(5000)
    page = context.new_page()
    yield PlaywrightUI(page, target.site_url)
    context.close()


@pytest.fixture
def world(control: ControlClient, stubs: StubsClient, target_config: dict) -> World:
    """A clean target for every scenario: store wiped, clock frozen at a fixed time, stubs emptied."""
    control.reset()
    stubs.reset()
    return World(config=target_config)
