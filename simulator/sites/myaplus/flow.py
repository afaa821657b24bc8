"""The migration's place in the session, flash messages and page rendering for My APLUS screens."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ...context import SiteContext
from ...outbound import DeliveryError
from ...web import redirect
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


def flash(request: Request, kind: str, text: str) -> None:
    box = dict(request.session.get("flash") or {})
    box.setdefault(kind, []).append(text)
    request.session["flash"] = box


def render(ctx: SiteContext, request: Request, template: str, status: int = 200, alerts=(), **values):
    box = request.session.pop("flash", None) or {}
    return ctx.templates.TemplateResponse(
        request, f"myaplus/{template}",
        {"alerts": [*box.get("alert", []), *alerts], "notices": box.get("status", []), **values},
        status_code=status,
    )


async def deliver(send, *args) -> str | None:
    """Run a blocking send off the event loop; the retry message if it failed."""
    try:
        await run_in_threadpool(send, *args)
    except DeliveryError:
        return msg.DELIVERY_FAILED
    return None
