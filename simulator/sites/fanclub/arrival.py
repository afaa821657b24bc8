"""State injection for the fan club (the control API's optional ``sessions`` capability): a member put on a
first-login screen with a live session, and every side effect walking there in a browser has: STEP2's successful
login (its failure count cleared), STEP3's one-time link and the mail that carries it. The walk is
steps/journeys/fanclub.py; the screen after the mail is the one its URL opens."""
from __future__ import annotations

from ...context import SiteContext
from . import flow
from . import messages as msg
from .delivery import send_link
from .members import Members
from .rules import email_problem

SCREENS = ("email", "email_sent", "link")  # STEP3, メール送信完了, the mailed URL (STEP5 パスワード入力 or Plus member ID登録)
SENT = "/fanclub/first-login/email/sent"


class Refused(Exception):
    """A walk would not reach that screen: why."""


class Arrival:
    def __init__(self, ctx: SiteContext, members: Members) -> None:
        self.ctx, self.members = ctx, members

    async def session(self, member_id: int, screen: str, email: str | None) -> tuple[dict, str]:
        """The session data and the screen's path after a walk from STEP2 to ``screen``."""
        row = self.members.get(member_id)
        if self.members.step2_locked(row["member_number"], self.ctx.clock.now()):
            raise Refused(msg.STEP2_LOCKED)
        if row["birth_date"] is None:
            raise Refused(msg.LOGIN_FAILED)
        if row["status"] == "withdrawn":
            raise Refused("a withdrawn member is shown the payment screen at STEP2")
        if row["first_login_at"] or row["registered_via"] == "new":
            raise Refused(msg.ALREADY_DONE)
        self.members.step2_success(row["member_number"])
        state = {"member_id": row["id"], "step": "email"}
        if screen == "email":
            return {flow.KEY: state}, "/fanclub/first-login/email"
        if not email:
            raise Refused(f"{screen} comes after STEP3: give the email the member enters there")
        owner = self.members.by_plus_id(email) if not (problem := email_problem(email, email)) else None
        if owner is not None and owner["id"] != row["id"]:
            problem = msg.FAMILY_REFUSED
        if problem:
            raise Refused(problem)
        kind = "existing" if self.members.plus_id(email) else "register"
        token = self.members.issue_link(row["id"], email, kind, self.ctx.clock.now().isoformat())
        if (problem := await flow.deliver(send_link, self.ctx, self.ctx.settings.public_base_url, kind, email, token)):
            raise Refused(problem)
        session = {flow.KEY: {**state, "step": "sent", "email": email}}
        return session, SENT if screen == "email_sent" else f"/fanclub/first-login/{kind}/{token}"
