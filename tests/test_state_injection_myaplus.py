"""State injection (``POST /_control/<site>/sessions``, capability ``sessions``) leaves exactly what walking there
leaves: the same session data, the same stored records and codes, the same messages sent, the same screen shown.
Each case walks one member through the forms on one fresh app and injects an identical member on another."""
from __future__ import annotations

import re

import pytest
from .asgi_client import TestClient

from simulator.sites.myaplus.flow import STEP_PAGES
from simulator.web import SESSION_COOKIE

from .conftest import AUTH
from .myaplus_driver import CODE, SPOKEN_CODE, alerts, heading, notices

PASSWORD = "Qz7!mK2#vX"  # the walk's (steps/journeys/myaplus.py)
NEW_EMAIL = "new-nsa424242@example.jp"
MEMBER = {"old_id": "nsa424242", "old_password": "Old424242", "card_email": "card424242@aplus-sim.co.jp",
          "birth_date": "1980-07-15", "name_kanji": "田中 花子", "name_kana": "タナカ ハナコ", "name_roman": "Tanaka Hanako",
          "card_number": "4111111111111111"}
PHONES = {"mobile": "090-1234-5678", "landline": "03-5123-4567"}
CARD = ("terms", "email_choice", "phone_code", "password", "complete")
NEW = ("terms", "email_choice", "email_new", "email_code", "email_confirm", "phone_code", "password", "complete")
CASES = [(s, False, "mobile") for s in CARD] + [(s, True, "mobile") for s in NEW[2:]] + [
    ("phone_code", False, "landline"), ("password", False, "landline"), ("complete", True, "landline")]


def _walk(site, member: dict, screen: str, new_email: bool, phone: str) -> None:
    """The browser walk of steps/journeys/myaplus.py, as form posts."""
    site.login(member["old_id"], member["old_password"])
    route = NEW if new_email else CARD
    e164 = "+81" + re.sub(r"\D", "", member["phone"])[1:]
    for here in route[:route.index(screen)]:
        if here == "terms":
            site.post("/myaplus/migration/terms", action="agree")
        elif here == "email_choice":
            site.post("/myaplus/migration/email", action="no" if new_email else "yes")
        elif here == "email_new":
            site.post("/myaplus/migration/email/new", action="register", email=NEW_EMAIL)
        elif here == "email_code":
            site.post("/myaplus/migration/email/code", action="verify", code=site.latest_mail_code(NEW_EMAIL))
        elif here == "email_confirm":
            site.post("/myaplus/migration/email/confirm", action="yes")
        elif here == "phone_code":
            if phone == "landline":
                site.post("/myaplus/migration/phone", action="voice")
                code = SPOKEN_CODE.search(site.registry.list("call", to=e164)[-1]["twiml"]).group(1).replace("、", "")
            else:
                code = site.latest_sms_code(e164)
            site.enter_phone_code(code)
        elif here == "password":
            site.set_password(PASSWORD)
    assert site.last.url.path == STEP_PAGES[{"email_new": "new_email"}.get(screen, screen)], site.last.url


def _state(site, cookie: str, account_id: int) -> dict:
    """Everything a later step could see: the page, the session, the member's records, what the stubs received."""
    store = site.client.app.state.ctx.store
    row = store.one("SELECT data FROM sessions WHERE id = ?", (cookie,))
    account = {k: v for k, v in site.account(account_id).items() if k != "id"}
    codes = [tuple(r) for r in store.all("SELECT purpose, channel, issued_at, state FROM myaplus_codes ORDER BY id")]
    sent = {kind: [{k: re.sub(r"\d", "#", str(v)) for k, v in item.items() if k in ("to", "subject", "body", "twiml")}
                   for item in items] for kind, items in site.registry.records.items() if items}
    page = site.last
    return {"page": (page.status_code, page.url.path, heading(page), alerts(page), notices(page)), "account": account,
            "codes": codes, "sent": sent, "session": row["data"] if row else None}


@pytest.mark.parametrize(("screen", "new_email", "phone"), CASES)
def test_an_injected_member_is_where_the_walk_leaves_one(make_site, stub_services, screen, new_email, phone):
    member = {**MEMBER, "phone_number": PHONES[phone], "phone": phone}
    walker = make_site()
    walked = walker.seed(**member)
    _walk(walker, walked, screen, new_email, phone)
    walk_state = _state(walker, walker.client.cookies[SESSION_COOKIE], walked["id"])

    stub_services.registry.reset()
    injector = make_site()
    injected = injector.seed(**member)
    body = {"account_id": injected["id"], "screen": screen, "password": PASSWORD, **({"new_email": NEW_EMAIL} if new_email else {})}
    resp = injector.client.post("/_control/myaplus/sessions", json=body)
    assert resp.status_code == 201, resp.text
    answer = resp.json()
    browser = TestClient(injector.client.app, cookies={answer["cookie"]["name"]: answer["cookie"]["value"]})
    injector.last = browser.get(answer["path"])
    inject_state = _state(injector, answer["cookie"]["value"], injected["id"])
    assert inject_state == walk_state
    assert bool(walk_state["sent"]) == (screen not in ("terms", "email_choice", "email_new") and (new_email or phone == "mobile"
                                                                                                 or screen != "phone_code"))
    assert inject_state["page"][0] == 200 and inject_state["page"][2]  # the screen itself, not a start over


def test_a_member_who_cannot_start_the_migration_is_refused(site):
    migrated = site.seed(state="migrated")
    resp = site.client.post("/_control/myaplus/sessions", json={"account_id": migrated["id"], "screen": "terms"})
    assert resp.status_code == 409 and "walk" in resp.json()["error"]


@pytest.mark.parametrize("body", [{}, {"account_id": 1}, {"account_id": "1", "screen": "terms"}, {"account_id": True, "screen": "terms"},
                                  {"account_id": 1, "screen": "top"}, {"account_id": 1, "screen": "terms", "extra": 1},
                                  {"account_id": 1, "screen": "email_code"}, {"account_id": 2**70, "screen": "terms"}])
def test_bad_requests_are_refused_and_change_nothing(site, body):
    member = site.seed()
    resp = site.client.post("/_control/myaplus/sessions", json=body)
    assert resp.status_code in (400, 409) and resp.json()["error"]
    assert site.client.app.state.ctx.store.one("SELECT COUNT(*) FROM sessions")[0] == 0
    assert site.account(member["id"])["old_id"] == member["old_id"]


def test_unknown_account_is_404(site):
    assert site.client.post("/_control/myaplus/sessions", json={"account_id": 99, "screen": "terms"}).status_code == 404


def test_a_build_with_seeded_defects_asks_for_the_walk(make_site):
    site = make_site(defects="terms_skipped")
    member = site.seed()
    resp = site.client.post("/_control/myaplus/sessions", json={"account_id": member["id"], "screen": "terms"})
    assert resp.status_code == 409 and "walk" in resp.json()["error"]
    assert site.client.get("/_control/config", headers=AUTH).json()["capabilities"]["sessions"] is False
