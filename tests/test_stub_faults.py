"""The stubs' fault contract has what real gateways do (issue 13, item 9): a delay, a timeout (no answer), a
dropped connection, per service (mail, sms, voice, carrier) and per call count (``skip`` calls pass first,
then ``times`` calls fail). The site answers each with its retry message within its own timeout, and loses
nothing. Only the ``delay`` fault waits in real time (kept short here); a timeout ends when the site gives up."""
from __future__ import annotations

import time

import pytest
import requests

from simulator.sites.myaplus import messages as msg

from .conftest import STUBS_AUTH
from .myaplus_driver import alerts, heading

MOBILE, MOBILE_E164 = "090-3456-1234", "+819034561234"
SITE_TIMEOUT = 0.5


@pytest.fixture
def site(make_site):
    return make_site(gateway_timeout_seconds=SITE_TIMEOUT)


def arm(stub_services, **fault):
    resp = requests.post(f"{stub_services.url}/_stubs/faults", json=fault, headers=STUBS_AUTH, timeout=5)
    assert resp.status_code == 201, resp.text
    return resp.json()


@pytest.mark.parametrize("mode", ["timeout", "drop"])
@pytest.mark.parametrize("service", ["sms", "voice"])
def test_a_gateway_that_hangs_or_drops_gives_the_retry_message_and_loses_nothing(site, stub_services, mode, service):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    site.to_phone(member)
    code = site.latest_sms_code(MOBILE_E164)
    arm(stub_services, service=service, mode=mode)
    started = time.monotonic()
    failed = site.post("/myaplus/migration/phone", action="resend" if service == "sms" else "voice")
    assert time.monotonic() - started < SITE_TIMEOUT + 3  # bounded by the site's own timeout
    assert failed.status_code == 422 and alerts(failed) == [msg.DELIVERY_FAILED]
    assert heading(site.enter_phone_code(code)) == "パスワード入力"  # the code the member had still works
    assert site.account(member["id"])["code_failures"] == 0


def test_a_short_delay_is_only_slow(site, stub_services):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    arm(stub_services, service="sms", mode="delay", delay_ms=50)
    started = time.monotonic()
    site.to_phone(member)
    assert time.monotonic() - started >= 0.05
    assert heading(site.enter_phone_code(site.latest_sms_code(MOBILE_E164))) == "パスワード入力"


def test_a_delay_longer_than_the_sites_timeout_is_a_failure(site, stub_services):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    site.to_phone(member)
    arm(stub_services, service="sms", mode="delay", delay_ms=int(SITE_TIMEOUT * 1000) + 300)
    assert alerts(site.post("/myaplus/migration/phone", action="resend")) == [msg.DELIVERY_FAILED]


def test_skip_lets_calls_through_before_the_fault(site, stub_services):
    member = site.seed(phone="mobile", phone_number=MOBILE)
    arm(stub_services, service="sms", status=503, skip=1, times=1)
    site.to_phone(member)  # the first call passes
    assert len(site.sms(MOBILE_E164)) == 1
    assert alerts(site.post("/myaplus/migration/phone", action="resend")) == [msg.DELIVERY_FAILED]  # the second fails
    assert notices(site.post("/myaplus/migration/phone", action="resend")) == [msg.CODE_RESENT]  # the third passes


def notices(resp):
    from .myaplus_driver import notices as read
    return read(resp)


@pytest.mark.parametrize("mode", ["timeout", "drop", "status"])
def test_a_carrier_that_hangs_or_drops_asks_the_member_to_retry(make_site, stub_services, mode):
    from simulator.sites.fanclub import messages as fan_msg
    from .myaplus_driver import CSRF
    site = make_site(gateway_timeout_seconds=SITE_TIMEOUT)
    client = site.client
    member = client.post("/_control/fanclub/members", json={"state": "withdrawn"}).json()
    arm(stub_services, service="carrier", mode=mode)
    token = CSRF.search(client.get("/fanclub/first-login").text).group(1)
    resp = client.post("/fanclub/first-login", data={"csrf_token": token, "member_number": member["member_number"],
                                                     "password": member["password"]})
    assert resp.status_code == 503 and fan_msg.CARRIER_UNAVAILABLE in resp.text


@pytest.mark.parametrize("mode", ["timeout", "drop"])
def test_smtp_that_hangs_or_refuses_gives_the_retry_message(site, stub_services, mode):
    stub_services.registry.max_delay_seconds = SITE_TIMEOUT + 0.5
    try:
        member = site.seed(phone="mobile")
        site.to_new_email(member)
        arm(stub_services, service="mail", mode=mode)
        failed = site.post("/myaplus/migration/email/new", action="register", email="slow@example.jp")
        assert failed.status_code == 422 and alerts(failed) == [msg.DELIVERY_FAILED]
        ok = site.post("/myaplus/migration/email/new", action="register", email="slow@example.jp")
        assert heading(ok) == "認証コード入力画面"
    finally:
        stub_services.registry.max_delay_seconds = 30.0


def test_slow_smtp_still_delivers(site, stub_services):
    member = site.seed(phone="mobile")
    site.to_new_email(member)
    arm(stub_services, service="mail", mode="delay", delay_ms=50)
    assert heading(site.post("/myaplus/migration/email/new", action="register", email="late@example.jp")) == "認証コード入力画面"
    assert site.latest_mail_code("late@example.jp").isdigit()


@pytest.mark.parametrize("fault", [{"service": "sms", "mode": "hang"}, {"service": "sms", "delay_ms": -1},
                                   {"service": "sms", "delay_ms": 60_001}, {"service": "sms", "skip": -1},
                                   {"service": "sms", "times": True}, {"service": "sms", "colour": "red"}])
def test_the_fault_contract_refuses_what_it_does_not_define(stub_services, fault):
    resp = requests.post(f"{stub_services.url}/_stubs/faults", json=fault, headers=STUBS_AUTH, timeout=5)
    assert resp.status_code == 400 and resp.json()["error"]


def test_a_held_call_ends_when_the_stubs_are_reset(stub_services):
    """A delay fault holds a call without sleeping: resetting the stubs (what the harness does after each scenario)
    answers it at once, so no scenario waits out a hold another one armed."""
    import threading
    arm(stub_services, service="sms", mode="delay", delay_ms=30_000)
    answered = {}

    def call():
        answered["status"] = requests.post(f"{stub_services.url}/2010-04-01/Accounts/AC1/Messages.json",
                                           data={"To": MOBILE_E164, "From": "+815012345678", "Body": "x"},
                                           auth=("AC1", "token"), timeout=60).status_code
    caller = threading.Thread(target=call)
    caller.start()
    caller.join(0.5)
    assert caller.is_alive(), "the delay fault did not hold the call"
    assert requests.delete(f"{stub_services.url}/_stubs", headers=STUBS_AUTH, timeout=5).status_code in (200, 204)
    caller.join(10)
    assert not caller.is_alive() and answered.get("status") in (200, 201), answered
