"""What an armed fault does to one call of a provider-shaped endpoint (SMS, voice, carrier).

* ``status``: answer that HTTP status (the provider's error shape).
* ``delay``: hold the call ``delay_ms`` (real time, at most the stubs' ``max_delay_seconds``), then answer normally.
* ``timeout``: never answer: hold the call until the caller gives up (or ``max_delay_seconds``), then close the
  connection without a response.
A held call is not a sleep: ``DELETE /_stubs`` (the harness resets the stubs after every scenario) ends it at once.
* ``drop``: close the connection without a response.
"""
from __future__ import annotations

import logging

from .registry import Registry


class DropConnection(BaseException):
    """Raised by an endpoint to close the connection without an answer (see ``dropping``). A BaseException so
    that Starlette's error middleware does not turn it into a 500 answer first."""


async def apply(registry: Registry, service: str, request, error):
    """None to answer normally (perhaps after a delay), or the error response of a ``status`` fault; raises
    DropConnection for ``timeout`` / ``drop``."""
    fault = registry.take(service)
    if fault is None:
        return None
    mode = fault.get("mode", "status")
    if mode == "status":
        return error(fault["status"], f"simulated {service} failure")
    if mode == "delay":  # the fault *is* a slow gateway: held until its time is up or the stubs are reset
        await registry.hold(fault)
        return None
    if mode == "timeout":  # held until the caller hangs up, the time is up or the stubs are reset
        await registry.hold(fault, until=_disconnected(request))
    raise DropConnection(mode)


async def _disconnected(request) -> None:
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


class _QuietDrop(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _Dropped))


class _Dropped(Exception):
    pass


logging.getLogger("uvicorn.error").addFilter(_QuietDrop())


def dropping(app):
    """Outermost ASGI wrapper: a DropConnection becomes a response cut short, which makes the server close the
    connection (the caller sees the connection break, as with a gateway that went away)."""
    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        try:
            await app(scope, receive, send)
        except DropConnection:
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})
            raise _Dropped("connection dropped on purpose") from None
    return wrapped
