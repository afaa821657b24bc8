"""STEP3 メールアドレス入力 and the mail it sends: 会員登録URLのお知らせ, or STEP4 取得済IDのお知らせ."""
from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from ....context import SiteContext
from ....web import read_form, redirect
from .. import flow
from .. import messages as msg
from ..delivery import send_link
from ..members import Members
from ..rules import email_problem


def routes(ctx: SiteContext, members: Members) -> list[Route]:
    async def show(request: Request):
        if not flow.current(request, "email"):
            return flow.start_over(request)
        return flow.render(ctx, request, "email.html", email="")

    async def submit(request: Request):
        form = await read_form(request)
        if not (state := flow.current(request, "email")):
            return flow.start_over(request)
        address, confirmation = form.get("email", "").strip(), form.get("email_confirm", "").strip()
        problem = email_problem(address, confirmation)
        owner = members.by_plus_id(address) if not problem else None
        if owner is not None and owner["id"] != state["member_id"]:
            problem = msg.FAMILY_REFUSED
        if not problem:
            kind = "existing" if members.plus_id(address) else "register"
            token = members.issue_link(state["member_id"], address, kind, ctx.clock.now().isoformat())
            problem = await flow.deliver(send_link, ctx, ctx.settings.public_base_url, kind, address, token)
        if problem:
            return flow.render(ctx, request, "email.html", status=422, alerts=[problem], email=address)
        request.session[flow.KEY] = {**state, "step": "sent", "email": address}
        return redirect("/fanclub/first-login/email/sent")

    async def sent(request: Request):
        if not (state := flow.current(request, "sent")):
            return flow.start_over(request)
        return flow.render(ctx, request, "email_sent.html", email=state["email"])

    return [
        Route("/first-login/email", show, methods=["GET"]),
        Route("/first-login/email", submit, methods=["POST"]),
        Route("/first-login/email/sent", sent, methods=["GET"]),
    ]
