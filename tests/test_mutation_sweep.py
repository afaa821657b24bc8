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
