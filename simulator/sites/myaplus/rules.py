"""The documented input rules of My APLUS: e-mail (④), password (⑧), phone kind (⑦-1 / ⑦-2)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from . import messages as msg

# ④: 全角の文字 / 一部使用できない記号 / 先頭もしくは最後が@ / @がない are all refused.
_LOCAL = r"[A-Za-z0-9._+\-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
EMAIL_RE = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")


def email_is_valid(address: str) -> bool:
    return len(address) <= 254 and EMAIL_RE.fullmatch(address) is not None


def normalize_email(address: str) -> str:
    """IDs compare case-insensitively in the domain, as mail does."""
    local, _, domain = address.partition("@")
    return f"{local}@{domain.lower()}"


# ⑧: 8–20 half-width letters/digits/symbols, all three kinds, nothing a third party could guess.
SYMBOLS = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass(frozen=True)
class Personal:
    birth_date: str  # YYYY-MM-DD
    phone: str  # any format
    names: tuple[str, ...]  # romanized family and given names
    card_number: str


def personal_fragments(p: Personal) -> set[str]:
    """Pieces of personal data a password must not contain (case-insensitive)."""
    digits = re.sub(r"\D", "", p.birth_date)
    y, m, d = digits[:4], digits[4:6], digits[6:8]
    phone = re.sub(r"\D", "", p.phone)
    card = re.sub(r"\D", "", p.card_number)
    pieces = {y + m + d, y[2:] + m + d, m + d, phone, phone[-4:], card, card[-4:]}
    pieces |= {n.lower() for n in p.names if len(n) >= 3}
    return {x for x in pieces if x}


def password_problems(password: str, confirmation: str, personal: Personal) -> list[str]:
    """Every rule the password breaks, in the order the screen lists its rules."""
    if not password:
        return [msg.REQUIRED]
    problems = []
    if not all(33 <= ord(c) <= 126 for c in password):
        problems.append(msg.PW_CHARSET)
    if not 8 <= len(password) <= 20:
        problems.append(msg.PW_LENGTH)
    has_alpha = any(c.isascii() and c.isalpha() for c in password)
    has_digit = any(c.isascii() and c.isdigit() for c in password)
    has_symbol = any(c in SYMBOLS for c in password)
    if not (has_alpha and has_digit and has_symbol):
        problems.append(msg.PW_KINDS)
    lowered = password.lower()
    if any(piece in lowered for piece in personal_fragments(personal)):
        problems.append(msg.PW_PERSONAL)
    if password != confirmation:
        problems.append(msg.PW_CONFIRM)
    return problems


# ⑦: 携帯電話はSMS、それ以外は音声電話.
def phone_is_mobile(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, "JP")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


def e164(number: str) -> str:
    try:
        return phonenumbers.format_number(phonenumbers.parse(number, "JP"), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return number


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return "*" * len(local) + "@" + domain


def mask_phone(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "***-****-" + digits[-4:]
