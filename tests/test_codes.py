"""⑤ / ⑦ verification codes (Codes): valid 5 minutes from issue, one use, a resend voids the old one,
M wrong entries lock the function with the documented message, and the lock lifts after its window."""
from __future__ import annotations

import pytest

from simulator.settings import Settings
from simulator.sites.myaplus import messages as msg
from simulator.sites.myaplus.codes import Verdict

from .myaplus_driver import alerts, codes_for_one_member

SETTINGS = Settings(db_path=":memory:")
TTL, M, LOCK = SETTINGS.code_ttl_seconds, SETTINGS.code_lock_threshold, SETTINGS.code_lock_minutes


@pytest.fixture
def world():
    codes, clock, account, store = codes_for_one_member(SETTINGS)
    yield codes, clock, account
    store.close()


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10000:04d}"


def test_documented_defaults():
    assert TTL == 300 and M >= 1 and LOCK >= 1


def test_valid_at_exactly_the_ttl(world):
    codes, clock, account = world
    _, code = codes.issue(account, "email", "mail")
    clock.advance(TTL)
    assert codes.verify(account, "email", code).ok


def test_expired_one_second_after_the_ttl(world):
    codes, clock, account = world
    _, code = codes.issue(account, "email", "mail")
    clock.advance(TTL + 1)
    assert codes.verify(account, "email", code) == Verdict(False, msg.CODE_EXPIRED)


def test_a_code_works_once(world):
    codes, _, account = world
    _, code = codes.issue(account, "phone", "sms")
    assert codes.verify(account, "phone", code).ok
    assert codes.verify(account, "phone", code) == Verdict(False, msg.CODE_MISMATCH)


def test_resend_voids_the_old_code_and_the_new_one_has_its_own_ttl(world):
    codes, clock, account = world
    _, old = codes.issue(account, "phone", "sms")
    clock.advance(TTL - 10)
    _, new = codes.issue(account, "phone", "voice")
    if old != new:
        assert codes.verify(account, "phone", old) == Verdict(False, msg.CODE_MISMATCH)
    clock.advance(TTL)
    assert codes.verify(account, "phone", new).ok


def test_codes_of_one_purpose_do_not_answer_for_the_other(world):
    codes, _, account = world
    _, mail_code = codes.issue(account, "email", "mail")
    _, phone_code = codes.issue(account, "phone", "sms")
    if mail_code != phone_code:
        assert not codes.verify(account, "phone", mail_code).ok
    assert codes.verify(account, "email", mail_code).ok


def test_empty_entry_is_required_and_not_counted(world):
    codes, _, account = world
    _, code = codes.issue(account, "email", "mail")
    for _ in range(M + 1):
        assert codes.verify(account, "email", "") == Verdict(False, msg.REQUIRED)
    assert codes.verify(account, "email", code).ok


def test_m_wrong_entries_lock_with_the_documented_message(world):
    codes, _, account = world
    _, code = codes.issue(account, "email", "mail")
    verdicts = [codes.verify(account, "email", wrong(code)) for _ in range(M)]
    assert [v.message for v in verdicts] == [msg.CODE_MISMATCH] * (M - 1) + [msg.CODE_LOCKED]
    assert msg.CODE_LOCKED == "一定回数以上入力に誤りがあったため、My APLUSの認証機能がロックされました"
    assert codes.locked(account)
    assert codes.verify(account, "email", code) == Verdict(False, msg.CODE_LOCKED)  # even the right code


def test_a_right_code_resets_the_count(world):
    codes, _, account = world
    _, code = codes.issue(account, "email", "mail")
    for _ in range(M - 1):
        codes.verify(account, "email", wrong(code))
    assert codes.verify(account, "email", code).ok
    _, code = codes.issue(account, "email", "mail")
    assert codes.verify(account, "email", wrong(code)) == Verdict(False, msg.CODE_MISMATCH)


def test_the_lock_lifts_after_its_window(world):
    codes, clock, account = world
    _, code = codes.issue(account, "phone", "sms")
    for _ in range(M):
        codes.verify(account, "phone", wrong(code))
    clock.advance(LOCK * 60 - 1)
    assert codes.locked(account)
    clock.advance(1)
    assert not codes.locked(account)
    _, code = codes.issue(account, "phone", "sms")
    assert codes.verify(account, "phone", wrong(code)) == Verdict(False, msg.CODE_MISMATCH)  # the count starts again
    assert codes.verify(account, "phone", code).ok


def test_a_withdrawn_code_never_counts(world):
    codes, _, account = world
    code_id, code = codes.issue(account, "phone", "sms")
    codes.withdraw(code_id)
    assert not codes.has_active(account, "phone")
    assert codes.verify(account, "phone", code) == Verdict(False, msg.CODE_MISMATCH)


def test_codes_are_four_digits(world):
    codes, _, account = world
    issued = {codes.issue(account, "email", "mail")[1] for _ in range(50)}
    assert all(len(c) == 4 and c.isdigit() for c in issued) and len(issued) > 1


def test_expiry_on_the_page_by_moving_the_control_clock(site):
    """Same rule seen through ⑦: the SMS code answered at TTL+1s gives the documented expiry message."""
    member = site.seed(phone="mobile")
    site.to_phone(member)
    e164 = site.sms(None)[-1]["to"]
    site.client.post("/_control/clock", json={"advance_seconds": TTL + 1})
    assert alerts(site.enter_phone_code(site.latest_sms_code(e164))) == [msg.CODE_EXPIRED]
