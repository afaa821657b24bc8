"""Which implementation the features run against: ``--target PROFILE`` (fixtures/targets/*.yaml), checked once
at start-up with every mistake named; scenarios outside the profile's scope or sites are SKIPPED with the reason."""
from __future__ import annotations

import os

import pytest

from .profile import Profile, ProfileError, load, validate
from ..reporting.catalogue import ID_TAG

PROFILE = pytest.StashKey[Profile]()


def pytest_addoption(parser):
    group = parser.getgroup("harness")
    group.addoption("--target", default="simulator",
                    help="target profile: a name in fixtures/targets/ or a path to a YAML file (default: simulator, "
                         "the embedded simulator); see fixtures/targets/README.md")
    group.addoption("--real-time", action="store_true", default=False,
                    help="on a target that cannot move its clock, wait out expiry and lock windows in real time "
                         "(minutes per scenario) instead of skipping those scenarios")
    group.addoption("--walk", action="store_true", default=os.environ.get("HARNESS_WALK", "") not in ("", "0"),
                    help="walk every member to the screen a Given names in the browser, even on a target that offers "
                         "state injection (capabilities.sessions); also HARNESS_WALK=1")


def pytest_configure(config):
    base_url = config.getoption("--base-url", default=None)
    try:
        profile = load(config.getoption("--target", default="simulator"))
        if base_url:  # a running copy of the simulator (or a site with the same paths) at base_url
            base = base_url.rstrip("/")
            data = {"name": f"running site at {base}", "control_url": f"{base}/_control",
                    "stubs_url": config.getoption("--stubs-url") or "http://127.0.0.1:8026",
                    "sites": {site: {**spec, "base_url": base} for site, spec in profile.sites.items()}}
            profile = validate(data, "--base-url")
    except ProfileError as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[PROFILE] = _for_this_worker(config, profile)


def _workers(config) -> int:
    """How many pytest-xdist workers this run asked for (0 without -n)."""
    n = getattr(config.option, "numprocesses", None) or 0
    if n in ("auto", "logical"):
        return os.cpu_count() or 1
    return int(n)


def _for_this_worker(config, profile: Profile) -> Profile:
    """The embedded simulator starts inside each worker; a running target is one site with one control API (its reset
    and clock are the whole site's), so parallel workers need a copy each: the profile's ``replicas``."""
    worker = getattr(config, "workerinput", {}).get("workerid")
    if worker and profile.replicas:
        return profile.replica(int(worker[2:]) % len(profile.replicas))
    n = _workers(config)
    if worker is None and n > 1 and not profile.embedded and n > len(profile.replicas):
        have = f"lists {len(profile.replicas)} copies" if profile.replicas else "lists no copies (replicas)"
        raise pytest.UsageError(
            f"-n {n} against '{profile.name}': parallel workers would share its one control API (a reset or a clock move "
            f"by one worker breaks the other's scenario), and the profile {have}. Run without -n, or start {n} copies of "
            f"the target and list them under 'replicas:' in {profile.source} (see fixtures/targets/README.md).")
    return profile


def profile_of(config) -> Profile:
    return config.stash[PROFILE]


def _site(item) -> str | None:
    for mark in item.iter_markers():
        if mark.name in ("myaplus", "fanclub"):
            return mark.name
    return None


def pytest_collection_modifyitems(config, items):
    profile = config.stash.get(PROFILE, None)
    if profile is None:
        return
    for item in items:
        site = _site(item)
        if site and site not in profile.sites:
            item.add_marker(pytest.mark.skip(reason=f"the target '{profile.name}' does not offer the {site} site"))
            continue
        ids = [m.name for m in item.iter_markers() if ID_TAG.match(m.name)]
        if not profile.in_scope(ids):
            item.add_marker(pytest.mark.skip(
                reason=f"outside the target's scope: it cites {', '.join(sorted(set(ids)))}; the profile implements "
                       f"{', '.join(profile.scope or [])}"))
