"""Step phrase parsing: 「{name}」 captures stop at the closing quote, so one phrase never swallows another."""
from __future__ import annotations

import re

from parse import with_pattern
from pytest_bdd import parsers


@with_pattern(r"[^」]*")
def _quoted(text: str) -> str:
    return text


@with_pattern(r".+")
def _text(text: str) -> str:
    return text


def phrase(text: str) -> parsers.parse:
    """``parsers.parse`` where every 「{x}」 matches anything but 」 (empty allowed), and 「{x:T}」 any
    text, nested 「」 included (for quoted sentences of the documents)."""
    return parsers.parse(re.sub(r"「\{(\w+)\}」", r"「{\1:Q}」", text), extra_types={"Q": _quoted, "T": _text})
