"""① old-ID login, ⑩ login with the My APLUS ID, ⑫ account lock, and logout."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from .... import defects
from ....context import SiteContext
from ....web import read_form, redirect, rotate_session
from .. import flow
from .. import messages as msg
from ..accounts import Accounts
from ..delivery import send_lock_notice


def routes(ctx: SiteContext, accounts: Accounts) -> list[Route]:
    def page(request: Request, alerts=(), login_id: str = "", status: int = 200, locked_account: bool = False):
        return flow.render(ctx, request, "login.html", status=status, alerts=alerts, login_id=login_id, locked_account=locked_account)

    async def show(request: Request):
        return page(request)

    async def submit(request: Request):
        form = await read_form(request)
        login_id, password = form.get("login_id", ""), form.get("password", "")
        if not login_id or not password:
            return page(request, [msg.REQUIRED], login_id, 422)
        flow.discard(request)
        row = accounts.by_myaplus_id(login_id) if "@" in login_id else None
        if row is not None:
            return await _myaplus_login(request, row, login_id, password)
        row = accounts.by_old_id(login_id)
        if row is None:  # the same hashing work as for a known ID: no timing hint of which IDs exist
            await run_in_threadpool(accounts.check_old_password, None, password)
            return page(request, [msg.LOGIN_FAILED], login_id, 401)
        if row["old_locked"] and not defects.on(ctx.settings, "old_id_lock_ignored"):
            return page(request, [msg.OLD_ID_LOCKED], login_id, 423)
        if (not await run_in_threadpool(accounts.check_old_password, row, password)
                and not defects.on(ctx.settings, "old_login_any_password")):
            if accounts.old_failure(row["id"], defects.threshold(
                    ctx.settings, ctx.settings.old_id_lock_threshold, never="old_id_never_locks",
                    late="old_id_lock_one_late", early="old_id_lock_one_early")):
                if not defects.on(ctx.settings, "old_lock_mail_missing"):
                    to = f"{login_id}@myaplus.example" if defects.on(ctx.settings, "old_lock_mail_wrong_address") else row["card_email"]
                    await run_in_threadpool(send_lock_notice, ctx, to, login_id)
                return page(request, [msg.OLD_ID_LOCKED], login_id, 423)
            return page(request, [msg.LOGIN_FAILED], login_id, 401)
        rotate_session(request)  # a session id known before the login is worth nothing after it
        flow.start(request, row["id"])
        if defects.on(ctx.settings, "terms_skipped"):
            flow.advance(request, "email_choice")
            return redirect("/myaplus/migration/email")
        return redirect("/myaplus/migration/terms")

    async def _myaplus_login(request: Request, row, login_id: str, password: str):
        if row["locked"] and not defects.on(ctx.settings, "account_lock_ignored"):
            return page(request, msg.ACCOUNT_LOCKED, login_id, 423, locked_account=True)
        if (not await run_in_threadpool(accounts.check_password, row, password)
                and not defects.on(ctx.settings, "myaplus_login_any_password")):
            if accounts.failure(row["id"], defects.threshold(ctx.settings, ctx.settings.account_lock_threshold,
                                                             never="account_never_locks", late="account_lock_one_late")):
                if not defects.on(ctx.settings, "account_lock_mail_missing"):
                    to = row["card_email"] if defects.on(ctx.settings, "account_lock_mail_to_card_email") else row["myaplus_id"]
                    await run_in_threadpool(send_lock_notice, ctx, to, row["myaplus_id"])
                return page(request, msg.ACCOUNT_LOCKED, login_id, 423, locked_account=True)
            return page(request, [msg.LOGIN_FAILED], login_id, 401)
        accounts.logged_in(row["id"], ctx.clock.now().isoformat())
        rotate_session(request)
        if not defects.on(ctx.settings, "myaplus_login_not_kept"):
            request.session["myaplus_user"] = row["id"]
        return redirect("/myaplus/top")

    async def logout(request: Request):
        await read_form(request)
        request.session.pop("myaplus_user", None)
        return redirect(flow.LOGIN)

    return [
        Route("/login", show, methods=["GET"]),
        Route("/login", submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
    ]
