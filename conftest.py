"""Registers the harness's step modules once, for every feature test."""
pytest_plugins = [
    "steps.harness.options",
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
