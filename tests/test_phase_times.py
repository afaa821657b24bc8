"""``--phase-times``: a feature run says where its time went (steps/harness/phase_times.py)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from steps.harness.phase_times import PHASES, _Totals, summary
from tests.lean import LEAN

FEATURE = """\
# language: ja
機能: 時間
  シナリオ: 三つの段
    前提 準備する
    かつ もう一度準備する
    もし 待つ
    ならば 確かめる
"""

STEPS = '''
from pytest_bdd import given, when, then, scenarios
from steps.harness import phase_times

class Clock:  # the plugin's clock, moved by the steps: no wait on the wall clock
    now = 1000.0
    def perf_counter(self):
        return self.now

clock = phase_times.time = Clock()
scenarios("slow.feature")

@given("準備する")
def _():
    clock.now += 0.05

@given("もう一度準備する")
def _():
    clock.now += 0.05

@when("待つ")
def _():
    clock.now += 0.2

@then("確かめる")
def _():
    pass
'''


def _run(tmp_path, *extra: str) -> str:
    (tmp_path / "slow.feature").write_text(FEATURE, encoding="utf-8")
    (tmp_path / "test_slow.py").write_text(textwrap.dedent(STEPS), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", str(tmp_path), "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           "-p", "no:allure_pytest", *LEAN,
                           "--phase-times", "--rootdir", str(tmp_path), *extra],
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_table_splits_a_scenario_into_its_keywords_and_names_the_slowest_steps(tmp_path):
    out = _run(tmp_path)
    assert "where the time went (--phase-times)" in out
    rows = {line.split()[0]: float(line.split()[1]) for line in out.splitlines() if line.strip().split(" ")[0] in PHASES}
    assert (rows["given"], rows["when"], rows["then"]) == (0.1, 0.2, 0.0), out
    slowest = [line for line in out.splitlines() if "× " in line]
    assert "when: 待つ" in slowest[0], out  # the slowest step first


@pytest.mark.slow
def test_under_xdist_the_workers_times_reach_the_controller(tmp_path):
    out = _run(tmp_path, "-n", "2")
    assert "1 scenarios on 1 workers (times summed)" in out or "1 scenarios on 2 workers" in out, out
    assert "when: 待つ" in out, out


def test_the_summary_of_an_empty_run_divides_by_nothing():
    lines = summary(_Totals(), now=_Totals().started + 1)
    assert lines[1].startswith("0 scenarios") and all("nan" not in line for line in lines)
