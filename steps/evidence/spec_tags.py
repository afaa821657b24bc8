"""Registers every statement ID of the spec catalogue (fixtures/spec/*.yaml) as a pytest marker, so scenarios
can cite the sentences they check (@FANCLUB-STEP2-C1) under --strict-markers: a tag that is not in the
catalogue (a typo, a renumbered ID) still fails collection."""
from __future__ import annotations

from pathlib import Path


from ..paths import SPEC as CATALOGUE
from .. import yamlio


def statement_ids() -> list[tuple[str, str]]:
    found = []
    for path in sorted(CATALOGUE.glob("*.yaml")):
        data = yamlio.safe_load(path.read_text(encoding="utf-8")) or {}
        found += [(s["id"], s.get("text", "")) for s in data.get("statements", []) if isinstance(s, dict) and "id" in s]
    return found


def pytest_configure(config):
    for statement_id, text in statement_ids():
        config.addinivalue_line("markers", f"{statement_id}: {text}")
