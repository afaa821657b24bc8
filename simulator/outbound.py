"""What the site sends to the outside world: mail over SMTP, SMS and voice calls over a
Twilio-style HTTP gateway. Every failure becomes a DeliveryError the screens turn into a retry message.
"""
from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import requests

from . import defects
from .settings import Settings


class DeliveryError(Exception):
    """The message could not be handed over (gateway 5xx, timeout, SMTP refused)."""


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def send(self, to: str, subject: str, body: str, sender: str | None = None) -> None:
        if defects.active(self.settings):  # wording defects (python -m simulator --defect NAME): other words mailed
            subject, body = defects.rewrite(self.settings, subject), defects.rewrite(self.settings, body)
        msg = EmailMessage()
        msg["From"] = sender or self.settings.mail_from
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(domain="simulator.local")
        msg.set_content(body)
        try:
            with smtplib.SMTP(self.settings.smtp_host, self.settings.smtp_port, timeout=self.settings.gateway_timeout_seconds) as smtp:
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"mail to {to} not delivered: {exc}") from exc


class Gateway:
    """Twilio-style REST API: POST .../Accounts/{sid}/Messages.json and .../Calls.json."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.http = requests.Session()

    def _post(self, path: str, data: dict) -> dict:
        s = self.settings
        url = f"{s.gateway_url.rstrip('/')}{path}"
        try:
            resp = self.http.post(url, data=data, auth=(s.gateway_account_sid, s.gateway_auth_token), timeout=s.gateway_timeout_seconds)
        except requests.RequestException as exc:
            raise DeliveryError(f"{url}: {exc}") from exc
        if resp.status_code >= 300:
            raise DeliveryError(f"{url}: HTTP {resp.status_code}")
        try:
            return resp.json()
        except ValueError as exc:
            raise DeliveryError(f"{url}: answer is not JSON") from exc

    def send_sms(self, to: str, body: str) -> dict:
        return self._post(f"/2010-04-01/Accounts/{self.settings.gateway_account_sid}/Messages.json",
                          {"To": to, "From": self.settings.sms_from, "Body": body})

    def place_call(self, to: str, spoken_text: str) -> dict:
        twiml = f'<Response><Say language="ja-JP">{spoken_text}</Say></Response>'
        return self._post(f"/2010-04-01/Accounts/{self.settings.gateway_account_sid}/Calls.json",
                          {"To": to, "From": self.settings.sms_from, "Twiml": twiml})

    def carrier_get(self, carrier: str, path: str) -> dict:
        url = f"{self.settings.gateway_url.rstrip('/')}/carrier/{carrier}{path}"
        try:
            resp = self.http.get(url, timeout=self.settings.gateway_timeout_seconds)
        except requests.RequestException as exc:
            raise DeliveryError(f"{url}: {exc}") from exc
        if resp.status_code == 404:
            return {}
        if resp.status_code >= 300:
            raise DeliveryError(f"{url}: HTTP {resp.status_code}")
        return resp.json()


async def hand_over(send, *args) -> bool:
    """Run a blocking send off the event loop; False when it could not be delivered."""
    from starlette.concurrency import run_in_threadpool

    try:
        await run_in_threadpool(send, *args)
    except DeliveryError:
        return False
    return True
