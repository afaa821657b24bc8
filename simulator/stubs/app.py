"""The stubs' HTTP service: the gateway and carrier APIs a site calls, and ``/_stubs`` for the harness."""
from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import carrier, gateway
from .carrier import BILLING_ID_RULES, billing_id_problem
from .registry import Registry

SERVICES = ("mail", "sms", "voice", "carrier")
READABLE = {"mails": "mail", "sms": "sms", "calls": "call", "carrier-lookups": "carrier_lookup"}


def _bad(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _json(request: Request) -> dict | None:
    try:
        body = await request.json()
    except Exception:
        return None
    return body if isinstance(body, dict) else None


def create_stubs_app(registry: Registry, smtp_port: int | None = None) -> Starlette:
    async def read(request: Request):
        kind = READABLE.get(request.path_params["kind"])
        if kind is None:
            return _bad(f"unknown kind; use one of {sorted(READABLE)}", 404)
        return JSONResponse(registry.list(kind, to=request.query_params.get("to")))

    async def reset(request: Request):
        registry.reset()
        return JSONResponse({"reset": True})

    async def faults(request: Request):
        body = await _json(request)
        if body is None:
            return _bad("send a JSON object: {\"service\": ..., \"status\": 503, \"times\": 1}")
        service, status, times = body.get("service"), body.get("status", 503), body.get("times", 1)
        if service not in SERVICES:
            return _bad(f"service must be one of {list(SERVICES)}")
        if not isinstance(status, int) or not 400 <= status <= 599 or not isinstance(times, int) or times < 1:
            return _bad("status must be an integer 400-599 and times a positive integer")
        registry.set_fault(service, status, times)
        return JSONResponse({"service": service, "status": status, "times": times}, status_code=201)

    async def seed_charge(request: Request):
        name = request.path_params["carrier"].lower()
        body = await _json(request)
        if name not in BILLING_ID_RULES:
            return _bad(f"carrier must be one of {sorted(BILLING_ID_RULES)}", 404)
        if body is None or not isinstance(body.get("billing_id"), str):
            return _bad("send a JSON object with a string billing_id")
        if (problem := billing_id_problem(name, body["billing_id"])):
            return _bad(problem)
        charge = {"carrier": name, "amount_yen": 330, "status": "active", **body}
        registry.put(f"carrier:{name}", body["billing_id"], charge)
        return JSONResponse(charge, status_code=201)

    async def list_charges(request: Request):
        name = request.path_params["carrier"].lower()
        return JSONResponse(list(registry.bucket(f"carrier:{name}").values()))

    async def info(request: Request):
        return JSONResponse({"smtp_port": smtp_port, "services": list(SERVICES), "readable": sorted(READABLE)})

    app_routes = [
        *gateway.routes(registry),
        *carrier.routes(registry),
        Route("/_stubs", info, methods=["GET"]),
        Route("/_stubs", reset, methods=["DELETE"]),
        Route("/_stubs/faults", faults, methods=["POST"]),
        Route("/_stubs/carrier/{carrier}/charges", seed_charge, methods=["POST"]),
        Route("/_stubs/carrier/{carrier}/charges", list_charges, methods=["GET"]),
        Route("/_stubs/{kind}", read, methods=["GET"]),
    ]
    return Starlette(routes=app_routes)
