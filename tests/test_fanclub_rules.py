"""Property tests of the fan club's STEP2 input rules: パスワード = 生年月日8桁 (西暦 YYYYMMDD), 会員番号, e-mail."""
from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from simulator.sites.fanclub import messages as msg
from simulator.sites.fanclub.rules import email_problem, member_number_problem, parse_birth8, password_problem

TODAY = date(2026, 4, 1)
WIDE = {ord(c): ord(c) + 0xFEE0 for c in "0123456789"}


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_every_real_birth_date_written_as_8_digits_is_accepted(day):
    result = parse_birth8(day.strftime("%Y%m%d"), TODAY)
    assert result == parse_birth8(day.strftime("%Y%m%d").translate(WIDE), TODAY)  # 全角数字 too
    assert (result.value, result.problem) == (day, None)


@given(st.text(max_size=20))
def test_any_text_gets_a_date_or_exactly_one_documented_problem(text):
    result = parse_birth8(text, TODAY)
    assert (result.value is None) == (result.problem is not None)
    assert result.problem in (None, msg.BIRTH_REQUIRED, msg.BIRTH_FORMAT, msg.BIRTH_IMPOSSIBLE)


@given(st.text(max_size=20).filter(lambda t: len(unicodedata.normalize("NFKC", t).strip()) != 8 and t.strip()))
def test_anything_but_8_characters_is_a_format_error(text):
    assert parse_birth8(text, TODAY).problem in (msg.BIRTH_FORMAT, msg.BIRTH_REQUIRED)


@given(st.integers(0, 99_999_999).map(lambda n: f"{n:08d}"))
def test_8_digits_that_name_no_real_day_are_impossible_dates(digits):
    try:
        real = date(int(digits[:4]), int(digits[4:6]), int(digits[6:])) if digits[:4] != "0000" else None
    except ValueError:
        real = None
    expected_ok = real is not None and date(1900, 1, 1) <= real <= TODAY
    result = parse_birth8(digits, TODAY)
    assert (result.problem is None) == expected_ok
    if not expected_ok:
        assert result.problem == msg.BIRTH_IMPOSSIBLE


def test_wareki_and_separators_are_format_errors():
    for text in ("H020123", "1990/01/23", "1990-01-23", "平成2年1月23日", "19900123 1"):
        assert parse_birth8(text, TODAY).problem == msg.BIRTH_FORMAT, text


def test_the_day_after_today_is_impossible():
    assert parse_birth8("20260402", TODAY).problem == msg.BIRTH_IMPOSSIBLE
    assert parse_birth8("20260401", TODAY).problem is None


@given(st.text(max_size=30))
def test_member_number_is_digits_only(text):
    problem = member_number_problem(text)
    normal = unicodedata.normalize("NFKC", text).strip()
    if normal and normal.isascii() and normal.isdigit() and len(normal) <= 20:
        assert problem is None
    else:
        assert problem in (msg.NUMBER_REQUIRED, msg.NUMBER_FORMAT)


def test_email_rules():
    assert email_problem("", "") == msg.EMAIL_REQUIRED
    assert email_problem("luna.fan.example.jp", "luna.fan.example.jp") == msg.EMAIL_INVALID
    assert email_problem("ルナ@example.jp", "ルナ@example.jp") == msg.EMAIL_INVALID
    assert email_problem("a@example.jp", "b@example.jp") == msg.EMAIL_MISMATCH
    assert email_problem("a@example.jp", "a@example.jp") is None


@given(st.text(max_size=40), st.text(max_size=40))
def test_new_password_rule_never_raises(password, confirmation):
    assert password_problem(password, confirmation) in (None, msg.PW_RULE, msg.PW_CONFIRM)
