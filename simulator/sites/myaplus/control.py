"""Control API of My APLUS: seed accounts in any documented state, read them back, put one on a screen."""
from __future__ import annotations

import random
import re
from datetime import date

from faker import Faker
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ...context import SiteContext
from ...control import json_body, session_endpoint, session_problem
from .accounts import Accounts
from .arrival import STEPS, Arrival, Refused
from .codes import Codes
from .flow import STEP_PAGES
from .rules import phone_is_mobile

STATES = ("unmigrated", "old_id_locked", "migrated", "account_locked")
PHONES = ("mobile", "landline")
_fake = Faker("ja_JP")
_rng = random.SystemRandom()  # not the global random: a test framework seeding it must not make IDs collide


def _phone(kind: str) -> str:
    """A number the phone-number library classifies as the wanted kind (not every range is allocated)."""
    while True:
        n = _rng.randrange(10**8)
        if kind == "mobile":
            number = f"{_rng.choice(['070', '080', '090'])}-{n // 10**4:04d}-{n % 10**4:04d}"
        else:
            number = f"03-5{n // 10**5 % 1000:03d}-{n % 10**4:04d}"
        if phone_is_mobile(number) == (kind == "mobile"):
            return number


def _card() -> str:
    return "4" + "".join(_rng.choice("0123456789") for _ in range(15))


def sample(state: str, phone: str) -> dict:
    """A member with matching kanji / kana / romanized names, and passwords that follow ⑧."""
    last, first = _fake.last_name_pair(), _fake.first_name_pair()
    birth = _fake.date_between(date(1950, 1, 1), date(2004, 12, 31))
    suffix = _rng.randrange(10**6)
    record = {
        "name_kanji": f"{last[0]} {first[0]}", "name_kana": f"{last[1]} {first[1]}", "name_roman": f"{last[2]} {first[2]}",
        "birth_date": birth.isoformat(), "phone": _phone(phone), "card_number": _card(),
        "card_email": f"card{suffix:06d}@aplus-sim.co.jp",
        "old_id": f"nsa{suffix:06d}", "old_password": f"Old{suffix:06d}",
    }
    if state in ("migrated", "account_locked"):
        record.update(old_id=None, old_password=None, myaplus_id=f"member{suffix:06d}@aplus-sim.co.jp", password=f"Pw!{suffix:06d}x")
    return record


NULLABLE = {"old_id", "old_password", "myaplus_id", "password"}  # null: no such ID / password
# The contract's pattern ^[^ ]+ +[^ ]+$: two runs of non-spaces around ASCII spaces. Not \S / \s, whose meaning
# differs between regex engines (Python counts \x1c-\x1f as space, ECMA-262 does not).
NAME_ROMAN = re.compile(r"^[^ ]+ +[^ ]+$")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(text) -> bool:
    """Exactly YYYY-MM-DD naming a real day (date.fromisoformat alone also takes 19800715 and 1980-W29-2)."""
    if not isinstance(text, str) or not text.isascii() or not ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _override_problem(body: dict) -> str | None:
    """Why the overrides cannot be stored, or None: strings (null only where the field may be absent)."""
    for key, value in body.items():
        if value is None and key in NULLABLE:
            continue
        if not isinstance(value, str) or not value or len(value) > 254:
            return f"{key} must be a non-empty string of at most 254 characters"
    if "birth_date" in body and not iso_date(body["birth_date"]):
        return "birth_date is YYYY-MM-DD"
    if "name_roman" in body and not NAME_ROMAN.search(body["name_roman"]):
        return 'name_roman is "Family Given" in roman letters'
    return None


def _session_problem(body: dict) -> str | None:
    if problem := session_problem(body, "account_id", ("account_id", "screen", "new_email", "password"), STEPS):
        return problem
    if any(body.get(k) is not None and (not isinstance(body[k], str) or not body[k] or len(body[k]) > 254)
           for k in ("new_email", "password")):
        return "new_email and password are non-empty strings of at most 254 characters"
    return None


def _taken(accounts: Accounts, record: dict, body: dict) -> bool:
    """Whether an ID the simulator generated (not one the caller gave) is already a member's."""
    return bool(("old_id" not in body and record["old_id"] and accounts.by_old_id(record["old_id"]))
                or ("myaplus_id" not in body and record.get("myaplus_id") and accounts.by_myaplus_id(record["myaplus_id"])))


def routes(ctx: SiteContext, accounts: Accounts, codes: Codes) -> list[Route]:
    arrival = Arrival(ctx, accounts, codes)

    async def create(request: Request):
        body = await json_body(request)
        if body is None:
            return JSONResponse({"error": "send a JSON object (or nothing)"}, status_code=400)
        state, phone = body.pop("state", "unmigrated"), body.pop("phone", "mobile")
        if state not in STATES or phone not in PHONES:
            return JSONResponse({"error": f"state must be one of {list(STATES)}, phone one of {list(PHONES)}"}, status_code=400)
        record = sample(state, phone)
        # a generated ID never collides: six random digits meet an earlier member's after ≈1,200 seeds (birthday bound)
        while _taken(accounts, record, body):
            record = sample(state, phone)
        if "phone_number" in body:  # "phone" names the kind; the number itself is overridden with phone_number
            body["phone"] = body.pop("phone_number")
        unknown = set(body) - set(record) - {"myaplus_id", "password"}
        if unknown:
            return JSONResponse({"error": f"unknown fields {sorted(unknown)}; allowed: {sorted(record)}"}, status_code=400)
        if (problem := _override_problem(body)):
            return JSONResponse({"error": problem}, status_code=400)
        record.update(body)
        for key in ("myaplus_id", "old_id"):
            value = record.get(key)
            if value and (accounts.by_myaplus_id(value) if key == "myaplus_id" else accounts.by_old_id(value)):
                return JSONResponse({"error": f"{key} {value!r} already exists"}, status_code=409)
        flags = {"old_locked": int(state == "old_id_locked"), "locked": int(state == "account_locked")}
        if state == "migrated" or state == "account_locked":
            flags["migrated_at"] = ctx.clock.now().isoformat()
        account_id = await run_in_threadpool(lambda: accounts.create(**record, **flags))
        kind = "mobile" if phone_is_mobile(record["phone"]) else "landline"
        return JSONResponse({"id": account_id, "state": state, "phone_kind": kind, **record}, status_code=201)

    async def show(request: Request):
        raw = request.path_params["account_id"]
        row = accounts.get(int(raw)) if raw.isascii() and raw.isdigit() and len(raw) < 16 else None
        if row is None:
            return JSONResponse({"error": "no such account"}, status_code=404)
        hidden = {"old_password_hash", "password_hash"}
        return JSONResponse({k: row[k] for k in row.keys() if k not in hidden})

    async def arrive(body: dict) -> tuple[dict, str]:
        data = await arrival.session(body["account_id"], body["screen"], body.get("new_email"), body.get("password"))
        return data, STEP_PAGES[STEPS[body["screen"]]]

    session = session_endpoint(ctx, _session_problem, "account_id", accounts.get, "no such account", arrive, Refused)

    return [
        Route("/myaplus/sessions", session, methods=["POST"]),
        Route("/myaplus/accounts", create, methods=["POST"]),
        Route("/myaplus/accounts/{account_id}", show, methods=["GET"]),
    ]
