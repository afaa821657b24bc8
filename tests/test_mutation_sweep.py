"""The mutation sweep's reading of the correct build (tests/vendor_proof/mutants.py): the blind site's argued real
deviations are not false failures of the harness, and nothing else is excused."""
from __future__ import annotations

from tests.vendor_proof.mutants import BAD, _argued


def test_the_blind_sites_argued_deviations_are_read_with_their_verdicts():
    argued = _argued("blind")
    assert argued and set(argued.values()) <= set(BAD)
    assert argued["MYAPLUS-04-E2"] == "FAILED" and argued["MYAPLUS-12-E3"] == "WARNING"


def test_the_simulator_has_no_argued_deviation():
    assert _argued("simulator") == {}


def test_every_defect_of_the_blind_site_names_statements_or_clauses_that_exist():
    from steps.evidence.clauses import CLAUSES
    from steps.reporting.catalogue import statements
    from tests.blind_site.defects import DEFECTS
    from tests.vendor_proof.mutants import registry
    known, listed = set(statements()) | set(CLAUSES), registry("blind")
    assert set(listed) == set(DEFECTS), "defects.yaml and the blind site's defects differ"
    for name, entry in listed.items():
        unknown = set(entry.get("ids") or ()) - known
        assert not unknown, f"{name}: {sorted(unknown)} is neither a catalogue statement nor a security clause"
        assert entry.get("ids") or entry.get("note"), f"{name}: not checked (ids: []) and no note says why"
        if any(i in CLAUSES for i in entry.get("ids") or ()):
            assert entry.get("inferred"), f"{name}: a security clause is advice, never a documented verdict: inferred: true"
