"""Regression tests of issue 13 (the simulator as trustworthy as a real login service): each one failed on the
simulator before the fix it names."""
from __future__ import annotations

import http.client
import re
from datetime import timedelta
from email.message import EmailMessage
import smtplib

import pytest
import requests
from starlette.routing import Route
from .asgi_client import TestClient

from simulator import security
from simulator.app import SITE_MESSAGES, create_app
from simulator.clock import LATEST
from simulator.server import BackgroundServer
from simulator.sites.fanclub import messages as fan_msg
from simulator.sites.myaplus import messages as msg
from simulator.sites.myaplus.codes import Verdict
from simulator.stubs.registry import Registry

from .conftest import AUTH, STUBS_AUTH
from .myaplus_driver import CSRF, MyAplus, alerts, heading

MOBILE, MOBILE_E164 = "090-2345-6789", "+819023456789"
CSRF_PAGE = SITE_MESSAGES[403]


def store_of(site: MyAplus):
    return site.client.app.state.ctx.store


def sid_of(site: MyAplus) -> str | None:
    return site.client.cookies.get("sim_session")


# 1. server errors -----------------------------------------------------------------------------------------------
FORMS = ["/myaplus/login", "/myaplus/password/forgot", "/myaplus/register", "/myaplus/password/reset",
         "/fanclub/first-login", "/fanclub/login"]


@pytest.mark.parametrize("path", FORMS)
def test_a_non_ascii_csrf_token_is_refused_not_a_500(make_site, path):
    site = make_site(raise_server_exceptions=False)
    site.get("/myaplus/login")
    resp = site.client.post(path, data={"csrf_token": "トークン", "login_id": "x"})
    assert resp.status_code == 403 and alerts(resp) == [CSRF_PAGE]


def test_a_lone_surrogate_in_a_multipart_field_is_not_a_500(make_site):
    site = make_site(raise_server_exceptions=False)
    site.get("/myaplus/login")
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{site.token}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"login_id\"\r\n\r\n\\ud800x\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n\\udfff\r\n--{boundary}--\r\n")
    headers = {"content-type": f"multipart/form-data; boundary={boundary}; charset=raw_unicode_escape"}
    for path in FORMS[:3]:
        resp = site.client.post(path, content=body.encode(), headers=headers)
        assert resp.status_code < 500, (path, resp.status_code)


@pytest.mark.parametrize("path", ["/_control/clock", "/_control/myaplus/accounts", "/_control/fanclub/members"])
def test_a_lone_surrogate_in_control_json_is_a_json_400(make_site, path):
    site = make_site(raise_server_exceptions=False)
    key = {"/_control/clock": "set", "/_control/myaplus/accounts": "name_kanji"}.get(path, "name_kanji")
    resp = site.client.post(path, content=b'{"%s": "\\ud800"}' % key.encode(), headers={"content-type": "application/json"})
    assert resp.status_code == 400 and resp.headers["content-type"].startswith("application/json") and resp.json()["error"]


def test_a_crash_under_control_is_answered_in_json(make_site):
    site = make_site(raise_server_exceptions=False)

    async def boom(request):
        raise RuntimeError("boom")
    site.client.app.router.routes[-1].routes.append(Route("/boom", boom))  # the /_control mount
    resp = site.client.get("/_control/boom")
    assert resp.status_code == 500 and resp.json() == {"error": "internal error"}


def test_wrong_codes_near_the_end_of_the_clock_still_lock(site):
    """Before: `now + lock window` overflowed inside the transaction, it rolled back, and M was never reached."""
    site.client.post("/_control/clock", json={"set": (LATEST - timedelta(minutes=1)).isoformat()})
    member = site.seed(phone="mobile", phone_number=MOBILE)
    site.to_phone(member)
    m = site.client.get("/_control/config").json()["code_lock_threshold"]
    answers = [site.enter_phone_code("0000" if site.latest_sms_code(MOBILE_E164) != "0000" else "1111") for _ in range(m)]
    assert all(r.status_code < 500 for r in answers)
    assert alerts(answers[-1]) == [msg.CODE_LOCKED]
    assert site.account(member["id"])["code_locked_until"] == LATEST.isoformat()


