"""The fan club site without a browser: bad input never gives a 500, the control API explains itself,
and the documented rules hold at the HTTP level."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from .asgi_client import TestClient

from .conftest import AUTH

from simulator.app import create_app
from simulator.sites.fanclub import messages as msg


@pytest.fixture
def client(sim_settings, sim_clock):
    with TestClient(create_app(sim_settings, sim_clock), raise_server_exceptions=False, headers=AUTH) as c:
        yield c


def csrf(client, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


def seed(client, **body) -> dict:
    resp = client.post("/_control/fanclub/members", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def step2(client, number: str, password: str):
    return client.post("/fanclub/first-login", data={"csrf_token": csrf(client, "/fanclub/first-login"),
                                                      "member_number": number, "password": password})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.text(max_size=40), password=st.text(max_size=40))
def test_step2_never_fails_with_a_server_error(client, number, password):
    assert step2(client, number, password).status_code in (401, 422)


@pytest.mark.parametrize("state", ["birth_date_wrong", "birth_date_missing"])
def test_wrong_or_missing_birth_dates_answer_like_an_unknown_number(client, state):
    member = seed(client, state=state)
    known = step2(client, member["member_number"], member["password"])
    unknown = step2(client, "9" + member["member_number"], member["password"])
    assert known.status_code == unknown.status_code == 401
    assert msg.LOGIN_FAILED in known.text and msg.LOGIN_FAILED in unknown.text


def test_a_valid_member_never_reaches_the_payment_screen(client):
    member = seed(client, state="valid")
    resp = step2(client, member["member_number"], member["password"])
    assert resp.url.path == "/fanclub/first-login/email"
    assert "330円" not in resp.text


def test_the_join_date_is_before_the_renewal_for_valid_members(client):
    for _ in range(5):
        assert seed(client, state="valid")["joined_on"] < "2025-10-30"


@pytest.mark.parametrize("body, status", [
    ({"state": "nope"}, 400), ({"color": "red"}, 400), ({"carrier": "rakuten"}, 400),
    ({"birth_date": "1990-02-31"}, 400), ({"birth_date": 19900101}, 400),
])
def test_the_control_api_refuses_bad_seeds(client, body, status):
    resp = client.post("/_control/fanclub/members", json=body)
    assert resp.status_code == status and "error" in resp.json()


def test_the_control_api_refuses_a_duplicate_member_number(client):
    seed(client, member_number="1234567")
    assert client.post("/_control/fanclub/members", json={"member_number": "1234567"}).status_code == 409


def test_a_carrier_override_gets_a_billing_id_of_that_carrier(client):
    assert len(seed(client, state="withdrawn", carrier="docomo")["billing_id"]) == 12
    assert len(seed(client, state="withdrawn", carrier="au")["billing_id"]) == 11


@pytest.mark.parametrize("path", ["/fanclub/first-login/email", "/fanclub/first-login/email/sent",
                                  "/fanclub/first-login/register/nope", "/fanclub/first-login/existing/nope"])
def test_screens_out_of_order_send_the_member_back_to_step2(client, path):
    resp = client.get(path)
    assert resp.status_code == 200 and resp.url.path == "/fanclub/first-login"


def test_a_form_without_its_token_is_refused_not_crashed(client):
    assert client.post("/fanclub/first-login", data={"member_number": "1"}).status_code == 403
    assert client.post("/fanclub/first-login", content=b"\xff\xfe", headers={"content-type": "multipart/form-data"}).status_code == 403
