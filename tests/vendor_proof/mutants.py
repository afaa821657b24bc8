"""``python -m tests.vendor_proof.mutants [--target blind|simulator] [--defect NAME ...] [--jobs N]`` (``make mutants``):
does every documented rule have a scenario that fails when a careless vendor breaks it?

For each seeded defect of the target (the blind site's ``--defect`` registry, mapped to the statements it breaks in
``defects.yaml``; the simulator's ``simulator/defects.py``), the target is started with only that defect on, the
scenarios citing those statements run, and the conformance verdicts are read: the defect is **named** when one of
its statements is FAILED or WARNING, and **survives** otherwise. The same scenarios on the correct build first give
the false failures (statements not PASSED although nothing is broken); on the blind site, a statement it really
deviates on, argued in ``deviations.yaml`` with that verdict, is an argued deviation, not a false failure.

Two other kinds of defect are not asked to be named, because no document sentence is broken:
* ``inferred: true``: it breaks behaviour the document is silent on (a flow detail, a count it leaves open). It is
  **flagged** when an @推定 scenario or an inferred check that was fine on the correct build asks for REVIEW, or a
  security check (features/security/, ids its clause, e.g. ASVS-V6.5.1) finds what it did not find there, and
  **silent** otherwise: the harness must not call it FAILED, but it must not miss it either.
* ``equivalent: "why"`` (simulator) / ``ids: []`` (a defect no scenario can see): listed with the reason, not run.

Results: a table on stdout and reports/mutants/<target>/{mutants.md,mutants.json}. Exit 1 when a documented defect
survives, an inferred one is silent, or the correct build has false failures.
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

from steps.reporting.advisory import rows as advisory_rows
from steps.reporting.conformance import by_statement, inferred_rows, scenarios

from .sites import HERE, ROOT, blind_site, write_profile

OUT = ROOT / "reports" / "mutants"
BAD = ("FAILED", "WARNING")


def registry(target: str) -> dict[str, dict]:
    """defect -> {"ids": [...], "note": ..., "inferred": bool, "equivalent": why}"""
    if target == "blind":
        return yaml.safe_load((HERE / "defects.yaml").read_text(encoding="utf-8")) or {}
    from simulator.defects import DEFECTS
    return {name: {"ids": list(d["ids"]), "note": d.get("note", ""), "inferred": bool(d.get("inferred")),
                   "equivalent": d.get("equivalent", "")} for name, d in DEFECTS.items()}


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
    found = scenarios(results)
    rows = {r["id"]: r for r in by_statement(found) if r["id"] in ids}
    # a REVIEW row is the scenario, what differs and the step it stopped at (not the message: it holds ports and URLs),
    # so a defect that stops an @推定 scenario earlier than the correct build did is flagged
    review = sorted({f"{r['scenario']} — {r['what']} — {r['reason'].split(' — ')[0]}"
                     for r in inferred_rows(found) if r["verdict"] == "REVIEW"}
                    # a security check (features/security/, ADVISORY) that finds what the correct build did not show
                    | {f"{r['scenario']} — security {r['clause']}: {r['what']}" for r in advisory_rows(results)
                       if r["verdict"] == "ADVISORY"})
    return {"defect": defect, "ids": ids, "status": status, "seconds": round(time.monotonic() - started, 1),
            "verdicts": {i: (rows[i]["verdict"], rows[i]["reason"][:200]) for i in ids if i in rows}, "review": review}


def _store_baseline(out: Path, baseline: dict) -> None:
    """Keep the correct build's verdicts and REVIEW rows (merged with earlier runs of other statements) for
    ``--no-baseline``: an inferred defect is flagged only by a REVIEW the correct build did not have."""
    path = out / "baseline.json"
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    data = {"commit": commit, "verdicts": {**old.get("verdicts", {}), **baseline["verdicts"]},
            "review": sorted(set(old.get("review", [])) | set(baseline["review"]))}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _stored_baseline(out: Path) -> dict:
    path = out / "baseline.json"
    if not path.exists():
        return {"verdicts": {}, "review": [], "seconds": 0, "stored": False,
                "source": "no stored correct build: statements are taken as PASSED, inferred defects are not judged"}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"verdicts": {k: tuple(v) for k, v in data["verdicts"].items()}, "review": data["review"], "seconds": 0,
            "source": f"its verdicts and REVIEW rows are read from {path.relative_to(ROOT)} (commit {data.get('commit')})"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.vendor_proof.mutants", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", choices=("blind", "simulator"), default="blind")
    ap.add_argument("--defect", action="append", help="only this defect (repeatable; default: every one)")
    ap.add_argument("--jobs", type=int, default=1, help="defects run at the same time (each starts its own site and browser)")
    ap.add_argument("--no-baseline", action="store_true",
                    help="skip the correct build's run: its verdicts and REVIEW rows are read from the last one "
                         "(reports/mutants/<target>/baseline.json); without one, every statement is taken as PASSED and "
                         "inferred defects are reported UNJUDGED")
    args = ap.parse_args(argv)
    defects = registry(args.target)
    chosen = args.defect or list(defects)
    unknown = [d for d in chosen if d not in defects]
    if unknown:
        ap.error(f"unknown defect(s) {unknown}; known: {', '.join(defects)}")
    testable = {d: defects[d]["ids"] for d in chosen if defects[d].get("ids") and not defects[d].get("equivalent")}
    inferred = {d for d in testable if defects[d].get("inferred")}
    out = OUT / args.target
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutants-") as tmp:
        work = Path(tmp)
        every_id = sorted({i for ids in testable.values() for i in ids})
        print(f"{args.target}: {len(chosen)} defect(s), {len(testable)} with statements (or security clauses) to check; "
              f"the correct build first ({len(every_id)} statements and clauses)", flush=True)
        if args.no_baseline:
            baseline = _stored_baseline(out)
            print(f"  correct build: not run (--no-baseline): {baseline['source']}", flush=True)
        else:
            baseline = run_one(args.target, None, every_id, work)
            _store_baseline(out, baseline)
        not_passed = {i: v for i, v in baseline["verdicts"].items() if v[0] != "PASSED"}
        argued = _argued(args.target)
        deviations = {i: v for i, v in not_passed.items() if argued.get(i) == v[0]}
        false = {i: v for i, v in not_passed.items() if i not in deviations}
        if baseline["verdicts"]:
            print(f"  correct build: {len(baseline['verdicts']) - len(not_passed)} PASSED, {len(not_passed)} not PASSED "
                  f"({len(deviations)} argued deviations, {len(false)} false failures) ({baseline['seconds']} s)", flush=True)
        for i, (verdict, why) in sorted(not_passed.items()):
            print(f"    {verdict:<8} {i:<18} {'argued deviation (deviations.yaml)' if i in deviations else why[:120]}")
        reviewed = set(baseline["review"])

        def one(name: str) -> dict:
            result = run_one(args.target, name, testable[name], work)
            if name in inferred and not baseline.get("stored", True):
                result["named"], result["flagged"] = [], []
                print(f"  UNJUDGED {name:<36} no correct build to compare its REVIEW rows with: run once without "
                      f"--no-baseline ({result['seconds']} s)", flush=True)
                return result
            if name in inferred:
                flagged = [r for r in result["review"] if r not in reviewed]
                result["named"], result["flagged"] = [], flagged
                print(f"  {'FLAGGED ' if flagged else 'SILENT  '} {name:<36} {'; '.join(flagged)[:120] or '-'} "
                      f"({result['seconds']} s)", flush=True)
                return result
            named = [i for i, (v, _w) in result["verdicts"].items() if v in BAD and i not in not_passed]
            result["named"] = named
            print(f"  {'NAMED   ' if named else 'SURVIVES'} {name:<36} {', '.join(named) or '-'} ({result['seconds']} s)", flush=True)
            return result

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(one, testable))
    documented = [r for r in results if r["defect"] not in inferred]
    survivors = [r["defect"] for r in documented if not r["named"]]
    silent = [r["defect"] for r in results if r["defect"] in inferred and not r["flagged"]]
    unchecked = {d: defects[d].get("equivalent") or defects[d].get("note", "") for d in chosen if d not in testable}
    report = {"target": args.target, "defects": len(chosen), "documented": len(documented),
              "named": len(documented) - len(survivors), "survivors": survivors, "inferred": len(inferred),
              "flagged": len(inferred) - len(silent), "silent": silent, "unchecked": unchecked, "false_failures": false,
              "argued_deviations": deviations,
              "baseline": not args.no_baseline, "seconds": round(time.monotonic() - started), "jobs": args.jobs,
              "results": results}
    (out / "mutants.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [f"# Mutation sweep: {args.target}", "",
             f"{report['named']} of {len(documented)} defects that break a documented statement named by spec ID "
             f"({len(survivors)} survive); {report['flagged']} of {len(inferred)} defects of inferred behaviour flagged "
             f"for REVIEW; {len(unchecked)} not run; "
             f"{(str(len(false)) + ' false failure(s) on the correct build, ' + str(len(deviations)) + ' argued deviation(s)') if report['baseline'] else 'correct build not run'}; "
             f"{report['seconds']} s with {args.jobs} job(s).", "",
             "| defect | statements | verdict | seconds |", "|---|---|---|---|"]
    for r in results:
        verdict = (("REVIEW: " + "; ".join(r["flagged"])) if r["flagged"] else "**silent**") if r["defect"] in inferred \
            else (", ".join(r["named"]) or "**survives**")
        lines.append(f"| {r['defect']} | {', '.join(r['ids'])} | {verdict} | {r['seconds']} |")
    if unchecked:
        lines += ["", "## Not run", ""] + [f"- {d}: {why or 'no scenario can observe it'}" for d, why in unchecked.items()]
    (out / "mutants.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\n{report['named']}/{len(documented)} documented defects named, survivors: {survivors or 'none'}; "
          f"{report['flagged']}/{len(inferred)} inferred flagged, silent: {silent or 'none'}; false failures: {len(false)}"
          f"{f' (+{len(deviations)} argued deviations)' if deviations else ''}; "
          f"{report['seconds']} s — {out / 'mutants.md'}")
    return 1 if survivors or silent or false else 0


def _argued(target: str) -> dict[str, str]:
    """Statement -> verdict of the blind site's argued real deviations (the simulator has none)."""
    if target != "blind":
        return {}
    data = yaml.safe_load((HERE / "deviations.yaml").read_text(encoding="utf-8")) or {}
    return {i: entry["verdict"] for i, entry in data.items()}


if __name__ == "__main__":
    sys.exit(main())
