"""Target profiles load, and every kind of mistake is named in the error."""
import re

import pytest

from steps.target.profile import ProfileError, load, validate

VENDOR = {
    "name": "vendor staging", "control_url": "https://stg.example.jp/_control", "stubs_url": "http://10.0.0.5:8026",
    "capabilities": {"clock": False, "seed": True}, "thresholds": {"account_lock_threshold": 10},
    "sites": {"myaplus": {"base_url": "https://stg.example.jp", "paths": {"login": "/signin"}}},
}


def test_the_simulator_profile_loads():
    profile = load("simulator")
    assert profile.embedded and profile.capabilities == {"clock": True, "seed": True, "sessions": True}
    assert profile.paths()["myaplus.login"] == "/myaplus/login"


def test_a_vendor_profile_loads():
    profile = validate(VENDOR, "vendor")
    assert profile.capabilities["clock"] is False and profile.thresholds == {"account_lock_threshold": 10}


def test_tokens_are_read_and_optional():
    profile = validate({**VENDOR, "control_token": "c-token", "stubs_token": "s-token"}, "vendor")
    assert (profile.control_token, profile.stubs_token) == ("c-token", "s-token")
    assert validate(VENDOR, "vendor").control_token is None  # no token: no header is sent


@pytest.mark.parametrize("change, expected", [
    ({"colour": "red"}, "unknown key 'colour'"),
    ({"control_url": None}, "'control_url' is required"),
    ({"stubs_url": "localhost:8026"}, "'stubs_url' must be an http(s) URL"),
    ({"capabilities": {"clock": "yes"}}, "capability 'clock' must be true or false"),
    ({"capabilities": {"teleport": True}}, "unknown capability 'teleport'"),
    ({"thresholds": {"account_lock_threshold": 0}}, "must be a positive integer"),
    ({"thresholds": {"lock": 3}}, "unknown threshold 'lock'"),
    ({"sites": {"bank": {}}}, "unknown site 'bank'"),
    ({"replicas": {"control_url": "https://a.jp/_control"}}, "'replicas' must be a list"),
    ({"replicas": [{"control_url": "https://a.jp/_control"}]}, "replicas[0] needs base_url"),
    ({"replicas": [{"control_url": "a.jp", "base_url": "https://a.jp"}]}, "replicas[0].control_url must be an http(s) URL"),
    ({"replicas": [{"control_url": "https://a.jp/c", "base_url": "https://a.jp", "port": 1}]}, "unknown key 'port'"),
    ({"sites": {"myaplus": {"paths": {"login": "/signin"}}}}, "sites.myaplus.base_url is required"),
    ({"sites": {"myaplus": {"base_url": "https://x.jp", "paths": {"login": "signin"}}}}, "must be a path starting with '/'"),
    ({"scope": "MYAPLUS-01"}, "'scope' must be a list"),
    ({"name": ""}, "'name' is required"),
    ({"control_token": 1234}, "'control_token' must be a text"),
    ({"stubs_token": ["x"]}, "'stubs_token' must be a text"),
])
def test_each_mistake_is_named(change, expected):
    with pytest.raises(ProfileError, match=re.escape(expected)):
        validate({**VENDOR, **change}, "vendor")


def test_several_mistakes_are_reported_together():
    with pytest.raises(ProfileError) as info:
        validate({**VENDOR, "colour": 1, "stubs_url": "nope"}, "vendor")
    assert "2 mistake(s)" in str(info.value)


def test_an_unknown_profile_lists_the_known_ones():
    with pytest.raises(ProfileError, match="known profiles: .*simulator"):
        load("no-such-target")


def test_scope_selects_by_section_prefix_or_exact_id():
    profile = validate({**VENDOR, "scope": ["MYAPLUS-01", "MYAPLUS-03-B1", "!MYAPLUS-01-B2"]}, "vendor")
    assert profile.in_scope(["MYAPLUS-01-E1"])
    assert profile.in_scope(["MYAPLUS-03-B1"])
    assert not profile.in_scope(["MYAPLUS-03-B2"])
    assert not profile.in_scope(["MYAPLUS-010-E1"])
    assert not profile.in_scope(["MYAPLUS-01-B2"]), "excluded with !"
    assert not profile.in_scope(["MYAPLUS-01-E1", "MYAPLUS-03-B2"]), "every cited statement must be implemented"
    assert not profile.in_scope([]), "a scenario citing nothing runs only where no scope is declared"
    assert validate(VENDOR, "vendor").in_scope([])


def test_each_parallel_worker_gets_its_own_copy_of_the_target():
    copies = [{"control_url": f"https://c{i}.jp/_control", "base_url": f"https://c{i}.jp", "stubs_token": f"t{i}"}
              for i in range(2)]
    profile = validate({**VENDOR, "stubs_token": "t", "replicas": copies}, "vendor")
    second = profile.replica(1)
    assert second.control_url == "https://c1.jp/_control" and second.sites["myaplus"]["base_url"] == "https://c1.jp"
    assert second.sites["myaplus"]["paths"] == {"login": "/signin"} and second.stubs_token == "t1"
    assert second.stubs_url == VENDOR["stubs_url"] and second.replicas == [] and second.name == VENDOR["name"]


def test_parallel_workers_against_one_running_site_are_refused():
    """-n 2 without replicas: a clear UsageError naming the fix, not a run whose workers reset each other's site."""
    from types import SimpleNamespace
    from steps.target.selection import _for_this_worker
    profile = validate(VENDOR, "vendor.yaml")
    controller = SimpleNamespace(option=SimpleNamespace(numprocesses=2))
    with pytest.raises(pytest.UsageError, match=r"-n 2 against 'vendor staging'.*replicas:.*vendor.yaml"):
        _for_this_worker(controller, profile)
    assert _for_this_worker(SimpleNamespace(option=SimpleNamespace(numprocesses=None)), profile) is profile
    embedded = load("simulator")  # each worker starts its own simulator
    assert _for_this_worker(controller, embedded) is embedded
    copies = [{"control_url": f"https://c{i}.jp/_control", "base_url": f"https://c{i}.jp"} for i in range(2)]
    with_copies = validate({**VENDOR, "replicas": copies}, "vendor.yaml")
    assert _for_this_worker(controller, with_copies) is with_copies
    worker = SimpleNamespace(option=SimpleNamespace(numprocesses=2), workerinput={"workerid": "gw1"})
    assert _for_this_worker(worker, with_copies).control_url == "https://c1.jp/_control"
