"""⑧ パスワード入力 against the site's actual answers: one clear message for each documented rule the
password breaks (8~20文字, 半角英数字・記号, 3種類すべて, 生年月日・電話番号・お名前・カード番号, 確認入力), none when
it breaks nothing, and then ⑨ My APLUS登録完了.

The member's personal data is fixed so the oracle below is independent of the site's code: random parts
are drawn from letters and digits that cannot spell any of its fragments, which are only put in on purpose."""
from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.sites.myaplus import messages as msg

from .myaplus_driver import alerts, heading

PERSON = {"birth_date": "1980-07-15", "phone_number": "090-1234-5678", "card_number": "4111111111119999",
          "name_roman": "Tanaka Hanako"}
E164 = "+819012345678"
FRAGMENTS = ["19800715", "800715", "0715", "09012345678", "5678", "4111111111119999", "9999", "tanaka", "Hanako",
             "TANAKA"]
SAFE_LETTERS = "".join(c for c in string.ascii_letters if c not in "aA")  # both names contain "a"
SAFE_DIGITS = "2346"  # no fragment is made of these alone
NOT_HALF_WIDTH = "ａ１！あ漢 é\u3000"
PIECES = SAFE_LETTERS + SAFE_DIGITS + string.punctuation + NOT_HALF_WIDTH


def expected(password: str, confirmation: str, personal: bool) -> set[str]:
    if not password:
        return {msg.REQUIRED}
    broken = set()
    if not all(c in string.ascii_letters + string.digits + string.punctuation for c in password):
        broken.add(msg.PW_CHARSET)
    if not 8 <= len(password) <= 20:
        broken.add(msg.PW_LENGTH)
    kinds = (string.ascii_letters, string.digits, string.punctuation)
    if not all(any(c in kind for c in password) for kind in kinds):
        broken.add(msg.PW_KINDS)
    if personal:
        broken.add(msg.PW_PERSONAL)
    if confirmation != password:
        broken.add(msg.PW_CONFIRM)
    return broken


@st.composite
def passwords(draw) -> tuple[str, str, bool]:
    password = draw(st.text(st.sampled_from(PIECES), max_size=24))
    personal = draw(st.booleans()) and draw(st.integers(0, 3)) == 0
    if personal:
        at = draw(st.integers(0, len(password)))
        password = password[:at] + draw(st.sampled_from(FRAGMENTS)) + password[at:]
    confirmation = password if draw(st.integers(0, 4)) else draw(st.sampled_from([password + "2", password[:-1], "x"]))
    return password, confirmation, personal


@pytest.fixture
def at_password(site):
    """A driver standing on ⑧; ``ensure()`` brings a fresh member there after one completed."""
    state = {"on_form": False}

    def ensure():
        if not state["on_form"]:
            member = site.seed(phone="mobile", **PERSON)
            assert heading(site.to_password(member, E164)) == "パスワード入力"
            state["on_form"] = True
        return state

    return site, ensure


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=passwords())
def test_each_broken_rule_has_its_message(at_password, case):
    site, ensure = at_password
    password, confirmation, personal = case
    state = ensure()
    resp = site.set_password(password, confirmation)
    want = expected(password, confirmation, personal)
    if want:
        assert resp.status_code == 422 and set(alerts(resp)) == want, f"{password!r} / {confirmation!r}"
        assert len(alerts(resp)) == len(want)
    else:
        state["on_form"] = False
        assert alerts(resp) == [] and heading(resp) == "My APLUS登録完了", f"{password!r} is acceptable"


@pytest.mark.parametrize(("password", "rule"), [
    ("Ab1!xyz", msg.PW_LENGTH), ("Ab1!" * 5 + "x", msg.PW_LENGTH), ("Ab1!ｘyzw", msg.PW_CHARSET),
    ("Ab1! xyzw", msg.PW_CHARSET), ("Abcdefgh1", msg.PW_KINDS), ("Abcdefg!!", msg.PW_KINDS), ("12345!!!", msg.PW_KINDS),
    ("Pw!19800715", msg.PW_PERSONAL), ("Pw!0715xyz", msg.PW_PERSONAL), ("Pw!5678xyz", msg.PW_PERSONAL),
    ("Pw!9999xyz", msg.PW_PERSONAL), ("1!TanakaPw", msg.PW_PERSONAL), ("1!hanakoPw", msg.PW_PERSONAL),
])
def test_documented_rules_one_at_a_time(at_password, password, rule):
    site, ensure = at_password
    ensure()
    assert alerts(site.set_password(password)) == [rule]


def test_confirmation_must_match_and_the_migration_then_completes(at_password):
    site, ensure = at_password
    ensure()
    assert alerts(site.set_password("Good!pw2346", "Good!pw2347")) == [msg.PW_CONFIRM]
    assert heading(site.set_password("Good!pw2346")) == "My APLUS登録完了"
