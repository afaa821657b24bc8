"""⑧ パスワード入力 (登録する / キャンセル) and ⑨ My APLUS登録完了."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from ....context import SiteContext
from ....web import read_form, redirect
from .. import flow
from ..accounts import Accounts
from ..rules import normalize_email, password_problems


def routes(ctx: SiteContext, accounts: Accounts) -> list[Route]:
    async def show(request: Request):
        if not flow.current(request, "password"):
            return flow.start_over(request)
        return flow.render(ctx, request, "password.html")

    async def submit(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, "password")):
            return flow.proceed(request)
        if form.get("action") == "cancel":
            flow.discard(request)
            return redirect(flow.LOGIN)
        account = accounts.get(mig["account_id"])
        problems = password_problems(form.get("password", ""), form.get("password_confirm", ""), accounts.personal(account))
        if problems:
            return flow.render(ctx, request, "password.html", status=422, alerts=problems)
        myaplus_id = normalize_email(mig["myaplus_id"])
        if accounts.email_taken(myaplus_id, account["id"]):  # taken meanwhile by another migration
            return flow.start_over(request)
        await run_in_threadpool(accounts.complete_migration, account["id"], myaplus_id, form["password"],
                                mig.get("change_card_email", False), ctx.clock.now().isoformat())
        flow.advance(request, "complete")
        return redirect("/myaplus/migration/complete")

    async def complete(request: Request):
        if not flow.current(request, "complete"):
            return flow.start_over(request)
        response = flow.render(ctx, request, "complete.html")
        flow.discard(request)
        return response

    return [
        Route("/migration/password", show, methods=["GET"]),
        Route("/migration/password", submit, methods=["POST"]),
        Route("/migration/complete", complete, methods=["GET"]),
    ]
