"""The harness as a pytest plugin: the ``pytest11`` entry point ``first_login_harness`` of the installed package.

It registers the same modules as this repository's ``conftest.py`` (pytest registers a module once, whichever
names it first), and the markers the repository declares in ``pyproject.toml``, so that ``pytest --pyargs
steps.suite --target profile.yaml`` runs the features from any directory. ``-p no:first_login_harness`` turns it off."""
from __future__ import annotations

pytest_plugins = [
    "steps.harness.options",
    "steps.harness.phase_times",
    "steps.target.selection",
    "steps.evidence.spec_tags",
    "steps.evidence.allure_hooks",
    "steps.evidence.advisory",
    "steps.evidence.judgement",
    "steps.harness.fixtures",
    "steps.forms",
    "steps.common",
    "steps.myaplus",
    "steps.fanclub",
    "steps.browsers",
    "steps.security",
    "steps.gateway",
    "steps.flow",
]

MARKERS = (
    "myaplus: scenarios of the My APLUS document",
    "fanclub: scenarios of the fan club document",
    "browsers: supported-environment scenarios",
    "推定: behaviour the documents are silent on, inferred as a real site would do it",
    "journey: the one scenario per screen whose Given always walks the member there in the browser (never state injection)",
)


def pytest_configure(config):
    for line in MARKERS:
        config.addinivalue_line("markers", line)
