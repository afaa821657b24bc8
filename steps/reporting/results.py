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
        return self.status in FAILED


def read(results_dir: Path = RESULTS_DIR) -> list[Result]:
    out = []
    for path in sorted(Path(results_dir).glob("*-result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        labels: dict[str, list[str]] = defaultdict(list)
        for label in data.get("labels", []):
            labels[label["name"]].append(label["value"])
        out.append(Result(data.get("name", ""), data.get("fullName", ""), data.get("status", "unknown"), dict(labels),
                          (data.get("statusDetails") or {}).get("message", "") or ""))
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
