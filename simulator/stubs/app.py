"""The stubs' HTTP service: the gateway and carrier APIs a site calls, and ``/_stubs`` for the harness.

``/_stubs`` needs the stubs' token (``Authorization: Bearer``) and JSON bodies; every path, the provider-shaped
ones included, answers only for an allowed Host (simulator/guard.py)."""
from __future__ import annotations

import re
import secrets

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..control import json_body
from ..guard import Guard
from ..routing import CatchAll, merged
from . import carrier, faults, gateway
from .carrier import BILLING_ID_RULES
from .registry import FAULT_MODES, Registry

SERVICES = ("mail", "sms", "voice", "carrier")
READABLE = {"mails": "mail", "sms": "sms", "calls": "call", "carrier-lookups": "carrier_lookup"}
FAULT_FIELDS = {"service", "mode", "status", "times", "skip", "delay_ms"}
MAX_DELAY_MS = 60_000
BILLING_ID = re.compile(r"[0-9A-Za-z-]{1,40}")


def _bad(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _int(value) -> int | None:
    """A JSON integer (also 3.0), never a boolean."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def create_stubs_app(registry: Registry, smtp_port: int | None = None, token: str | None = None,
                     allowed_hosts: str | tuple = ()) -> Starlette:
    """``token``: what ``/_stubs`` requires (a random one when not given: read it from ``app.state.token``)."""
    token = token or secrets.token_urlsafe(24)

    async def read(request: Request):
        if request.path_params["kind"] == "faults":  # POST only: not a kind of record
            raise HTTPException(405, "faults are armed with POST", headers={"Allow": "POST"})
        kind = READABLE.get(request.path_params["kind"])
        if kind is None:
            return _bad(f"unknown kind; use one of {sorted(READABLE)}", 404)
        return JSONResponse(registry.list(kind, to=request.query_params.get("to")))

    async def reset(request: Request):
        registry.reset()
        return JSONResponse({"reset": True})

    async def arm(request: Request):
        body = await json_body(request)
        usage = 'send a JSON object: {"service": "sms", "mode": "status", "status": 503, "times": 1}'
        if body is None or not body:
            return _bad(usage)
        if unknown := set(body) - FAULT_FIELDS:
            return _bad(f"unknown fields {sorted(unknown)}; allowed: {sorted(FAULT_FIELDS)}")
        service, mode = body.get("service"), body.get("mode", "status")
        status, times = _int(body.get("status", 503)), _int(body.get("times", 1))
        skip, delay_ms = _int(body.get("skip", 0)), _int(body.get("delay_ms", 1000))
        if service not in SERVICES:
            return _bad(f"service must be one of {list(SERVICES)}")
        if mode not in FAULT_MODES:
            return _bad(f"mode must be one of {list(FAULT_MODES)}")
        if status is None or not 400 <= status <= 599 or times is None or times < 1:
            return _bad("status must be an integer 400-599 and times a positive integer")
        if skip is None or skip < 0 or delay_ms is None or not 0 <= delay_ms <= MAX_DELAY_MS:
            return _bad(f"skip must be an integer >= 0 and delay_ms an integer 0-{MAX_DELAY_MS}")
        fault = registry.set_fault(service, status, times, mode=mode, skip=skip, delay_ms=delay_ms)
        return JSONResponse(fault, status_code=201)

    async def seed_charge(request: Request):
        name = request.path_params["carrier"].lower()
        body = await json_body(request)
        if name not in BILLING_ID_RULES:
            return _bad(f"carrier must be one of {sorted(BILLING_ID_RULES)}", 404)
        if body is None or not isinstance(body.get("billing_id"), str):
            return _bad("send a JSON object with a string billing_id")
        if "amount_yen" in body and _int(body["amount_yen"]) is None:
            return _bad("amount_yen must be an integer")
        if "status" in body and not isinstance(body["status"], str):
            return _bad("status must be a string")
        if not BILLING_ID.fullmatch(body["billing_id"]):  # any carrier's shape is stored as given (the contract)
            return _bad("billing_id is 1-40 letters, digits or hyphens")
        charge = {"carrier": name, "amount_yen": 330, "status": "active", **body}
        charge["carrier"] = name
        registry.put(f"carrier:{name}", body["billing_id"], charge)
        return JSONResponse(charge, status_code=201)

    async def list_charges(request: Request):
        name = request.path_params["carrier"].lower()
        if name not in BILLING_ID_RULES:
            return _bad(f"carrier must be one of {sorted(BILLING_ID_RULES)}", 404)
        return JSONResponse(list(registry.bucket(f"carrier:{name}").values()))

    async def info(request: Request):
        return JSONResponse({"smtp_port": smtp_port, "services": list(SERVICES), "readable": sorted(READABLE)})

    async def http_error(request: Request, exc: HTTPException):
        return JSONResponse({"error": exc.detail or "error"}, status_code=exc.status_code, headers=exc.headers)

    def crashed(scope, exc):
        return JSONResponse({"error": "internal error"}, status_code=500)

    app_routes = [
        *gateway.routes(registry),
        *carrier.routes(registry),
        Route("/_stubs", info, methods=["GET"]),
        Route("/_stubs", reset, methods=["DELETE"]),
        Route("/_stubs/faults", arm, methods=["POST"]),
        Route("/_stubs/carrier/{carrier}/charges", seed_charge, methods=["POST"]),
        Route("/_stubs/carrier/{carrier}/charges", list_charges, methods=["GET"]),
        Route("/_stubs/{kind}", read, methods=["GET"]),
    ]
    app = Starlette(routes=merged(app_routes), exception_handlers={HTTPException: http_error})
    app.add_middleware(CatchAll, render=crashed)
    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts, protected=("/_stubs",), host_checked=("",))
    app.state.token = token
    app.state.registry = registry
    return app


def served(app: Starlette):
    """The ASGI callable to serve (drops connections on purpose for ``timeout`` / ``drop`` faults)."""
    return faults.dropping(app)
