"""The implementation under test, seen from the harness: which target (``profile``, chosen by ``selection``),
how it is started or reached (``launch``), whether its control API keeps the contract (``contract``), and the
HTTP clients of its control API and of the stubs (``clients``).

May import: ``steps.reporting.catalogue`` (spec IDs for scope) and the standard library / requests / yaml.
Never imports drivers, pages, bindings or the simulator (the embedded simulator is started as a process).
"""
