"""Twilio-style SMS and voice-call endpoints. The spoken text of a call is in its TwiML ``<Say>``."""
from __future__ import annotations

import re
import secrets

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..web import clean_text
from . import faults
from .registry import Registry


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"code": status, "message": message, "status": status}, status_code=status)


async def _form(request: Request) -> dict:
    try:
        form = await request.form()
    except Exception:
        return {}
    return {clean_text(k): clean_text(v) for k, v in form.items() if isinstance(v, str)}


def routes(registry: Registry) -> list[Route]:
    async def messages(request: Request):
        if (failed := await faults.apply(registry, "sms", request, _error)) is not None:
            return failed
        form = await _form(request)
        if not form.get("To") or not form.get("Body"):
            return _error(400, "A 'To' phone number and a 'Body' are required.")
        sid = "SM" + secrets.token_hex(16)
        registry.record("sms", sid=sid, to=form["To"], sender=form.get("From", ""), body=form["Body"],
                        account=request.path_params["account"])
        return JSONResponse({"sid": sid, "to": clean_text(form["To"]), "body": form["Body"], "status": "queued"}, status_code=201)

    async def calls(request: Request):
        if (failed := await faults.apply(registry, "voice", request, _error)) is not None:
            return failed
        form = await _form(request)
        if not form.get("To") or not form.get("Twiml"):
            return _error(400, "A 'To' phone number and 'Twiml' are required.")
        sid = "CA" + secrets.token_hex(16)
        said = " ".join(re.findall(r"<Say[^>]*>([^<]*)</Say>", form["Twiml"]))  # linear: no backtracking on junk
        registry.record("call", sid=sid, to=form["To"], sender=form.get("From", ""), twiml=form["Twiml"],
                        spoken=said, account=request.path_params["account"])
        return JSONResponse({"sid": sid, "to": form["To"], "status": "queued"}, status_code=201)

    return [
        Route("/2010-04-01/Accounts/{account}/Messages.json", messages, methods=["POST"]),
        Route("/2010-04-01/Accounts/{account}/Calls.json", calls, methods=["POST"]),
    ]
