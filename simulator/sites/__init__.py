"""One package per simulated site: routes, rules, templates and control endpoints."""
