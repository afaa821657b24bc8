"""Clock, in-memory store, server-side sessions and the outgoing messages (SMTP, Twilio-style, carriers)."""
from __future__ import annotations

import email.policy
import json
import secrets
import smtplib
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formatdate, make_msgid

JST = timezone(timedelta(hours=9))
EPOCH = datetime(2026, 4, 1, 10, 0, 0, tzinfo=JST)


class Clock:
    """Frozen or running time. Running time starts from the real time until reset / set."""

    def __init__(self) -> None:
        self._base = datetime.now(JST)
        self._anchor = time.monotonic()
        self.frozen = False

    def now(self) -> datetime:
        if self.frozen:
            return self._base
        return self._base + timedelta(seconds=time.monotonic() - self._anchor)

    def freeze_at(self, moment: datetime) -> None:
        self._base = moment.astimezone(JST)
        self.frozen = True

    def advance(self, seconds: float) -> None:
        now = self.now()
        self._base = now + timedelta(seconds=seconds)
        self._anchor = time.monotonic()

    def resume(self) -> None:
        if self.frozen:
            self._anchor = time.monotonic()
            self.frozen = False

    def state(self) -> dict:
        return {"now": iso(self.now()), "frozen": self.frozen}


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(JST).replace(microsecond=0).isoformat()


@dataclass
class Settings:
    stubs_url: str = "http://127.0.0.1:8026"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    twilio_sid: str = "ACbs7f3e1c2a"
    sms_from: str = "+815031590000"
    mail_from_myaplus: str = "no-reply@myaplus-stg.example.jp"
    mail_from_fanclub: str = "no-reply@fc-members-stg.example.jp"
    # the thresholds the documents leave open (一定回数 / しばらく): our own choices
    code_ttl_seconds: int = 300
    old_id_lock_threshold: int = 5
    code_lock_threshold: int = 3
    code_lock_minutes: int = 15
    account_lock_threshold: int = 6
    reset_token_ttl_seconds: int = 3600
    fc_link_ttl_seconds: int = 43200
    fc_inquiry_address: str = "secure_lunasea@cc.plusmember.jp"
    fc_renewal_day: str = "2025-10-30"


@dataclass
class Store:
    accounts: dict[int, dict] = field(default_factory=dict)   # My APLUS
    codes: dict[tuple, list] = field(default_factory=dict)     # (account_id, channel) -> [code dicts]
    reset_tokens: dict[str, dict] = field(default_factory=dict)
    members: dict[int, dict] = field(default_factory=dict)    # fan club memberships
    plus_ids: dict[str, dict] = field(default_factory=dict)   # Plus member ID (lower-case) -> account
    fc_links: dict[str, dict] = field(default_factory=dict)
    sessions: dict[str, dict] = field(default_factory=dict)
    seq: dict[str, int] = field(default_factory=dict)

    def next_id(self, name: str) -> int:
        self.seq[name] = self.seq.get(name, 0) + 1
        return self.seq[name]


class Outbox:
    """Talks to the stubs with real protocols. Every method returns True when the provider accepted."""

    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.clock = None

    def mail(self, sender: str, to: str, subject: str, body: str) -> bool:
        msg = EmailMessage(policy=email.policy.SMTP)
        msg["Subject"] = subject
        msg["From"] = sender
        msg["To"] = to
        msg["Date"] = format_datetime(self.clock.now()) if self.clock else formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
        msg.set_content(body, charset="utf-8", cte="base64")
        try:
            with smtplib.SMTP(self.s.smtp_host, self.s.smtp_port, timeout=10) as smtp:
                smtp.sendmail(sender, [to], msg.as_bytes())
            return True
        except (OSError, smtplib.SMTPException):
            return False

    def _post_form(self, path: str, fields: dict) -> bool:
        url = self.s.stubs_url.rstrip("/") + path
        data = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        token = f"{self.s.twilio_sid}:blind-site-token".encode()
        import base64
        req.add_header("Authorization", "Basic " + base64.b64encode(token).decode())
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return 200 <= resp.status < 300
        except (OSError, urllib.error.URLError, ValueError):
            return False

    def sms(self, to_e164: str, body: str) -> bool:
        return self._post_form(f"/2010-04-01/Accounts/{self.s.twilio_sid}/Messages.json",
                               {"To": to_e164, "From": self.s.sms_from, "Body": body})

    def call(self, to_e164: str, spoken: str) -> bool:
        twiml = f'<Response><Say language="ja-JP">{spoken}</Say></Response>'
        return self._post_form(f"/2010-04-01/Accounts/{self.s.twilio_sid}/Calls.json",
                               {"To": to_e164, "From": self.s.sms_from, "Twiml": twiml})

    def carrier_charge(self, carrier: str, billing_id: str) -> tuple[str, dict | None]:
        """('found', charge) / ('none', None) / ('error', None)."""
        url = (self.s.stubs_url.rstrip("/") + f"/carrier/{carrier}/charges/"
               + urllib.parse.quote(billing_id, safe=""))
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                return "found", json.loads(resp.read().decode() or "{}")
        except urllib.error.HTTPError as exc:
            return ("none", None) if exc.code == 404 else ("error", None)
        except (OSError, ValueError):
            return "error", None


def new_token(n: int = 24) -> str:
    return secrets.token_urlsafe(n)


def random_digits(n: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(n))


def to_e164(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("0"):
        digits = digits[1:]
    return "+81" + digits


def phone_kind(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+81"):
        digits = "0" + digits[2:]
    return "mobile" if digits[:3] in {"060", "070", "080", "090"} and len(digits) == 11 else "landline"
