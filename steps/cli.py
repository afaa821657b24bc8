"""first-login-harness: the installed harness's one command (``pip install first-login-harness``).

  first-login-harness conformance --target PROFILE [--out DIR] [--browser E] [-k EXPR] [-- PYTEST ARGS]
        every feature against the target, then the conformance report: DIR/conformance.md, .json, evidence.zip
        (default reports/conformance/) from the Allure results in DIR/allure-results
  first-login-harness run [PYTEST ARGS]          the features with any pytest options (--target, -n 2, --junitxml ...)
  first-login-harness contract --target PROFILE  the target's control API against the contract (simulator/openapi.yaml)
  first-login-harness merge DIR... --out DIR      Allure results of shards / engines as one results directory
  first-login-harness summary | living | coverage the reporting commands of ``python -m steps.reporting``
  first-login-harness stubs [...]                 the stub services for a vendor's staging (python -m simulator.stubs)
  first-login-harness simulator [...]             the embedded simulator to click through (python -m simulator)

The features, the spec catalogue and the profiles travel inside the package (steps/paths.py); ``--target`` takes a
path to your own profile or the name of a bundled one (``simulator``: the embedded simulator).
Exit status of ``conformance`` and ``run``: pytest's (0 passed, 1 scenarios failed, 5 none selected); 3 when pytest
itself errored (``conformance`` then writes no report)."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .paths import FEATURES

SUITE = Path(__file__).resolve().parent / "suite"
# allure-pytest-bdd names a scenario by its feature file's path under the rootdir: one above both folders
ROOTDIR = Path(os.path.commonpath([SUITE, FEATURES]))
RESULTS_OF_A_RUN = (0, 1, 5)  # passed, scenarios failed, none selected (a -k that matches nothing)


def pytest_command(args: list[str]) -> list[str]:
    """pytest on the bundled bindings with the harness's own ini (a vendor's pytest configuration stays out); the
    harness's modules come from the pytest11 entry point (steps/plugin.py)."""
    return [sys.executable, "-m", "pytest", str(SUITE), "-c", str(SUITE / "harness.ini"), "--rootdir", str(ROOTDIR), *args]


def run(args: list[str]) -> int:
    return subprocess.call(pytest_command(args))


def conformance(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="first-login-harness conformance",
                                 description="every feature against a target, then the conformance report")
    ap.add_argument("--target", required=True, help="your target profile (a path), or a bundled one by name")
    ap.add_argument("--out", type=Path, default=Path("reports/conformance"), help="where to write (default reports/conformance)")
    ap.add_argument("--browser", default="chromium", help="engine (chromium, webkit, firefox, webkitgtk, safari)")
    ap.add_argument("-k", dest="keyword", default=None, help="only the scenarios matching this expression (pytest -k)")
    ap.add_argument("--site", action="append", default=None, help="report only this site (repeatable)")
    args, extra = ap.parse_known_args(argv)
    if extra[:1] == ["--"]:
        extra = extra[1:]
    out = args.out.resolve()
    results = out / "allure-results"
    if results.exists():  # a fresh report: results of an earlier run would count again
        for old in results.iterdir():
            old.unlink()
    target = str(Path(args.target).resolve()) if Path(args.target).exists() else args.target
    status = run(["--target", target, "--browser", args.browser, "--screenshot=on", "--feature-progress",
                  f"--alluredir={results}", *(["-k", args.keyword] if args.keyword else []), *extra])
    if status not in RESULTS_OF_A_RUN:
        print(f"first-login-harness: pytest exited {status} (a harness error): no report", file=sys.stderr)
        return 3
    from .reporting.conformance import main as report
    report(results, out, args.site, True)
    return status


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "conformance":
        return conformance(rest)
    if command == "run":
        return run(rest)
    if command == "contract":
        from .target.contract import main as contract
        return contract(rest)
    if command in ("merge", "summary", "living", "coverage", "environment"):
        from .reporting.__main__ import main as reporting
        return reporting([command, *rest])
    if command == "stubs":
        return subprocess.call([sys.executable, "-m", "simulator.stubs", *rest])
    if command == "simulator":
        return subprocess.call([sys.executable, "-m", "simulator", *rest])
    print(f"first-login-harness: unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
