"""The fan club's input rules: member number, パスワード = 生年月日8桁 (西暦, YYYYMMDD), e-mail, new password."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from . import messages as msg

DIGITS = re.compile(r"[0-9]+")
BIRTH8 = re.compile(r"[0-9]{8}")
EMAIL_RE = re.compile(r"[A-Za-z0-9._+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)+")
EARLIEST_BIRTH = date(1900, 1, 1)


def half_width(text: str) -> str:
    """Full-width digits and letters typed on a phone become half-width (推定: a real form would accept them)."""
    return unicodedata.normalize("NFKC", text).strip()


@dataclass(frozen=True)
class Birth8:
    value: date | None
    problem: str | None


def parse_birth8(text: str, today: date) -> Birth8:
    """生年月日8桁: exactly 8 digits YYYYMMDD naming a real day between 1900-01-01 and today."""
    text = half_width(text)
    if not text:
        return Birth8(None, msg.BIRTH_REQUIRED)
    if not BIRTH8.fullmatch(text):
        return Birth8(None, msg.BIRTH_FORMAT)
    try:
        value = date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return Birth8(None, msg.BIRTH_IMPOSSIBLE)
    if not EARLIEST_BIRTH <= value <= today:
        return Birth8(None, msg.BIRTH_IMPOSSIBLE)
    return Birth8(value, None)


def member_number_problem(text: str) -> str | None:
    text = half_width(text)
    if not text:
        return msg.NUMBER_REQUIRED
    if not DIGITS.fullmatch(text) or len(text) > 20:
        return msg.NUMBER_FORMAT
    return None


def email_problem(address: str, confirmation: str) -> str | None:
    if not address:
        return msg.EMAIL_REQUIRED
    if len(address) > 254 or not EMAIL_RE.fullmatch(address):
        return msg.EMAIL_INVALID
    if address != confirmation:
        return msg.EMAIL_MISMATCH
    return None


def password_problem(password: str, confirmation: str) -> str | None:
    """New Plus member ID password (推定): 8–32 half-width characters with letters and digits."""
    if not (8 <= len(password) <= 32 and all(33 <= ord(c) <= 126 for c in password)
            and any(c.isascii() and c.isalpha() for c in password) and any(c.isascii() and c.isdigit() for c in password)):
        return msg.PW_RULE
    if password != confirmation:
        return msg.PW_CONFIRM
    return None