@pytest.mark.parametrize(("path", "body"), [("/_control/myaplus/accounts", {"birth_date": "19800715"}),
                                            ("/_control/myaplus/accounts", {"birth_date": "1980-W29-2"}),
                                            ("/_control/fanclub/members", {"birth_date": "19800715"}),
                                            ("/_control/fanclub/members", {"joined_on": "20200101"})])
def test_seeding_takes_only_yyyy_mm_dd(site, path, body):
    """Before: 19800715 was stored, and ⑧ answered 500 for that member."""
    resp = site.client.post(path, json=body)
    assert resp.status_code == 400 and "YYYY-MM-DD" in resp.json()["error"]


def test_an_sms_with_a_lone_surrogate_does_not_poison_the_stubs(stub_services):
    url = f"{stub_services.url}/2010-04-01/Accounts/AC1/Messages.json"
    boundary = "xx"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"To\"\r\n\r\n+819000000000\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\n\\ud800 code\r\n--{boundary}--\r\n")
    resp = requests.post(url, data=body.encode(), timeout=5,
                         headers={"content-type": f"multipart/form-data; boundary={boundary}; charset=raw_unicode_escape"})
    assert resp.status_code == 201
    listed = requests.get(f"{stub_services.url}/_stubs/sms", headers=STUBS_AUTH, timeout=5)
    assert listed.status_code == 200 and listed.json()[-1]["body"] == "\ufffd code"


def test_the_smtp_sink_keeps_a_mail_in_an_unknown_charset(stub_services):
    stub_services.registry.reset()
    raw = (b"From: a@example.jp\r\nTo: charset@example.jp\r\nSubject: =?x-unknown?B?w6k=?=\r\n"
           b"Content-Type: text/plain; charset=x-unknown-charset\r\n\r\nbody \xe9\r\n")
    with smtplib.SMTP(stub_services.smtp_host, stub_services.smtp_port, timeout=5) as smtp:
        smtp.sendmail("a@example.jp", ["charset@example.jp"], raw)
    mails = stub_services.registry.list("mail", to="charset@example.jp")
    assert len(mails) == 1 and mails[0]["body"].startswith("body")


def test_a_500_does_not_reset_the_keep_alive_connection(sim_settings, sim_clock):
    app = create_app(sim_settings, sim_clock)

    async def boom(request):
        raise RuntimeError("boom")
    app.router.routes.insert(0, Route("/boom", boom))
    server = BackgroundServer(app).start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        conn.request("GET", "/boom")
        first = conn.getresponse()
        first.read()
        conn.request("GET", "/myaplus/login")  # the same connection
        second = conn.getresponse()
        assert (first.status, second.status) == (500, 200)
        conn.close()
    finally:
        server.stop()


# 2. codes ------------------------------------------------------------------------------------------------------
def test_a_second_submit_of_the_right_code_keeps_the_progress(site):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    site.to_phone(member)
    code = site.latest_sms_code(MOBILE_E164)
    assert heading(site.enter_phone_code(code)) == "パスワード入力"
    again = site.enter_phone_code(code)  # before: start_over() wiped the migration: back to ① with an error
    assert heading(again) == "パスワード入力" and alerts(again) == []
    assert site.account(member["id"])["code_failures"] == 0


def test_the_same_right_code_twice_at_once_is_no_failure(site):
    from .myaplus_driver import codes_for_one_member
    codes, _, account, store = codes_for_one_member(site.client.app.state.ctx.settings)
    _, code = codes.issue(account, "phone", "sms")
    assert codes.verify(account, "phone", code).ok
    second = codes.verify(account, "phone", code)
    assert second == Verdict(False, msg.CODE_MISMATCH) and second.repeated
    assert store.one("SELECT code_failures FROM myaplus_accounts WHERE id = ?", (account,))[0] == 0
    store.close()


def test_a_failed_resend_keeps_the_code_the_member_has(site, stub_services):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    site.to_phone(member)
    code = site.latest_sms_code(MOBILE_E164)
    stub_services.registry.set_fault("sms", 503, 1)
    failed = site.post("/myaplus/migration/phone", action="resend")
    assert alerts(failed) == [msg.DELIVERY_FAILED]
    assert heading(site.enter_phone_code(code)) == "パスワード入力"  # before: void, and a failure toward M
    assert site.account(member["id"])["code_failures"] == 0


