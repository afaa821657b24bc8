"""「パスワードを忘れた方はこちら」 (reissue, which lifts the ⑫ lock) and 「My APLUS ID作成はこちら」."""
from __future__ import annotations

from datetime import datetime, timedelta

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from .... import defects
from ....context import SiteContext
from ....outbound import DeliveryError
from ....security import new_token
from ....web import read_form
from .. import flow
from .. import messages as msg
from ..accounts import Accounts
from ..rules import email_is_valid, password_problems


def routes(ctx: SiteContext, accounts: Accounts) -> list[Route]:
    store = ctx.store

    async def forgot_form(request: Request):
        return flow.render(ctx, request, "forgot.html", email="")

    def mail_reset_link(account) -> None:
        """The link points at the configured public URL (settings.public_base_url), never at the Host the
        request named: a forged Host header cannot send the member's token elsewhere."""
        token = new_token()
        store.execute("INSERT INTO myaplus_reset_tokens (token, account_id, issued_at) VALUES (?, ?, ?)",
                      (token, account["id"], ctx.clock.now().isoformat()))
        url = f"{ctx.settings.public_base_url.rstrip('/')}/myaplus/password/reset?token={token}"
        try:
            ctx.mailer.send(account["myaplus_id"], msg.RESET_MAIL_SUBJECT,
                            f"My APLUS ID：{account['myaplus_id']}\n\n下記URLよりパスワードを再設定してください。\n{url}\n")
        except DeliveryError:
            pass  # the member asks again; the answer must not differ from an unknown address's

    async def forgot_submit(request: Request):
        form = await read_form(request)
        address = form.get("email", "")
        if not address or (not email_is_valid(address, ctx.settings) and not defects.on(ctx.settings, "reissue_email_unchecked")):
            return flow.render(ctx, request, "forgot.html", status=422, email=address,
                               alerts=[msg.REQUIRED if not address else msg.EMAIL_INVALID])
        account = accounts.by_myaplus_id(address)
        # The same answer whether the address is known or not, and whether the mail went out or not (a failure
        # shown only for known addresses would tell which addresses have an account).
        if account is not None:
            await run_in_threadpool(mail_reset_link, account)
        return flow.render(ctx, request, "sent.html", heading="パスワード再発行", text=msg.RESET_SENT)

    def valid_token(token: str):
        row = store.one("SELECT * FROM myaplus_reset_tokens WHERE token = ? AND used = 0", (token,))
        if row is None:
            return None
        if ctx.clock.now() - datetime.fromisoformat(row["issued_at"]) > timedelta(seconds=ctx.settings.reset_token_ttl_seconds):
            return None
        return row

    async def reset_form(request: Request):
        token = request.query_params.get("token", "")
        if valid_token(token) is None:
            return flow.render(ctx, request, "sent.html", status=410, heading="パスワード再設定", alerts=[msg.RESET_LINK_INVALID])
        return flow.render(ctx, request, "reset.html", token=token)

    async def reset_submit(request: Request):
        form = await read_form(request)
        token = form.get("token", "")
        row = valid_token(token)
        if row is None:
            return flow.render(ctx, request, "sent.html", status=410, heading="パスワード再設定", alerts=[msg.RESET_LINK_INVALID])
        account = accounts.get(row["account_id"])
        problems = password_problems(form.get("password", ""), form.get("password_confirm", ""), accounts.personal(account),
                                     settings=ctx.settings)
        if problems:
            return flow.render(ctx, request, "reset.html", status=422, token=token, alerts=problems)
        with store.transaction() as conn:  # one use: of two concurrent uses, one wins; every other link dies too
            spent = conn.execute("UPDATE myaplus_reset_tokens SET used = 1 WHERE token = ? AND used = 0", (token,)).rowcount
            conn.execute("UPDATE myaplus_reset_tokens SET used = 1 WHERE account_id = ?", (account["id"],))
        if not spent:
            return flow.render(ctx, request, "sent.html", status=410, heading="パスワード再設定", alerts=[msg.RESET_LINK_INVALID])
        await run_in_threadpool(accounts.set_password, account["id"], form["password"])
        if account["locked"] and defects.on(ctx.settings, "reset_does_not_unlock"):
            store.execute("UPDATE myaplus_accounts SET locked = 1 WHERE id = ?", (account["id"],))
        store.end_sessions("myaplus_user", account["id"])  # every login of the account ends with the old password
        if request.session.get("myaplus_user") == account["id"]:
            request.session.pop("myaplus_user", None)
        return flow.render(ctx, request, "sent.html", heading="パスワード再設定", text=msg.RESET_DONE, login_link=True)

    async def register_form(request: Request):
        return flow.render(ctx, request, "register.html", email="")

    async def register_submit(request: Request):
        form = await read_form(request)
        address = form.get("email", "")
        problem = (msg.REQUIRED if not address else msg.EMAIL_INVALID if not email_is_valid(address, ctx.settings)
                   else msg.EMAIL_UNAVAILABLE if accounts.by_myaplus_id(address)
                   and not defects.on(ctx.settings, "register_same_email_accepted") else None)
        if not problem:
            problem = await flow.deliver(ctx.mailer.send, address, msg.REGISTER_MAIL_SUBJECT,
                                         "My APLUSの新規会員登録をお申し込みいただきありがとうございます。\n")
        if problem:
            return flow.render(ctx, request, "register.html", status=422, email=address, alerts=[problem])
        return flow.render(ctx, request, "sent.html", heading="My APLUS ID新規登録", text=msg.REGISTER_SENT)

    return [
        Route("/password/forgot", forgot_form, methods=["GET"]),
        Route("/password/forgot", forgot_submit, methods=["POST"]),
        Route("/password/reset", reset_form, methods=["GET"], name="myaplus_reset"),
        Route("/password/reset", reset_submit, methods=["POST"]),
        Route("/register", register_form, methods=["GET"]),
        Route("/register", register_submit, methods=["POST"]),
    ]
