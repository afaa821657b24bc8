"""``python -m tests.vendor_proof [--defect NAME ...] [-- pytest args]``: the unchanged features against the blind site.

Starts the stubs and tests/blind_site on free ports, writes profile.yaml (+ vocabulary.yaml) with those URLs into
reports/vendor/, checks the control API contract, runs every feature through ``--target`` and builds the
conformance report: reports/vendor/conformance/{conformance.md,conformance.json,evidence.zip}. With ``-- -n N`` it
starts N blind sites (each with its own stubs) and lists them as the profile's ``replicas``: one per worker, since
the control API's reset and clock are a whole site's. A partial run (``-- -k EXPR`` or ``-- -m EXPR``) writes to
reports/vendor-<EXPR>/ instead, so two partial runs at once do not clobber each other.

A full run of the correct build then checks every FAILED / WARNING statement against deviations.yaml (the site's real
deviations, each argued) and writes conformance/deviations.md: exit 1 when one is not argued (a false failure of the
harness until it is) or an argued one is no longer seen."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from contextlib import ExitStack

import yaml

from steps.reporting.conformance import main as conformance
from steps.target.contract import check, render
from steps.target.profile import load

from .sites import HERE, ROOT, blind_site, write_profile

OUT = ROOT / "reports" / "vendor"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.vendor_proof", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--defect", action="append", default=[], help="switch on a defect of the blind site (repeatable; "
                    "python -m tests.blind_site --list-defects)")
    ap.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = ap.parse_args(argv)
    out = OUT
    selector = next((a for a in ("-k", "-m") if a in args.pytest_args[:-1]), None)
    if selector:
        expr = args.pytest_args[args.pytest_args.index(selector) + 1]
        out = OUT.with_name("vendor-" + "".join(c if c.isalnum() else "-" for c in expr).strip("-"))
    shutil.rmtree(out, ignore_errors=True)
    workers = _workers(args.pytest_args)
    with ExitStack() as stack:
        copies = [stack.enter_context(blind_site(args.defect, log=None)) for _ in range(max(1, workers))]
        urls = copies[0]
        profile = write_profile(urls, out, f" (defects: {', '.join(args.defect)})" if args.defect else "",
                                copies if workers > 1 else ())
        print(f"blind site {', '.join(c['site'] for c in copies)}, stubs {', '.join(c['stubs'] for c in copies)}; "
              f"defects: {args.defect or 'none'}", flush=True)
        print("control API contract:\n" + render(check(load(str(profile)), urls["control"])), flush=True)
        status = subprocess.run([sys.executable, "-m", "pytest", "tests/features", "--target", str(profile),
                                 f"--alluredir={out / 'allure-results'}", "--screenshots=always", "-q", "-rN",
                                 "-p", "no:randomly", *args.pytest_args], cwd=ROOT, check=False).returncode
    conformance(out / "allure-results", out / "conformance", None, allure=True)
    if status not in (0, 1):
        return 3
    if selector or args.defect:
        return 0  # a partial run or a seeded defect: the argued deviations are those of the whole correct build
    return 0 if argued(out / "conformance", _engine(args.pytest_args)) else 1


def _engine(pytest_args: list[str]) -> str:
    """The engine the run used: pytest's ``--browser`` (the harness's default, chromium, without it)."""
    for n, arg in enumerate(pytest_args):
        if arg == "--browser" and n + 1 < len(pytest_args):
            return pytest_args[n + 1]
        if arg.startswith("--browser="):
            return arg.split("=", 1)[1]
    return "chromium"


def argued(report_dir, engine: str = "chromium") -> bool:
    """Every FAILED / WARNING statement of the correct build is a real deviation argued in deviations.yaml, and every
    argued one is still seen: prints both lists and writes them to <report>/deviations.md. An entry with ``engines``
    is a deviation in those engines only (the browser's own behaviour is part of it)."""
    known = {i: entry for i, entry in (yaml.safe_load((HERE / "deviations.yaml").read_text(encoding="utf-8")) or {}).items()
             if engine in entry.get("engines", [engine])}
    rows = json.loads((report_dir / "conformance.json").read_text(encoding="utf-8"))["statements"]
    bad = {r["id"]: r for r in rows if r["verdict"] in ("FAILED", "WARNING")}
    unargued = [i for i in bad if i not in known or known[i]["verdict"] != bad[i]["verdict"]]
    stale = [i for i in known if i not in bad]
    lines = [f"# The blind site's deviations ({engine})", "",
             f"{len(bad)} statements FAILED or WARNING; {len(bad) - len(unargued)} argued as real deviations "
             f"(tests/vendor_proof/deviations.yaml), {len(unargued)} not argued (false failures until argued), "
             f"{len(stale)} argued but not seen.", "", "| ID | verdict | why |", "|---|---|---|"]
    lines += [f"| {i} | {bad[i]['verdict']} | {known[i]['why'] if i not in unargued else '**not argued**: ' + bad[i]['reason'][:200]} |"
              for i in bad]
    lines += [f"| {i} | (not seen) | stale: {known[i]['why']} |" for i in stale]
    (report_dir / "deviations.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[2])
    for i in unargued:
        print(f"  NOT ARGUED {bad[i]['verdict']:<8} {i:<20} {bad[i]['reason'][:140]}")
    for i in stale:
        print(f"  STALE      {i}: argued, no longer FAILED/WARNING")
    return not unargued and not stale


def _workers(pytest_args: list[str]) -> int:
    """The N of ``-n N`` / ``-nN`` / ``--numprocesses=N`` among the pytest arguments (0 without)."""
    for i, a in enumerate(pytest_args):
        value = (pytest_args[i + 1] if a in ("-n", "--numprocesses") and i + 1 < len(pytest_args)
                 else a[2:] if a.startswith("-n") and len(a) > 2
                 else a.split("=", 1)[1] if a.startswith("--numprocesses=") else None)
        if value is not None:
            return (os.cpu_count() or 1) if value in ("auto", "logical") else int(value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
