"""The documented input rules of My APLUS: e-mail (④), password (⑧), phone kind (⑦-1 / ⑦-2)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from ... import defects
from . import messages as msg

# ④: 全角の文字 / 一部使用できない記号 / 先頭もしくは最後が@ / @がない are all refused.
_LOCAL = r"[A-Za-z0-9._+\-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
EMAIL_RE = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")


def email_is_valid(address: str, settings=None) -> bool:
    """``settings``: where simulator/defects.py defects are switched on (None: never)."""
    if defects.on(settings, "email_fullwidth_accepted"):  # full-width characters pass as letters
        address = re.sub(r"[^\x00-\x7f]", "a", address)
    if defects.on(settings, "email_symbols_accepted"):  # any symbol passes in the local part
        local, at, domain = address.partition("@")
        address = re.sub(r"[!-,/:-?\[-^`{-~]", "a", local) + at + domain
    if defects.on(settings, "email_edge_at_accepted") and address.count("@") == 1 and address.strip("@") != address:
        return "." in address
    if defects.on(settings, "email_without_at_accepted") and "@" not in address:
        return "." in address
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


def personal_fragments(p: Personal, settings=None) -> set[str]:
    """Pieces of personal data a password must not contain (case-insensitive)."""
    digits = re.sub(r"\D", "", p.birth_date)
    y, m, d = digits[:4], digits[4:6], digits[6:8]
    phone = re.sub(r"\D", "", p.phone)
    card = re.sub(r"\D", "", p.card_number)
    pieces = set()
    if not defects.on(settings, "pw_birth_date_allowed"):
        pieces |= {y + m + d, y[2:] + m + d, m + d}
    if not defects.on(settings, "pw_phone_allowed"):
        pieces |= {phone, phone[-4:]}
    if not defects.on(settings, "pw_card_number_allowed"):
        pieces |= {card, card[-4:]}
    if not defects.on(settings, "pw_name_allowed"):
        pieces |= {n.lower() for n in p.names if len(n) >= 3}
    return {x for x in pieces if x}


def password_problems(password: str, confirmation: str, personal: Personal, settings=None) -> list[str]:
    """Every rule the password breaks, in the order the screen lists its rules (``settings``: for defects)."""
    if not password:
        return [msg.REQUIRED]
    problems = []
    if not all(33 <= ord(c) <= 126 for c in password) and not defects.on(settings, "pw_charset_not_enforced"):
        problems.append(msg.PW_CHARSET)
    if ((len(password) < 8 and not defects.on(settings, "pw_min_length_not_enforced"))
            or (len(password) > 20 and not defects.on(settings, "pw_max_length_not_enforced"))):
        problems.append(msg.PW_LENGTH)
    has_alpha = any(c.isascii() and c.isalpha() for c in password) or defects.on(settings, "pw_letter_not_required")
    has_digit = any(c.isascii() and c.isdigit() for c in password) or defects.on(settings, "pw_digit_not_required")
    has_symbol = any(c in SYMBOLS for c in password) or defects.on(settings, "pw_symbol_not_required")
    if not (has_alpha and has_digit and has_symbol):
        problems.append(msg.PW_KINDS)
    lowered = password.lower()
    if any(piece in lowered for piece in personal_fragments(personal, settings)):
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
