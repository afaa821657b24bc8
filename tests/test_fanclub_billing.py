"""Carrier billing IDs (docomo 12桁の決済番号, au 11桁の継続課金ID, SoftBank 注文番号) and a carrier API that fails."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import responses
from hypothesis import given
from hypothesis import strategies as st

from simulator.outbound import DeliveryError, Gateway
from simulator.settings import Settings
from simulator.sites.fanclub.billing import check_charge
from simulator.stubs.support_desk import billing_problem

DIGITS = st.text("0123456789", min_size=1, max_size=20)


@given(DIGITS)
def test_docomo_takes_exactly_12_digits(number):
    assert (billing_problem("docomo", number) is None) == (len(number) == 12)


@given(DIGITS)
def test_au_takes_exactly_11_digits_that_are_not_a_phone_number(number):
    phone_like = len(number) == 11 and number[0] == "0" and number[1] in "5789" and number[2] == "0"
    assert (billing_problem("au", number) is None) == (len(number) == 11 and not phone_like)


@given(st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-", min_size=6, max_size=40))
def test_softbank_order_numbers_of_letters_digits_and_hyphens_are_accepted(order):
    assert billing_problem("SoftBank", order) is None


@given(st.sampled_from(["docomo", "au", "SoftBank"]), st.text(max_size=60))
def test_any_text_is_judged_without_raising(carrier, text):
    problem = billing_problem(carrier, text)
    assert problem is None or isinstance(problem, str)


def test_separators_in_docomo_and_au_numbers_are_ignored():
    assert billing_problem("docomo", "1234-5678-9012") is None
    assert billing_problem("au", "123 4567 8901") is None


SETTINGS = Settings(db_path=":memory:", gateway_url="http://carrier.test", gateway_timeout_seconds=1)
URL = "http://carrier.test/carrier/docomo/charges/123456789012"


class _Ctx:
    gateway = Gateway(SETTINGS)


def run(coro):
    """Run a coroutine on its own loop in a worker thread (the browser tests may own this thread's loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@responses.activate
@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_carrier_5xx_is_a_delivery_error_and_an_unreachable_check(status):
    responses.get(URL, json={"message": "down"}, status=status)
    with pytest.raises(DeliveryError):
        Gateway(SETTINGS).carrier_get("docomo", "/charges/123456789012")
    result = run(check_charge(_Ctx(), "docomo", "123456789012"))
    assert (result.reachable, result.charged) == (False, False)


@responses.activate
def test_a_carrier_timeout_is_an_unreachable_check():
    responses.get(URL, body=requests.exceptions.ReadTimeout("timed out"))
    result = run(check_charge(_Ctx(), "docomo", "123456789012"))
    assert result.reachable is False


@responses.activate
def test_an_active_charge_is_reported_and_an_unknown_one_is_not():
    responses.get(URL, json={"carrier": "docomo", "billing_id": "123456789012", "amount_yen": 330, "status": "active"})
    assert run(check_charge(_Ctx(), "docomo", "123456789012")).charged is True
    responses.get("http://carrier.test/carrier/au/charges/12345678901", json={"message": "no such charge"}, status=404)
    result = run(check_charge(_Ctx(), "au", "12345678901"))
    assert (result.reachable, result.charged) == (True, False)


def test_a_member_without_carrier_billing_needs_no_call():
    result = run(check_charge(_Ctx(), None, None))
    assert (result.reachable, result.charged) == (True, False)
