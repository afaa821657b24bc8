"""Binds every fan club feature (features/fanclub/*.feature) to the shared steps."""
from pytest_bdd import scenarios

scenarios("fanclub")
