"""How a target shows what the documents name: the vocabulary.

Page objects and steps name every element once, by the document's word (「My APLUS ID」, 「同意して進む」, 「認証コード」);
the drivers find it on any site by a tolerant default (a field by its label, aria-label, placeholder, title or the
text just before it; a button or a link by its name; a heading at any level or the page title; a text anywhere).
Where a target names an element otherwise, its profile's ``vocabulary`` says how to find it, per site and word:

    vocabulary:                      # or: vocabulary: my-vocabulary.yaml (beside the profile)
      myaplus:
        My APLUS ID: {label: ログインID}           # the field labelled 「ログインID」
        ログイン: {role: button, name: ログインする}
        認証コード: [{test_id: otp}, {css: "input.otp"}]   # alternatives, tried in order
        新規登録画面/登録: {role: button, name: 次へ進む}   # only on that screen (the screen's name in the features)
        新規登録画面/+カード番号: {label: カード番号, value: "4980000000000000"}   # a field the documents never ask for:
                                                  # typed before any button of that screen is pressed
        +next: {role: button, name: 確定する}          # a screen the documents do not have (a confirmation):
                                                  # pressed when the expected screen is not shown yet
      "*":                          # every site
        前回ログイン日時: {text: 最終ログイン}

Strategies (one per entry): ``label``, ``placeholder``, ``role`` (+ ``name``, ``exact``), ``text`` (for a field: the
first field after that text), ``test_id`` (attribute ``data-testid`` unless the entry gives ``attribute``), ``css``
(the last resort), or ``absent: true``: this site has no such element, which only an inferred (@推定) element may be
(a field the document never asks for is then left alone and the difference noted as REVIEW).
``python -m steps.harness.discover`` writes a stub of this file for a new target.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from .. import yamlio

STRATEGIES = {"label", "placeholder", "role", "text", "test_id", "css", "absent"}
EXTRA = {"role": {"name", "exact"}, "test_id": {"attribute"}}
FILLED = {"value"}  # "<screen>/+<name>" entries: a field the site asks for beyond the documents, and what to type
SITES = {"myaplus", "fanclub", "*"}


class VocabularyError(ValueError):
    """The vocabulary has mistakes; the message lists every one."""


def _entries(value) -> list[dict]:
    return value if isinstance(value, list) else [value]


def validate(data, source: str) -> dict[str, dict[str, list[dict]]]:
    """``{site: {word: [strategy, ...]}}``, or VocabularyError naming every mistake."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise VocabularyError(f"{source}: the vocabulary is a mapping of site -> word -> how to find it")
    errors, out = [], {}
    for site, words in data.items():
        if site not in SITES:
            errors.append(f"unknown site '{site}' (allowed: {', '.join(sorted(SITES))})")
            continue
        if not isinstance(words, dict):
            errors.append(f"{site}: a mapping of documented word -> how to find it")
            continue
        for word, how in words.items():
            entries = _entries(how)
            for entry in entries:
                if not isinstance(entry, dict) or len(STRATEGIES & set(entry)) != 1:
                    errors.append(f"{site}.{word}: each entry names exactly one of {', '.join(sorted(STRATEGIES))}, got {entry!r}")
                    continue
                strategy = (STRATEGIES & set(entry)).pop()
                unknown = set(entry) - {strategy} - EXTRA.get(strategy, set()) - (FILLED if "/+" in str(word) else set())
                if unknown:
                    errors.append(f"{site}.{word}: unknown key(s) {sorted(unknown)} with '{strategy}'")
                if not all(isinstance(v, (str, bool)) for v in entry.values()):
                    errors.append(f"{site}.{word}: values are texts, got {entry!r}")
            out.setdefault(site, {})[str(word)] = [dict(e) for e in entries if isinstance(e, dict)]
    if errors:
        raise VocabularyError(f"{source}: {len(errors)} mistake(s) in the vocabulary:\n  - " + "\n  - ".join(errors))
    return out


def load_file(path: Path) -> dict[str, dict[str, list[dict]]]:
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path}: cannot read the vocabulary: {exc}") from exc
    return validate(data, str(path))


@dataclass
class Vocabulary:
    """The overrides of one target; ``spec`` is what a driver hands to locate.js."""
    overrides: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    site: str = "*"
    screen: str | None = None  # the screen a page object last spoke for: "<screen>/<word>" entries apply there

    def for_site(self, site: str | None) -> "Vocabulary":
        return Vocabulary(self.overrides, site or "*")

    def how(self, word: str) -> list[dict]:
        for site in (self.site, "*"):
            words = self.overrides.get(site, {})
            found = (self.screen and words.get(f"{self.screen}/{word}")) or words.get(word)
            if found:
                return found
        return []

    def extras(self) -> list[tuple[str, list[dict], str]]:
        """The fields the current screen asks for beyond the documents: (name, how to find it, what to type)."""
        if not self.screen:
            return []
        prefix = f"{self.screen}/+"
        return [(word[len(prefix):], [{k: v for k, v in e.items() if k != "value"} for e in how], str(how[0].get("value", "")))
                for site in (self.site, "*") for word, how in self.overrides.get(site, {}).items() if word.startswith(prefix)]

    def passes(self) -> list[list[dict]]:
        """The buttons that only move on through a screen the documents do not have (``+next``)."""
        return [how for site in (self.site, "*") for word, how in self.overrides.get(site, {}).items() if word == "+next"]

    def absent(self, word: str) -> bool:
        return any(entry.get("absent") for entry in self.how(word))

    def spec(self, kind: str, word: str, **extra) -> dict:
        return {"kind": kind, "word": word, "how": self.how(word), **extra}
