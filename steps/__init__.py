"""Step definitions: thin Gherkin bindings over page objects (browser) and the control/stub clients (HTTP).
Nothing here imports the simulator: the site is reached only through the browser and HTTP."""
