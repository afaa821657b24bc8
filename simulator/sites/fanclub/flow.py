"""The first login's place in the session, flash messages and page rendering for fan club screens."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ...context import SiteContext
from ...outbound import DeliveryError
from ...web import redirect
from . import messages as msg

FIRST_LOGIN = "/fanclub/first-login"
KEY = "fanclub_first_login"
USER = "fanclub_user"


def start(request: Request, member_id: int, step: str) -> None:
    request.session[KEY] = {"member_id": member_id, "step": step}


def current(request: Request, *steps: str) -> dict | None:
    state = request.session.get(KEY)
    if isinstance(state, dict) and state.get("step") in steps:
        return state
    return None


def discard(request: Request) -> None:
    request.session.pop(KEY, None)


def start_over(request: Request, text: str = msg.START_OVER):
    discard(request)
    flash(request, "alert", text)
    return redirect(FIRST_LOGIN)


def flash(request: Request, kind: str, text: str) -> None:
    box = dict(request.session.get("flash") or {})
    box.setdefault(kind, []).append(text)
    request.session["flash"] = box


def render(ctx: SiteContext, request: Request, template: str, status: int = 200, alerts=(), **values):
    box = request.session.pop("flash", None) or {}
    return ctx.templates.TemplateResponse(
        request, f"fanclub/{template}",
        {"alerts": [*box.get("alert", []), *alerts], "notices": box.get("status", []), "m": msg, **values},
        status_code=status,
    )


async def deliver(send, *args) -> str | None:
    """Run a blocking send off the event loop; the retry message if it failed."""
    try:
        await run_in_threadpool(send, *args)
    except DeliveryError:
        return msg.MAIL_FAILED
    return None
