"""Binds the security features (features/security/*.feature, results ADVISORY) to the shared steps."""
from pytest_bdd import scenarios

scenarios("security")
