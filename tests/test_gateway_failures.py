"""A gateway that fails (SMS / voice 5xx, timeout; SMTP refusal) gives the user the retry message on the
same screen and loses nothing: the account, the migration's place and the next resend all still work.
The SMS / voice gateway is played by ``responses``; the mail failure by the SMTP stub's fault injection."""
from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest
import requests
import responses

from simulator.sites.myaplus import messages as msg

from .conftest import STUBS_AUTH
from .myaplus_driver import alerts, heading, notices

GATEWAY = "http://gateway.test"
SMS_URL = f"{GATEWAY}/2010-04-01/Accounts/ACsimulator/Messages.json"
CALL_URL = f"{GATEWAY}/2010-04-01/Accounts/ACsimulator/Calls.json"
MOBILE, MOBILE_E164 = "090-3456-7890", "+819034567890"
FAILURES = {
    "503": {"status": 503, "json": {"code": 503, "message": "unavailable"}},
    "500": {"status": 500, "body": "oops"},
    "connect timeout": {"body": requests.exceptions.ConnectTimeout("connect timed out")},
    "read timeout": {"body": requests.exceptions.ReadTimeout("read timed out")},
    "connection refused": {"body": requests.exceptions.ConnectionError("refused")},
    "not json": {"status": 201, "body": "<html>"},
}


@pytest.fixture
def gateway():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def site(make_site):
    return make_site(gateway_url=GATEWAY)


def sent_code(call) -> str:
    form = parse_qs(call.request.body)
    text = form["Body"][0] if "Body" in form else "".join(re.findall(r"\d(?=、)", form["Twiml"][0]))
    return re.search(r"\d{4}", text).group(0)


def ok(url: str) -> dict:
    return {"method": "POST", "url": url, "status": 201, "json": {"sid": "SMx", "status": "queued"}}


def assert_nothing_lost(site, member: dict) -> None:
    account = site.account(member["id"])
    assert account["old_id"] == member["old_id"] and account["migrated_at"] is None
    assert account["code_failures"] == 0 and account["myaplus_id"] is None


@pytest.mark.parametrize("failure", FAILURES)
def test_sms_failure_on_arrival_shows_the_retry_message_and_resend_works(site, gateway, failure):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    gateway.add("POST", SMS_URL, **FAILURES[failure])
    page = site.to_phone(member)
    assert heading(page) == "認証コード入力画面" and alerts(page) == [msg.DELIVERY_FAILED]
    assert_nothing_lost(site, member)
    gateway.replace("POST", SMS_URL, **{k: v for k, v in ok(SMS_URL).items() if k not in ("method", "url")})
    resent = site.post("/myaplus/migration/phone", action="resend")
    assert notices(resent) == [msg.CODE_RESENT] and alerts(resent) == []
    assert heading(site.enter_phone_code(sent_code(gateway.calls[-1]))) == "パスワード入力"


@pytest.mark.parametrize("failure", ["503", "connect timeout"])
def test_failed_resend_keeps_the_screen_and_the_next_resend_works(site, gateway, failure):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    gateway.add(**ok(SMS_URL))
    site.to_phone(member)
    first = sent_code(gateway.calls[-1])
    gateway.replace("POST", SMS_URL, **FAILURES[failure])
    failed = site.post("/myaplus/migration/phone", action="resend")
    assert failed.status_code == 422 and alerts(failed) == [msg.DELIVERY_FAILED]
    assert heading(failed) == "認証コード入力画面"
    gateway.replace("POST", SMS_URL, status=201, json={"sid": "SMy"})
    site.post("/myaplus/migration/phone", action="resend")
    second = sent_code(gateway.calls[-1])
    if first != second:
        assert alerts(site.enter_phone_code(first)) == [msg.CODE_MISMATCH]  # resend voided the first
    assert heading(site.enter_phone_code(second)) == "パスワード入力"


