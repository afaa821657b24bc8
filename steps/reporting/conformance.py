"""The conformance report a vendor hands to its client: per spec statement PASSED / FAILED / WARNING /
REVIEW / SKIPPED with its evidence, as Markdown and JSON, inside the Allure report, and packed in one archive.

Verdicts of a statement in one scenario (attribution.py: a failing step decides only the statements it checks):
  PASSED   the steps that check it passed
  FAILED   a documented behaviour is broken: the step that checks it failed an assertion (absent, refused, wrong)
  WARNING  it works but the words deviate from the document (expected and shown are quoted)
  REVIEW   needs a human eye: the harness or target errored, or it was not reached because an earlier step failed
  SKIPPED  the target lacks a capability or does not implement the statement; the reason is kept
The security scenarios (features/security/) have a verdict of their own, ADVISORY, in a section "Security
(advisory)" (advisory.py): never FAILED, never in the counts above, the conformance percentage or the gate.
A statement takes the worst verdict of the documented scenarios citing it (FAILED > REVIEW > WARNING > PASSED >
SKIPPED); a verdict it was only "not reached" in counts when nothing else decided it. @推定 scenarios decide only
statements no documented scenario cites; they and every inferred difference (a mask's shape, an attribute kind) are
listed on their own as 推定 (REVIEW when they differ), never FAILED.
"""
from __future__ import annotations

import json
import tomllib
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from . import advisory
from . import catalogue as spec
from .attribution import INFERRED_STEP, NOT_REACHED, decide
from .catalogue import ID_TAG, ROOT
from .environment import read as read_environment

ORDER = ("FAILED", "REVIEW", "WARNING", "PASSED", "SKIPPED")
DEVIATION = "WordingDeviation"


RECORD = "判定の記録"  # steps/evidence/judgement.py


@dataclass
class ScenarioResult:
    name: str
    verdict: str
    reason: str
    spec_ids: list[str]
    evidence: list[str] = field(default_factory=list)  # attachment files (in the results directory)
    inferred: bool = False  # an @推定 scenario
    per_statement: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (verdict, reason)
    findings: list[dict] = field(default_factory=list)  # inferred differences and wording deviations


def _failed_step(node: dict) -> str:
    for step in node.get("steps", []):
        if step.get("status") in ("failed", "broken"):
            return _failed_step(step) or step.get("name", "")
    return ""


def _attachments(node: dict) -> list[dict]:
    found = list(node.get("attachments", []))
    for step in node.get("steps", []):
        found += _attachments(step)
    return found


def classify(status: str, message: str, tags: list[str]) -> str:
    if status == "passed":
        return "PASSED"
    if status == "skipped":
        return "SKIPPED"
    if DEVIATION in message:
        return "WARNING"
    if "推定" in tags or "HarnessError" in message or status == "broken" and not message.startswith("AssertionError"):
        return "REVIEW"  # an inferred scenario, or the harness / the target's control API broke: not a product verdict
    return "FAILED"


