"""The results of the last run, read from reports/allure-results (the files both allure plugins write)."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import REPORTS
from .catalogue import ID_TAG

RESULTS_DIR = Path(os.environ.get("ALLURE_RESULTS_DIR", REPORTS / "allure-results"))
FAILED = ("failed", "broken")


@dataclass
class Result:
    name: str
    full_name: str
    status: str
    labels: dict[str, list[str]] = field(default_factory=dict)
    message: str = ""
    history_id: str = ""
    start: int = 0
    flaky: bool = False  # passed only on a retry (pytest-rerunfailures), or failed after an earlier pass

    def label(self, name: str, default: str = "") -> str:
        return (self.labels.get(name) or [default])[0]

    @property
    def site(self) -> str:
        return self.label("site")

    @property
    def ids(self) -> set[str]:
        return {t for t in self.labels.get("tag", []) if ID_TAG.match(t)}

    @property
    def failed(self) -> bool:
        """Failed or broken, or flaky: a scenario that needed a retry never counts as passed."""
        return self.status in FAILED or self.flaky


def read(results_dir: Path = RESULTS_DIR, attempts: bool = False) -> list[Result]:
    """Every result; a test run several times (retries: --reruns) counts once, as its last attempt, marked flaky
    when an attempt failed (``attempts=True``: every attempt as written)."""
    out = []
    for path in sorted(Path(results_dir).glob("*-result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        labels: dict[str, list[str]] = defaultdict(list)
        for label in data.get("labels", []):
            labels[label["name"]].append(label["value"])
        details = data.get("statusDetails") or {}
        out.append(Result(data.get("name", ""), data.get("fullName", ""), data.get("status", "unknown"), dict(labels),
                          details.get("message", "") or "", data.get("historyId", "") or "", data.get("start") or 0,
                          bool(details.get("flaky"))))
    return out if attempts else last_attempts(out)


def last_attempts(results: list[Result]) -> list[Result]:
    """One result per test (historyId): its last attempt, flaky when any attempt failed and another passed."""
    by_test: dict[str, list[Result]] = defaultdict(list)
    alone = []
    for r in results:
        (by_test[r.history_id] if r.history_id else alone).append(r)
    out = list(alone)
    for tries in by_test.values():
        tries.sort(key=lambda r: r.start)
        last = tries[-1]
        statuses = {r.status for r in tries}
        if len(tries) > 1 and statuses & set(FAILED) and "passed" in statuses:
            last.flaky = True
        out.append(last)
    return out


def by_scenario(results: list[Result]) -> dict[str, list[Result]]:
    """fullName (``<site>/<file>.feature:<scenario>``) -> its results (one per Examples row)."""
    grouped: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        grouped[r.full_name].append(r)
    return grouped


def verdict(results: list[Result]) -> str:
    if not results:
        return "not run"
    if any(r.failed for r in results):
        return "failed"
    if all(r.status == "passed" for r in results):
        return "passed"
    return "skipped"
