"""The migration's place in the session, flash messages and page rendering for My APLUS screens."""
from __future__ import annotations

from starlette.requests import Request

from ...context import SiteContext
from starlette.concurrency import run_in_threadpool

from ...outbound import DeliveryError
from ...web import flash, redirect, render_page
from . import messages as msg
from .delivery import SendLimitReached

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


STEP_PAGES = {
    "terms": "/myaplus/migration/terms", "email_choice": "/myaplus/migration/email",
    "new_email": "/myaplus/migration/email/new", "email_code": "/myaplus/migration/email/code",
    "email_confirm": "/myaplus/migration/email/confirm", "phone_code": "/myaplus/migration/phone",
    "password": "/myaplus/migration/password", "complete": "/myaplus/migration/complete",
}


def proceed(request: Request):
    """A form of a step the migration has already left was posted (a double click, a second tab): show the
    step it stands at, losing nothing. Without a migration in progress: start over."""
    mig = request.session.get(KEY)
    if isinstance(mig, dict) and mig.get("step") in STEP_PAGES:
        return redirect(STEP_PAGES[mig["step"]])
    return start_over(request)




def render(ctx: SiteContext, request: Request, template: str, status: int = 200, alerts=(), **values):
    return render_page(ctx.templates, request, f"myaplus/{template}", status, alerts, **values)


async def deliver(send, *args) -> str | None:
    """Send off the event loop; the retry message if it failed (or the limit's message)."""
    try:
        await run_in_threadpool(send, *args)
    except SendLimitReached:
        return msg.CODE_SEND_LIMIT
    except DeliveryError:
        return msg.DELIVERY_FAILED
    return None
