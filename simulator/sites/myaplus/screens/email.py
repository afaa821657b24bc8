"""③ register the card's e-mail as My APLUS ID?, ④ a new e-mail, ⑤ its code, ⑥ confirm changing the card's e-mail."""
from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from .... import defects
from ....context import SiteContext
from ....web import read_form, redirect
from .. import flow
from .. import messages as msg
from ..accounts import Accounts
from ..codes import Codes
from ..delivery import send_code
from ..rules import email_is_valid, mask_email
from .phone import enter_phone_step


def routes(ctx: SiteContext, accounts: Accounts, codes: Codes) -> list[Route]:
    async def choice(request: Request):
        if not (mig := flow.current(request, "email_choice")):
            return flow.start_over(request)
        account = accounts.get(mig["account_id"])
        masked = account["card_email"] if defects.on(ctx.settings, "card_email_unmasked") else mask_email(account["card_email"])
        return flow.render(ctx, request, "email_choice.html", masked=masked)

    async def choose(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, "email_choice")):
            return flow.proceed(request)
        account = accounts.get(mig["account_id"])
        action = form.get("action")
        if defects.on(ctx.settings, "email_choice_yes_asks_new_email") and action == "yes":
            action = "no"
        if defects.on(ctx.settings, "email_choice_no_goes_to_phone"):
            action = "yes"
        if action != "yes" or accounts.email_taken(account["card_email"], account["id"]):
            if action == "yes":
                flow.flash(request, "alert", msg.EMAIL_UNAVAILABLE)
            flow.advance(request, "new_email")
            return redirect("/myaplus/migration/email/new")
        flow.advance(request, "phone_code", myaplus_id=account["card_email"], change_card_email=False)
        if defects.on(ctx.settings, "email_choice_yes_skips_phone"):
            flow.advance(request, "password")
            return redirect("/myaplus/migration/password")
        return await enter_phone_step(ctx, request, account, codes)

    async def new_form(request: Request):
        if not flow.current(request, "new_email"):
            return flow.start_over(request)
        return flow.render(ctx, request, "email_new.html", email="")

    async def new_submit(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, "new_email")):
            return flow.proceed(request)
        if form.get("action") == "back" and not defects.on(ctx.settings, "new_email_back_stays"):
            flow.discard(request)
            return redirect(flow.LOGIN)
        address = form.get("email", "")
        problem = (msg.REQUIRED if not address else msg.EMAIL_INVALID if not email_is_valid(address, ctx.settings)
                   else msg.EMAIL_UNAVAILABLE if accounts.email_taken(address, mig["account_id"])
                   and not defects.on(ctx.settings, "duplicate_email_accepted") else None)
        if not problem:
            account = accounts.get(mig["account_id"])
            to = account["card_email"] if defects.on(ctx.settings, "code_mail_to_card_email") else address
            problem = await flow.deliver(send_code, ctx, codes, account, "email", "mail", to)
        if problem:
            if problem == msg.EMAIL_UNAVAILABLE and defects.on(ctx.settings, "email_refusal_ends_migration"):
                flow.discard(request)
            return flow.render(ctx, request, "email_new.html", status=422, alerts=[problem], email=address)
        flow.advance(request, "email_code", myaplus_id=address, change_card_email=True)
        return redirect("/myaplus/migration/email/code")

    async def code_form(request: Request):
        if not flow.current(request, "email_code"):
            return flow.start_over(request)
        return flow.render(ctx, request, "code_email.html")

    async def code_submit(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, "email_code")):
            return flow.proceed(request)
        account = accounts.get(mig["account_id"])
        if form.get("action") == "resend":
            locked = codes.locked(account["id"]) and not defects.on(ctx.settings, "email_resend_while_code_locked")
            problem = msg.CODE_LOCKED if locked else await flow.deliver(
                send_code, ctx, codes, account, "email", "mail", mig["myaplus_id"])
            if problem:
                return flow.render(ctx, request, "code_email.html", status=422, alerts=[problem])
            flow.flash(request, "status", msg.CODE_RESENT)
            return redirect("/myaplus/migration/email/code")
        verdict = codes.verify(account["id"], "email", form.get("code", ""))
        if verdict.repeated:  # another request with this code won: show the step it led to
            return redirect(flow.STEP_PAGES["email_confirm"])
        if not verdict.ok:
            return flow.render(ctx, request, "code_email.html", status=422, alerts=[verdict.message])
        flow.advance(request, "email_confirm")
        return redirect("/myaplus/migration/email/confirm")

    async def confirm_form(request: Request):
        if not flow.current(request, "email_confirm"):
            return flow.start_over(request)
        return flow.render(ctx, request, "email_confirm.html")

    async def confirm_submit(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, "email_confirm")):
            return flow.proceed(request)
        if form.get("action") != "yes":
            if defects.on(ctx.settings, "confirm_no_back_to_new_email"):
                flow.advance(request, "new_email")
                return redirect("/myaplus/migration/email/new")
            if not defects.on(ctx.settings, "confirm_no_keeps_progress"):
                flow.discard(request)
            return redirect(flow.LOGIN)
        if defects.on(ctx.settings, "confirm_yes_skips_phone"):
            flow.advance(request, "password")
            return redirect("/myaplus/migration/password")
        flow.advance(request, "phone_code")
        return await enter_phone_step(ctx, request, accounts.get(mig["account_id"]), codes)

    return [
        Route("/migration/email", choice, methods=["GET"]),
        Route("/migration/email", choose, methods=["POST"]),
        Route("/migration/email/new", new_form, methods=["GET"]),
        Route("/migration/email/new", new_submit, methods=["POST"]),
        Route("/migration/email/code", code_form, methods=["GET"]),
        Route("/migration/email/code", code_submit, methods=["POST"]),
        Route("/migration/email/confirm", confirm_form, methods=["GET"]),
        Route("/migration/email/confirm", confirm_submit, methods=["POST"]),
    ]
