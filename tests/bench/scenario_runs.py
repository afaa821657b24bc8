"""One pytest run of some feature scenarios in a subprocess, timed per scenario from its JUnit report: set-up, the
steps (Given, When, Then) and teardown (evidence, the page forgetting the scenario). pytest-bdd asks for the fixtures
in the first step, so the first scenario of a run also pays for starting the simulator and the browser: a warm-up
scenario runs first and is left out; so is a cool-down scenario last, whose teardown stops the browser and the
simulator. The run is lean as the Makefile's feature runs are (plugins of the unit tests
off, compiled modules kept: README *Lean start-up*)."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.lean import LEAN

ROOT = Path(__file__).resolve().parents[2]
WARM_UP = "ログイン画面にid欄パスワード欄と入力の注意が表示される"  # the first scenario of the run's order
COOL_DOWN = "step2で認証されないとstep3のメールアドレス入力へ進めない"  # its last (fan club, 15_step_order)


def run_scenarios(scenarios, engine: str, out: Path, *extra: str) -> dict[str, float]:
    """Seconds of each scenario whole (set-up, steps, teardown), by JUnit test name (``-k`` expressions: pytest's
    lower-cased names)."""
    cmd = [sys.executable, "-m", "pytest", "tests/features/test_myaplus.py", "tests/features/test_fanclub.py", "-q",
           "-p", "no:randomly", *LEAN, "--browser", engine, "-k", " or ".join((WARM_UP, *scenarios, COOL_DOWN)),
           f"--junitxml={out}", "-o", "junit_duration_report=total", "-o", "addopts=-p no:cacheprovider -p no:allure_pytest",
           *extra]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
    assert done.returncode == 0, f"{' '.join(cmd)}\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    warm_up, *measured, cool_down = ET.parse(out).getroot().iter("testcase")
    assert warm_up.get("classname").endswith("01_login"), f"the warm-up ran first? {warm_up.get('name')}"
    assert cool_down.get("classname").endswith("15_step_order"), f"the cool-down ran last? {cool_down.get('name')}"
    cases = {c.get("name"): float(c.get("time")) for c in measured}
    assert len(cases) == len(scenarios), f"expected {len(scenarios)} scenarios, ran {sorted(cases)}"
    return cases