def scenarios(results_dir: Path) -> list[ScenarioResult]:
    out = []
    for path in sorted(Path(results_dir).glob("*-result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        tags = [label["value"] for label in data.get("labels", []) if label["name"] == "tag"]
        ids = sorted({t for t in tags if ID_TAG.match(t)})
        if not ids and "推定" not in tags:
            continue  # plain unit tests and the report's own entries
        message = (data.get("statusDetails") or {}).get("message", "") or ""
        verdict = classify(data.get("status", "unknown"), message, tags)
        name = data.get("name", "") + "".join(f" [{p.get('value', '')}]" for p in data.get("parameters", []) if p.get('value'))
        first_line = message.strip().splitlines()[0][:200] if message.strip() else ""
        step = _failed_step(data)
        reason = f"{step} — {first_line}" if step and verdict != "SKIPPED" else first_line
        attachments = _attachments(data)
        result = ScenarioResult(name, verdict, reason, ids, [a["source"] for a in attachments], "推定" in tags)
        record = _record(Path(results_dir), attachments)
        result.findings = record.get("findings", [])
        if record.get("steps") and verdict not in ("SKIPPED",):
            known = spec.statements()
            failure = "REVIEW" if verdict == "REVIEW" else "FAILED"
            decided = decide(record["steps"], result.findings, {i: known[i].text for i in ids if i in known}, failure,
                             {i for i in ids if i in known and known[i].judged_as in ("rule", "flow")})
            result.per_statement = {i: (v, f"{r} — {first_line}" if v == failure and first_line else r)
                                    for i, (v, r) in decided.items()}
        out.append(result)
    return out


def _record(results_dir: Path, attachments: list[dict]) -> dict:
    source = next((a["source"] for a in attachments if a.get("name") == RECORD), None)
    if source is None or not (results_dir / source).exists():
        return {}
    try:
        return json.loads((results_dir / source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _verdict_for(result: ScenarioResult, statement_id: str) -> tuple[str, str]:
    return result.per_statement.get(statement_id, (result.verdict, result.reason))


def by_statement(results: list[ScenarioResult]) -> list[dict]:
    rows = []
    for site in spec.SITES:
        for statement in spec.load(site).statements:
            citing = [r for r in results if statement.id in r.spec_ids]
            documented = [r for r in citing if not r.inferred] or citing  # @推定 ones decide only what nothing else does
            judged = [(_verdict_for(r, statement.id), r) for r in documented]
            if any(r.inferred for r in documented):  # only inferred scenarios cite it: a difference is REVIEW
                judged = [((("REVIEW", why) if v == "FAILED" else (v, why)), r) for (v, why), r in judged]
            reached = [pair for pair in judged if pair[0][0] != NOT_REACHED]
            if not statement.testable:
                verdict, reason = "REVIEW", f"not testable by a browser: {statement.reason}"
            elif not citing:
                verdict, reason = "SKIPPED", "no scenario citing it ran"
            elif not reached:
                verdict, reason = "REVIEW", judged[0][0][1]
            else:
                verdict = min((v for (v, _), _r in reached), key=ORDER.index)
                reason = next((why for (v, why), _r in reached if v == verdict and why), "")
            rows.append({"id": statement.id, "site": site, "section": statement.section_title, "text": statement.text,
                         "judged_as": statement.judged_as,
                         "lines": list(statement.lines), "verdict": verdict, "reason": reason,
                         "scenarios": [{"name": r.name, "verdict": v} for (v, _), r in judged],
                         "evidence": sorted({e for r in citing for e in r.evidence})})
    return rows


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # running from a checkout that was not pip-installed
        return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def inferred_rows(results: list[ScenarioResult]) -> list[dict]:
    """The 推定 section: every @推定 scenario and every inferred difference noted in any scenario."""
    rows = []
    for r in results:
        if r.inferred:
            rows.append({"scenario": r.name, "verdict": "REVIEW" if r.verdict in ("FAILED", "REVIEW") else r.verdict,
                         "ids": r.spec_ids, "what": "an @推定 scenario", "reason": r.reason})
        elif r.verdict in ("FAILED", "REVIEW") and INFERRED_STEP.search(r.reason.split(" — ")[0]):
            rows.append({"scenario": r.name, "verdict": "REVIEW", "ids": r.spec_ids, "what": "an inferred step (推定)",
                         "reason": r.reason})
        for f in r.findings:
            if f.get("type") == "inferred":
                rows.append({"scenario": r.name, "verdict": "REVIEW", "ids": r.spec_ids, "what": f["what"],
                             "reason": f"{f['step']} — expected {f['expected']}, shown {f['shown']}"})
    return rows


def build(results_dir: Path, out_dir: Path, sites: list[str] | None = None) -> dict:
    env = read_environment(Path(results_dir) / "environment.properties")
    results = scenarios(results_dir)
    rows = [r for r in by_statement(results) if not sites or r["site"] in sites]
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ORDER}
    report = {
        "target": env.get("target", "?"), "target_profile": env.get("target_profile", "?"),
        "target_implementation": env.get("target_implementation", "?"), "target_version": env.get("target_version", "?"),
        "browser": env.get("browser", "?"), "harness_version": _version("first-login-harness"),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "counts": counts, "statements": rows,
        "inferred": inferred_rows(results),
        "security": advisory.rows(results_dir),  # ADVISORY: its own verdict, never in "counts"
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "conformance.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out_dir / "conformance.md").write_text(markdown(report), encoding="utf-8")
    with zipfile.ZipFile(out_dir / "evidence.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(out_dir / "conformance.md", "conformance.md")
        archive.write(out_dir / "conformance.json", "conformance.json")
        for source in sorted({e for r in rows for e in r["evidence"]}):
            if (Path(results_dir) / source).exists():
                archive.write(Path(results_dir) / source, f"evidence/{source}")
    return report


def markdown(report: dict) -> str:
    c = report["counts"]
    lines = [
        "# 適合性レポート (conformance report)", "",
        "| | |", "|---|---|",
        f"| 対象 (target) | {report['target']} — {report['target_implementation']} {report['target_version']} |",
        f"| プロファイル | `{report['target_profile']}` |", f"| ブラウザ | {report['browser']} |",
        f"| ハーネス | first-login-harness {report['harness_version']} |", f"| 実施日時 | {report['date']} |", "",
        "| PASSED | FAILED | WARNING | REVIEW | SKIPPED |", "|---|---|---|---|---|",
        f"| {c['PASSED']} | {c['FAILED']} | {c['WARNING']} | {c['REVIEW']} | {c['SKIPPED']} |", "",
    ]
    for verdict in ORDER:
        rows = [r for r in report["statements"] if r["verdict"] == verdict]
        if not rows:
            continue
        lines += [f"## {verdict} ({len(rows)})", "", "| ID | 記述 | 理由・シナリオ | 証跡 |", "|---|---|---|---|"]
        for r in rows:
            detail = r["reason"] or "; ".join(s["name"] for s in r["scenarios"][:2])
            shots = [e for e in r["evidence"] if e.endswith(".png")]
            proof = f"`evidence/{shots[0]}` (+{len(r['evidence']) - 1})" if shots and verdict != "PASSED" else str(len(r["evidence"]))
            lines.append(f"| {r['id']} | {r['text'][:60]} | {detail.replace('|', '/')[:240]} | {proof} |")
        lines.append("")
    inferred = report.get("inferred", [])
    if inferred:
        review = [r for r in inferred if r["verdict"] == "REVIEW"]
        lines += [f"## 推定 (inferred behaviour: {len(review)} to review of {len(inferred)})", "",
                  "What the documents do not say, checked as a real site would do it; a difference is REVIEW, never FAILED.", "",
                  "| 判定 | シナリオ | 何を | 理由 |", "|---|---|---|---|"]
        for r in sorted(inferred, key=lambda r: ORDER.index(r["verdict"]) if r["verdict"] in ORDER else 9):
            lines.append(f"| {r['verdict']} | {r['scenario'][:60]} | {r['what'][:60]} | {r['reason'].replace('|', '/')[:200]} |")
        lines.append("")
    lines += advisory.markdown(report.get("security", []))
    return "\n".join(lines)


def attach_to_allure(results_dir: Path, out_dir: Path) -> None:
    """The report as one entry of the Allure report (epic 適合性), with the Markdown and JSON attached."""
    attachments = []
    for name, ext, mime in (("conformance.md", "md", "text/markdown"), ("conformance.json", "json", "application/json")):
        source = f"{uuid.uuid4()}-attachment.{ext}"
        (Path(results_dir) / source).write_bytes((out_dir / name).read_bytes())
        attachments.append({"name": name, "source": source, "type": mime})
    now = int(datetime.now(timezone.utc).timestamp() * 1000)
    result = {"uuid": str(uuid.uuid4()), "historyId": "conformance-report", "name": "適合性レポート",
              "fullName": "conformance report", "status": "passed", "stage": "finished", "start": now, "stop": now,
              "labels": [{"name": "epic", "value": "適合性レポート"}, {"name": "site", "value": "harness"}],
              "attachments": attachments}
    (Path(results_dir) / f"{result['uuid']}-result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def main(results_dir: Path, out_dir: Path | None = None, sites: list[str] | None = None, allure: bool = True) -> int:
    out_dir = out_dir or ROOT / "reports" / "conformance"
    report = build(results_dir, out_dir, sites)
    if allure:
        attach_to_allure(results_dir, out_dir)
    c = report["counts"]
    print(f"conformance of {report['target']} ({report['target_implementation']} {report['target_version']}): "
          + ", ".join(f"{v} {c[v]}" for v in ORDER))
    for r in report["statements"]:
        if r["verdict"] in ("FAILED", "WARNING", "REVIEW") and r["reason"] and not r["reason"].startswith("not testable"):
            print(f"  {r['verdict']:<7} {r['id']:<18} {r['reason'][:110]}")
    if report["security"]:
        print("  " + advisory.summary_line(report["security"]).lstrip("━ "))
    print(f"written: {out_dir / 'conformance.md'}, {out_dir / 'conformance.json'}, {out_dir / 'evidence.zip'}")
    return 0
