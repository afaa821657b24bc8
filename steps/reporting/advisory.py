"""The section "Security (advisory)" of the conformance report: every check of the security scenarios
(features/security/), with its clause, PASSED or ADVISORY and what was seen. Read from the 「セキュリティ所見」
attachment each scenario carries (steps/evidence/advisory.py).

ADVISORY is a verdict of its own: never FAILED, never a statement of the documents, never in the conformance
percentage or the gate. A finding the document itself asks for (a 4-digit code, 8–20 characters) is marked as a
finding on the document."""
from __future__ import annotations

import json
from pathlib import Path

RECORD = "セキュリティ所見"  # steps/evidence/advisory.py RECORD_NAME
TAG = "security"
VERDICTS = ("ADVISORY", "PASSED", "SKIPPED", "REVIEW")


def _labels(data: dict, name: str) -> list[str]:
    return [label["value"] for label in data.get("labels", []) if label.get("name") == name]


def _record(results_dir: Path, data: dict) -> dict:
    found = list(data.get("attachments", []))
    stack = list(data.get("steps", []))
    while stack:
        step = stack.pop()
        found += step.get("attachments", [])
        stack += step.get("steps", [])
    source = next((a["source"] for a in found if a.get("name") == RECORD), None)
    if source is None:
        return {}
    try:
        return json.loads((results_dir / source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_security(data: dict) -> bool:
    return TAG in _labels(data, "tag") or "security" in _labels(data, "site")


def rows(results_dir: Path) -> list[dict]:
    """One row per check of every security scenario; a scenario without checks (skipped, broken before its Then)
    is one row SKIPPED or REVIEW with its reason."""
    out = []
    results_dir = Path(results_dir)
    for path in sorted(results_dir.glob("*-result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not is_security(data):
            continue
        name = data.get("name", "")
        engine = next((str(p.get("value", "")).strip("[]'\"") for p in data.get("parameters", []) if p.get("name") == "engine"), "")
        scenario = f"{name} [{engine}]" if engine else name
        checks = _record(results_dir, data).get("checks", [])
        message = ((data.get("statusDetails") or {}).get("message") or "").strip().splitlines()
        if not checks:
            status = data.get("status", "unknown")
            clauses = [t for t in _labels(data, "tag") if t[:4] in ("ASVS", "NIST", "OWAS")]
            out.append({"scenario": scenario, "clause": " ".join(clauses), "verdict": "SKIPPED" if status == "skipped" else "REVIEW",
                        "what": "no check reached", "expected": "", "seen": message[0][:200] if message else status,
                        "on_document": False})
            continue
        for check in checks:
            out.append({"scenario": scenario, "clause": check["clause"], "verdict": check["verdict"], "what": check["what"],
                        "expected": check["expected"], "seen": check["seen"], "on_document": bool(check.get("on_document"))})
    return out


def counts(found: list[dict]) -> dict[str, int]:
    tally = {v: sum(r["verdict"] == v for r in found) for v in VERDICTS}
    tally["on_document"] = sum(r["on_document"] for r in found)
    return tally


def markdown(found: list[dict]) -> list[str]:
    if not found:
        return []
    c = counts(found)
    lines = [f"## Security (advisory) — ADVISORY {c['ADVISORY']} (of which on the document {c['on_document']}), "
             f"PASSED {c['PASSED']}, SKIPPED {c['SKIPPED']}, REVIEW {c['REVIEW']}", "",
             "Checks against ASVS 5.0, NIST SP 800-63B and OWASP that the documents do not ask for. ADVISORY is advice: "
             "never FAILED, not counted in the conformance above or in the gate. 「文書の指摘」: the document itself asks "
             "for the weaker behaviour, so a target that follows the document receives the finding.", "",
             "| 判定 | 条項 | シナリオ | 何を | 期待 | 実際 |", "|---|---|---|---|---|---|"]
    order = {v: i for i, v in enumerate(VERDICTS)}
    for r in sorted(found, key=lambda r: (order.get(r["verdict"], 9), r["clause"], r["scenario"])):
        verdict = r["verdict"] + (" (文書の指摘)" if r["on_document"] else "")
        cells = [verdict, r["clause"], r["scenario"][:60], r["what"][:70], r["expected"][:90], r["seen"][:160]]
        lines.append("| " + " | ".join(str(x).replace("|", "/").replace("\n", " ") for x in cells) + " |")
    lines.append("")
    return lines


def summary_line(found: list[dict]) -> str:
    c = counts(found)
    return (f"━━ security (advisory, not in conformance or the gate): ADVISORY {c['ADVISORY']}"
            f" (on the document {c['on_document']}), PASSED {c['PASSED']}, SKIPPED {c['SKIPPED']}, REVIEW {c['REVIEW']}")
