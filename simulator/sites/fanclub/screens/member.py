"""ログイン with a Plus member ID, STEP7 初回ログイン完了, and マイページ where a member checks it."""
from __future__ import annotations

from datetime import date

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from ....context import SiteContext
from ....web import read_form, redirect, rotate_session
from .. import flow
from .. import messages as msg
from ..inquiry import links
from ..members import Members

LOGIN = "/fanclub/login"


def japanese_date(iso: str | None) -> str:
    if not iso:
        return "-"
    d = date.fromisoformat(iso[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def routes(ctx: SiteContext, members: Members) -> list[Route]:
    async def login_form(request: Request):
        return flow.render(ctx, request, "login.html", login_id="")

    async def login_submit(request: Request):
        form = await read_form(request)
        login_id, password = form.get("login_id", "").strip(), form.get("password", "")
        if not login_id or not password or not await run_in_threadpool(members.check_plus_password, login_id, password):
            return flow.render(ctx, request, "login.html", status=401, alerts=[msg.PLUS_LOGIN_FAILED], login_id=login_id)
        member = members.by_plus_id(login_id)
        rotate_session(request)
        request.session[flow.USER] = member["id"] if member else {"plus": login_id}
        return redirect("/fanclub/mypage")

    async def logout(request: Request):
        await read_form(request)
        request.session.pop(flow.USER, None)
        return redirect(LOGIN)

    async def complete(request: Request):
        user = request.session.get(flow.USER)
        member = members.get(user) if isinstance(user, int) else None
        if member is None or not member["first_login_at"]:
            return redirect(LOGIN)
        return flow.render(ctx, request, "complete.html", member=member, joined=japanese_date(member["joined_on"]))

    async def mypage(request: Request):
        user = request.session.get(flow.USER)
        if isinstance(user, dict):  # a Plus member ID not linked to a membership yet
            return flow.render(ctx, request, "mypage.html", member=None, plus_id=user.get("plus"),
                               alerts=[msg.FIRST_LOGIN_NEEDED])
        member = members.get(user) if isinstance(user, int) else None
        if member is None:
            return redirect(LOGIN)
        new_instead = member["registered_via"] == "new" and members.unmigrated_twin(member) is not None
        return flow.render(ctx, request, "mypage.html", member=member, plus_id=member["plus_member_id"],
                           joined=japanese_date(member["joined_on"]), new_instead=new_instead,
                           inquiry_links=links() if new_instead else [])

    return [
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login_submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/first-login/complete", complete, methods=["GET"]),
        Route("/mypage", mypage, methods=["GET"]),
    ]
