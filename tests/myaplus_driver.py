"""Drives the real My APLUS ASGI app over HTTP (starlette TestClient): seeds members through the control
API, posts the screens' forms with the session's CSRF token scraped from the page, reads what the
stubs received. No browser; no simulator internals beyond the app and the stubs' registry."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .asgi_client import TestClient

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ALERT = re.compile(r'<div role="alert">(.*?)</div>', re.S)
NOTICE = re.compile(r'<div role="status">(.*?)</div>', re.S)
H1 = re.compile(r"<h1>(.*?)</h1>", re.S)
CODE = re.compile(r"認証コード[：:]\s*(\d{4})")
SPOKEN_CODE = re.compile(r"認証コードは、((?:\d、){4})")


def alerts(resp) -> list[str]:
    return [html.unescape(m.strip()) for m in ALERT.findall(resp.text)]


def notices(resp) -> list[str]:
    return [html.unescape(m.strip()) for m in NOTICE.findall(resp.text)]


def heading(resp) -> str:
    found = H1.search(resp.text)
    return html.unescape(found.group(1)) if found else ""


@dataclass
class MyAplus:
    client: TestClient
    registry: object  # simulator.stubs.registry.Registry of the running stubs
    token: str = ""
    last: object = field(default=None, repr=False)

    # plumbing ------------------------------------------------------------
    def _keep(self, resp):
        if (found := CSRF.search(resp.text)):
            self.token = found.group(1)
        self.last = resp
        return resp

    def get(self, path: str):
        return self._keep(self.client.get(path))

    def post(self, path: str, **fields):
        if not self.token:
            self.get("/myaplus/login")
        return self._keep(self.client.post(path, data={"csrf_token": self.token, **fields}))

    def seed(self, **fields) -> dict:
        resp = self.client.post("/_control/myaplus/accounts", json=fields)
        assert resp.status_code == 201, resp.text
        return resp.json()

    def account(self, account_id: int) -> dict:
        return self.client.get(f"/_control/myaplus/accounts/{account_id}").json()

    # the stubs -------------------------------------------------------------
    def mails(self, to: str) -> list[dict]:
        return self.registry.list("mail", to=to)

    def sms(self, to: str) -> list[dict]:
        return self.registry.list("sms", to=to)

    def latest_mail_code(self, to: str) -> str:
        return CODE.search(self.mails(to)[-1]["body"]).group(1)

    def latest_sms_code(self, e164: str) -> str:
        return CODE.search(self.sms(e164)[-1]["body"]).group(1)

    # the screens ----------------------------------------------------------
    def login(self, login_id: str, password: str):
        return self.post("/myaplus/login", login_id=login_id, password=password)

    def start_migration(self, member: dict):
        """① with the old ID, ② 同意して進む: lands on ③."""
        self.login(member["old_id"], member["old_password"])
        return self.post("/myaplus/migration/terms", action="agree")

    def to_new_email(self, member: dict):
        self.start_migration(member)
        return self.post("/myaplus/migration/email", action="no")

    def to_phone(self, member: dict):
        """③ はい: ⑦, where a mobile phone has already been sent its SMS."""
        self.start_migration(member)
        return self.post("/myaplus/migration/email", action="yes")

    def enter_phone_code(self, code: str):
        return self.post("/myaplus/migration/phone", action="verify", code=code)

    def to_password(self, member: dict, e164: str):
        self.to_phone(member)
        return self.enter_phone_code(self.latest_sms_code(e164))

    def set_password(self, password: str, confirmation: str | None = None):
        return self.post("/myaplus/migration/password", action="register", password=password,
                         password_confirm=password if confirmation is None else confirmation)


def codes_for_one_member(settings):
    """The code rules alone (no HTTP): an in-memory store with one unmigrated member, a frozen clock.
    Returns (codes, clock, account_id, store); close the store when done."""
    from simulator.clock import Clock
    from simulator.control import DEFAULT_EPOCH
    from simulator.sites.myaplus import SCHEMA
    from simulator.sites.myaplus.accounts import Accounts
    from simulator.sites.myaplus.codes import Codes
    from simulator.sites.myaplus.control import sample
    from simulator.store import Store

    store, clock = Store(":memory:"), Clock()
    store.add_schema(SCHEMA)
    clock.freeze(DEFAULT_EPOCH)
    account = Accounts(store).create(**sample("unmigrated", "mobile"))
    return Codes(store, clock, settings), clock, account, store
