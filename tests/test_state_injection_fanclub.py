"""Fan club state injection (``POST /_control/fanclub/sessions``) leaves exactly what walking there leaves: the same
session data, links, member records and mails, the same screen shown. Each case walks one member through the
forms on one fresh app and injects an identical member on another."""
from __future__ import annotations

import html
import re

import pytest
from .asgi_client import TestClient

from simulator.app import create_app
from simulator.web import SESSION_COOKIE

from .conftest import AUTH

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
MEMBER = {"member_number": "4242424", "birth_date": "1980-07-15", "name_kanji": "田中 花子", "name_kana": "タナカ ハナコ",
          "plus_member_id": "fan4242424@plus-sim.example", "carrier": "au", "billing_id": "12345678901", "joined_on": "2010-04-01"}
CASES = [(screen, state) for screen in ("email", "email_sent", "link") for state in ("valid", "has_plus_id")]


def _address(member: dict) -> str:  # steps/journeys/fanclub.address_for
    return member["plus_member_id"] if member["state"] == "has_plus_id" else f"m{member['member_number']}@fan-mail.example"


def _post(client, path: str, **fields):
    token = CSRF.search(client.get(path).text).group(1)
    return client.post(path, data={"csrf_token": token, **fields})


def _walk(client, registry, member: dict, screen: str):
    page = _post(client, "/fanclub/first-login", member_number=member["member_number"], password=member["password"])
    if screen == "email":
        return page
    page = _post(client, "/fanclub/first-login/email", email=_address(member), email_confirm=_address(member))
    if screen == "email_sent":
        return page
    url = re.search(r"https?://\S+", registry.list("mail", to=_address(member))[-1]["body"]).group(0)
    return client.get(url)


def _state(app, registry, page, cookie: str) -> dict:
    store = app.state.ctx.store
    row = store.one("SELECT data FROM sessions WHERE id = ?", (cookie,))
    session = re.sub(r'"token": "[^"]+"', "", row["data"]) if row else None
    tables = {t: [{k: r[k] for k in r.keys() if k not in ("id", "name_roman")} for r in store.all(f"SELECT * FROM {t} ORDER BY 1")]
              for t in ("fanclub_members", "fanclub_step2_failures")}  # name_roman: generated, not an override
    links = [(r["member_id"], r["email"], r["kind"], r["issued_at"], r["used"]) for r in store.all("SELECT * FROM fanclub_links")]
    mails = [(m["to"], m["subject"], re.sub(r"/[A-Za-z0-9_-]{20,}", "/TOKEN", m["body"])) for m in registry.list("mail")]
    heading = re.search(r"<h1>(.*?)</h1>", page.text, re.S)
    shown = (page.status_code, re.sub(r"/[A-Za-z0-9_-]{20,}$", "/TOKEN", page.url.path), html.unescape(heading.group(1)) if heading else "")
    return {"page": shown, "session": session, "tables": tables, "links": links, "mails": mails}


@pytest.mark.parametrize(("screen", "state"), CASES)
def test_an_injected_member_is_where_the_walk_leaves_one(sim_settings, sim_clock, stub_services, screen, state):
    registry = stub_services.registry
    with TestClient(create_app(sim_settings, sim_clock), headers=AUTH) as walker:
        member = walker.post("/_control/fanclub/members", json={"state": state, **MEMBER}).json()
        page = _walk(walker, registry, member, screen)
        walked = _state(walker.app, registry, page, walker.cookies[SESSION_COOKIE])
    registry.reset()
    with TestClient(create_app(sim_settings, sim_clock), headers=AUTH) as control:
        member = control.post("/_control/fanclub/members", json={"state": state, **MEMBER}).json()
        resp = control.post("/_control/fanclub/sessions", json={"member_id": member["id"], "screen": screen, "email": _address(member)})
        assert resp.status_code == 201, resp.text
        answer = resp.json()
        browser = TestClient(control.app, cookies={answer["cookie"]["name"]: answer["cookie"]["value"]})
        injected = _state(control.app, registry, browser.get(answer["path"]), answer["cookie"]["value"])
    assert injected == walked
    assert walked["page"][0] == 200 and walked["page"][2] and (screen == "email") == (not walked["mails"])


@pytest.mark.parametrize("state", ["withdrawn", "completed", "birth_date_missing"])
def test_a_member_the_walk_would_not_take_to_step3_is_refused(sim_settings, sim_clock, state):
    with TestClient(create_app(sim_settings, sim_clock), headers=AUTH) as client:
        member = client.post("/_control/fanclub/members", json={"state": state}).json()
        resp = client.post("/_control/fanclub/sessions", json={"member_id": member["id"], "screen": "email"})
        assert resp.status_code == 409 and "walk" in resp.json()["error"]


@pytest.mark.parametrize("body", [{}, {"member_id": 1}, {"member_id": 1, "screen": "payment"}, {"member_id": "1", "screen": "email"},
                                  {"member_id": 1, "screen": "link"}, {"member_id": 1, "screen": "email", "email": 5}])
def test_bad_requests_are_refused(sim_settings, sim_clock, body):
    with TestClient(create_app(sim_settings, sim_clock), headers=AUTH) as client:
        client.post("/_control/fanclub/members", json={})
        resp = client.post("/_control/fanclub/sessions", json=body)
        assert resp.status_code in (400, 409) and resp.json()["error"]
        assert client.app.state.ctx.store.one("SELECT COUNT(*) FROM sessions")[0] == 0
