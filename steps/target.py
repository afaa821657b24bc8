"""The site under test: the embedded simulator started as a subprocess, or a running one (--base-url)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Target:
    site_url: str
    control_url: str
    stubs_url: str
    process: subprocess.Popen | None = None

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
    cmd = [sys.executable, "-m", "simulator", "--port", "0", "--stubs-port", "0", "--smtp-port", "0", "--db", db]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line:
        err = proc.stderr.read()
        raise RuntimeError(f"the simulator did not start ({' '.join(cmd)}):\n{err}")
    urls = json.loads(line)
    return Target(urls["site"], urls["control"], urls["stubs"], proc)


def connect(base_url: str, stubs_url: str | None) -> Target:
    base = base_url.rstrip("/")
    return Target(base, f"{base}/_control", (stubs_url or "http://127.0.0.1:8026").rstrip("/"))
