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
        status = self.registry.take_fault("mail")
        if status:
            return f"451 4.3.0 simulated failure ({status})"
        msg = message_from_bytes(envelope.content, policy=policy.default)
        body_part = msg.get_body(preferencelist=("plain", "html")) if msg.is_multipart() else msg
        body = body_part.get_content() if body_part is not None else ""
        for rcpt in envelope.rcpt_tos:
            self.registry.record(
                "mail", to=rcpt, sender=envelope.mail_from, subject=str(msg.get("Subject", "")),
                body=body, headers={k: str(v) for k, v in msg.items()},
            )
            support_desk.answer(self.registry, envelope.mail_from, rcpt, body)
        return "250 Message accepted for delivery"


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
