"""Registers the harness's step modules once, for every feature test."""
pytest_plugins = [
    "steps.options",
    "steps.harness",
    "steps.common",
    "steps.myaplus",
    "steps.fanclub",
]
