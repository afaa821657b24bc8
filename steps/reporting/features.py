"""Which scenarios cite which statement: the tags of features/<site>/*.feature, read with pytest-bdd's parser."""
from __future__ import annotations

from dataclasses import dataclass, field

from pytest_bdd.parser import FeatureParser

from ..paths import FEATURES as FEATURES_DIR
from .catalogue import ID_TAG, ROOT


@dataclass
class ScenarioRef:
    site: str
    path: str  # features/<site>/<file>.feature
    feature: str
    rule: str | None
    name: str
    line: int
    ids: set[str] = field(default_factory=set)  # on the scenario, its rule or its feature
    example_ids: dict[str, set[str]] = field(default_factory=dict)  # Examples block name -> IDs on that block
    inferred: bool = False  # @推定

    @property
    def all_ids(self) -> set[str]:
        return self.ids.union(*self.example_ids.values()) if self.example_ids else set(self.ids)

    @property
    def full_name(self) -> str:  # what allure-pytest-bdd writes as fullName
        return f"{self.path}:{self.name}"


def scan(site: str) -> list[ScenarioRef]:
    refs: list[ScenarioRef] = []
    for path in sorted((FEATURES_DIR / site).glob("*.feature")):
        feature = FeatureParser(str(FEATURES_DIR), str(path.relative_to(FEATURES_DIR))).parse()
        for template in feature.scenarios.values():
            tags = template.tags | feature.tags | (template.rule.tags if template.rule else set())
            refs.append(ScenarioRef(
                site=site, path=str(path.relative_to(ROOT)), feature=feature.name,
                rule=template.rule.name if template.rule else None, name=template.name, line=template.line_number,
                ids={t for t in tags if ID_TAG.match(t)},
                example_ids={(ex.name or f"例{i + 1}"): {t for t in ex.tags if ID_TAG.match(t)}
                             for i, ex in enumerate(template.examples) if ex.tags},
                inferred="推定" in tags))
    return refs


def all_tags(site: str) -> set[str]:
    return set().union(*(r.all_ids for r in scan(site))) if (FEATURES_DIR / site).is_dir() else set()
