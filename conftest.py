"""Registers the harness for every test of this repository: the step modules of the installed package's ``pytest11``
plugin, ``steps/plugin.py`` (one list, so the repository and an installed harness can never differ)."""
from steps.plugin import pytest_plugins  # noqa: F401  (read by pytest)
