"""The conformance report a vendor hands to its client: per spec statement PASSED / FAILED / WARNING /
REVIEW / SKIPPED with its evidence, as Markdown and JSON, inside the Allure report, and packed in one archive.

Verdicts of a scenario (from the Allure results of the run):
  PASSED   it passed
  FAILED   a documented behaviour is broken (an assertion failed)
  WARNING  it works but the wording deviates from the document (a WordingDeviation), or an advisory finding
  REVIEW   needs a human eye: an inferred (@推定) scenario failed, or the harness / target errored
  SKIPPED  the target lacks a capability or does not implement the statement; the reason is kept
A statement takes the worst verdict of the scenarios citing it (FAILED > REVIEW > WARNING > PASSED > SKIPPED).
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

from . import catalogue as spec
from .catalogue import ID_TAG, ROOT
from .environment import read as read_environment

ORDER = ("FAILED", "REVIEW", "WARNING", "PASSED", "SKIPPED")
DEVIATION = "WordingDeviation"


@dataclass
class ScenarioResult:
    name: str
    verdict: str
    reason: str
    spec_ids: list[str]
    evidence: list[str] = field(default_factory=list)  # attachment files (in the results directory)


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
    if "推定" in tags or status == "broken" and not message.startswith("AssertionError"):
        return "REVIEW"
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
        out.append(ScenarioResult(name, verdict, reason, ids,
                                  [a["source"] for a in _attachments(data)]))
    return out


def by_statement(results: list[ScenarioResult]) -> list[dict]:
    rows = []
    for site in spec.SITES:
        for statement in spec.load(site).statements:
            citing = [r for r in results if statement.id in r.spec_ids]
            if not statement.testable:
                verdict, reason = "REVIEW", f"not testable by a browser: {statement.reason}"
            elif not citing:
                verdict, reason = "SKIPPED", "no scenario citing it ran"
            else:
                verdict = min((r.verdict for r in citing), key=ORDER.index)
                reason = next((r.reason for r in citing if r.verdict == verdict and r.reason), "")
            rows.append({"id": statement.id, "site": site, "section": statement.section_title, "text": statement.text,
                         "lines": list(statement.lines), "verdict": verdict, "reason": reason,
                         "scenarios": [{"name": r.name, "verdict": r.verdict} for r in citing],
                         "evidence": sorted({e for r in citing for e in r.evidence})})
    return rows


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # running from a checkout that was not pip-installed
        return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def build(results_dir: Path, out_dir: Path, sites: list[str] | None = None) -> dict:
    env = read_environment(Path(results_dir) / "environment.properties")
    rows = [r for r in by_statement(scenarios(results_dir)) if not sites or r["site"] in sites]
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ORDER}
    report = {
        "target": env.get("target", "?"), "target_profile": env.get("target_profile", "?"),
        "target_implementation": env.get("target_implementation", "?"), "target_version": env.get("target_version", "?"),
        "browser": env.get("browser", "?"), "harness_version": _version("first-login-harness"),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "counts": counts, "statements": rows,
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
            lines.append(f"| {r['id']} | {r['text'][:60]} | {detail.replace('|', '/')[:160]} | {len(r['evidence'])} |")
        lines.append("")
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
    print(f"written: {out_dir / 'conformance.md'}, {out_dir / 'conformance.json'}, {out_dir / 'evidence.zip'}")
    return 0
