"""The one-screen summary ``make report`` prints: per site and screen passed / failed and which statements break;
conformance per site; an optional quality gate."""
from __future__ import annotations

import os
import unicodedata
from collections import defaultdict

from .catalogue import SITES, load
from .results import Result, read, verdict

SCREEN_COLUMNS = 44  # the screen's name, so that a line fits a terminal beside the counts
SECURITY = "security"  # the site label of features/security/ (advisory results)
MARKS = {"passed": "✓", "failed": "✗", "not run": "·", "skipped": "-"}


def statement_verdicts(site: str, results: list[Result]) -> dict[str, str]:
    """Every testable statement of the site -> passed / failed / not run, from the scenarios that cite it."""
    per_id: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        for spec_id in r.ids:
            per_id[spec_id].append(r)
    return {s.id: verdict(per_id.get(s.id, [])) for s in load(site).statements if s.testable}


def conformance(verdicts: dict[str, str]) -> tuple[int, int]:
    """(statements whose every scenario passed, statements with at least one result)."""
    ran = [v for v in verdicts.values() if v in ("passed", "failed")]
    return sum(v == "passed" for v in ran), len(ran)


def render(results: list[Result]) -> tuple[str, float | None]:
    lines: list[str] = []
    total_ok = total_ran = 0
    for site in SITES:
        catalogue = load(site)
        mine = [r for r in results if r.site == site]
        lines.append(f"━━ {catalogue.name} ({site}) — {catalogue.title}")
        if not mine:
            lines.append("   no results (the site's features did not run)")
            continue
        screens: dict[str, list[Result]] = defaultdict(list)
        for r in mine:
            screens[r.label("feature", "?")].append(r)
        width = min(max(_width(s) for s in screens), SCREEN_COLUMNS) if screens else 10
        for screen, rs in sorted(screens.items()):
            passed = sum(r.status == "passed" and not r.flaky for r in rs)
            failed = sum(r.status == "failed" for r in rs)  # an assertion failed: the site differs from the document
            broken = sum(r.status == "broken" for r in rs)  # an error: timeout, harness, control API
            flaky = sum(r.flaky and r.status == "passed" for r in rs)  # passed only on a retry (--reruns)
            broken_ids = sorted({i for r in rs if r.failed for i in r.ids})
            mark = "✗" if failed or broken or flaky else "✓"
            tail = f"  spec: {' '.join(broken_ids)}" if broken_ids else ""
            flaky_column = f"  flaky {flaky:3d}" if flaky else ""
            lines.append(f" {mark} {_pad(screen, width)}  passed {passed:3d}  failed {failed:3d}  broken {broken:3d}"
                         f"{flaky_column}{tail}")
        verdicts = statement_verdicts(site, results)
        ok, ran = conformance(verdicts)
        not_run = sum(v == "not run" for v in verdicts.values())
        total_ok, total_ran = total_ok + ok, total_ran + ran
        pct = 100.0 * ok / ran if ran else 0.0
        lines.append(f"   conformance {pct:5.1f}%  ({ok}/{ran} statements with results pass;"
                     f" {not_run} testable statement(s) without a result)")
        broken = [i for i, v in verdicts.items() if v == "failed"]
        if broken:
            lines.append(f"   broken statements: {' '.join(broken)}")
    security = [r for r in results if r.site == SECURITY]  # advisory: never counted as passed or failed
    if security:
        advice = sum(r.label("verdict") == "ADVISORY" for r in security)
        lines.append(f"━━ security (advisory, not in conformance or the gate): {len(security)} scenario(s),"
                     f" ADVISORY {advice}, PASSED {sum(r.label('verdict') == 'PASSED' for r in security)},"
                     f" other {sum(r.label('verdict') not in ('ADVISORY', 'PASSED') for r in security)}")
    others = [r for r in results if r.site not in SITES and r.site != SECURITY]
    if others:
        passed = sum(r.status == "passed" for r in others)
        lines.append(f"━━ harness unit tests: passed {passed}, failed {sum(r.status == 'failed' for r in others)},"
                     f" broken {sum(r.status == 'broken' for r in others)}")
    overall = 100.0 * total_ok / total_ran if total_ran else None
    if overall is not None:
        lines.append(f"━━ overall conformance {overall:.1f}% ({total_ok}/{total_ran} statements)")
    return "\n".join(lines), overall


# exit statuses of the pytest runs of `make report`: results, not harness errors
PYTEST_RESULT = {0: "all passed", 1: "some tests failed", 5: "no test selected"}
EXIT_GATE, EXIT_HARNESS = 2, 3


def harness_errors(runs: dict[str, int]) -> list[str]:
    """The runs of the job that errored (pytest: internal error, interrupted, usage error; other steps: non-zero)."""
    bad = []
    for name, code in runs.items():
        ok = code in PYTEST_RESULT if name.startswith("pytest") else code == 0
        if not ok:
            bad.append(f"{name} exited {code}")
    return bad


def main(gate: float | None = None, runs: dict[str, int] | None = None) -> int:
    """0: the report is built (scenarios may have failed: read the summary); 2: the gate is set and missed;
    3: the harness itself errored (a run crashed or was interrupted, the report could not be built)."""
    results = read()
    text, overall = render(results)
    print(text)
    step_summary(text)
    status = 0
    if gate is not None:
        if overall is None or overall < gate:
            print(f"quality gate FAILED: conformance {overall if overall is not None else 0:.1f}% < {gate:g}%")
            status = EXIT_GATE
        else:
            print(f"quality gate passed: conformance {overall:.1f}% ≥ {gate:g}%")
    errors = harness_errors(runs or {})
    if errors:
        print(f"HARNESS ERROR ({'; '.join(errors)}): the results above are incomplete")
        status = EXIT_HARNESS
    return status


def step_summary(text: str) -> None:
    """In GitHub Actions, the same screen in the job's summary page ($GITHUB_STEP_SUMMARY), appended."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as out:
        out.write("### 初回ログイン 仕様適合: summary\n\n```\n" + text + "\n```\n")


def _width(text: str) -> int:
    """Columns on a terminal: full-width (Japanese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    """``text`` in exactly ``width`` terminal columns: cut with … when longer, padded with spaces when shorter."""
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))
