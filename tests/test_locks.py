"""① an old ID locks after N wrong passwords, ⑫ a My APLUS account after K, each sending
「【My APLUS】アカウント停止のお知らせ」 (seen by the SMTP stub); password reissue lifts the ⑫ lock."""
from __future__ import annotations

import re

from simulator.sites.myaplus import messages as msg

from .myaplus_driver import alerts, heading

LOCK_SUBJECT = "【My APLUS】アカウント停止のお知らせ"


def config(site) -> dict:
    return site.client.get("/_control/config").json()


def test_old_id_locks_after_n_wrong_passwords_and_mails_the_card_address(site):
    n = config(site)["old_id_lock_threshold"]
    member = site.seed()
    answers = [site.login(member["old_id"], "wrong-pass1!") for _ in range(n)]
    assert [alerts(r) for r in answers[:-1]] == [[msg.LOGIN_FAILED]] * (n - 1)
    assert alerts(answers[-1]) == [msg.OLD_ID_LOCKED] and answers[-1].status_code == 423
    mails = site.mails(member["card_email"])
    assert [m["subject"] for m in mails] == [LOCK_SUBJECT] and member["old_id"] in mails[0]["body"]
    assert alerts(site.login(member["old_id"], member["old_password"])) == [msg.OLD_ID_LOCKED]
    assert site.account(member["id"])["old_locked"] == 1 and len(site.mails(member["card_email"])) == 1


def test_a_right_old_password_before_n_still_gets_in(site):
    n = config(site)["old_id_lock_threshold"]
    member = site.seed()
    for _ in range(n - 1):
        site.login(member["old_id"], "nope")
    assert heading(site.login(member["old_id"], member["old_password"])) == "My APLUS会員規約"
    assert not site.mails(member["card_email"])


def test_account_locks_after_k_wrong_passwords_with_the_documented_message(site):
    k = config(site)["account_lock_threshold"]
    member = site.seed(state="migrated")
    answers = [site.login(member["myaplus_id"], "Wrong!pw1") for _ in range(k)]
    assert [alerts(r) for r in answers[:-1]] == [[msg.LOGIN_FAILED]] * (k - 1)
    assert alerts(answers[-1]) == list(msg.ACCOUNT_LOCKED)
    assert [m["subject"] for m in site.mails(member["myaplus_id"])] == [LOCK_SUBJECT]
    assert alerts(site.login(member["myaplus_id"], member["password"])) == list(msg.ACCOUNT_LOCKED)


def test_password_reissue_unlocks_the_account(site):
    member = site.seed(state="account_locked")
    sent = site.post("/myaplus/password/forgot", email=member["myaplus_id"])
    assert msg.RESET_SENT in sent.text
    mail = site.mails(member["myaplus_id"])[-1]
    assert mail["subject"] == msg.RESET_MAIL_SUBJECT
    link = re.search(r"http://\S+", mail["body"]).group(0)
    assert heading(site.get(link)) == "パスワード再設定"
    token = link.split("token=")[1]
    done = site.post("/myaplus/password/reset", token=token, password="New!pw2346x", password_confirm="New!pw2346x")
    assert msg.RESET_DONE in done.text
    assert heading(site.login(member["myaplus_id"], "New!pw2346x")) == "トップページ"
    assert site.account(member["id"])["locked"] == 0
    again = site.post("/myaplus/password/reset", token=token, password="New!pw2346y", password_confirm="New!pw2346y")
    assert alerts(again) == [msg.RESET_LINK_INVALID]


def test_reissue_link_expires_by_the_clock(site):
    member = site.seed(state="account_locked")
    site.post("/myaplus/password/forgot", email=member["myaplus_id"])
    token = re.search(r"token=(\S+)", site.mails(member["myaplus_id"])[-1]["body"]).group(1)
    ttl = config(site)["reset_token_ttl_seconds"]
    site.client.post("/_control/clock", json={"advance_seconds": ttl + 1})
    assert alerts(site.get(f"/myaplus/password/reset?token={token}")) == [msg.RESET_LINK_INVALID]


def test_the_same_email_cannot_be_a_new_id(site):
    member = site.seed(state="account_locked")
    resp = site.post("/myaplus/register", email=member["myaplus_id"])
    assert alerts(resp) == [msg.EMAIL_UNAVAILABLE]


def test_old_id_no_longer_logs_in_after_migration(site):
    member = site.seed(phone="mobile", phone_number="090-2345-6789")
    site.to_password(member, "+819023456789")
    assert heading(site.set_password("Fine!pw2346")) == "My APLUS登録完了"
    assert alerts(site.login(member["old_id"], member["old_password"])) == [msg.LOGIN_FAILED]
    assert heading(site.login(member["card_email"], "Fine!pw2346")) == "トップページ"
