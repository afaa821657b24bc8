"""Control API of the fan club: seed members in every documented state, read them back."""
from __future__ import annotations

import random as _random
from datetime import date, timedelta

from faker import Faker
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ...context import SiteContext
from ...control import json_body, session_endpoint, session_problem
from .arrival import SCREENS, Arrival, Refused
from ..myaplus.control import iso_date
from .members import LINK_TTL, Members
from .messages import INQUIRY_ADDRESS

random = _random.SystemRandom()  # not the global generator hypothesis seeds: seeded IDs must not collide

STATES = ("valid", "birth_date_wrong", "birth_date_missing", "withdrawn", "has_plus_id", "new_registration", "completed")
CARRIERS = ("docomo", "au", "softbank")
RENEWAL_DAY = date(2025, 10, 30)  # documented: members joined on or before 2025-10-30 (木) pay nothing
OVERRIDES = {"member_number", "birth_date", "joined_on", "carrier", "billing_id", "plus_member_id", "plus_password",
             "name_kanji", "name_kana"}
_fake = Faker("ja_JP")


def billing_id(carrier: str) -> str:
    digits = lambda n: str(random.randint(1, 9)) + "".join(random.choice("0123456789") for _ in range(n - 1))  # noqa: E731
    return {"docomo": digits(12), "au": digits(11)}.get(carrier) or "SB" + digits(10)


def sample(state: str) -> dict:
    last, first = _fake.last_name_pair(), _fake.first_name_pair()
    birth = _fake.date_between(date(1950, 1, 1), date(2007, 12, 31))
    carrier = random.choice(CARRIERS)
    suffix = random.randrange(10**7)
    return {
        "member_number": f"{suffix:07d}", "name_kanji": f"{last[0]} {first[0]}", "name_kana": f"{last[1]} {first[1]}",
        "name_roman": f"{last[2]} {first[2]}", "birth_date": birth.isoformat(),
        "joined_on": _fake.date_between(date(2005, 1, 1), RENEWAL_DAY - timedelta(days=1)).isoformat(),
        "carrier": carrier, "billing_id": billing_id(carrier),
        "plus_member_id": f"fan{suffix:07d}@plus-sim.example", "plus_password": f"Fan{suffix:07d}pw",
    }


def wrong_birth(actual: str) -> str:
    d = date.fromisoformat(actual)
    if d.year == 9999:  # the one year without a next one
        return (d - timedelta(days=1) if d.day > 1 else d + timedelta(days=1)).isoformat()
    return (d.replace(year=d.year + 1) if not (d.month == 2 and d.day == 29) else d + timedelta(days=1)).isoformat()


def _session_problem(body: dict) -> str | None:
    if problem := session_problem(body, "member_id", ("member_id", "screen", "email"), SCREENS):
        return problem
    email = body.get("email")
    if email is not None and (not isinstance(email, str) or not email or len(email) > 254):
        return "email is a non-empty string of at most 254 characters"
    return None


def _taken(members: Members, record: dict, body: dict) -> bool:
    return bool(("member_number" not in body and members.by_number(record["member_number"]))
                or ("plus_member_id" not in body and members.plus_id(record["plus_member_id"])))


def routes(ctx: SiteContext, members: Members) -> list[Route]:
    arrival = Arrival(ctx, members)

    def seed(state: str, record: dict) -> dict:
        now = ctx.clock.now().isoformat()
        registered = {"birth_date_wrong": wrong_birth(record["birth_date"]), "birth_date_missing": None}.get(
            state, record["birth_date"])
        row = dict(member_number=record["member_number"], name_kanji=record["name_kanji"], name_kana=record["name_kana"],
                   name_roman=record["name_roman"], birth_date=registered, joined_on=record["joined_on"],
                   status="withdrawn" if state == "withdrawn" else "active", carrier=record["carrier"],
                   billing_id=record["billing_id"])
        extra: dict = {"registered_birth_date": registered, "password": record["birth_date"].replace("-", "")}
        if state in ("has_plus_id", "completed", "new_registration"):
            members.create_plus_id(record["plus_member_id"], record["plus_password"], now)
        member_id = members.create(**row)
        if state == "completed":
            extra["new_member_number"] = members.complete_first_login(member_id, record["plus_member_id"], now)
        if state == "new_registration":
            number = members.new_number()
            joined = ctx.clock.now().date().isoformat()
            members.create(**{**row, "member_number": number, "new_member_number": number, "joined_on": joined,
                              "registered_via": "new", "plus_member_id": record["plus_member_id"]})
            extra["new_registration"] = {"member_number": number, "joined_on": joined}
        if state not in ("has_plus_id", "completed", "new_registration"):
            record = {k: v for k, v in record.items() if not k.startswith("plus_")}
        return {"id": member_id, "state": state, **record, **extra}

    async def create(request: Request):
        body = await json_body(request)
        if body is None:
            return JSONResponse({"error": "send a JSON object"}, status_code=400)
        state = body.pop("state", "valid")
        if state not in STATES:
            return JSONResponse({"error": f"state must be one of {list(STATES)}"}, status_code=400)
        if unknown := set(body) - OVERRIDES:
            return JSONResponse({"error": f"unknown fields {sorted(unknown)}; allowed: {sorted(OVERRIDES)}"}, status_code=400)
        if not all(isinstance(v, str) for v in body.values()):
            return JSONResponse({"error": "every override is a string"}, status_code=400)
        record = {**sample(state), **body}
        while _taken(members, record, body):  # a generated number or ID is never an earlier member's
            record = {**sample(state), **body}
        if record["carrier"] not in CARRIERS:
            return JSONResponse({"error": f"carrier must be one of {list(CARRIERS)}"}, status_code=400)
        if "billing_id" not in body:
            record["billing_id"] = billing_id(record["carrier"])  # the shape of the carrier asked for
        if not (iso_date(record["birth_date"]) and iso_date(record["joined_on"])):
            return JSONResponse({"error": "birth_date and joined_on are YYYY-MM-DD"}, status_code=400)
        if members.by_number(record["member_number"]):
            return JSONResponse({"error": f"member_number {record['member_number']!r} already exists"}, status_code=409)
        if state in ("has_plus_id", "completed", "new_registration") and members.plus_id(record["plus_member_id"]):
            return JSONResponse({"error": f"plus_member_id {record['plus_member_id']!r} already exists"}, status_code=409)
        return JSONResponse(await run_in_threadpool(seed, state, record), status_code=201)

    async def show(request: Request):
        try:
            row = members.get(int(request.path_params["member_id"]))
        except (ValueError, OverflowError):  # not a number, or beyond SQLite's integers
            row = None
        if row is None:
            return JSONResponse({"error": "no such member"}, status_code=404)
        return JSONResponse({k: row[k] for k in row.keys()})

    async def config(request: Request):
        return JSONResponse({"link_ttl_seconds": int(LINK_TTL.total_seconds()), "inquiry_address": INQUIRY_ADDRESS,
                             "renewal_day": RENEWAL_DAY.isoformat(), "states": list(STATES)})

    session = session_endpoint(ctx, _session_problem, "member_id", members.get, "no such member",
                               lambda body: arrival.session(body["member_id"], body["screen"], body.get("email")), Refused)

    return [
        Route("/fanclub/sessions", session, methods=["POST"]),
        Route("/fanclub/members", create, methods=["POST"]),
        Route("/fanclub/members/{member_id}", show, methods=["GET"]),
        Route("/fanclub/config", config, methods=["GET"]),
    ]
