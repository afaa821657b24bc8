"""The migration's place in the session, flash messages and page rendering for My APLUS screens."""
from __future__ import annotations

from starlette.requests import Request

from ...context import SiteContext
from ...outbound import hand_over
from ...web import flash, redirect, render_page
from . import messages as msg

LOGIN = "/myaplus/login"
KEY = "myaplus_migration"


def start(request: Request, account_id: int) -> None:
    request.session[KEY] = {"account_id": account_id, "step": "terms"}


def current(request: Request, *steps: str) -> dict | None:
    """The migration in progress, if it stands at one of ``steps``."""
    mig = request.session.get(KEY)
    if isinstance(mig, dict) and mig.get("step") in steps:
        return mig
    return None


def advance(request: Request, step: str, **data) -> None:
    mig = dict(request.session[KEY])
    mig.update(step=step, **data)
    request.session[KEY] = mig


def discard(request: Request) -> None:
    """キャンセル / いいえ / ログインへ戻る: progress is dropped, the user starts again at ①."""
    request.session.pop(KEY, None)


def start_over(request: Request):
    discard(request)
    flash(request, "alert", msg.START_OVER)
    return redirect(LOGIN)




def render(ctx: SiteContext, request: Request, template: str, status: int = 200, alerts=(), **values):
    return render_page(ctx.templates, request, f"myaplus/{template}", status, alerts, **values)


async def deliver(send, *args) -> str | None:
    """Send off the event loop; the retry message if it failed."""
    return None if await hand_over(send, *args) else msg.DELIVERY_FAILED
