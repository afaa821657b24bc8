"""⑦-1 mobile: SMS code, resend, or a voice call instead; ⑦-2 landline: 音声電話で認証コードを送信."""
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
from ..rules import mask_phone, phone_is_mobile

PHONE = "/myaplus/migration/phone"


async def enter_phone_step(ctx: SiteContext, request: Request, account, codes: Codes):
    """On arrival at ⑦ a mobile phone gets its SMS at once; a landline waits for the button."""
    mobile = phone_is_mobile(account["phone"])
    if defects.on(ctx.settings, "mobile_gets_no_sms"):
        mobile = False
    if defects.on(ctx.settings, "sms_to_landline"):
        mobile = True
    if mobile and not codes.locked(account["id"]):
        problem = await flow.deliver(send_code, ctx, codes, account, "phone", "sms")
        if problem:
            flow.flash(request, "alert", problem)
    return redirect(PHONE)


def routes(ctx: SiteContext, accounts: Accounts, codes: Codes) -> list[Route]:
    def page(request: Request, account, status: int = 200, alerts=()):
        mobile = phone_is_mobile(account["phone"])
        return flow.render(ctx, request, "code_phone.html", status=status, alerts=alerts, mobile=mobile,
                           masked_phone=mask_phone(account["phone"]))

    async def show(request: Request):
        if not (mig := flow.current(request, "phone_code")):
            return flow.start_over(request)
        return page(request, accounts.get(mig["account_id"]))

    async def submit(request: Request):
        form = await read_form(request)
        if not (mig := flow.current(request, "phone_code")):
            return flow.proceed(request)
        account = accounts.get(mig["account_id"])
        action = form.get("action")
        if action in ("resend", "voice"):
            channel = "sms" if action == "resend" and phone_is_mobile(account["phone"]) else "voice"
            if action == "voice" and defects.on(ctx.settings, "voice_button_sends_sms"):
                channel = "sms"
            problem = msg.CODE_LOCKED if codes.locked(account["id"]) else await flow.deliver(
                send_code, ctx, codes, account, "phone", channel)
            if problem:
                return page(request, account, 422, [problem])
            flow.flash(request, "status", msg.CODE_RESENT if channel == "sms" else msg.CODE_CALLED)
            return redirect(PHONE)
        verdict = codes.verify(account["id"], "phone", form.get("code", ""))
        if verdict.repeated:  # another request with this code won: show the step it led to
            return redirect(flow.STEP_PAGES["password"])
        if not verdict.ok:
            return page(request, account, 422, [verdict.message])
        flow.advance(request, "password")
        return redirect("/myaplus/migration/password")

    return [Route("/migration/phone", show, methods=["GET"]), Route("/migration/phone", submit, methods=["POST"])]
