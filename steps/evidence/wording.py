"""Telling a wording deviation from a missing behaviour: when the documented words are not on the page but words
very like them are, the site works and only its words differ (a WARNING in the conformance report); otherwise the
failure names the nearest words the page had, so a reader sees at once what was there instead."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

SIMILAR = 0.75  # 「入力されたIDとパスワードではログインできません」 vs the same with 「。」: 0.98; unrelated messages: < 0.5


class WordingDeviation(AssertionError):
    """The behaviour is there, but its words are not the document's."""


def key(text: str) -> str:
    """What a reader compares: NFKC (full-width and half-width alike), no white space, lower case."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).lower()


def _ratio(expected: str, shown: str) -> float:
    """Similarity of ``expected`` to ``shown`` or to the best window of ``shown`` as long as ``expected`` (a documented
    sentence inside a longer line of the page)."""
    a, b = key(expected), key(shown)
    if not a or not b:
        return 0.0
    best = SequenceMatcher(None, a, b).ratio()
    if len(b) > len(a) * 1.3:
        width = len(a)
        for start in range(0, len(b) - width + 1, max(1, width // 8)):
            best = max(best, SequenceMatcher(None, a, b[start:start + width]).ratio())
    return best


def nearest(expected: str, shown: list[str]) -> tuple[str, float] | None:
    scored = [(s, _ratio(expected, s)) for s in dict.fromkeys(shown) if s and s.strip()]
    return max(scored, key=lambda pair: pair[1]) if scored else None


def numbers(text: str) -> Counter:
    """The figures a sentence states (「11桁」, 「5分」, 「8文字以上20文字以内」), as a reader reads them (NFKC)."""
    return Counter(re.findall(r"\d+", key(text)))


def near_miss(expected: str, shown: list[str]) -> tuple[str, float] | None:
    """The shown text that is the documented one with other words (similar, not containing it), or None. Other
    figures are never other words: 「12桁の継続課金ID」 for 「11桁の継続課金ID」 is a different rule, not a rewording."""
    best = nearest(expected, shown)
    if best and best[1] >= SIMILAR and key(expected) not in key(best[0]) and not numbers(expected) - numbers(best[0]):
        return best
    return None


def continued(expected: str, shown: str) -> bool:
    """``shown`` holds the documented sentence but goes on with it: 「…ログインできません」 read as 「…ログインできませんでした。」
    is another sentence. A full stop, a bracket, white space or the end after it is where a sentence ends."""
    a = key(expected).rstrip("。.")
    spaced = " ".join(unicodedata.normalize("NFKC", shown or "").split()).lower()
    b = "".join(c if c != " " else "\u0000" for c in spaced)  # white space kept as a boundary
    at = b.replace("\u0000", "").find(a)
    if not a or at < 0:
        return False
    kept = [i for i, c in enumerate(b) if c != "\u0000"]  # the match mapped back onto the text with its spaces
    after = b[kept[at + len(a) - 1] + 1:][:1]
    return bool(after) and after != "\u0000" and (after.isalnum() or "\u3040" <= after <= "\u30ff")


def deviation_message(what: str, expected: str, shown: str, similarity: float) -> str:
    return (f"WordingDeviation: the {what} differs from the document: expected 「{expected}」, "
            f"the page shows 「{shown}」 (similarity {similarity:.2f})")


def check_wording(expected: str, shown: list[str], what: str = "message") -> None:
    """Raise WordingDeviation when a shown text nearly matches the documented one; else do nothing."""
    best = near_miss(expected, shown)
    if best:
        raise WordingDeviation(deviation_message(what, expected, *best))


def absent_message(what: str, expected: str, shown: list[str]) -> str:
    """Why a documented thing was not found, with the nearest thing the page had."""
    best = nearest(expected, shown)
    seen = f"; nearest on the page: 「{best[0][:120]}」 (similarity {best[1]:.2f})" if best else "; the page shows none"
    return f"the page has no {what} 「{expected}」{seen}"
