"""The ADVISORY verdict of the security scenarios (features/security/): a check never raises; a finding is ADVISORY,
never FAILED, marked when it is a finding on the document, kept out of the conformance counts, the percentage and the
gate; in Allure it gets one severity of its own and an ADVISORY message."""
import json
import uuid
from types import SimpleNamespace

import pytest
from allure_commons.model2 import Label

from steps.evidence import advisory as evidence
from steps.reporting import advisory, summary
from steps.reporting.conformance import build
from steps.reporting.results import read


def write(results, name, status, tags, checks=None, message="", ids=(), site="security"):
    attachments = []
    if checks is not None:
        source = f"{uuid.uuid4()}-attachment.json"
        (results / source).write_text(json.dumps({"checks": checks}, ensure_ascii=False), encoding="utf-8")
        attachments.append({"name": "セキュリティ所見", "source": source, "type": "application/json"})
    verdict = "ADVISORY" if any(c["verdict"] == "ADVISORY" for c in checks or []) else "PASSED"
    labels = [{"name": "tag", "value": t} for t in (*tags, *ids)] + [{"name": "site", "value": site}]
    if checks is not None:
        labels.append({"name": "verdict", "value": verdict})
    result = {"uuid": str(uuid.uuid4()), "historyId": str(uuid.uuid4()), "name": name, "fullName": name, "status": status,
              "statusDetails": {"message": message}, "labels": labels, "attachments": attachments,
              "parameters": [{"name": "engine", "value": "'chromium'"}], "steps": []}
    (results / f"{result['uuid']}-result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def check(clause, verdict, on_document=False, seen="x"):
    return {"clause": clause, "what": "w", "expected": "e", "seen": seen, "verdict": verdict, "on_document": on_document}


@pytest.fixture
def results(tmp_path):
    r = tmp_path / "r"
    r.mkdir()
    write(r, "code strength", "failed", ["security", "NIST-800-63B-5.1.3.2"],
          [check("NIST-800-63B-5.1.3.2", "ADVISORY", on_document=True, seen="13.3 bits")],
          message="ADVISORY [NIST-800-63B-5.1.3.2] ...")
    write(r, "session renewed", "passed", ["security", "ASVS-V7.2.4"], [check("ASVS-V7.2.4", "PASSED")])
    write(r, "headers", "skipped", ["security", "ASVS-V3.4.3"], None, message="Skipped: WebDriver cannot read headers")
    write(r, "login", "passed", ["myaplus"], None, ids=["MYAPLUS-01-R1"], site="myaplus")
    return r


def test_security_rows_carry_clause_verdict_what_was_seen_and_the_document_mark(results):
    rows = {r["scenario"]: r for r in advisory.rows(results)}
    assert rows["code strength [chromium]"]["verdict"] == "ADVISORY" and rows["code strength [chromium]"]["on_document"]
    assert rows["code strength [chromium]"]["seen"] == "13.3 bits"
    assert rows["session renewed [chromium]"]["verdict"] == "PASSED"
    assert rows["headers [chromium]"]["verdict"] == "SKIPPED" and "ASVS-V3.4.3" in rows["headers [chromium]"]["clause"]


def test_advice_is_its_own_section_never_failed_and_never_counted(results, tmp_path):
    report = build(results, tmp_path / "out", ["myaplus"])
    assert report["counts"]["FAILED"] == 0
    assert {r["verdict"] for r in report["security"]} == {"ADVISORY", "PASSED", "SKIPPED"}
    cited = {s["id"] for s in report["statements"] if s["scenarios"]}
    assert cited == {"MYAPLUS-01-R1"}  # the security scenarios decide no statement of the documents
    text = (tmp_path / "out" / "conformance.md").read_text(encoding="utf-8")
    assert "## Security (advisory)" in text and "ADVISORY (文書の指摘) | NIST-800-63B-5.1.3.2" in text


def test_the_summary_lists_advice_apart_and_the_gate_ignores_it(results):
    text, overall = summary.render(read(results))
    assert overall == 100.0  # the one documented statement passed; the failed advisory result does not count
    assert "security (advisory, not in conformance or the gate): 3 scenario(s), ADVISORY 1, PASSED 1" in text
    assert "harness unit tests" not in text


def test_a_check_never_raises_and_names_its_clause():
    evidence._NOW[0] = evidence.Scenario(name="t")
    ok = evidence.check(True, "ASVS-V7.2.4", "rotation", "renewed", "renewed")
    bad = evidence.check(False, "NIST-800-63B-5.1.3.2", "strength", "≥ 20 bits", "13.3 bits", on_document=True)
    assert (ok.verdict, bad.verdict) == ("PASSED", "ADVISORY")
    assert bad.line().startswith("ADVISORY [NIST-800-63B-5.1.3.2]") and "finding on the document" in bad.line()
    assert evidence.verdict(evidence.current().checks) == "ADVISORY"
    assert evidence.severity([bad]) == "minor" and evidence.severity([ok]) == "trivial"
    assert evidence.severity([bad, evidence.Check("ASVS-V7.2.4", "w", "e", "s", "ADVISORY")]) == "normal"
    with pytest.raises(KeyError):
        evidence.check(True, "ASVS-V99", "typo", "", "")
    evidence._NOW[0] = evidence.Scenario()
    evidence._RUN.clear()


def test_an_allure_result_with_a_finding_is_failed_with_one_severity_and_the_advisory_message():
    result = SimpleNamespace(status="passed", statusDetails=None, labels=[
        Label(name="severity", value="normal"), Label(name="verdict", value="ADVISORY"), Label(name="severity", value="minor")])
    evidence._PENDING[:] = ["ADVISORY [ASVS-V6.5.4] strength"]
    evidence.finish_result(result)
    assert result.status == "failed" and result.statusDetails.message.startswith("ADVISORY")
    assert [l.value for l in result.labels if l.name == "severity"] == ["minor"]
    broken = SimpleNamespace(status="broken", statusDetails="kept", labels=[Label(name="verdict", value="ADVISORY")])
    evidence._PENDING[:] = ["ADVISORY x"]
    evidence.finish_result(broken)
    assert (broken.status, broken.statusDetails) == ("broken", "kept")  # a harness error stays what it is
    plain = SimpleNamespace(status="passed", statusDetails=None, labels=[Label(name="severity", value="normal")])
    evidence.finish_result(plain)
    assert plain.status == "passed"
