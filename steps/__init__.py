"""The harness. Its folders are its layers; a lower layer never imports a higher one, and nothing here imports
the simulator (the site is reached only through the browser and HTTP).

    steps/*.py      bindings: thin Gherkin step definitions (common, myaplus, fanclub, browsers, forms, phrases)
    journeys/       Givens that walk earlier screens; the inquiry mail a member writes
    pages/          page objects: one per screen, named after it
    drivers/        the only code that touches a browser (Playwright, WebDriver) and the engines
    target/         the implementation under test: profile, launch, contract check, control and stub clients
    harness/        the pytest plugin wiring them: options and fixtures
    evidence/       Allure labels and attachments, spec IDs as markers, the wording judgement
    reporting/      reads results after a run: summary, living documents, conformance report

docs/architecture.md draws the layers and the path of one scenario's data.
"""
