"""From the mail's URL: STEP5 パスワード入力 (holders of a Plus member ID) or Plus member ID登録 (new ID)."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from ....context import SiteContext
from ....web import read_form, redirect, rotate_session
from .. import flow
from .. import messages as msg
from ..members import Members
from ..rules import password_problem


def routes(ctx: SiteContext, members: Members) -> list[Route]:
    def link(request: Request, kind: str):
        token = request.path_params["token"]
        row = members.valid_link(token, kind, ctx.clock.now())
        if row is None:
            return None
        owner = members.by_plus_id(row["email"])
        if owner is not None and owner["id"] != row["member_id"]:
            return None  # the address was taken meanwhile (e.g. by a family member)
        return row

    def complete(request: Request, row) -> object:
        if not members.use_link(row["token"]):  # used meanwhile (a second click, another tab)
            return flow.start_over(request, msg.LINK_INVALID)
        members.complete_first_login(row["member_id"], row["email"], ctx.clock.now().isoformat())
        flow.discard(request)
        rotate_session(request)
        request.session[flow.USER] = row["member_id"]
        return redirect("/fanclub/first-login/complete")

    async def existing_form(request: Request):
        if not (row := link(request, "existing")):
            return flow.start_over(request, msg.LINK_INVALID)
        return flow.render(ctx, request, "password.html", plus_id=row["email"], token=row["token"])

    async def existing_submit(request: Request):
        form = await read_form(request)
        if not (row := link(request, "existing")):
            return flow.start_over(request, msg.LINK_INVALID)
        password = form.get("password", "")
        if not password or not await run_in_threadpool(members.check_plus_password, row["email"], password):
            return flow.render(ctx, request, "password.html", status=401, plus_id=row["email"], token=row["token"],
                               alerts=[msg.PLUS_PASSWORD_REQUIRED if not password else msg.PLUS_PASSWORD_WRONG])
        return complete(request, row)

    async def register_form(request: Request):
        if not (row := link(request, "register")) or members.plus_id(row["email"]):
            return flow.start_over(request, msg.LINK_INVALID)
        return flow.render(ctx, request, "register.html", plus_id=row["email"], token=row["token"])

    async def register_submit(request: Request):
        form = await read_form(request)
        if not (row := link(request, "register")) or members.plus_id(row["email"]):
            return flow.start_over(request, msg.LINK_INVALID)
        problem = password_problem(form.get("password", ""), form.get("password_confirm", ""))
        if problem:
            return flow.render(ctx, request, "register.html", status=422, plus_id=row["email"], token=row["token"],
                               alerts=[problem])
        await run_in_threadpool(members.create_plus_id, row["email"], form["password"], ctx.clock.now().isoformat())
        return complete(request, row)

    return [
        Route("/first-login/existing/{token}", existing_form, methods=["GET"]),
        Route("/first-login/existing/{token}", existing_submit, methods=["POST"]),
        Route("/first-login/register/{token}", register_form, methods=["GET"]),
        Route("/first-login/register/{token}", register_submit, methods=["POST"]),
    ]
