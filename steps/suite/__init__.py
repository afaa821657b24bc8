"""The features as tests, for the installed harness: ``first-login-harness conformance`` (steps/cli.py) or
``pytest --pyargs steps.suite``. In this repository tests/features/ binds the same files; both read them from
``steps.paths.FEATURES`` (the checkout's features/, or the copy inside the wheel)."""
