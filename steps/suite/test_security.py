"""Binds features/security/*.feature (ADVISORY results) to the shared steps (installed harness; tests/features/ in the repository)."""
from pytest_bdd import scenarios

from steps.paths import FEATURES

scenarios("security", features_base_dir=str(FEATURES))
