"""⑧ パスワード入力 (登録する / キャンセル) and ⑨ My APLUS登録完了."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from .... import defects
from ....context import SiteContext
from ....web import read_form, redirect
from .. import flow
from ..accounts import Accounts
from ..rules import normalize_email, password_problems


def routes(ctx: SiteContext, accounts: Accounts) -> list[Route]:
    def here() -> tuple[str, ...]:  # the steps ⑧ may be opened from
        return tuple(flow.STEP_PAGES) if defects.on(ctx.settings, "phone_step_reachable_by_url") else ("password",)

    async def show(request: Request):
        if not flow.current(request, *here()):
            return flow.start_over(request)
        return flow.render(ctx, request, "password.html")

    async def submit(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, *here())):
            return flow.proceed(request)
        if form.get("action") == "cancel" and not defects.on(ctx.settings, "password_cancel_validates"):
            if not defects.on(ctx.settings, "password_cancel_keeps_progress"):
                flow.discard(request)
            return redirect(flow.LOGIN)
        account = accounts.get(mig["account_id"])
        problems = password_problems(form.get("password", ""), form.get("password_confirm", ""), accounts.personal(account),
                                     settings=ctx.settings)
        if problems:
            return flow.render(ctx, request, "password.html", status=422, alerts=problems)
        myaplus_id = normalize_email(mig["myaplus_id"])
        if defects.on(ctx.settings, "new_email_not_used_as_id"):
            myaplus_id = account["card_email"]
        if accounts.email_taken(myaplus_id, account["id"]):  # taken meanwhile by another migration
            return flow.start_over(request)
        if not defects.on(ctx.settings, "migration_not_completed"):
            await run_in_threadpool(accounts.complete_migration, account["id"], myaplus_id, form["password"],
                                    mig.get("change_card_email", False) and not defects.on(ctx.settings, "card_email_not_changed"),
                                    ctx.clock.now().isoformat())
        if defects.on(ctx.settings, "old_id_survives_migration"):  # the old ID is not retired
            ctx.store.execute("UPDATE myaplus_accounts SET old_id = ?, old_password_hash = ? WHERE id = ?",
                              (account["old_id"], account["old_password_hash"], account["id"]))
        if defects.on(ctx.settings, "complete_page_skipped"):
            flow.discard(request)
            return redirect(flow.LOGIN)
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
