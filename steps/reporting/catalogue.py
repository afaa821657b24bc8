"""The spec catalogue (fixtures/spec/<site>.yaml): every behaviour-bearing statement of the two documents."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..paths import ROOT, SPEC as SPEC_DIR
from .. import yamlio
SITES = ("myaplus", "fanclub")
SITE_NAMES = {"myaplus": "My APLUS", "fanclub": "ファンクラブ"}
# a tag that claims to be a spec ID: <SITE>-<section>-<letter><n>
ID_TAG = re.compile(r"^(?:MYAPLUS|FANCLUB)-[A-Z0-9]+-[A-Z]+\d+$")
SEVERITY_BY_KIND = {"step": "critical", "error": "critical", "mail": "critical", "cause": "critical",
                    "rule": "normal", "button": "normal", "field": "normal", "question": "normal",
                    "environment": "normal", "notice": "minor"}
# How a statement is judged: a message or an element by its words (a near miss is a WARNING), a rule or a flow by
# its outcome (refused or accepted, reached or not), whatever the words the site uses while enforcing it.
JUDGED_AS = {"error": "message", "notice": "message", "mail": "message", "question": "message",
             "button": "element", "field": "element",
             "rule": "rule", "cause": "rule", "environment": "rule", "step": "flow"}


@dataclass(frozen=True)
class Statement:
    id: str
    site: str
    section: str
    section_title: str
    kind: str
    text: str
    lines: tuple[int, int]
    testable: bool = True
    reason: str = ""

    @property
    def judged_as(self) -> str:
        """message / element (judged by its words), rule / flow (judged by its outcome)."""
        return JUDGED_AS.get(self.kind, "rule")

    @property
    def link(self) -> str:
        return spec_link(self)


@dataclass(frozen=True)
class Catalogue:
    site: str
    title: str
    document: str
    sections: tuple[tuple[str, str], ...]
    statements: tuple[Statement, ...]

    @property
    def name(self) -> str:
        return SITE_NAMES.get(self.site, self.site)


@lru_cache(maxsize=None)
def load(site: str) -> Catalogue:
    data = yamlio.safe_load((SPEC_DIR / f"{site}.yaml").read_text(encoding="utf-8"))
    titles = {s["id"]: s["title"] for s in data["sections"]}
    statements = tuple(
        Statement(id=s["id"], site=site, section=s["section"], section_title=titles.get(s["section"], s["section"]),
                  kind=s["kind"], text=s["text"], lines=tuple(s["lines"]), testable=s.get("testable", True),
                  reason=s.get("reason", ""))
        for s in data["statements"])
    return Catalogue(site, data["title"], data["document"], tuple(titles.items()), statements)


def statements() -> dict[str, Statement]:
    """Every statement of every site, by ID."""
    return {s.id: s for site in SITES for s in load(site).statements}


def site_of_id(spec_id: str) -> str:
    return spec_id.split("-", 1)[0].lower()


def spec_link(statement: Statement) -> str:
    """Where the statement stands in the living document. ``SPEC_LINK_BASE`` overrides the default, which is
    relative to the Allure report (the living documents are copied to ``allure-report/living/``)."""
    base = os.environ.get("SPEC_LINK_BASE", "living/")
    return f"{base}{statement.site}.html#{statement.id}"
