"""YAML reading for the harness: libyaml's C loader where PyYAML has it (the spec catalogues are read at every
start-up: ≈0.3 s each with the pure-Python loader), the same safe semantics either way."""
from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text):
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (CSafeLoader / SafeLoader)
