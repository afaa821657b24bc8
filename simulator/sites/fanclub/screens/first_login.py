"""STEP2 初回ログイン (会員番号 + 生年月日8桁) and the payment screen it leads a withdrawn member to."""
from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from .... import defects
from ....context import SiteContext
from ....web import read_form, redirect, rotate_session
from .. import flow
from .. import messages as msg
from ..billing import check_charge
from ..inquiry import links
from ..members import Members
from ..rules import half_width, member_number_problem, parse_birth8

PAYMENT = "fanclub_payment"


def routes(ctx: SiteContext, members: Members) -> list[Route]:
    def page(request: Request, alerts=(), number: str = "", status: int = 200, failed: bool = False):
        return flow.render(ctx, request, "first_login.html", status=status, alerts=alerts, number=number,
                           failed=failed, inquiry_links=links())

    async def show(request: Request):
        return page(request)

    async def submit(request: Request):
        form = await read_form(request)
        number, password = half_width(form.get("member_number", "")), form.get("password", "")
        if defects.on(ctx.settings, "step2_birth_read_as_ddmmyyyy"):  # DDMMYYYY, turned into the YYYYMMDD it is read as
            password = (lambda t: t[4:8] + t[2:4] + t[0:2] if len(t) == 8 else t)(half_width(password))
        birth = parse_birth8(password, ctx.clock.now().date())
        problems = [p for p in (member_number_problem(number), birth.problem) if p]
        if problems:
            return page(request, problems, number, 422)
        flow.discard(request)
        now, settings = ctx.clock.now(), ctx.settings
        if members.step2_locked(number, now):  # (推定) a limit on tries: the birth date is only 8 digits
            return page(request, [msg.STEP2_LOCKED], number, 429, failed=True)
        row = members.by_number(number)
        registered = row["birth_date"] if row is not None else None
        if row is not None and registered is None and defects.on(ctx.settings, "step2_missing_birth_accepts_any"):
            registered = birth.value.isoformat()  # the birth date is checked only when one is on file
        if row is not None and defects.on(ctx.settings, "step2_wrong_birth_accepted"):
            registered = birth.value.isoformat()
        if row is None or registered is None or registered != birth.value.isoformat():
            if members.step2_failure(number, now, settings.fanclub_step2_attempt_limit, settings.fanclub_step2_lock_minutes):
                return page(request, [msg.STEP2_LOCKED], number, 429, failed=True)
            return page(request, [msg.LOGIN_FAILED], number, 401, failed=True)
        members.step2_success(number)
        rotate_session(request)
        withdrawn = row["status"] == "withdrawn"
        if defects.on(ctx.settings, "step2_withdrawn_treated_as_active"):
            withdrawn = False
        if defects.on(ctx.settings, "valid_member_sent_to_payment"):
            withdrawn = True
        if withdrawn:
            check = await check_charge(ctx, row["carrier"], row["billing_id"])
            if not check.reachable:
                return page(request, [msg.CARRIER_UNAVAILABLE], number, 503)
            request.session[PAYMENT] = {"member_id": row["id"], "charged": check.charged}
            return redirect("/fanclub/payment")
        if row["first_login_at"] or row["registered_via"] == "new":
            return page(request, [msg.ALREADY_DONE], number, 409)
        flow.start(request, row["id"], "email")
        return redirect("/fanclub/first-login/email")

    async def payment(request: Request):
        state = request.session.get(PAYMENT) or {}
        return flow.render(ctx, request, "payment.html", alerts=[msg.CHARGE_FOUND] if state.get("charged") else [],
                           inquiry_links=links())

    return [
        Route("/first-login", show, methods=["GET"]),
        Route("/first-login", submit, methods=["POST"]),
        Route("/payment", payment, methods=["GET"]),
        Route("/join", payment, methods=["GET"]),
    ]