def test_resends_are_limited(make_site):
    site = make_site(code_send_limit=3)
    member = site.seed(phone="mobile", phone_number=MOBILE)
    site.to_phone(member)  # the first SMS, on arrival
    answers = [site.post("/myaplus/migration/phone", action="resend") for _ in range(5)]
    assert [alerts(a) for a in answers[2:]] == [[msg.CODE_SEND_LIMIT]] * 3
    assert alerts(site.post("/myaplus/migration/phone", action="voice")) == [msg.CODE_SEND_LIMIT]
    assert len(site.sms(MOBILE_E164)) == 3
    assert heading(site.enter_phone_code(site.latest_sms_code(MOBILE_E164))) == "パスワード入力"  # the last one works
    site.client.post("/_control/clock", json={"advance_seconds": 30 * 60 + 1})
    assert site.client.get("/_control/config").json()["code_send_limit"] == 3


# 3. sessions ----------------------------------------------------------------------------------------------------
def test_the_session_id_changes_at_login_and_a_planted_one_is_worthless(site):
    member = site.seed(state="migrated")
    planted = "A" * 32  # e.g. set in the victim's browser by someone else before the login
    victim = MyAplus(TestClient(site.client.app, headers=AUTH, cookies={"sim_session": planted}), site.registry)
    victim.get("/myaplus/login")
    victim.client.cookies.clear()
    victim.client.cookies.set("sim_session", planted, domain="testserver.local")
    assert heading(victim.login(member["myaplus_id"], member["password"])) == "トップページ"
    assert victim.client.cookies.get("sim_session") != planted
    attacker = TestClient(site.client.app, headers=AUTH, cookies={"sim_session": planted})
    assert attacker.get("/myaplus/top", follow_redirects=False).headers["location"] == "/myaplus/login"


def test_the_old_id_login_also_rotates(site):
    member = site.seed()
    site.get("/myaplus/login")
    before = sid_of(site)
    site.login(member["old_id"], member["old_password"])
    assert sid_of(site) not in (None, before)


def test_an_idle_session_expires_and_is_purged(site):
    member = site.seed()
    site.start_migration(member)  # at ③
    assert store_of(site).one("SELECT count(*) FROM sessions")[0] == 1
    idle = site.client.get("/_control/config").json()["session_idle_minutes"]
    site.client.post("/_control/clock", json={"advance_seconds": idle * 60 + 1})
    resp = site.get("/myaplus/migration/email")
    assert heading(resp) == "My APLUS ログイン" and alerts(resp) == [msg.START_OVER]
    assert store_of(site).one("SELECT count(*) FROM sessions WHERE data LIKE '%myaplus_migration%'")[0] == 0


def test_a_session_in_use_does_not_expire(site):
    member = site.seed()
    site.start_migration(member)
    idle = site.client.get("/_control/config").json()["session_idle_minutes"]
    for _ in range(3):
        site.client.post("/_control/clock", json={"advance_seconds": idle * 60 - 60})
        assert heading(site.get("/myaplus/migration/email")) != "My APLUS ログイン"


def test_anonymous_page_views_store_no_session(site):
    for path in ("/myaplus/login", "/fanclub/first-login", "/fanclub/login", "/myaplus/password/forgot", "/"):
        for _ in range(5):
            TestClient(site.client.app).get(path)
    assert store_of(site).one("SELECT count(*) FROM sessions")[0] == 0


def test_an_anonymous_form_still_works_with_its_token(site):
    member = site.seed()
    resp = site.login(member["old_id"], member["old_password"])
    assert heading(resp) == "My APLUS会員規約"


# 4. links and tokens -----------------------------------------------------------------------------------------------
def forgot(site, address: str, **headers):
    site.get("/myaplus/password/forgot")
    return site.client.post("/myaplus/password/forgot", data={"csrf_token": site.token, "email": address}, headers=headers)


def reset_links(site, address: str) -> list[str]:
    return [re.search(r"(https?://\S+)", m["body"]).group(1) for m in site.mails(address)]


def test_mailed_links_use_the_public_base_url_not_the_host_header(make_site):
    site = make_site(public_base_url="https://sim.example")
    member = site.seed(state="migrated")
    forgot(site, member["myaplus_id"], host="evil.example")
    assert reset_links(site, member["myaplus_id"])[-1].startswith("https://sim.example/myaplus/password/reset?token=")


