"""``python -m tests.vendor_proof.mutants [--target blind|simulator] [--defect NAME ...] [--jobs N]`` (``make mutants``):
does every documented rule have a scenario that fails when a careless vendor breaks it?

For each seeded defect of the target (the blind site's ``--defect`` registry, mapped to the statements it breaks in
``defects.yaml``; the simulator's ``simulator/defects.py``), the target is started with only that defect on, the
scenarios citing those statements run, and the conformance verdicts are read: the defect is **named** when one of
its statements is FAILED or WARNING, and **survives** otherwise. The same scenarios on the correct build first give
the false failures (statements not PASSED although nothing is broken). Results: a table on stdout and
reports/mutants/<target>/{mutants.md,mutants.json}. Exit 1 when a defect survives or the correct build fails.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from steps.reporting.conformance import by_statement, scenarios

from .sites import HERE, ROOT, blind_site, write_profile

OUT = ROOT / "reports" / "mutants"
BAD = ("FAILED", "WARNING")


def registry(target: str) -> dict[str, dict]:
    """defect -> {"ids": [...], "note": ...}"""
    if target == "blind":
        return yaml.safe_load((HERE / "defects.yaml").read_text(encoding="utf-8")) or {}
    from simulator.defects import DEFECTS
    return {name: {"ids": list(d["ids"]), "note": d.get("note", "")} for name, d in DEFECTS.items()}


def _pytest(profile_args: list[str], ids: list[str], results: Path, env: dict | None = None) -> int:
    marks = " or ".join(ids)
    cmd = [sys.executable, "-m", "pytest", "tests/features", *profile_args, "-m", marks, f"--alluredir={results}",
           "-q", "-p", "no:randomly", "--no-header", "-rN"]
    return subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False).returncode


def run_one(target: str, defect: str | None, ids: list[str], work: Path) -> dict:
    """The verdicts of ``ids`` with ``defect`` switched on (None: the correct build)."""
    results = work / (defect or "correct") / "allure-results"
    started = time.monotonic()
    if target == "blind":
        with blind_site([defect] if defect else []) as urls:
            profile = write_profile(urls, work / (defect or "correct"))
            status = _pytest(["--target", str(profile)], ids, results)
    else:
        status = _pytest(["--target", "simulator"], ids, results, {"HARNESS_SIMULATOR_ARGS": f"--defect {defect}" if defect else ""})
    rows = {r["id"]: r for r in by_statement(scenarios(results)) if r["id"] in ids}
    return {"defect": defect, "ids": ids, "status": status, "seconds": round(time.monotonic() - started, 1),
            "verdicts": {i: (rows[i]["verdict"], rows[i]["reason"][:200]) for i in ids if i in rows}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.vendor_proof.mutants", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", choices=("blind", "simulator"), default="blind")
    ap.add_argument("--defect", action="append", help="only this defect (repeatable; default: every one)")
    ap.add_argument("--jobs", type=int, default=1, help="defects run at the same time (each starts its own site and browser)")
    args = ap.parse_args(argv)
    defects = registry(args.target)
    chosen = args.defect or list(defects)
    unknown = [d for d in chosen if d not in defects]
    if unknown:
        ap.error(f"unknown defect(s) {unknown}; known: {', '.join(defects)}")
    testable = {d: defects[d]["ids"] for d in chosen if defects[d].get("ids")}
    out = OUT / args.target
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutants-") as tmp:
        work = Path(tmp)
        every_id = sorted({i for ids in testable.values() for i in ids})
        print(f"{args.target}: {len(chosen)} defect(s), {len(testable)} with documented statements; the correct build first "
              f"({len(every_id)} statements)", flush=True)
        baseline = run_one(args.target, None, every_id, work)
        false = {i: v for i, v in baseline["verdicts"].items() if v[0] != "PASSED"}
        print(f"  correct build: {len(baseline['verdicts']) - len(false)} PASSED, {len(false)} not PASSED "
              f"({baseline['seconds']} s)", flush=True)
        for i, (verdict, why) in sorted(false.items()):
            print(f"    {verdict:<8} {i:<18} {why[:120]}")

        def one(name: str) -> dict:
            result = run_one(args.target, name, testable[name], work)
            named = [i for i, (v, _w) in result["verdicts"].items() if v in BAD and i not in false]
            result["named"] = named
            print(f"  {'NAMED   ' if named else 'SURVIVES'} {name:<36} {', '.join(named) or '-'} ({result['seconds']} s)", flush=True)
            return result

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(one, testable))
    survivors = [r["defect"] for r in results if not r["named"]]
    untestable = [d for d in chosen if d not in testable]
    report = {"target": args.target, "defects": len(chosen), "named": len(results) - len(survivors), "survivors": survivors,
              "without_statement": untestable, "false_failures": false, "seconds": round(time.monotonic() - started),
              "results": results}
    (out / "mutants.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [f"# Mutation sweep: {args.target}", "", f"{report['named']} of {len(results)} defects named by spec ID; "
             f"{len(survivors)} survive; {len(false)} false failure(s) on the correct build; {report['seconds']} s.", "",
             "| defect | statements it breaks | named | seconds |", "|---|---|---|---|"]
    lines += [f"| {r['defect']} | {', '.join(r['ids'])} | {', '.join(r['named']) or '**survives**'} | {r['seconds']} |" for r in results]
    if untestable:
        lines += ["", "Defects that break no documented statement (inferred behaviour only): " + ", ".join(untestable)]
    (out / "mutants.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\n{report['named']}/{len(results)} named, survivors: {survivors or 'none'}; false failures: {len(false)}; "
          f"{report['seconds']} s — {out / 'mutants.md'}")
    return 1 if survivors or false else 0


if __name__ == "__main__":
    sys.exit(main())
