"""The first login's place in the session, flash messages and page rendering for fan club screens."""
from __future__ import annotations

from starlette.requests import Request

from ...context import SiteContext
from ...browser_support import classify, guidance
from ...outbound import hand_over
from ...web import flash, redirect, render_page
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




def render(ctx: SiteContext, request: Request, template: str, status: int = 200, alerts=(), **values):
    """A fan club page; every page tells a visitor in an environment the help page lists as 動作保証外 so, from
    the User-Agent header (simulator/browser_support.py), and the response says it varies with that header."""
    environment = classify(request.headers.get("user-agent", ""))
    response = render_page(ctx.templates, request, f"fanclub/{template}", status, alerts, m=msg,
                           environment=environment, environment_guidance=guidance(environment), **values)
    response.headers.append("Vary", "User-Agent")
    return response


async def deliver(send, *args) -> str | None:
    """Send off the event loop; the retry message if it failed."""
    return None if await hand_over(send, *args) else msg.MAIL_FAILED
