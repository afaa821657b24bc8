"""``python -m tests.vendor_proof [--defect NAME ...] [-- pytest args]``: the unchanged features against the blind site.

Starts the stubs and tests/blind_site on free ports, writes profile.yaml (+ vocabulary.yaml) with those URLs into
reports/vendor/, checks the control API contract, runs every feature through ``--target`` and builds the
conformance report: reports/vendor/conformance/{conformance.md,conformance.json,evidence.zip}. With ``-- -n N`` it
starts N blind sites (each with its own stubs) and lists them as the profile's ``replicas``: one per worker, since
the control API's reset and clock are a whole site's. A partial run
(``-- -k EXPR`` or ``-- -m EXPR``) writes to reports/vendor-<EXPR>/ instead, so two partial runs at once do not clobber each other."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from contextlib import ExitStack

from steps.reporting.conformance import main as conformance
from steps.target.contract import check, render
from steps.target.profile import load

from .sites import ROOT, blind_site, write_profile

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
    return 0 if status in (0, 1) else 3


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