def test_a_fan_club_link_uses_the_public_base_url(make_site):
    site = make_site(public_base_url="https://sim.example")
    client = site.client
    member = client.post("/_control/fanclub/members", json={"state": "valid"}).json()
    token = CSRF.search(client.get("/fanclub/first-login").text).group(1)
    client.post("/fanclub/first-login", data={"csrf_token": token, "member_number": member["member_number"],
                                              "password": member["password"]})
    token = CSRF.search(client.get("/fanclub/first-login/email").text).group(1)
    client.post("/fanclub/first-login/email", headers={"host": "evil.example"},
                data={"csrf_token": token, "email": "fan@example.jp", "email_confirm": "fan@example.jp"})
    body = site.mails("fan@example.jp")[-1]["body"]
    assert "https://sim.example/fanclub/first-login/register/" in body and "evil" not in body


def use_link(site, link: str, password: str):
    token = link.split("token=")[1]
    site.get(f"/myaplus/password/reset?token={token}")
    return site.post("/myaplus/password/reset", token=token, password=password, password_confirm=password)


def test_a_used_reset_link_voids_every_other_one(site):
    member = site.seed(state="migrated")
    forgot(site, member["myaplus_id"])
    forgot(site, member["myaplus_id"])
    first, second = reset_links(site, member["myaplus_id"])
    assert use_link(site, second, "New!pass123").status_code == 200
    assert use_link(site, first, "Other!pass456").status_code == 410  # before: still valid
    assert use_link(site, second, "Other!pass456").status_code == 410


def test_a_password_reset_ends_the_other_sessions(site):
    member = site.seed(state="migrated")
    elsewhere = MyAplus(TestClient(site.client.app, headers=AUTH), site.registry)
    assert heading(elsewhere.login(member["myaplus_id"], member["password"])) == "トップページ"
    forgot(site, member["myaplus_id"])
    assert use_link(site, reset_links(site, member["myaplus_id"])[-1], "New!pass123").status_code == 200
    assert elsewhere.client.get("/myaplus/top", follow_redirects=False).headers["location"] == "/myaplus/login"


def test_forgot_password_answers_alike_for_known_and_unknown_addresses_under_an_smtp_fault(site, stub_services):
    member = site.seed(state="migrated")
    answers = []
    for address in (member["myaplus_id"], "nobody@example.jp"):
        stub_services.registry.set_fault("mail", 451, 1)
        resp = forgot(site, address)
        answers.append((resp.status_code, alerts(resp), heading(resp)))
        stub_services.registry.reset()
    assert answers[0] == answers[1] and answers[0][0] == 200


# 5. fan club STEP2 limit -------------------------------------------------------------------------------------------------
def test_step2_stops_after_the_attempt_limit_even_for_the_right_birth_date(make_site):
    site = make_site(fanclub_step2_attempt_limit=3, fanclub_step2_lock_minutes=30)
    client = site.client
    member = client.post("/_control/fanclub/members", json={"state": "valid"}).json()

    def step2(password: str):
        token = CSRF.search(client.get("/fanclub/first-login").text).group(1)
        return client.post("/fanclub/first-login", data={"csrf_token": token, "member_number": member["member_number"],
                                                         "password": password})
    wrong = "19000101" if member["password"] != "19000101" else "19000102"
    answers = [step2(wrong) for _ in range(3)]
    assert [a.status_code for a in answers] == [401, 401, 429]
    locked = step2(member["password"])
    assert locked.status_code == 429 and alerts(locked) == [fan_msg.STEP2_LOCKED]
    client.post("/_control/clock", json={"advance_seconds": 30 * 60 + 1})
    assert step2(member["password"]).headers.get("location", "").endswith("/fanclub/first-login/email") or \
        heading(step2(member["password"])) != ""


def test_step2_limit_treats_unknown_numbers_alike(make_site):
    site = make_site(fanclub_step2_attempt_limit=2)
    client = site.client
    codes = []
    for _ in range(2):
        token = CSRF.search(client.get("/fanclub/first-login").text).group(1)
        codes.append(client.post("/fanclub/first-login", data={"csrf_token": token, "member_number": "9999999",
                                                               "password": "19800101"}).status_code)
    assert codes == [401, 429]


