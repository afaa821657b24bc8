"""The conformance report from real-shaped Allure results: each statement judged by the step that checks it, a
harness error never a product verdict, @推定 scenarios and inferred differences in their own section."""
import json
import uuid

from steps.reporting.conformance import build

LOGIN_IDS = ["MYAPLUS-01-R1", "MYAPLUS-01-N4"]


def write_result(results, name, status, tags, steps, findings=(), message=""):
    record = f"{uuid.uuid4()}-attachment.json"
    (results / record).write_text(json.dumps({"steps": steps, "findings": list(findings)}, ensure_ascii=False), encoding="utf-8")
    result = {"uuid": str(uuid.uuid4()), "name": name, "fullName": name, "status": status,
              "statusDetails": {"message": message},
              "labels": [{"name": "tag", "value": t} for t in tags],
              "attachments": [{"name": "判定の記録", "source": record, "type": "application/json"}],
              "steps": [{"name": s["name"], "status": s["status"]} for s in steps]}
    (results / f"{result['uuid']}-result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def verdicts(tmp_path):
    report = build(tmp_path / "r", tmp_path / "out", ["myaplus"])
    return {r["id"]: (r["verdict"], r["reason"]) for r in report["statements"]}, report


def test_a_failing_step_decides_only_its_own_statement(tmp_path):
    (tmp_path / "r").mkdir()
    write_result(tmp_path / "r", "login screen", "failed", LOGIN_IDS, [
        {"name": "もし 「ログイン画面」を開く", "type": "when", "status": "passed"},
        {"name": "ならば 画面に「※ID・パスワードは半角英数字記号で入力してください。」と表示される", "type": "then", "status": "passed"},
        {"name": "かつ 画面に「初めてログインする際には、ご登録された電話番号(SMSまたは音声)での認証が必要となります。」と表示される",
         "type": "then", "status": "failed"}],
        message="AssertionError: the page has no text 「初めて…」; nearest on the page: 「初めてログインする際は…」")
    found, _ = verdicts(tmp_path)
    assert found["MYAPLUS-01-R1"][0] == "PASSED"
    assert found["MYAPLUS-01-N4"][0] == "FAILED" and "nearest on the page" in found["MYAPLUS-01-N4"][1]


def test_a_harness_error_is_review_never_failed(tmp_path):
    (tmp_path / "r").mkdir()
    write_result(tmp_path / "r", "lock", "failed", ["MYAPLUS-01-R6"], [
        {"name": "前提 状態が「移行前」の会員がいる", "type": "given", "status": "failed"}],
        message="steps.target.clients.HarnessError: POST /_control/myaplus/accounts answered 500")
    found, _ = verdicts(tmp_path)
    assert found["MYAPLUS-01-R6"][0] == "REVIEW"


def test_inferred_scenarios_and_differences_have_their_own_section(tmp_path):
    (tmp_path / "r").mkdir()
    write_result(tmp_path / "r", "mask", "passed", ["MYAPLUS-03-R1"], [
        {"name": "ならば カードに登録されたメールアドレスが伏せ字で表示される", "type": "then", "status": "passed"}],
        findings=[{"type": "inferred", "step": "ならば カードに登録されたメールアドレスが伏せ字で表示される", "what": "mask shape",
                   "expected": "****@example.jp", "shown": "ab****@*****"}])
    write_result(tmp_path / "r", "empty field", "failed", ["推定"], [
        {"name": "ならば エラー「入力必須項目です。」が表示される", "type": "then", "status": "failed"}], message="AssertionError: x")
    found, report = verdicts(tmp_path)
    assert found["MYAPLUS-03-R1"][0] == "PASSED"  # the documented part holds
    assert {(r["what"], r["verdict"]) for r in report["inferred"]} == {("mask shape", "REVIEW"), ("an @推定 scenario", "REVIEW")}
    assert "## 推定" in (tmp_path / "out" / "conformance.md").read_text(encoding="utf-8")
