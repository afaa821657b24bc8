"""Quick checks of the blind site, in-process, with a fake outbox standing in for the stubs."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from ..asgi_client import TestClient

from tests.blind_site.app import build_app
from tests.blind_site.defects import DEFECTS


class FakeOut:
    def __init__(self):
        self.mails, self.texts, self.calls, self.charges = [], [], [], {}

    def mail(self, sender, to, subject, body):
        self.mails.append({"to": to, "subject": subject, "body": body})
        return True

    def sms(self, to, body):
        self.texts.append({"to": to, "body": body})
        return True

    def call(self, to, spoken):
        self.calls.append({"to": to, "spoken": spoken})
        return True

    def carrier_charge(self, carrier, billing_id):
        c = self.charges.get((carrier, billing_id))
        return ("found", c) if c else ("none", None)


def make(defects=()):
    app = build_app(defects=set(defects))
    out = FakeOut()
    app.state.site.out = out
    client = TestClient(app)
    assert client.post("/_control/reset").json()["clock"]["now"] == "2026-04-01T10:00:00+09:00"
    return client, out


def code_in(text):
    return re.search(r"(?<!\d)(\d{4})(?!\d)", text).group(1)


def test_control_contract_basics():
    c, _ = make()
    assert c.get("/_control/health").json()["sites"] == ["myaplus", "fanclub"]
    cfg = c.get("/_control/config").json()
    assert cfg["code_ttl_seconds"] == 300 and cfg["capabilities"] == {"clock": True, "seed": True}
    assert c.post("/_control/reset", json={"x": 1}).status_code == 400
    assert c.post("/_control/clock", json={"advance_seconds": 301}).json() == {
        "now": "2026-04-01T10:05:01+09:00", "frozen": True}
    assert c.post("/_control/clock", json={"set": "2026-05-01T09:00:00"}).json()["now"] == "2026-05-01T09:00:00+09:00"
    assert c.post("/_control/clock", json={"advance_seconds": "x"}).status_code == 400
    assert c.post("/_control/clock", json={"resume": True}).json()["frozen"] is False
    assert c.post("/_control/myaplus/accounts", json={"state": "nope"}).status_code == 400
    assert c.get("/_control/myaplus/accounts/abc").status_code == 404
    r = c.post("/_control/fanclub/members", json={"nickname": "x"})
    assert r.status_code == 400 and r.json()["error"].startswith("unknown fields ['nickname']")
    assert c.post("/_control/fanclub/members", json={"member_number": 5}).json() == {"error": "every override is a string"}
    c.post("/_control/reset", json={})
    nr = c.post("/_control/fanclub/members", json={"state": "new_registration"}).json()
    assert nr["new_registration"]["joined_on"] == "2026-04-01" and nr["plus_member_id"]
    assert c.get("/_control/fanclub/config").json()["renewal_day"] == "2025-10-30"
    assert c.get("/_control/openapi.json").json()["openapi"].startswith("3.1")


def test_myaplus_migration_with_new_email_end_to_end():
    c, out = make()
    acc = c.post("/_control/myaplus/accounts", json={"state": "unmigrated", "phone": "mobile"}).json()
    r = c.post("/ap/signin", data={"login_name": acc["old_id"], "login_secret": acc["old_password"]})
    assert "My APLUS会員規約" in r.text and "同意して進む" in r.text
    r = c.post("/ap/kiyaku", data={"op": "agree"})
    assert "をMy APLUS IDとして登録しますか?" in r.text
    r = c.post("/ap/mail-id", data={"op": "no"})
    assert "例:abc@aplus.jp" in r.text
    assert "メールアドレスの入力に誤りがあります。" in c.post("/ap/mail-id/input", data={"op": "register", "new_mail_addr": "@abc.jp"}).text
    r = c.post("/ap/mail-id/input", data={"op": "register", "new_mail_addr": "new.me@example.jp"})
    assert "認証コード入力画面" in r.text
    code = code_in(out.mails[-1]["body"])
    assert "認証コードが一致しません" in c.post("/ap/mail-id/verify", data={"op": "verify", "mail_pin": "0000" if code != "0000" else "1111"}).text
    r = c.post("/ap/mail-id/verify", data={"op": "verify", "mail_pin": code})
    assert "続いて本人確認のため" in r.text
    r = c.post("/ap/mail-id/confirm", data={"op": "yes"})
    assert "SMSにて送信された認証コード" in r.text and out.texts and out.texts[-1]["to"].startswith("+81")
    sms_code = code_in(out.texts[-1]["body"])
    c.post("/_control/clock", json={"advance_seconds": 301})
    assert "認証コードの有効期限が切れています" in c.post("/ap/tel-verify", data={"op": "verify", "tel_pin": sms_code}).text
    c.post("/ap/tel-verify", data={"op": "resend"})
    r = c.post("/ap/tel-verify", data={"op": "verify", "tel_pin": code_in(out.texts[-1]["body"])})
    assert "パスワード入力" in r.text
    birth = acc["birth_date"].replace("-", "")
    assert "第三者" in c.post("/ap/passwd", data={"op": "save", "pw_new": f"Ab!{birth}", "pw_again": f"Ab!{birth}"}).text
    assert "3種類" in c.post("/ap/passwd", data={"op": "save", "pw_new": "Abcdefg12", "pw_again": "Abcdefg12"}).text
    r = c.post("/ap/passwd", data={"op": "save", "pw_new": "Zq#mw2791x", "pw_again": "Zq#mw2791x"})
    assert "My APLUSの利用登録が正常に完了しました。" in r.text and "My APLUSにログインする" in r.text
    rec = c.get(f"/_control/myaplus/accounts/{acc['id']}").json()
    assert rec["myaplus_id"] == "new.me@example.jp" and rec["card_email"] == "new.me@example.jp" and rec["old_id"] is None
    assert "入力されたIDとパスワードではログインできません" in c.post(
        "/ap/signin", data={"login_name": acc["old_id"], "login_secret": acc["old_password"]}).text
    r = c.post("/ap/signin", data={"login_name": "new.me@example.jp", "login_secret": "Zq#mw2791x"})
    assert "前回ログイン日時" in r.text
    c.post("/_control/clock", json={"advance_seconds": 3600})
    c.post("/ap/signout")
    r = c.post("/ap/signin", data={"login_name": "new.me@example.jp", "login_secret": "Zq#mw2791x"})
    assert "2026年04月01日 10:05" in r.text


def test_myaplus_landline_voice_and_account_lock():
    c, out = make()
    acc = c.post("/_control/myaplus/accounts", json={"phone": "landline"}).json()
    c.post("/ap/signin", data={"login_name": acc["old_id"], "login_secret": acc["old_password"]})
    c.post("/ap/kiyaku", data={"op": "agree"})
    r = c.post("/ap/mail-id", data={"op": "yes"})
    assert "音声電話で認証コードを送信" in r.text and not out.texts
    c.post("/ap/tel-verify", data={"op": "voice", "tel_target": "registered"})
    spoken = "".join(ch for ch in out.calls[-1]["spoken"] if ch.isdigit())
    assert len(spoken) == 4
    assert "パスワード入力" in c.post("/ap/tel-verify", data={"op": "verify", "tel_pin": spoken}).text
    mig = c.post("/_control/myaplus/accounts", json={"state": "migrated"}).json()
    k = c.get("/_control/config").json()["account_lock_threshold"]
    for _ in range(k):
        r = c.post("/ap/signin", data={"login_name": mig["myaplus_id"], "login_secret": "Wrong#pass1"})
    assert "IDが無効となっています" in r.text
    assert out.mails[-1]["subject"] == "【My APLUS】アカウント停止のお知らせ" and out.mails[-1]["to"] == mig["myaplus_id"]
    assert c.get(f"/_control/myaplus/accounts/{mig['id']}").json()["locked"] == 1


def test_fanclub_first_login_end_to_end():
    c, out = make()
    m = c.post("/_control/fanclub/members", json={"state": "valid"}).json()
    assert "初回ログインはこちら" in c.get("/fc/signin").text
    wrong = c.post("/fc/first-login", data={"old_no": m["member_number"], "birth_pw": "19000101"})
    assert "認証ができませんでした" in wrong.text and "絶対にお支払いはしないでください" in wrong.text
    r = c.post("/fc/first-login", data={"old_no": m["member_number"], "birth_pw": m["password"]})
    assert "メールアドレスの登録" in r.text
    c.post("/fc/first-login/mail", data={"reg_mail": "fan.me@example.jp"})
    assert out.mails[-1]["subject"] == "会員登録URLのお知らせ"
    link = re.search(r"https?://\S+", out.mails[-1]["body"]).group(0)
    r = c.get(link.replace("http://testserver", ""))
    assert "Plus member IDの登録" in r.text
    c.post("/fc/first-login/plus-register", data={"nick": "ふぁん", "new_pw": "abc12345", "new_pw2": "abc12345"})
    r = c.post("/fc/first-login/confirm")
    assert "初回ログインが完了しました" in r.text
    rec = c.get(f"/_control/fanclub/members/{m['id']}").json()
    assert rec["plus_member_id"] == "fan.me@example.jp" and rec["joined_on"] == m["joined_on"]
    assert len(rec["new_member_number"]) == 10 and rec["first_login_at"] == "2026-04-01T10:00:00+09:00"
    assert "完了" in c.get("/fc/mypage").text


def test_fanclub_causes_existing_id_and_inquiry():
    c, out = make()
    for state in ("birth_date_wrong", "birth_date_missing", "withdrawn"):
        m = c.post("/_control/fanclub/members", json={"state": state}).json()
        assert "認証ができませんでした" in c.post("/fc/first-login", data={"old_no": m["member_number"], "birth_pw": m["password"]}).text
    m = c.post("/_control/fanclub/members", json={"state": "has_plus_id"}).json()
    c.post("/fc/first-login", data={"old_no": m["member_number"], "birth_pw": m["password"]})
    c.post("/fc/first-login/mail", data={"reg_mail": m["plus_member_id"]})
    assert out.mails[-1]["subject"] == "取得済IDのお知らせ"
    link = re.search(r"https?://\S+", out.mails[-1]["body"]).group(0).replace("http://testserver", "")
    assert "パスワードの入力" in c.get(link).text
    c.post("/fc/first-login/plus-password", data={"plus_pw": m["plus_password"]})
    assert "初回ログインが完了しました" in c.post("/fc/first-login/confirm").text
    help_page = c.get("/fc/support/first-login").text
    mailto = unquote(re.search(r'href="(mailto:[^"]+)"', help_page).group(1).replace("&amp;", "&"))
    assert mailto.startswith("mailto:secure_lunasea@cc.plusmember.jp?subject=【STEP2】初回ログイン認証エラー")
    assert "ご生年月日(西暦表記8桁)" in mailto and "「初回ログイン」は必ずやらないといけませんか?" in help_page
    out.charges[("au", "12345678901")] = {"carrier": "au", "billing_id": "12345678901", "amount_yen": 330, "status": "active"}
    assert "ご請求を確認しました" in c.post("/fc/support/billing-id", data={"bill_carrier": "au", "bill_ref": "12345678901"}).text
    assert "端末のお電話番号" in c.post("/fc/support/billing-id", data={"bill_carrier": "au", "bill_ref": "09012345678"}).text
    ua = {"User-Agent": "Mozilla/5.0 (Linux; Android 14) SamsungBrowser/25.0 Chrome/121 Mobile"}
    assert "動作保証外です" in c.get("/fc/first-login", headers=ua).text


def test_defect_switches_change_behaviour():
    assert len(DEFECTS) >= 30
    c, out = make({"fc_wrong_birth_date_accepted", "old_id_lock_never"})
    m = c.post("/_control/fanclub/members").json()
    assert "メールアドレスの登録" in c.post("/fc/first-login", data={"old_no": m["member_number"], "birth_pw": "19000101"}).text
    acc = c.post("/_control/myaplus/accounts").json()
    for _ in range(10):
        r = c.post("/ap/signin", data={"login_name": acc["old_id"], "login_secret": "nope"})
    assert "ロックされている" not in r.text and not out.mails


@pytest.mark.parametrize("path", ["/ap/kiyaku", "/ap/passwd", "/ap/tel-verify", "/fc/first-login/mail", "/fc/first-login/confirm"])
def test_steps_cannot_be_skipped_and_bad_input_is_not_5xx(path):
    c, _ = make()
    r = c.get(path, follow_redirects=False)
    assert r.status_code == 303
    r = c.post(path, content=b"\xff\xfe garbage", headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert r.status_code < 500


def test_every_defect_at_once_still_serves_without_5xx():
    c, out = make(set(DEFECTS))
    acc = c.post("/_control/myaplus/accounts", json={"phone": "landline"}).json()
    pages = [c.post("/ap/signin", data={"login_name": acc["old_id"], "login_secret": acc["old_password"]}),
             c.post("/ap/kiyaku", data={"op": "agree"}), c.post("/ap/mail-id", data={"op": "no"}),
             c.post("/ap/mail-id/input", data={"op": "register", "new_mail_addr": "ｘ@example.jp"})]
    pages.append(c.post("/ap/mail-id/verify", data={"op": "verify", "mail_pin": code_in(out.mails[-1]["body"])}))
    pages.append(c.post("/ap/mail-id/confirm", data={"op": "yes"}))
    assert "SMSにて送信された" in pages[-1].text   # sms_to_landline (phone_code_by_mail sends it by e-mail)
    pages.append(c.post("/ap/passwd", data={"op": "save", "pw_new": "short1", "pw_again": "x"}))
    pages.append(c.post("/ap/passwd", data={"op": "save", "pw_new": "abcdefg1", "pw_again": "zzz"}))
    pages.append(c.get("/ap/complete"))
    m = c.post("/_control/fanclub/members", json={"state": "withdrawn"}).json()
    pages.append(c.post("/fc/first-login", data={"old_no": m["member_number"], "birth_pw": "800101"}))
    pages.append(c.post("/fc/first-login/mail", data={"reg_mail": "a@b.jp"}))
    pages += [c.get(p) for p in ("/fc/join", "/fc/support/first-login", "/fc/signin", "/ap/signin", "/fc/support/billing-id")]
    pages.append(c.post("/fc/support/billing-id", data={"bill_carrier": "au", "bill_ref": "09012345678"}))
    assert all(p.status_code < 500 for p in pages)
    assert "絶対にお支払いはしないでください" not in pages[-6].text   # fc_never_pay_warning_missing on /fc/join
