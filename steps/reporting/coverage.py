"""Coverage of the documents: every testable statement has a scenario; every ID tag names a statement."""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import SITES, load, statements
from .features import ScenarioRef, scan


@dataclass
class Coverage:
    site: str
    by_id: dict[str, list[ScenarioRef]]  # every statement of the site -> scenarios citing it
    untagged: list[str]  # testable statements no scenario cites
    unknown: dict[str, list[str]]  # tag -> scenarios (path:line name) citing an ID that does not exist
    untestable: list[str]

    @property
    def ok(self) -> bool:
        return not self.untagged and not self.unknown


def coverage(site: str) -> Coverage:
    catalogue = load(site)
    known = statements()
    by_id: dict[str, list[ScenarioRef]] = {s.id: [] for s in catalogue.statements}
    unknown: dict[str, list[str]] = {}
    for ref in scan(site):
        for spec_id in sorted(ref.all_ids):
            if spec_id in by_id:
                by_id[spec_id].append(ref)
            elif spec_id in known:  # another site's statement: allowed (a shared sentence), but not counted here
                continue
            else:
                unknown.setdefault(spec_id, []).append(f"{ref.path}:{ref.line} {ref.name}")
    untagged = [s.id for s in catalogue.statements if s.testable and not by_id[s.id]]
    untestable = [s.id for s in catalogue.statements if not s.testable]
    return Coverage(site, by_id, untagged, unknown, untestable)


def explain(cov: Coverage) -> str:
    lines = []
    texts = {s.id: s.text for s in load(cov.site).statements}
    if cov.untagged:
        lines.append(f"{cov.site}: {len(cov.untagged)} testable statement(s) have no scenario:")
        lines += [f"  {i}  {texts[i][:70]}" for i in cov.untagged]
    if cov.unknown:
        lines.append(f"{cov.site}: {len(cov.unknown)} tag(s) name no statement of the catalogue:")
        lines += [f"  @{tag}  in {', '.join(where)}" for tag, where in sorted(cov.unknown.items())]
    return "\n".join(lines)


def main(sites=SITES) -> int:
    failed = False
    for site in sites:
        cov = coverage(site)
        total = len(cov.by_id)
        covered = sum(1 for ids in cov.by_id.values() if ids)
        print(f"{site}: {covered}/{total} statements cited by a scenario, {len(cov.untestable)} marked untestable,"
              f" {len(cov.untagged)} testable without a scenario, {len(cov.unknown)} unknown tag(s)")
        if not cov.ok:
            failed = True
            print(explain(cov))
    return 1 if failed else 0
