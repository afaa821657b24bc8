"""The same scenarios with their Given walked in the browser (``--walk``) and by state injection (the simulator's
``POST /_control/<site>/sessions``), alternating in one run so both see the same machine load; prints each
scenario's time both ways and the ratio walk ÷ injected. The time is the scenario's call phase (its steps:
Given, When, Then), from pytest's JUnit report; start-up and per-scenario set-up are the same both ways.

``make bench``: 5 scenarios, 3 rounds each way. A plain ``pytest`` run (``make test``): one scenario, once each
way, as a smoke test of both paths."""
from __future__ import annotations

import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# scenarios whose Given goes deep into a route and which are not the route's @journey (that one always walks)
SCENARIOS = ("条件を満たすパスワードを登録すると登録完了となる", "届いた認証コードを入力するとメールアドレス変更の確認へ進む",
             "はいを押すと電話番号の認証へ進む", "my_aplusにログインするを押すとログイン画面が表示される",
             "取得済のplus_member_idのパスワードを入力すると初回ログインが完了する")
# run first and left out: pytest-bdd asks for the fixtures in the call phase, so the first scenario of a run also
# pays for starting the simulator and the browser
WARM_UP = "ログイン画面にid欄パスワード欄と入力の注意が表示される"
pytestmark = pytest.mark.benchmark


def _run(scenarios, walk: bool, engine: str, out: Path) -> dict[str, float]:
    """One pytest run of ``scenarios``: seconds of each scenario's steps."""
    cmd = [sys.executable, "-m", "pytest", "tests/features/test_myaplus.py", "tests/features/test_fanclub.py", "-q",
           "-p", "no:randomly", "--browser", engine, "-k", " or ".join((WARM_UP, *scenarios)), f"--junitxml={out}",
           "-o", "junit_duration_report=call", "-o", "addopts=-p no:cacheprovider -p no:allure_pytest"]
    done = subprocess.run(cmd + (["--walk"] if walk else []), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(cmd)}\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    warm_up, *measured = ET.parse(out).getroot().iter("testcase")
    assert warm_up.get("classname").endswith("01_login"), f"the warm-up ran first? {warm_up.get('name')}"
    cases = {c.get("name"): float(c.get("time")) for c in measured}
    assert len(cases) == len(scenarios), f"expected {len(scenarios)} scenarios, ran {sorted(cases)}"
    return cases


def test_walked_vs_injected(benchmark, request, tmp_path, capsys):
    smoke = benchmark.disabled
    scenarios, rounds = (SCENARIOS[:1], 1) if smoke else (SCENARIOS, 3)
    engine = request.config.getoption("--browser", default="chromium")
    times: dict[bool, list[dict[str, float]]] = {True: [], False: []}

    def interleaved():
        for n in range(rounds):
            for walk in (True, False) if n % 2 == 0 else (False, True):  # neither way always goes first
                times[walk].append(_run(scenarios, walk, engine, tmp_path / f"{n}-{walk}.xml"))

    benchmark.pedantic(interleaved, rounds=1, iterations=1)
    rows, walked_total, injected_total = [], 0.0, 0.0
    for name in sorted(times[True][0]):
        walked = statistics.median(t[name] for t in times[True])
        injected = statistics.median(t[name] for t in times[False])
        walked_total, injected_total = walked_total + walked, injected_total + injected
        rows.append(f"  {walked:6.2f} s walked  {injected:6.2f} s injected  {walked / injected:5.2f}×  {name}")
    ratio = walked_total / injected_total
    benchmark.extra_info.update(walked_seconds=round(walked_total, 2), injected_seconds=round(injected_total, 2),
                                ratio=round(ratio, 2), engine=engine, rounds=rounds)
    with capsys.disabled():
        print(f"\nwalked vs injected Given ({engine}, median of {rounds} interleaved round(s), steps only):")
        print("\n".join(rows))
        print(f"  {walked_total:6.2f} s walked  {injected_total:6.2f} s injected  {ratio:5.2f}×  all")
    assert injected_total > 0
