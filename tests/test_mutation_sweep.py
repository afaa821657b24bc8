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


def test_a_deviation_argued_for_one_engine_is_expected_in_that_engine_only(tmp_path, capsys):
    import json

    import yaml

    from tests.vendor_proof.__main__ import _engine, argued
    from tests.vendor_proof.sites import HERE
    known = yaml.safe_load((HERE / "deviations.yaml").read_text(encoding="utf-8"))
    chromium_only = {i for i, entry in known.items() if entry.get("engines") == ["chromium"]}
    assert chromium_only, "the blind site's type=email deviations are Chromium's"

    def report(ids):
        rows = [{"id": i, "verdict": known[i]["verdict"], "reason": "seen"} for i in ids]
        (tmp_path / "conformance.json").write_text(json.dumps({"statements": rows}), encoding="utf-8")
        return tmp_path

    assert argued(report(known), "chromium")
    assert argued(report(set(known) - chromium_only), "webkitgtk")
    assert not argued(report(known), "webkitgtk"), "a Chromium-only deviation seen in WebKit is not argued there"
    assert not argued(report(set(known) - chromium_only), "chromium"), "in Chromium it is expected: stale when gone"
    assert "NOT ARGUED" in capsys.readouterr().out
    assert _engine(["-n", "3", "--browser", "webkitgtk"]) == "webkitgtk" and _engine(["-n", "3"]) == "chromium"