@pytest.mark.parametrize("failure", ["503", "read timeout"])
def test_voice_call_failure_on_a_landline(site, gateway, failure):
    member = site.seed(phone="landline", phone_number="03-5123-4567")
    page = site.to_phone(member)
    assert not gateway.calls and alerts(page) == []  # a landline waits for the button
    gateway.add("POST", CALL_URL, **FAILURES[failure])
    failed = site.post("/myaplus/migration/phone", action="voice")
    assert alerts(failed) == [msg.DELIVERY_FAILED]
    assert_nothing_lost(site, member)
    gateway.replace("POST", CALL_URL, status=201, json={"sid": "CAx"})
    assert notices(site.post("/myaplus/migration/phone", action="voice")) == [msg.CODE_CALLED]
    assert heading(site.enter_phone_code(sent_code(gateway.calls[-1]))) == "パスワード入力"


def test_the_request_is_twilio_shaped(site, gateway):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    gateway.add(**ok(SMS_URL))
    site.to_phone(member)
    call = gateway.calls[-1]
    form = parse_qs(call.request.body)
    assert form["To"] == [MOBILE_E164] and form["From"] and "認証コード" in form["Body"][0]
    assert call.request.headers["Authorization"].startswith("Basic ")


def arm_fault(stub_services, service: str, status: int = 451, times: int = 1) -> None:
    resp = requests.post(f"{stub_services.url}/_stubs/faults", json={"service": service, "status": status, "times": times}, headers=STUBS_AUTH,
                         timeout=5)
    assert resp.status_code == 201, resp.text


def test_mail_refused_by_smtp_keeps_the_new_email_screen(make_site, stub_services):
    site = make_site()
    member = site.seed(phone="mobile")
    site.to_new_email(member)
    arm_fault(stub_services, "mail")
    failed = site.post("/myaplus/migration/email/new", action="register", email="retry.me@example.jp")
    assert heading(failed) == "メールアドレス登録" and alerts(failed) == [msg.DELIVERY_FAILED]
    assert not site.mails("retry.me@example.jp")
    assert_nothing_lost(site, member)
    site.post("/myaplus/migration/email/new", action="register", email="retry.me@example.jp")
    code = site.latest_mail_code("retry.me@example.jp")
    assert heading(site.post("/myaplus/migration/email/code", action="verify", code=code)) == "メールアドレス登録"


def test_mail_failure_on_resend_then_success(make_site, stub_services):
    site = make_site()
    member = site.seed(phone="mobile")
    site.to_new_email(member)
    site.post("/myaplus/migration/email/new", action="register", email="again@example.jp")
    arm_fault(stub_services, "mail", status=554)
    assert alerts(site.post("/myaplus/migration/email/code", action="resend")) == [msg.DELIVERY_FAILED]
    site.post("/myaplus/migration/email/code", action="resend")
    assert len(site.mails("again@example.jp")) == 2
    code = site.latest_mail_code("again@example.jp")
    assert site.post("/myaplus/migration/email/code", action="verify", code=code).url.path.endswith("/email/confirm")


def test_sms_stub_fault_over_http(make_site, stub_services):
    """The same retry path through the real HTTP stub, armed with POST /_stubs/faults."""
    site = make_site()
    member = site.seed(phone="mobile", phone_number=MOBILE)
    arm_fault(stub_services, "sms", status=503)
    assert alerts(site.to_phone(member)) == [msg.DELIVERY_FAILED] and not site.sms(MOBILE_E164)
    site.post("/myaplus/migration/phone", action="resend")
    assert heading(site.enter_phone_code(site.latest_sms_code(MOBILE_E164))) == "パスワード入力"


def test_lock_notice_failure_does_not_undo_the_lock(make_site, stub_services):
    site = make_site()
    member = site.seed(state="migrated")
    k = site.client.get("/_control/config").json()["account_lock_threshold"]
    for _ in range(k - 1):
        site.login(member["myaplus_id"], "Wrong!pw1")
    arm_fault(stub_services, "mail")
    assert alerts(site.login(member["myaplus_id"], "Wrong!pw1")) == list(msg.ACCOUNT_LOCKED)
    assert site.account(member["id"])["locked"] == 1
