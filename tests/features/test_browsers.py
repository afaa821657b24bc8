"""Binds the supported-environment features (features/browsers/*.feature) to the shared steps."""
from pytest_bdd import scenarios

scenarios("browsers")
