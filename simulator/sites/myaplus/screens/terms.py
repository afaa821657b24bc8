"""② My APLUS会員規約: 同意して進む / キャンセル."""
from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from .... import defects
from ....context import SiteContext
from ....web import read_form, redirect
from .. import flow


def routes(ctx: SiteContext) -> list[Route]:
    async def show(request: Request):
        if not flow.current(request, "terms"):
            return flow.start_over(request)
        return flow.render(ctx, request, "terms.html")

    async def submit(request: Request):
        form = await read_form(request)
        if not flow.current(request, "terms"):
            return flow.proceed(request)
        if form.get("action") != "agree" and not defects.on(ctx.settings, "terms_cancel_proceeds"):
            if not defects.on(ctx.settings, "terms_cancel_keeps_progress"):
                flow.discard(request)
            return redirect(flow.LOGIN)
        if defects.on(ctx.settings, "email_choice_skipped"):
            flow.advance(request, "new_email")
            return redirect("/myaplus/migration/email/new")
        flow.advance(request, "email_choice")
        return redirect("/myaplus/migration/email")

    return [Route("/migration/terms", show, methods=["GET"]), Route("/migration/terms", submit, methods=["POST"])]
