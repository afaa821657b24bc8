"""Registers the harness's step modules once, for every feature test."""
pytest_plugins = [
    "steps.options",
    "steps.targeting",
    "steps.spec_tags",
    "steps.evidence",
    "steps.harness",
    "steps.forms",
    "steps.common",
    "steps.myaplus",
    "steps.fanclub",
    "steps.browsers",
]
