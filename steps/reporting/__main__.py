"""python -m steps.reporting <command>

  coverage            every testable statement has a scenario, every ID tag exists (exit 1 otherwise)
  summary [--gate N]  one screen per site and screen from reports/allure-results; exit 2 when conformance < N%
  living [--report-dir DIR]  reports/living/<site>.md and .html (copied into DIR/living/ for the report's links)
  environment         reports/allure-results/environment.properties (target, browser, versions)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m steps.reporting", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("coverage")
    summary = sub.add_parser("summary")
    summary.add_argument("--gate", type=float, default=None, help="fail (exit 2) when conformance is below this %%")
    living = sub.add_parser("living")
    living.add_argument("--report-dir", type=Path, default=None)
    sub.add_parser("environment")
    args = parser.parse_args(argv)
    if args.command == "coverage":
        from .coverage import main as run
        return run()
    if args.command == "summary":
        from .summary import main as run
        return run(args.gate)
    if args.command == "living":
        from .living import main as run
        return run(args.report_dir)
    if args.command == "environment":
        from .environment import write
        print(write())
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
