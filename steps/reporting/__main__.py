"""python -m steps.reporting <command>

  coverage            every testable statement has a scenario, every ID tag exists (exit 1 otherwise)
  summary [--gate N] [--run NAME=STATUS ...]  one screen per site and screen from reports/allure-results;
                      exit 2 when conformance < N%, 3 when a step of the job errored
  living [--report-dir DIR]  reports/living/<site>.md and .html (copied into DIR/living/ for the report's links)
  environment         reports/allure-results/environment.properties (target, browser, versions)
  merge DIR... --out DIR  Allure results of several runs (shards, workers, engines) as one results directory
  conformance [--results DIR] [--out DIR] [--site S]  per spec statement PASSED/FAILED/WARNING/REVIEW/SKIPPED with
                      evidence: conformance.md, .json and evidence.zip (default reports/conformance/)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _run(value: str) -> tuple[str, int]:
    name, _, status = value.rpartition("=")
    if not name or not status.lstrip("-").isdigit():
        raise argparse.ArgumentTypeError(f"expected NAME=STATUS, got {value!r}")
    return name, int(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m steps.reporting", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("coverage")
    summary = sub.add_parser("summary")
    summary.add_argument("--gate", type=float, default=None, help="fail (exit 2) when conformance is below this %%")
    summary.add_argument("--run", action="append", default=[], metavar="NAME=STATUS", type=_run,
                         help="exit status of one step of the job (repeatable; make report passes them): for NAME "
                              "pytest-*, 0, 1 (tests failed) and 5 (none selected) are results, any other status is a "
                              "harness error; for other NAMEs (allure, living) any non-zero status is. A harness error "
                              "makes summary exit 3")
    living = sub.add_parser("living")
    living.add_argument("--report-dir", type=Path, default=None,
                        help="also copy the HTML pages into DIR/living/, where the report's spec links point")
    sub.add_parser("environment")
    merge = sub.add_parser("merge", help="Allure results of several runs (shards, engines) as one directory")
    merge.add_argument("inputs", nargs="+", type=Path, metavar="DIR", help="a run's Allure results directory")
    merge.add_argument("--out", type=Path, required=True, help="the merged results directory (created; may hold results)")
    conformance = sub.add_parser("conformance")
    conformance.add_argument("--results", type=Path, default=None, help="Allure results directory of the run")
    conformance.add_argument("--out", type=Path, default=None, help="where to write (default reports/conformance)")
    conformance.add_argument("--site", action="append", default=None, help="only this site (repeatable)")
    conformance.add_argument("--no-allure", action="store_true", help="do not add the report to the Allure results")
    args = parser.parse_args(argv)
    if args.command == "coverage":
        from .coverage import main as run
        return run()
    if args.command == "summary":
        from .summary import main as run
        return run(args.gate, dict(args.run))
    if args.command == "living":
        from .living import main as run
        return run(args.report_dir)
    if args.command == "conformance":
        from .conformance import main as run
        from .results import RESULTS_DIR
        return run(args.results or RESULTS_DIR, args.out, args.site, not args.no_allure)
    if args.command == "merge":
        from .merge import main as run
        return run(args.inputs, args.out)
    if args.command == "environment":
        from .environment import write
        print(write())
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