# 6. timing ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("login_id", ["nsa000000", "nobody@example.jp"])
def test_an_unknown_id_costs_the_same_hashing_as_a_known_one(site, monkeypatch, login_id):
    calls = []
    real = security._scrypt
    monkeypatch.setattr(security, "_scrypt", lambda *a: calls.append(a) or real(*a))
    site.get("/myaplus/login")
    site.login(login_id, "whatever1!")
    assert len(calls) == 1 and calls[0][2] == site.client.app.state.ctx.settings.scrypt_log2_n


def test_an_unknown_plus_member_id_costs_a_hash_too(site, monkeypatch):
    calls = []
    real = security._scrypt
    monkeypatch.setattr(security, "_scrypt", lambda *a: calls.append(a) or real(*a))
    token = CSRF.search(site.client.get("/fanclub/login").text).group(1)
    site.client.post("/fanclub/login", data={"csrf_token": token, "login_id": "nobody@example.jp", "password": "x1"})
    assert len(calls) == 1


def test_hashes_keep_their_cost_and_old_ones_still_verify():
    cheap = security.hash_password("pw", 4)
    assert cheap.startswith("scrypt$4$") and security.verify_password("pw", cheap, 14)
    legacy_salt = bytes(16)
    legacy = f"scrypt${legacy_salt.hex()}${security._scrypt('pw', legacy_salt, 14).hex()}"
    assert security.verify_password("pw", legacy) and not security.verify_password("px", legacy)


# 7. security headers ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/myaplus/login", "/myaplus/top", "/myaplus/nowhere", "/fanclub/first-login",
                                  "/fanclub/faq", "/fanclub/login", "/myaplus/password/reset?token=x", "/_control/health"])
def test_every_page_has_the_security_headers(site, path):
    headers = site.client.get(path).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


# 9. persistence -----------------------------------------------------------------------------------------------------
def test_the_clock_survives_a_restart(tmp_path, sim_settings):
    settings = type(sim_settings)(**{**sim_settings.__dict__, "db_path": str(tmp_path / "sim.sqlite3")})
    with TestClient(create_app(settings), headers=AUTH) as first:
        first.post("/_control/reset")
        moved = first.post("/_control/clock", json={"advance_seconds": 299}).json()
    with TestClient(create_app(settings), headers=AUTH) as second:
        assert second.get("/_control/clock").json() == moved


def test_a_pending_code_still_reads_valid_after_a_restart_mid_flow(tmp_path, sim_settings, stub_services):
    settings = type(sim_settings)(**{**sim_settings.__dict__, "db_path": str(tmp_path / "sim.sqlite3")})
    first = MyAplus(TestClient(create_app(settings), headers=AUTH), stub_services.registry)
    first.client.post("/_control/reset")
    member = first.seed(phone="mobile", phone_number=MOBILE)
    first.to_phone(member)
    first.client.post("/_control/clock", json={"advance_seconds": 200})
    restarted = MyAplus(TestClient(create_app(settings), headers=AUTH, cookies=first.client.cookies), stub_services.registry)
    restarted.token = first.token
    assert heading(restarted.enter_phone_code(first.latest_sms_code(MOBILE_E164))) == "パスワード入力"


def test_stub_records_survive_a_restart(tmp_path):
    path = str(tmp_path / "stubs.sqlite3")
    first = Registry(path)
    first.record("sms", to="+81", body="1234")
    first.put("carrier:au", "12345678901", {"billing_id": "12345678901"})
    first.set_fault("voice", 502, 2, mode="drop", skip=1)
    first.close()
    again = Registry(path)
    assert again.list("sms")[0]["body"] == "1234" and again.get("carrier:au", "12345678901")
    assert again.faults["voice"]["mode"] == "drop"
    assert again.record("sms", to="+82")["id"] == 2
    again.reset()
    again.close()
    assert Registry(path).list("sms") == []


def test_a_control_reset_keeps_the_stub_tables(tmp_path, sim_settings):
    path = str(tmp_path / "sim.sqlite3")
    registry = Registry(path)
    registry.record("mail", to="a@example.jp")
    settings = type(sim_settings)(**{**sim_settings.__dict__, "db_path": path})
    with TestClient(create_app(settings), headers=AUTH) as client:
        assert client.post("/_control/reset").status_code == 200
    assert Registry(path).list("mail")
