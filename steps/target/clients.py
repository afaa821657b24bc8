"""HTTP clients of the control API (the target's) and of the stubs (ours). Errors explain themselves."""
from __future__ import annotations

import re
import unicodedata
import time

import pytest
import requests


class HarnessError(AssertionError):
    """The target or a stub did not answer as the contract says: a harness/target setup problem."""


class _Client:
    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        if token:  # the simulator's control API and stubs want the token they printed at start
            self.http.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, expect: int | tuple = (200, 201), **kwargs):
        url = f"{self.base_url}{path}"
        try:
            resp = self.http.request(method, url, timeout=30, **kwargs)
        except requests.RequestException as exc:
            raise HarnessError(f"{method} {url} failed: {exc}") from exc
        expected = (expect,) if isinstance(expect, int) else expect
        if resp.status_code not in expected:
            raise HarnessError(f"{method} {url} answered {resp.status_code}, expected {expected}: {resp.text[:500]}")
        return resp.json() if resp.content else None


class ControlClient(_Client):
    """The target's control API (``/_control``): reset, clock, configuration, seeding members.

    What a target's profile says it cannot do is SKIPPED with the reason, not failed; with ``real_time``
    a clock it cannot move is waited out instead (the one wall-clock wait, asked for with --real-time)."""

    def __init__(self, base_url: str, capabilities: dict | None = None, real_time: bool = False,
                 token: str | None = None) -> None:
        super().__init__(base_url, token)
        self.capabilities = {"clock": True, "seed": True, "sessions": False, **(capabilities or {})}
        self.real_time = real_time

    def health(self) -> dict:
        return self.call("GET", "/health")

    def config(self) -> dict:
        return self.call("GET", "/config")

    def reset(self) -> None:
        self.call("POST", "/reset", json={})

    def advance_clock(self, seconds: float) -> dict:
        if not self.capabilities["clock"]:
            if not self.real_time:
                pytest.skip(f"needs {seconds:.0f} s to pass: the target cannot move its clock (capabilities.clock: false); "
                            "run with --real-time to wait")
            time.sleep(seconds)  # only with --real-time, on a target whose clock cannot be moved
            return {}
        return self.call("POST", "/clock", json={"advance_seconds": seconds})

    def set_clock(self, iso: str) -> dict:
        if not self.capabilities["clock"]:
            pytest.skip("the target cannot set its clock (capabilities.clock: false)")
        return self.call("POST", "/clock", json={"set": iso})

    def record(self, site: str, kind: str, record_id) -> dict:
        """A member's stored record (GET /_control/<site>/<kind>/<id>), to check what the site changed."""
        if not self.capabilities["seed"]:
            pytest.skip(f"needs to read a seeded {site} record: the target cannot seed (capabilities.seed: false)")
        return self.call("GET", f"/{site}/{kind}/{record_id}")

    def session(self, site: str, **body) -> dict:
        """State injection (capability ``sessions``): ``{cookie: {name, value}, path}`` of a member put on a screen."""
        return self.call("POST", f"/{site}/sessions", json=body, expect=201)

    def create(self, site: str, kind: str, **fields) -> dict:
        if not self.capabilities["seed"]:
            pytest.skip(f"needs a seeded {site} {kind[:-1]}: the target cannot seed (capabilities.seed: false)")
        return self.call("POST", f"/{site}/{kind}", json=fields, expect=201)


class StubsClient(_Client):
    """What the stubs received (mails, SMS, calls) and the faults they should play."""

    def reset(self) -> None:
        self.call("DELETE", "/_stubs")

    def received(self, kind: str, to: str | None = None) -> list[dict]:
        return self.call("GET", f"/_stubs/{kind}", params={"to": to} if to else None)

    def latest(self, kind: str, to: str, what: str) -> dict:
        items = self.received(kind, to)
        if not items:
            everyone = sorted({i.get("to", "") for i in self.received(kind)})
            raise AssertionError(f"no {what} was sent to {to}; {kind} went to: {everyone or 'nobody'}")
        return items[-1]

    def fail_next(self, service: str, status: int = 503, times: int = 1) -> None:
        self.call("POST", "/_stubs/faults", json={"service": service, "status": status, "times": times}, expect=201)

    def fault_next(self, service: str, mode: str, times: int = 1, delay_ms: int = 1000) -> None:
        """A gateway that misbehaves for the next ``times`` calls: ``delay`` (answers after ``delay_ms``), ``timeout``
        (never answers; the site's own timeout ends the call), ``drop`` (closes the connection)."""
        self.call("POST", "/_stubs/faults", json={"service": service, "mode": mode, "times": times, "delay_ms": delay_ms},
                  expect=201)


CODE_IN_TEXT = re.compile(r"認証コード[：:]\s*(\d{4})")
FOUR_DIGITS = re.compile(r"(?<![0-9０-９])([0-9０-９]{4})(?![0-9０-９])")


def code_from_text(text: str) -> str:
    """The 4-digit code of a mail or SMS. The document fixes only 「数字4桁」, not how the message words it: the one
    4-digit number after 「認証コード」, or else the only 4-digit number in the text."""
    match = CODE_IN_TEXT.search(text)
    if match:
        return match.group(1)
    after = text.split("認証コード", 1)[1] if "認証コード" in text else text
    found = list(dict.fromkeys(FOUR_DIGITS.findall(after))) or list(dict.fromkeys(FOUR_DIGITS.findall(text)))
    if len(found) != 1:
        raise AssertionError(f"no single 4-digit 認証コード in: {text!r}")
    return unicodedata.normalize("NFKC", found[0])


def code_from_speech(spoken: str) -> str:
    """The digits read out in a voice call: 「認証コードは、1、2、3、4、です。」"""
    match = re.search(r"認証コードは、((?:\d、){4})", spoken)
    if match:
        return match.group(1).replace("、", "")
    # how a call reads the code out is not documented: four digits read one by one, or one 4-digit number
    spoken = unicodedata.normalize("NFKC", spoken)
    singles = re.findall(r"(?<!\d)\d(?!\d)", spoken)
    if len(singles) == 4:
        return "".join(singles)
    found = list(dict.fromkeys(FOUR_DIGITS.findall(spoken)))
    if len(found) != 1:
        raise AssertionError(f"no 4-digit code read out in: {spoken!r}")
    return found[0]
