"""The control API and the stubs' API are protected (issue 13, item 8): a bearer token, JSON-only bodies, a Host
allow-list; listening beyond loopback needs a token given explicitly. The provider-shaped endpoints the site
calls need no token but the same Host allow-list."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import requests
from .asgi_client import TestClient

from simulator.__main__ import main as simulator_main
from simulator.stubs.__main__ import main as stubs_main
from simulator.stubs.app import create_stubs_app
from simulator.stubs.registry import Registry

from .conftest import AUTH, STUBS_AUTH, STUBS_TOKEN

CONTROL = [("GET", "/_control/health"), ("GET", "/_control/config"), ("POST", "/_control/reset"),
           ("GET", "/_control/clock"), ("GET", "/_control/openapi.json"), ("POST", "/_control/myaplus/accounts"),
           ("GET", "/_control/fanclub/config"),
           ("POST", "/_control/myaplus/sessions"), ("POST", "/_control/fanclub/sessions")]


@pytest.fixture
def anonymous(site):
    return TestClient(site.client.app)


@pytest.mark.parametrize(("method", "path"), CONTROL)
@pytest.mark.parametrize("auth", [None, "Bearer wrong", "Basic dGVzdA==", "Bearer", "bearer  "])
def test_every_control_call_needs_the_token(anonymous, method, path, auth):
    resp = anonymous.request(method, path, headers={"Authorization": auth} if auth else {})
    assert resp.status_code == 401 and resp.json()["error"]
    assert resp.headers["www-authenticate"].startswith("Bearer")


def test_the_token_opens_the_control_api(anonymous):
    assert anonymous.get("/_control/health", headers=AUTH).status_code == 200
    assert anonymous.get("/_control/health", headers={"Authorization": AUTH["Authorization"].replace("Bearer", "bearer")}).status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None])
def test_a_cross_origin_simple_post_is_refused(site, content_type):
    """A web page can post text/plain (or a form) to any origin without asking: such bodies are refused."""
    headers = {**AUTH, **({"content-type": content_type} if content_type else {})}
    before = site.seed()
    resp = site.client.post("/_control/reset", content=b"{}", headers=headers)
    if content_type is None:  # httpx sends no content type: still not JSON
        assert resp.status_code == 415
    else:
        assert resp.status_code == 415 and resp.json()["error"]
    assert site.account(before["id"])["id"] == before["id"]  # nothing was reset


def test_json_and_empty_bodies_pass(site):
    assert site.client.post("/_control/reset").status_code == 200
    assert site.client.post("/_control/reset", json={}).status_code == 200
    assert site.client.post("/_control/clock", json={"advance_seconds": 1},
                            headers={"content-type": "application/json; charset=utf-8"}).status_code == 200


@pytest.mark.parametrize(("host", "status"), [("evil.example", 421), ("127.0.0.1.evil.example", 421),
                                              ("localhost.evil.example:80", 421), ("", 400), ("bad host", 400),
                                              ("[::1", 400), ("x:y", 400)])
def test_a_foreign_host_is_refused(site, host, status):
    resp = site.client.get("/_control/health", headers={"host": host})
    assert resp.status_code == status and resp.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000", "testserver"])
def test_loopback_and_configured_hosts_pass(site, host):
    assert site.client.get("/_control/health", headers={"host": host}).status_code == 200


def test_site_pages_answer_any_host(site):
    assert site.client.get("/myaplus/login", headers={"host": "www.example.jp"}).status_code == 200


# stubs -------------------------------------------------------------------------------------------------------
@pytest.fixture
def stubs():
    app = create_stubs_app(Registry(), smtp_port=2525, token=STUBS_TOKEN, allowed_hosts=("testserver",))
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(("method", "path"), [("GET", "/_stubs"), ("DELETE", "/_stubs"), ("GET", "/_stubs/sms"),
                                              ("POST", "/_stubs/faults"), ("GET", "/_stubs/carrier/au/charges")])
def test_every_stubs_call_needs_the_token(stubs, method, path):
    assert stubs.request(method, path).status_code == 401
    assert stubs.request(method, path, headers={"Authorization": "Bearer nope"}).status_code == 401


def test_stub_bodies_must_be_json(stubs):
    resp = stubs.post("/_stubs/faults", content=b'{"service": "sms"}', headers={**STUBS_AUTH, "content-type": "text/plain"})
    assert resp.status_code == 415


def test_provider_endpoints_need_no_token_but_an_allowed_host(stubs):
    sms = "/2010-04-01/Accounts/AC1/Messages.json"
    assert stubs.post(sms, data={"To": "+819000000000", "Body": "x"}).status_code == 201
    assert stubs.post(sms, data={"To": "+819000000000", "Body": "x"}, headers={"host": "evil.example"}).status_code == 421
    assert stubs.get("/carrier/au/charges/12345678901", headers={"host": "evil.example"}).status_code == 421


def test_the_stubs_token_is_random_unless_given():
    first, second = create_stubs_app(Registry()), create_stubs_app(Registry())
    assert first.state.token and first.state.token != second.state.token


# command lines ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("main", [simulator_main, stubs_main])
def test_listening_beyond_loopback_needs_an_explicit_token(main, capsys):
    assert main(["--host", "0.0.0.0"]) == 2
    assert "token" in capsys.readouterr().err


def test_python_m_simulator_prints_its_tokens_and_they_work(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "--port", "0", "--stubs-port", "0", "--smtp-port", "0",
                             "--db", str(tmp_path / "sim.sqlite3"), "--scrypt-log2-n", "4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = json.loads(proc.stdout.readline())
        token = line["control_token"]
        assert token and line["stubs_token"]
        assert requests.get(f"{line['control']}/health", timeout=5).status_code == 401
        assert requests.get(f"{line['control']}/health", headers={"Authorization": f"Bearer {token}"}, timeout=5).status_code == 200
        stubs_auth = {"Authorization": f"Bearer {line['stubs_token']}"}
        assert requests.get(f"{line['stubs']}/_stubs/mails", headers=stubs_auth, timeout=5).json() == []
    finally:
        proc.terminate()
        proc.wait(10)


def test_python_m_simulator_takes_a_given_token(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "--port", "0", "--stubs-port", "0", "--smtp-port", "0",
                             "--db", ":memory:", "--control-token", "chosen-token"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert json.loads(proc.stdout.readline())["control_token"] == "chosen-token"
    finally:
        proc.terminate()
        proc.wait(10)


def test_python_m_simulator_stubs_prints_its_token():
    proc = subprocess.Popen([sys.executable, "-m", "simulator.stubs", "--http-port", "0", "--smtp-port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = json.loads(proc.stdout.readline())
        assert requests.get(f"{line['stubs']}/_stubs", timeout=5).status_code == 401
        auth = {"Authorization": f"Bearer {line['stubs_token']}"}
        assert requests.get(f"{line['stubs']}/_stubs", headers=auth, timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)


# 405 with Allow (the contract's mismatches) -----------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "allowed"), [("/_control/clock", {"GET", "POST"}), ("/_control/reset", {"POST"}),
                                               ("/_control/health", {"GET"})])
def test_a_wrong_method_names_every_allowed_one(site, path, allowed):
    resp = site.client.request("PATCH", path)
    assert resp.status_code == 405 and resp.json()["error"]
    assert {m.strip() for m in resp.headers["allow"].split(",")} - {"HEAD"} == allowed


def test_a_wrong_method_on_the_stubs_names_every_allowed_one(stubs):
    resp = stubs.request("PUT", "/_stubs", headers=STUBS_AUTH)
    assert resp.status_code == 405 and {m.strip() for m in resp.headers["allow"].split(",")} - {"HEAD"} == {"GET", "DELETE"}


def test_a_wrong_method_on_a_page_keeps_its_allow_header(site):
    resp = site.client.put("/myaplus/login")
    assert resp.status_code == 405 and {m.strip() for m in resp.headers["allow"].split(",")} - {"HEAD"} == {"GET", "POST"}
