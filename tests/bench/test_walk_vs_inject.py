"""The same scenarios with their Given walked in the browser (``--walk``) and by state injection (the simulator's
``POST /_control/<site>/sessions``), alternating in one run so both see the same machine load; prints each
scenario's time both ways and the ratio walk ÷ injected. The time is the scenario's, from pytest's JUnit report
(tests/bench/scenario_runs.py); start-up is the same both ways.

``make bench``: 5 scenarios, 3 rounds each way. A plain ``pytest`` run (``make test``): one scenario, once each
way, as a smoke test of both paths."""
from __future__ import annotations

import statistics

import pytest

from .scenario_runs import run_scenarios

# scenarios whose Given goes deep into a route and which are not the route's @journey (that one always walks)
SCENARIOS = ("条件を満たすパスワードを登録すると登録完了となる", "届いた認証コードを入力するとメールアドレス変更の確認へ進む",
             "はいを押すと電話番号の認証へ進む", "my_aplusにログインするを押すとログイン画面が表示される",
             "取得済のplus_member_idのパスワードを入力すると初回ログインが完了する")
pytestmark = [pytest.mark.benchmark, pytest.mark.slow]


def test_walked_vs_injected(benchmark, request, tmp_path, capsys):
    smoke = benchmark.disabled
    scenarios, rounds = (SCENARIOS[:1], 1) if smoke else (SCENARIOS, 3)
    engine = request.config.getoption("--browser", default="chromium")
    times: dict[bool, list[dict[str, float]]] = {True: [], False: []}

    def interleaved():
        for n in range(rounds):
            for walk in (True, False) if n % 2 == 0 else (False, True):  # neither way always goes first
                times[walk].append(run_scenarios(scenarios, engine, tmp_path / f"{n}-{walk}.xml", *(["--walk"] if walk else [])))

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
        print(f"\nwalked vs injected Given ({engine}, median of {rounds} interleaved round(s), per scenario):")
        print("\n".join(rows))
        print(f"  {walked_total:6.2f} s walked  {injected_total:6.2f} s injected  {ratio:5.2f}×  all")
    assert injected_total > 0
