"""The contract check names a missing and a wrongly answering endpoint, and passes the simulator."""
import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from simulator.server import BackgroundServer
from steps.target.contract import broken, check
from steps.target.profile import validate


def profile(url: str, **changes):
    data = {"name": "probe", "control_url": f"{url}/_control", "stubs_url": "http://127.0.0.1:9",
            "sites": {"myaplus": {"base_url": url}}, **changes}
    return validate(data, "test")


@pytest.fixture(scope="module")
def half_done_target():
    """Health and config answer, reset answers the wrong shape, nothing else exists."""
    async def health(request):
        return JSONResponse({"status": "ok", "implementation": "half", "version": "0", "sites": ["myaplus"]})

    async def config(request):
        return JSONResponse({"code_ttl_seconds": 300, "old_id_lock_threshold": 5, "code_lock_threshold": 5,
                             "code_lock_minutes": 30, "account_lock_threshold": 5, "reset_token_ttl_seconds": 1800,
                             "capabilities": {"clock": True, "seed": True}})

    async def reset(request):
        return JSONResponse({"done": "yes"})

    app = Starlette(routes=[Route("/_control/health", health), Route("/_control/config", config),
                            Route("/_control/reset", reset, methods=["POST"])])
    server = BackgroundServer(app).start()
    yield server.url
    server.stop()


def test_missing_and_wrong_endpoints_are_named(half_done_target):
    findings = {f.operation: f for f in check(profile(half_done_target), f"{half_done_target}/_control")}
    assert findings["health"].verdict == "OK"
    assert findings["reset"].verdict == "WRONG" and "reset" in findings["reset"].detail
    assert findings["moveClock"].verdict == "MISSING"
    assert findings["seedMyaplusAccount"].verdict == "MISSING"
    assert findings["seedFanclubMember"].verdict == "NOT REQUIRED"


def test_capabilities_turned_off_are_not_required(half_done_target):
    p = profile(half_done_target, capabilities={"clock": False, "seed": False})
    assert [f.operation for f in broken(check(p, f"{half_done_target}/_control"))] == ["reset"]


def test_state_injection_is_probed_only_where_the_profile_offers_it(half_done_target):
    findings = {f.operation: f for f in check(profile(half_done_target), f"{half_done_target}/_control")}
    assert findings["injectMyaplusSession"].verdict == "NOT REQUIRED"
    offered = profile(half_done_target, capabilities={"sessions": True})
    findings = {f.operation: f for f in check(offered, f"{half_done_target}/_control")}
    assert findings["injectMyaplusSession"].verdict == "WRONG" and "seeded" in findings["injectMyaplusSession"].detail


def test_the_simulator_keeps_the_contract_with_state_injection(sim_settings, sim_clock):
    from simulator.app import create_app
    from .conftest import CONTROL_TOKEN
    server = BackgroundServer(create_app(sim_settings, sim_clock)).start()
    try:
        sites = {"myaplus": {"base_url": server.url}, "fanclub": {"base_url": server.url}}
        p = profile(server.url, capabilities={"sessions": True}, sites=sites)
        assert not broken(found := check(p, f"{server.url}/_control", token=CONTROL_TOKEN)), found
        assert {f.operation for f in found if f.verdict == "OK"} >= {"injectMyaplusSession", "injectFanclubSession"}
    finally:
        server.stop()
