"""Plugins a pytest run of the features never uses (the Makefile's LEAN; README: Lean start-up): hypothesis, schemathesis,
faker's fixture, pytest-benchmark and anyio cost ≈3–4 s of imports a process. Tests that start pytest runs of
their own pass them too."""
LEAN = ["-p", "no:hypothesispytest", "-p", "no:schemathesis", "-p", "no:faker", "-p", "no:benchmark", "-p", "no:anyio",
        "-p", "no:xdist.looponfail"]
