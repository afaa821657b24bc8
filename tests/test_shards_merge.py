"""Shards, workers and the merge, for real: a small subset of the features run as two pytest-split shards
(``--splits 2 --group 1|2``, each its own process, simulator and browser) merged with ``python -m steps.reporting
merge``, and once with ``-n 2`` workers. Both must give every scenario the subset selects (pytest's own collection
says which), with the same statuses and history ids, and one environment.properties listing the engine that ran."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from steps.reporting import environment
from tests.lean import LEAN

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ["tests/features/test_myaplus.py", "-k", "ログイン画面に"]  # a few scenarios of ① and ⑩
pytestmark = [pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK), reason="needs Debian's chromium"), pytest.mark.slow]


def pytest_run(results: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pytest", *SUBSET, "--browser", "chromium", "-p", "no:randomly", *LEAN, "-q",
           f"--alluredir={results}", "--durations-path", str(ROOT / ".test_durations"),
           # its own basetemp: pytest keeps only the three newest /tmp/pytest-of-*/pytest-N, which would remove ours
           f"--basetemp={results.parent / ('tmp-' + results.name)}", *extra]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode in (0, 1), f"{' '.join(cmd)} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    return done


def outcome(results: Path) -> list[tuple[str, str, str, str]]:
    """(fullName, parameters, status, historyId) of every scenario result, sorted."""
    rows = []
    for path in results.glob("*-result.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        params = ",".join(f"{p['name']}={p['value']}" for p in sorted(data.get("parameters", []), key=lambda p: p["name"]))
        rows.append((data["fullName"], params, data["status"], data["historyId"]))
    return sorted(rows)


def selected() -> list[str]:
    """The subset's scenarios as pytest collects them (their test names), without running them."""
    done = subprocess.run([sys.executable, "-m", "pytest", *SUBSET, "--collect-only", "-q", "-p", "no:randomly", *LEAN],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return sorted(line.split("::", 1)[1] for line in done.stdout.splitlines() if "::" in line)


def test_two_shards_merged_equal_two_workers_and_hold_every_selected_scenario(tmp_path):
    wanted = selected()
    assert len(wanted) >= 3, "the subset selects too few scenarios to split"

    shard_dirs = [tmp_path / f"shard-{k}" for k in (1, 2)]
    for k, results in enumerate(shard_dirs, start=1):
        pytest_run(results, "--splits", "2", "--group", str(k))
    shards = [outcome(d) for d in shard_dirs]
    assert all(shards), "a shard ran nothing: the split is not two real shards"
    assert not {r[3] for r in shards[0]} & {r[3] for r in shards[1]}, "the shards overlap"

    merged_dir = tmp_path / "merged"
    done = subprocess.run([sys.executable, "-m", "steps.reporting", "merge", *map(str, shard_dirs), "--out", str(merged_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = outcome(merged_dir)
    assert len(merged) == len({row[3] for row in merged}) == len(wanted), f"merged {merged}, selected {wanted}"
    assert {row[2] for row in merged} == {"passed"}, merged

    workers = tmp_path / "workers"
    progress = pytest_run(workers, "-n", "2", "--dist", "loadgroup", "--feature-progress").stdout
    assert outcome(workers) == merged
    assert "▶ features/myaplus/" in progress, "the controller shows no progress under -n 2"

    for results in (merged_dir, workers):
        env = environment.read(results / "environment.properties")
        assert env["engines"] == "chromium" and env["browser.chromium"].startswith("chromium"), env
