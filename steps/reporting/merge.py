"""One results directory from many runs: the Allure results of every shard (``--splits N --group K``), worker and
engine, for one ``allure generate`` (one report, one history: Allure 3 appends one entry to history.jsonl per
generate) and one conformance report.

    python -m steps.reporting merge shards/chromium-1 shards/chromium-2 shards/webkitgtk-1 --out reports/allure-results

Result, container and attachment files are named by UUID, so they are copied as they are; a name that exists
with other content is an error (two runs cannot have made the same UUID: the inputs overlap). The
``environment.properties`` are merged: every engine that ran (``engines``, ``browser.<engine>``). A scenario with
results in two inputs (the same historyId: overlapping shards, or a shard run twice) is reported, since Allure
would show it as retried."""
from __future__ import annotations

import filecmp
import json
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import environment

ENVIRONMENT = "environment.properties"


class MergeError(Exception):
    pass


@dataclass
class Merged:
    out: Path
    results: int = 0
    files: int = 0
    engines: str = ""
    repeated: dict[str, list[str]] = field(default_factory=dict)  # historyId -> the inputs that have it


def merge(inputs: list[Path], out: Path) -> Merged:
    out = Path(out)
    inputs = [Path(d) for d in inputs]
    for d in inputs:
        if not d.is_dir():
            raise MergeError(f"{d}: not a directory of Allure results")
        if d.resolve() == out.resolve():
            raise MergeError(f"{d}: the output directory cannot also be an input")
    out.mkdir(parents=True, exist_ok=True)
    merged = Merged(out)
    seen: dict[str, list[str]] = defaultdict(list)
    for result in out.glob("*-result.json"):  # merging into a directory that already has results
        seen[_history_id(result)].append(str(out))
    for d in inputs:
        for source in sorted(d.iterdir()):
            if source.name == ENVIRONMENT or not source.is_file():
                continue
            copy = out / source.name
            if copy.exists():
                if filecmp.cmp(source, copy, shallow=False):
                    continue
                raise MergeError(f"{source.name} is in {d} and already in {out} with other content: do the inputs overlap?")
            shutil.copy2(source, copy)
            merged.files += 1
            if source.name.endswith("-result.json"):
                merged.results += 1
                seen[_history_id(source)].append(str(d))
    merged.repeated = {h: ds for h, ds in seen.items() if h and len(ds) > 1}
    environments = [d / ENVIRONMENT for d in inputs if (d / ENVIRONMENT).exists()]
    if (out / ENVIRONMENT).exists():
        environments.insert(0, out / ENVIRONMENT)
    if environments:
        values = environment.merge(environments)
        (out / ENVIRONMENT).unlink(missing_ok=True)
        environment.write(values, out, versions=False)
        merged.engines = values.get("engines", "")
    return merged


def _history_id(path: Path) -> str:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("historyId", "") or ""
    except (OSError, ValueError):
        return ""


def main(inputs: list[Path], out: Path) -> int:
    try:
        merged = merge(inputs, out)
    except MergeError as exc:
        print(f"merge: {exc}")
        return 1
    print(f"merged {merged.results} results ({merged.files} files) from {len(inputs)} directories into {merged.out}"
          + (f"; engines: {merged.engines}" if merged.engines else ""))
    if merged.repeated:
        print(f"  {len(merged.repeated)} test(s) have results in more than one input (Allure shows them as retries): "
              + ", ".join(sorted({d for ds in merged.repeated.values() for d in ds})))
    return 0
