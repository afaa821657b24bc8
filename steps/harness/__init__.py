"""The pytest plugin that wires the layers together: command-line options (``options``) and the session and
scenario fixtures (``fixtures``: target, control and stub clients, browser, the ``ui`` driver, the ``world``).

May import every lower layer: ``steps.target``, ``steps.drivers``, ``steps.evidence``. Bindings import nothing
from here; they receive its fixtures by name.
"""
