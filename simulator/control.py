"""The control API (``/_control``): the only door the harness uses besides the browser.

Generic endpoints live here; each site adds its own (seeding members). The contract is
``openapi.yaml`` next to this file, served at ``/_control/openapi.json``.
"""
from __future__ import annotations

import json
import secrets
from datetime import datetime
from pathlib import Path

import yaml
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import __version__, defects
from .clock import JST, check_seconds, parse_moment
from .context import SiteContext
from .web import SESSION_COOKIE

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
    if not isinstance(body, dict) or not _unicode(body):
        return None
    return body


def _unicode(value, depth: int = 0) -> bool:
    """No lone surrogate (a \\ud800 escape) anywhere: such text cannot be stored or answered in UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_unicode(k) and _unicode(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_unicode(v, depth + 1) for v in value)
    return True


def live_session(ctx: SiteContext, data: dict) -> dict:
    """A session holding ``data``, stored as a request would store it: the cookie a browser sends to use it
    (state injection, ``POST /_control/<site>/sessions``)."""
    sid = secrets.token_urlsafe(24)
    ctx.store.save_session(sid, data, ctx.clock.now().isoformat())
    return {"name": SESSION_COOKIE, "value": sid}


def injection_refused(ctx: SiteContext) -> JSONResponse | None:
    """A build with seeded defects cannot vouch that an injected state is the one its walk would reach: walk it."""
    if ctx.settings.defects:
        return _bad("seeded defects are on (python -m simulator --defect): walk the member there in the browser", 409)
    return None


def session_problem(body: dict, key: str, allowed: tuple[str, ...], screens) -> str | None:
    """What is wrong with a sessions request's member id (``key``), its screen and its field names, or None; the
    site checks its own optional fields after. An integer-valued JSON number (7.0) is taken as the id 7."""
    if unknown := set(body) - set(allowed):
        return f"unknown fields {sorted(unknown)}; allowed: {', '.join(allowed)}"
    member_id = body.get(key)
    if isinstance(member_id, float) and member_id.is_integer():  # JSON has one number type: 7.0 is the integer 7
        member_id = body[key] = int(member_id)
    if isinstance(member_id, bool) or not isinstance(member_id, int) or not 1 <= member_id < 2**63:
        return f"{key} is the id of a seeded {key.removesuffix('_id')}"
    if not isinstance(body.get("screen"), str) or body["screen"] not in screens:
        return f"screen must be one of {list(screens)}"
    return None


def session_endpoint(ctx: SiteContext, problem, key: str, find, missing: str, arrive, refused: type[Exception]):
    """``POST /_control/<site>/sessions`` of a site (state injection): ``problem(body)`` names a malformed body,
    ``find(body[key])`` the member (404 ``missing`` when absent), ``await arrive(body)`` → (session data, path)
    walks them there in the store, or raises ``refused`` with why a walk would not reach the screen (409)."""
    async def session(request: Request):
        if (blocked := injection_refused(ctx)) is not None:
            return blocked
        body = await json_body(request)
        if body is None or (why := problem(body)):
            return JSONResponse({"error": why if body is not None else "send a JSON object"}, status_code=400)
        if find(body[key]) is None:
            return JSONResponse({"error": missing}, status_code=404)
        try:
            data, path = await arrive(body)
        except refused as why:
            return JSONResponse({"error": f"a walk would not reach {body['screen']}: {why}"}, status_code=409)
        return JSONResponse({"cookie": live_session(ctx, data), "path": path, "screen": body["screen"]}, status_code=201)
    return session


def _clock_state(ctx: SiteContext) -> dict:
    return {"now": ctx.clock.now().isoformat(), "frozen": ctx.clock.frozen}


def routes(ctx: SiteContext, sites: list[str]) -> list[Route]:
    async def health(request: Request):
        body = {"status": "ok", "implementation": "simulator", "version": __version__, "sites": sites}
        if ctx.settings.defects:  # a deliberately broken build says so (python -m simulator --defect NAME)
            body["defects"] = sorted(defects.active(ctx.settings))
        return JSONResponse(body)

    async def config(request: Request):
        s = ctx.settings
        return JSONResponse({
            "code_ttl_seconds": s.code_ttl_seconds, "old_id_lock_threshold": s.old_id_lock_threshold,
            "code_lock_threshold": s.code_lock_threshold, "code_lock_minutes": s.code_lock_minutes,
            "account_lock_threshold": s.account_lock_threshold, "reset_token_ttl_seconds": s.reset_token_ttl_seconds,
            "code_send_limit": s.code_send_limit, "session_idle_minutes": s.session_idle_minutes,
            "capabilities": {"clock": True, "seed": True, "sessions": not s.defects},
        })

    async def reset(request: Request):
        body = await json_body(request)
        if body is None or body:
            return _bad("send nothing, or an empty JSON object")
        ctx.store.wipe()
        ctx.clock.freeze(DEFAULT_EPOCH)
        return JSONResponse({"reset": True, "clock": _clock_state(ctx)})

    async def clock_get(request: Request):
        return JSONResponse(_clock_state(ctx))

    async def clock_set(request: Request):
        body = await json_body(request)
        if body is None or not body:
            return _bad('send {"advance_seconds": n}, {"set": "ISO-8601 time"} or {"resume": true}')
        resume = body.get("resume", False)
        if not isinstance(resume, bool):
            return _bad("resume must be true or false")
        try:  # everything is checked before anything moves: a refused request changes nothing
            at = parse_moment(body["set"]) if "set" in body else None
            if "advance_seconds" in body:
                check_seconds(body["advance_seconds"])
            ctx.clock.move(at, body.get("advance_seconds"), resume)
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
