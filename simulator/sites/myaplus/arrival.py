"""State injection for My APLUS (the control API's optional ``sessions`` capability): a member put on a migration
screen with a live session, and every side effect walking there in a browser has, in the order the walk has them:
the codes it sends (the SMS on arrival at ⑦ for a mobile, the code mail of ④), the codes it enters, the migration ⑧
completes. The walk (steps/journeys/myaplus.py) answers ③ はい (the card's address) or いいえ then a new address."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool

from ...context import SiteContext
from . import flow
from . import messages as msg
from .accounts import Accounts
from .codes import Codes
from .delivery import send_code
from .rules import email_is_valid, normalize_email, password_problems, phone_is_mobile

# the screens, by the profile's path keys (fixtures/targets/simulator.yaml), and the migration step each one shows
STEPS = {"terms": "terms", "email_choice": "email_choice", "email_new": "new_email", "email_code": "email_code",
         "email_confirm": "email_confirm", "phone_code": "phone_code", "password": "password", "complete": "complete"}
CARD_ROUTE = ("terms", "email_choice", "phone_code", "password", "complete")
NEW_EMAIL_ROUTE = ("terms", "email_choice", "new_email", "email_code", "email_confirm", "phone_code", "password", "complete")


class Refused(Exception):
    """A walk would not reach that screen (the member's state, a taken address, a refused password): why."""


class Arrival:
    def __init__(self, ctx: SiteContext, accounts: Accounts, codes: Codes) -> None:
        self.ctx, self.accounts, self.codes = ctx, accounts, codes

    async def session(self, account_id: int, screen: str, new_email: str | None, password: str | None) -> dict:
        """The session data of a member who walked from ① to ``screen``; the side effects are done on the way."""
        step = STEPS[screen]
        row = self.accounts.get(account_id)
        if not row["old_id"] or row["old_locked"] or row["myaplus_id"]:
            raise Refused("only a member whose old ID can log in (state unmigrated) starts the migration at ①")
        route = NEW_EMAIL_ROUTE if new_email is not None or step == "new_email" else CARD_ROUTE
        if step not in route:
            raise Refused(f"{screen} is on the new e-mail route: give new_email")
        session: dict = {}
        mig = {"account_id": row["id"], "step": "terms"}
        for here in route[:route.index(step)]:  # leave each screen before the one asked for, as the walk does
            session.pop("flash", None)  # the screen the walk just saw showed its flashed messages
            await self._leave(here, row, mig, session, new_email, password)
        session[flow.KEY] = mig
        return session

    async def _leave(self, here: str, row, mig: dict, session: dict, new_email: str | None, password: str | None) -> None:
        if here == "terms":  # 同意して進む
            mig["step"] = "email_choice"
        elif here == "email_choice" and new_email is None:  # はい: the card's address becomes the ID
            if self.accounts.email_taken(row["card_email"], row["id"]):
                raise Refused(msg.EMAIL_UNAVAILABLE)
            mig.update(step="phone_code", myaplus_id=row["card_email"], change_card_email=False)
            await self._enter_phone(row, session)
        elif here == "email_choice":  # いいえ
            mig["step"] = "new_email"
        elif here == "new_email":  # 登録: the code mail goes to the new address
            problem = (msg.EMAIL_INVALID if not email_is_valid(new_email, self.ctx.settings)
                       else msg.EMAIL_UNAVAILABLE if self.accounts.email_taken(new_email, row["id"]) else None)
            problem = problem or await flow.deliver(send_code, self.ctx, self.codes, row, "email", "mail", new_email)
            if problem:
                raise Refused(problem)
            mig.update(step="email_code", myaplus_id=new_email, change_card_email=True)
        elif here == "email_code":  # the mailed code, 認証する
            self._enter_code(row, "email")
            mig["step"] = "email_confirm"
        elif here == "email_confirm":  # はい
            mig["step"] = "phone_code"
            await self._enter_phone(row, session)
        elif here == "phone_code":  # a landline first asks for the call; then the code, 認証する
            if not phone_is_mobile(row["phone"]):
                if (problem := await flow.deliver(send_code, self.ctx, self.codes, row, "phone", "voice")):
                    raise Refused(problem)
            self._enter_code(row, "phone")
            mig["step"] = "password"
        elif here == "password":  # the password twice, 登録する
            if not password:
                raise Refused("the screen after ⑧ needs the password the member sets: give password")
            if (problems := password_problems(password, password, self.accounts.personal(row), settings=self.ctx.settings)):
                raise Refused(" ".join(problems))
            myaplus_id = normalize_email(mig["myaplus_id"])
            if self.accounts.email_taken(myaplus_id, row["id"]):
                raise Refused(msg.EMAIL_UNAVAILABLE)
            await run_in_threadpool(self.accounts.complete_migration, row["id"], myaplus_id, password,
                                    mig["change_card_email"], self.ctx.clock.now().isoformat())
            mig["step"] = "complete"

    async def _enter_phone(self, row, session: dict) -> None:
        """Arriving at ⑦ (screens/phone.enter_phone_step): a mobile is sent its SMS at once."""
        if phone_is_mobile(row["phone"]) and not self.codes.locked(row["id"]):
            if (problem := await flow.deliver(send_code, self.ctx, self.codes, row, "phone", "sms")):
                session.setdefault("flash", {}).setdefault("alert", []).append(problem)

    def _enter_code(self, row, purpose: str) -> None:
        """The member types the code the message brought (the latest one delivered)."""
        active = self.ctx.store.one("SELECT code FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active'"
                                    " ORDER BY id DESC LIMIT 1", (row["id"], purpose))
        if active is None:
            raise Refused(f"no {purpose} code was delivered")
        verdict = self.codes.verify(row["id"], purpose, active["code"])
        if not verdict.ok:
            raise Refused(verdict.message or "the code was refused")
