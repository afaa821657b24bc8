"""The site under test: the embedded simulator started as a subprocess, or the running one a profile names."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Target:
    site_url: str
    control_url: str
    stubs_url: str
    process: subprocess.Popen | None = None
    control_token: str | None = None  # sent as a bearer token to the control API / the stubs, when set
    stubs_token: str | None = None
    urls: dict[str, str] = field(default_factory=dict)  # "<site>.<screen>" -> absolute URL of a directly opened screen
    defects: list[str] = field(default_factory=list)  # seeded defects its /health reports (make mutants)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_embedded(db_dir: str | None = None) -> Target:
    """Start ``python -m simulator`` on free ports and wait for its one-line JSON of URLs."""
    db = os.path.join(db_dir or tempfile.mkdtemp(prefix="sim-"), "simulator.sqlite3")
    cmd = [sys.executable, "-m", "simulator", "--port", "0", "--stubs-port", "0", "--smtp-port", "0", "--db", db,
           "--scrypt-log2-n", "4",  # cheap password hashing: the features check the flows, not the hash cost
           "--gateway-timeout-seconds", "2.5"]  # a hung gateway costs its scenario 2.5 s, not 5 (the bound checked is 30 s)
    cmd += shlex.split(os.environ.get("HARNESS_SIMULATOR_ARGS", ""))  # e.g. "--defect code_reusable" (make mutants)
    log_path = os.path.join(os.path.dirname(db), "simulator.log")
    with open(log_path, "w", encoding="utf-8") as log:  # a file, not a pipe nobody reads, so it can never block
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True)
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        raise RuntimeError(f"the simulator did not start ({' '.join(cmd)}):\n{Path(log_path).read_text(encoding='utf-8')}")
    urls = json.loads(line)
    return Target(urls["site"], urls["control"], urls["stubs"], proc, urls.get("control_token"), urls.get("stubs_token"))


def for_profile(profile, db_dir: str | None = None) -> Target:
    """Start the simulator for an embedded profile, or point at the URLs of any other."""
    if profile.embedded:
        running = start_embedded(db_dir)
        bases = {site: running.site_url for site in profile.sites}
    else:
        running = Target(profile.sites[next(iter(profile.sites))]["base_url"].rstrip("/"), profile.control_url.rstrip("/"),
                         profile.stubs_url.rstrip("/"), control_token=profile.control_token, stubs_token=profile.stubs_token)
        bases = {site: spec["base_url"].rstrip("/") for site, spec in profile.sites.items()}
    running.urls = {key: bases[key.split(".")[0]] + path for key, path in profile.paths().items()}
    return running
