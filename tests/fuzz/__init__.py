"""Generated bad inputs against a live simulator and its stubs (issue 13). ``make fuzz`` runs the full profile
(≥ 10,000 inputs); the default test run collects only the quick tests (a few seconds each)."""
