"""Binds features/browsers/*.feature to the shared steps (installed harness; tests/features/ in the repository)."""
from pytest_bdd import scenarios

from steps.paths import FEATURES

scenarios("browsers", features_base_dir=str(FEATURES))
