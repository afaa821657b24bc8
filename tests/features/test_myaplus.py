"""Binds every My APLUS feature (features/myaplus/*.feature) to the shared steps."""
from pytest_bdd import scenarios

scenarios("myaplus")
