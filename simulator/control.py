"""The control API (``/_control``): the only door the harness uses besides the browser.

Generic endpoints live here; each site adds its own (seeding members). The contract is
``openapi.yaml`` next to this file, served at ``/_control/openapi.json``.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import yaml
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import __version__
from .clock import JST
from .context import SiteContext

OPENAPI = Path(__file__).parent / "openapi.yaml"
DEFAULT_EPOCH = datetime(2026, 4, 1, 10, 0, tzinfo=JST)


def _bad(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _not_json(constant: str):
    raise ValueError(f"{constant} is not JSON")


async def json_body(request: Request) -> dict | None:
    """The request's JSON object; {} for an empty body, None when it is not a JSON object."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw, parse_constant=_not_json)
    except (ValueError, RecursionError):  # also NaN / Infinity and absurd nesting: not JSON
        return None
    return body if isinstance(body, dict) else None


def _clock_state(ctx: SiteContext) -> dict:
    return {"now": ctx.clock.now().isoformat(), "frozen": ctx.clock.frozen}


def routes(ctx: SiteContext, sites: list[str]) -> list[Route]:
    async def health(request: Request):
        return JSONResponse({"status": "ok", "implementation": "simulator", "version": __version__, "sites": sites})

    async def config(request: Request):
        s = ctx.settings
        return JSONResponse({
            "code_ttl_seconds": s.code_ttl_seconds, "old_id_lock_threshold": s.old_id_lock_threshold,
            "code_lock_threshold": s.code_lock_threshold, "code_lock_minutes": s.code_lock_minutes,
            "account_lock_threshold": s.account_lock_threshold, "reset_token_ttl_seconds": s.reset_token_ttl_seconds,
            "capabilities": {"clock": True, "seed": True},
        })

    async def reset(request: Request):
        body = await json_body(request)
        if body is None:
            return _bad("send a JSON object (or nothing)")
        ctx.store.wipe()
        ctx.clock.freeze(DEFAULT_EPOCH)
        return JSONResponse({"reset": True, "clock": _clock_state(ctx)})

    async def clock_get(request: Request):
        return JSONResponse(_clock_state(ctx))

    async def clock_set(request: Request):
        body = await json_body(request)
        if body is None or not body:
            return _bad('send {"advance_seconds": n}, {"set": "ISO-8601 time"} or {"resume": true}')
        try:
            if "set" in body:
                ctx.clock.freeze(datetime.fromisoformat(str(body["set"])))
            if "advance_seconds" in body:
                seconds = body["advance_seconds"]
                if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
                    return _bad("advance_seconds must be a number")
                ctx.clock.advance(seconds)
            if body.get("resume"):
                ctx.clock.resume()
        except ValueError as exc:
            return _bad(str(exc))
        return JSONResponse(_clock_state(ctx))

    async def openapi(request: Request):
        return JSONResponse(yaml.safe_load(OPENAPI.read_text()))

    return [
        Route("/health", health, methods=["GET"]),
        Route("/config", config, methods=["GET"]),
        Route("/reset", reset, methods=["POST"]),
        Route("/clock", clock_get, methods=["GET"]),
        Route("/clock", clock_set, methods=["POST"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
