"""Fixtures of the non-browser tests: the stubs started in this process (once), and per test a fresh
simulator app on an in-memory store, a frozen clock, driven through starlette's TestClient."""
from __future__ import annotations

from contextlib import ExitStack
from typing import Callable, Iterator

import pytest
from .asgi_client import TestClient

from simulator.app import create_app
from simulator.clock import Clock
from simulator.control import DEFAULT_EPOCH
from simulator.settings import Settings
from simulator.stubs.service import RunningStubs, start_stubs

from .myaplus_driver import MyAplus


CONTROL_TOKEN = "test-control-token"
STUBS_TOKEN = "test-stubs-token"
AUTH = {"Authorization": f"Bearer {CONTROL_TOKEN}"}
STUBS_AUTH = {"Authorization": f"Bearer {STUBS_TOKEN}"}


@pytest.fixture(scope="session")
def stub_services() -> Iterator[RunningStubs]:
    running = start_stubs("127.0.0.1", 0, 0, token=STUBS_TOKEN)
    yield running
    running.stop()


@pytest.fixture
def sim_clock() -> Clock:
    clock = Clock()
    clock.freeze(DEFAULT_EPOCH)
    return clock


@pytest.fixture
def sim_settings(stub_services: RunningStubs) -> Settings:
    stub_services.registry.reset()
    return Settings(db_path=":memory:", smtp_host=stub_services.smtp_host, smtp_port=stub_services.smtp_port,
                    gateway_url=stub_services.url, gateway_timeout_seconds=5.0, scrypt_log2_n=4,
                    control_token=CONTROL_TOKEN, allowed_hosts="testserver", public_base_url="http://testserver")


@pytest.fixture
def make_site(sim_settings: Settings, sim_clock: Clock, stub_services: RunningStubs) -> Iterator[Callable[..., MyAplus]]:
    """``make_site(**settings_overrides, raise_server_exceptions=True)``: a driver over a fresh app."""
    with ExitStack() as clients:
        def build(raise_server_exceptions: bool = True, **overrides) -> MyAplus:
            settings = Settings(**{**sim_settings.__dict__, **overrides})
            app = create_app(settings, sim_clock)
            # entered: one event-loop thread for the client's life, not a new one per request
            client = clients.enter_context(TestClient(app, raise_server_exceptions=raise_server_exceptions, headers=AUTH))
            return MyAplus(client, stub_services.registry)

        yield build


@pytest.fixture
def site(make_site) -> MyAplus:
    return make_site()


def pytest_collection_modifyitems(config, items):
    """Tests marked ``slow`` (each starts processes of its own, 5–25 s) run first, the rest after in their order: under
    xdist a long test handed out last ends the run late while the other workers wait."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
