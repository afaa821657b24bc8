"""``python -m tests.vendor_site.proof [--break NAME ...] [-- pytest args]``: the conformance proof.

Starts the stubs and the vendor site on free ports, writes a copy of profile.yaml with those URLs, runs the
unchanged My APLUS features against it (``--target``), and builds the conformance report from the results:
reports/vendor/allure-results, reports/vendor/conformance/{conformance.md,conformance.json,evidence.zip}.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import yaml

from simulator.server import BackgroundServer  # only to serve the two apps; the vendor site imports no simulator code
from simulator.stubs.service import start_stubs

from steps.target.profile import load

from .app import BREAKS, create_vendor_app

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "reports" / "vendor"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.vendor_site.proof", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--break", dest="breaks", action="append", default=[], choices=sorted(BREAKS),
                    help="switch on a deliberate defect (repeatable): " + "; ".join(f"{k}: {v}" for k, v in BREAKS.items()))
    ap.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = ap.parse_args(argv)

    stubs = start_stubs("127.0.0.1", 0, 0)
    site = BackgroundServer(create_vendor_app(stubs.url, ("127.0.0.1", stubs.smtp_port), set(args.breaks)), "127.0.0.1",
                            free_port()).start()
    try:
        profile = yaml.safe_load((Path(__file__).parent / "profile.yaml").read_text(encoding="utf-8"))
        profile.update(control_url=f"{site.url}/_control", stubs_url=stubs.url)
        profile["sites"]["myaplus"]["base_url"] = site.url
        if args.breaks:
            profile["name"] += f" (breaks: {', '.join(args.breaks)})"
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir(parents=True)
        (OUT / "profile.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
        print(f"vendor site {site.url}/ma/signin, stubs {stubs.url}; breaks: {args.breaks or 'none'}", flush=True)
        from steps.target.contract import check, render
        print("control API contract:\n" + render(check(load(str(OUT / "profile.yaml")), profile["control_url"])), flush=True)
        subprocess.run([sys.executable, "-m", "pytest", "tests/features/test_myaplus.py", "--target", str(OUT / "profile.yaml"),
                        f"--alluredir={OUT / 'allure-results'}", "--screenshots=always", "-q", "-rN", *args.pytest_args],
                       cwd=ROOT, check=False)
    finally:
        site.stop()
        stubs.stop()
    from steps.reporting.conformance import main as conformance
    return conformance(OUT / "allure-results", OUT / "conformance", ["myaplus"], allure=True)


if __name__ == "__main__":
    sys.exit(main())
