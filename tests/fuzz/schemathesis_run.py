"""Run ``st run simulator/openapi.yaml`` against a live simulator (tests/fuzz/live.py): the control API on the
site's URL, the stubs (``/_stubs`` and the provider-shaped endpoints) on the stubs' URL."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "simulator" / "openapi.yaml"
CONFIG = Path(__file__).with_name("schemathesis.toml")


@dataclass
class StResult:
    ok: bool
    cases: int
    output: str


def run_schemathesis(live, part: str, max_examples: int, seed: int | None = None, timeout: float = 1800) -> StResult:
    url = live.site_url if part == "control" else live.stubs_url
    select = ["--include-path-regex", "^/_control"] if part == "control" else ["--exclude-path-regex", "^/_control"]
    st = Path(sys.executable).with_name("st")
    cmd = [str(st), "--config-file", str(CONFIG), "run", str(OPENAPI), "--url", url,
           "-H", f"Authorization: Bearer {live.token}", "-n", str(max_examples), "--checks", "all", "--no-color",
           "--request-timeout", "10", *select, *(["--seed", str(seed)] if seed is not None else [])]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.fuzz.st_hooks", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    output = proc.stdout + proc.stderr
    found = re.search(r"(\d+) generated", output)
    return StResult(proc.returncode == 0, int(found.group(1)) if found else 0, output)
