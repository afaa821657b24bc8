"""Telling a wording deviation from a missing behaviour: when the documented message is not on the page but
a message very like it is, the site works and only its words differ (a WARNING in the conformance report)."""
from __future__ import annotations

from difflib import SequenceMatcher

SIMILAR = 0.75  # 「入力されたIDとパスワードではログインできません」 vs the same with 「。」: 0.98; unrelated messages: < 0.5


class WordingDeviation(AssertionError):
    """The behaviour is there, but its words are not the document's."""


def nearest(expected: str, shown: list[str]) -> tuple[str, float] | None:
    scored = [(s, SequenceMatcher(None, expected, s).ratio()) for s in shown if s]
    return max(scored, key=lambda pair: pair[1]) if scored else None


def check_wording(expected: str, shown: list[str], what: str = "message") -> None:
    """Raise WordingDeviation when a shown message nearly matches the documented one; else do nothing."""
    best = nearest(expected, shown)
    if best and best[1] >= SIMILAR and expected not in best[0]:
        raise WordingDeviation(f"WordingDeviation: the {what} differs from the document: expected 「{expected}」, "
                               f"the page shows 「{best[0]}」 (similarity {best[1]:.2f})")
