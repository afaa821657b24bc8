"""SMTP sink (aiosmtpd): parses every message it receives and records it as kind ``mail``."""
from __future__ import annotations

import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from . import support_desk
from .registry import Registry


class RecordingHandler:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    async def handle_DATA(self, server, session, envelope):
        fault = self.registry.take("mail")
        if fault:
            mode = fault.get("mode", "status")
            if mode == "delay":  # a slow server: the mail is accepted late
                await self.registry.hold(fault)
            elif mode == "timeout":  # a server that never answers DATA; the client's timeout (or a reset) ends it
                await self.registry.hold(fault)
                server.transport.close()
                return "421 4.4.2 timed out"
            elif mode == "drop":  # the connection is closed under the client
                server.transport.close()
                return "421 4.4.2 connection dropped"
            else:
                return f"451 4.3.0 simulated failure ({fault['status']})"
        msg = message_from_bytes(envelope.content, policy=policy.default)
        subject, body, headers = _read(msg)
        for rcpt in envelope.rcpt_tos:
            self.registry.record("mail", to=rcpt, sender=envelope.mail_from, subject=subject, body=body, headers=headers)
            support_desk.answer(self.registry, envelope.mail_from, rcpt, body)
        return "250 Message accepted for delivery"


def _text(read, fallback: str = "") -> str:
    try:
        return str(read())
    except Exception:  # an unknown charset (LookupError), a broken encoded word, ...: keep what can be read
        return fallback


def _read(msg) -> tuple[str, str, dict[str, str]]:
    """Subject, body and headers of a mail, whatever its charset: a part in an unknown charset is read as UTF-8
    with replacement characters instead of being dropped."""
    def body() -> str:
        part = msg.get_body(preferencelist=("plain", "html")) if msg.is_multipart() else msg
        if part is None:
            return ""
        try:
            return part.get_content()
        except Exception:
            raw = part.get_payload(decode=True) or b""
            return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    headers = {}
    for key in msg.keys():
        headers[key] = _text(lambda: msg[key], "")
    return _text(lambda: msg.get("Subject", "")), _text(body), headers


def start_smtp_sink(registry: Registry, host: str = "127.0.0.1", port: int = 0) -> Controller:
    """Start the sink in its own thread; ``controller.server.sockets`` tells the bound port."""
    if port == 0:  # aiosmtpd checks readiness by connecting to the port, so it needs a real one
        with socket.socket() as probe:
            probe.bind((host, 0))
            port = probe.getsockname()[1]
    controller = Controller(RecordingHandler(registry), hostname=host, port=port, ready_timeout=10)
    controller.start()
    return controller


def bound_port(controller: Controller) -> int:
    return controller.port
