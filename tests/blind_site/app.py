"""The ASGI application: both sites and the control API (/_control) on one port."""
from __future__ import annotations

import json
import random
import re
from datetime import date, datetime, timedelta
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .core import EPOCH, JST, Clock, Outbox, Settings, Store, iso, new_token, phone_kind, random_digits
from .defects import DEFECTS
from .people import person, random_date, roman_from_kana

VERSION = "0.3.0"
SESSION_COOKIE = "BSSID"
MYAPLUS_STATES = ["unmigrated", "old_id_locked", "migrated", "account_locked"]
FC_STATES = ["valid", "birth_date_wrong", "birth_date_missing", "withdrawn", "has_plus_id", "new_registration",
             "completed"]
FC_OVERRIDES = ["billing_id", "birth_date", "carrier", "joined_on", "member_number", "name_kana", "name_kanji",
                "plus_member_id", "plus_password"]
CARRIERS = ["docomo", "au", "softbank"]


def jerr(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def parse_date(text) -> date | None:
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def billing_shape(carrier: str, rng: random.Random) -> str:
    if carrier == "docomo":
        return "".join(rng.choice("0123456789") for _ in range(12))
    if carrier == "au":
        return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(10))
    return "SB" + "".join(rng.choice("0123456789") for _ in range(10))


class Site:
    def __init__(self, settings: Settings | None = None, defects: set[str] | None = None) -> None:
        self.settings = settings or Settings()
        self.defects = set(defects or ())
        unknown = self.defects - set(DEFECTS)
        if unknown:
            raise ValueError(f"unknown defects: {sorted(unknown)}")
        self.clock = Clock()
        self.store = Store()
        self.out = Outbox(self.settings)
        self.out.clock = self.clock
        self.rng = random.Random()

    # -------------------------------------------------------------- helpers
    def on(self, name: str) -> bool:
        return name in self.defects

    def now(self) -> datetime:
        return self.clock.now()

    def session(self, request: Request) -> dict:
        sid = request.cookies.get(SESSION_COOKIE)
        if sid and sid in self.store.sessions:
            return self.store.sessions[sid]
        sid = getattr(request.state, "new_sid", None)
        if sid and sid in self.store.sessions:
            return self.store.sessions[sid]
        sid = new_token()
        self.store.sessions[sid] = {}
        request.state.new_sid = sid
        return self.store.sessions[sid]

    async def send_mail(self, sender: str, to: str, subject: str, body: str) -> bool:
        return await run_in_threadpool(self.out.mail, sender, to, subject, body)

    async def send_sms(self, to: str, body: str) -> bool:
        return await run_in_threadpool(self.out.sms, to, body)

    async def place_call(self, to: str, spoken: str) -> bool:
        return await run_in_threadpool(self.out.call, to, spoken)

    async def carrier_lookup(self, carrier: str, billing_id: str):
        return await run_in_threadpool(self.out.carrier_charge, carrier, billing_id)

    @staticmethod
    async def form(request: Request) -> dict[str, str]:
        try:
            async with request.form() as data:
                return {k: (v if isinstance(v, str) else "") for k, v in data.items()}
        except Exception:  # malformed bodies are treated as empty forms
            return {}

    @staticmethod
    async def json_body(request: Request):
        raw = await request.body()
        if not raw.strip():
            return None, True
        try:
            return json.loads(raw), True
        except (ValueError, UnicodeDecodeError):
            return None, False

    # -------------------------------------------------------------- control API
    async def c_health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "implementation": "blind_site", "version": VERSION,
                             "sites": ["myaplus", "fanclub"]})

    async def c_config(self, request: Request) -> Response:
        s = self.settings
        return JSONResponse({"code_ttl_seconds": s.code_ttl_seconds,
                             "old_id_lock_threshold": s.old_id_lock_threshold,
                             "code_lock_threshold": s.code_lock_threshold,
                             "code_lock_minutes": s.code_lock_minutes,
                             "account_lock_threshold": s.account_lock_threshold,
                             "reset_token_ttl_seconds": s.reset_token_ttl_seconds,
                             "capabilities": {"clock": True, "seed": True}})

    async def c_reset(self, request: Request) -> Response:
        body, ok = await self.json_body(request)
        if not ok or (body is not None and (not isinstance(body, dict) or body)):
            return jerr("send nothing or an empty JSON object", 400)
        self.store = Store()
        self.clock.freeze_at(EPOCH)
        return JSONResponse({"reset": True, "clock": self.clock.state()})

    async def c_clock(self, request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse(self.clock.state())
        body, ok = await self.json_body(request)
        if not ok or not isinstance(body, dict) or not body:
            return jerr("send a JSON object with set, advance_seconds and/or resume", 400)
        unknown = set(body) - {"set", "advance_seconds", "resume"}
        if unknown:
            return jerr(f"unknown fields {sorted(unknown)}; allowed: ['advance_seconds', 'resume', 'set']", 400)
        moment = None
        if "set" in body:
            if not isinstance(body["set"], str):
                return jerr("set must be a date-time string", 400)
            try:
                moment = datetime.fromisoformat(body["set"].replace("Z", "+00:00"))
            except ValueError:
                return jerr("set must be a date-time string", 400)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=JST)
        adv = body.get("advance_seconds")
        if "advance_seconds" in body:
            if isinstance(adv, bool) or not isinstance(adv, (int, float)) or adv != adv or adv in (float("inf"),):
                return jerr("advance_seconds must be a number", 400)
            if adv < 0:
                return jerr("advance_seconds must not be negative (the clock only moves forward)", 400)
            if adv > 10 ** 10:
                return jerr("advance_seconds is too large", 400)
        if "resume" in body and not isinstance(body["resume"], bool):
            return jerr("resume must be a boolean", 400)
        try:
            base = moment.astimezone(JST) if moment is not None else self.clock.now()
            if adv:
                base + timedelta(seconds=float(adv))
        except (OverflowError, ValueError):
            return jerr("the clock would leave the supported range", 400)
        if moment is not None:
            self.clock.freeze_at(moment)
        if adv:
            self.clock.advance(float(adv))
        if body.get("resume") is True:
            self.clock.resume()
        return JSONResponse(self.clock.state())

    async def c_openapi(self, request: Request) -> Response:
        path = Path(__file__).with_name("openapi.json")
        return Response(path.read_text(encoding="utf-8"), media_type="application/json")

    # ---- My APLUS seeding
    def _ap_password(self, acc: dict) -> str:
        from .myaplus import password_problems
        while True:
            letters = "".join(self.rng.choice("bcdfghjkmnpqrtvwxz") for _ in range(3))
            pw = f"Q{letters}{self.rng.choice('#$%&!?')}{self.rng.randint(10, 99)}x"
            if not password_problems(pw, pw, acc, strict=True):
                return pw

    async def c_ap_seed(self, request: Request) -> Response:
        body, ok = await self.json_body(request)
        if not ok or (body is not None and not isinstance(body, dict)):
            return jerr("request body must be a JSON object", 400)
        body = body or {}
        allowed = ["birth_date", "card_email", "card_number", "myaplus_id", "name_kana", "name_kanji",
                   "name_roman", "old_id", "old_password", "password", "phone", "phone_number", "state"]
        unknown = sorted(set(body) - set(allowed))
        if unknown:
            return jerr(f"unknown fields {unknown}; allowed: {allowed}", 400)
        state = body.get("state", "unmigrated")
        if state not in MYAPLUS_STATES:
            return jerr(f"state must be one of {MYAPLUS_STATES}", 400)
        kind = body.get("phone")
        if kind is not None and kind not in ("mobile", "landline"):
            return jerr("phone must be one of ['mobile', 'landline']", 400)
        for key in ("phone_number", "name_kanji", "name_kana", "name_roman", "birth_date", "card_number",
                    "card_email"):
            if key in body and not isinstance(body[key], str):
                return jerr(f"{key} must be a string", 400)
        for key in ("old_id", "old_password", "myaplus_id", "password"):
            if key in body and body[key] is not None and not isinstance(body[key], str):
                return jerr(f"{key} must be a string or null", 400)
        if "name_roman" in body and not re.fullmatch(r"\S+\s+\S+", body["name_roman"]):
            return jerr('name_roman must be "Family Given"', 400)
        if "birth_date" in body and parse_date(body["birth_date"]) is None:
            return jerr("birth_date is YYYY-MM-DD", 400)
        if "phone_number" in body and len([c for c in body["phone_number"] if c.isdigit()]) < 9:
            return jerr("phone_number must be a Japanese phone number", 400)
        n = self.store.next_id("account")
        who = person(self.rng)
        if "name_kana" in body and "name_roman" not in body:
            who["name_roman"] = roman_from_kana(body["name_kana"])
        if "phone_number" in body:
            number = body["phone_number"]
            kind = kind or phone_kind(number)
        else:
            kind = kind or "mobile"
            a, b = self.rng.randint(1000, 9999), self.rng.randint(1000, 9999)
            number = f"{self.rng.choice(['090', '080', '070'])}-{a}-{b}" if kind == "mobile" else f"03-{a}-{b}"
        acc = {
            "id": n,
            "name_kanji": body.get("name_kanji", who["name_kanji"]),
            "name_kana": body.get("name_kana", who["name_kana"]),
            "name_roman": body.get("name_roman", who["name_roman"]),
            "birth_date": body.get("birth_date") or random_date(self.rng, date(1950, 1, 1), date(2005, 12, 31)).isoformat(),
            "phone": number,
            "phone_kind": kind,
            "card_number": body.get("card_number") or "4" + "".join(self.rng.choice("0123456789") for _ in range(15)),
            "card_email": body.get("card_email") or f"cm{n:04d}{self.rng.randint(100, 999)}@card-stg.example.jp",
            "old_id": None, "old_password": None, "retired_old_id": None,
            "old_failures": 0, "old_locked": 0,
            "myaplus_id": None, "password": None,
            "failures": 0, "locked": 0, "code_failures": 0, "code_locked_until": None,
            "last_login_at": None, "previous_login_at": None, "migrated_at": None,
        }
        if state in ("unmigrated", "old_id_locked"):
            acc["old_id"] = body.get("old_id") or f"nsa{n:05d}{self.rng.randint(10, 99)}"
            acc["old_password"] = body.get("old_password") or f"Ns{self.rng.randint(100000, 999999)}"
            if state == "old_id_locked":
                acc["old_locked"], acc["old_failures"] = 1, self.settings.old_id_lock_threshold
        else:
            acc["myaplus_id"] = body.get("myaplus_id") or f"u{n:04d}{self.rng.randint(100, 999)}@mail-stg.example.jp"
            acc["password"] = body.get("password") or self._ap_password(acc)
            acc["migrated_at"] = self.now()
            if state == "account_locked":
                acc["locked"], acc["failures"] = 1, self.settings.account_lock_threshold
        for other in self.store.accounts.values():
            if acc["old_id"] and acc["old_id"] in (other["old_id"], other["retired_old_id"]):
                return jerr(f"old_id '{acc['old_id']}' already exists", 409)
            if acc["myaplus_id"] and other["myaplus_id"] and acc["myaplus_id"].lower() == other["myaplus_id"].lower():
                return jerr(f"myaplus_id '{acc['myaplus_id']}' already exists", 409)
        self.store.accounts[n] = acc
        answer = {k: acc[k] for k in ("id", "name_kanji", "name_kana", "name_roman", "birth_date", "phone",
                                      "card_number", "card_email", "old_id", "old_password", "myaplus_id",
                                      "password")}
        answer.update(state=state, phone_kind=kind)
        return JSONResponse(answer, status_code=201)

    def ap_record(self, acc: dict) -> dict:
        keys = ["id", "name_kanji", "name_kana", "name_roman", "birth_date", "phone", "card_number", "card_email",
                "old_id", "old_failures", "old_locked", "myaplus_id", "failures", "locked", "code_failures"]
        rec = {k: acc[k] for k in keys}
        rec["code_locked_until"] = iso(acc["code_locked_until"])
        for k in ("last_login_at", "previous_login_at", "migrated_at"):
            rec[k] = iso(acc[k])
        return rec

    async def c_ap_read(self, request: Request) -> Response:
        raw = request.path_params.get("account_id", "")
        acc = self.store.accounts.get(int(raw)) if raw.isdigit() else None
        if acc is None:
            return jerr("no such account", 404)
        return JSONResponse(self.ap_record(acc))

    # ---- fan club seeding
    async def c_fc_config(self, request: Request) -> Response:
        return JSONResponse({"link_ttl_seconds": self.settings.fc_link_ttl_seconds,
                             "inquiry_address": self.settings.fc_inquiry_address,
                             "renewal_day": self.settings.fc_renewal_day, "states": FC_STATES})

    def _new_member_number(self) -> str:
        taken = {m["member_number"] for m in self.store.members.values()} | {
            m["new_member_number"] for m in self.store.members.values() if m["new_member_number"]}
        while True:
            num = str(self.rng.randint(1, 9)) + random_digits(9)
            if num not in taken:
                return num

    async def c_fc_seed(self, request: Request) -> Response:
        body, ok = await self.json_body(request)
        if not ok or (body is not None and not isinstance(body, dict)):
            return jerr("request body must be a JSON object", 400)
        body = body or {}
        state = body.get("state", "valid")
        if state not in FC_STATES:
            return jerr(f"state must be one of {FC_STATES}", 400)
        unknown = sorted(set(body) - set(FC_OVERRIDES) - {"state"})
        if unknown:
            return jerr(f"unknown fields {unknown}; allowed: {FC_OVERRIDES}", 400)
        if any(not isinstance(body[k], str) for k in FC_OVERRIDES if k in body):
            return jerr("every override is a string", 400)
        if "carrier" in body and body["carrier"] not in CARRIERS:
            return jerr(f"carrier must be one of {CARRIERS}", 400)
        for key in ("birth_date", "joined_on"):
            if key in body and parse_date(body[key]) is None:
                return jerr("birth_date and joined_on are YYYY-MM-DD", 400)
        members = self.store.members
        if "member_number" in body:
            number = body["member_number"]
            if any(number in (m["member_number"], m["new_member_number"]) for m in members.values()):
                return jerr(f"member_number '{number}' already exists", 409)
        else:
            taken = {m["member_number"] for m in members.values()}
            number = str(self.rng.randint(1000000, 9999999))
            while number in taken:
                number = str(self.rng.randint(1000000, 9999999))
        with_plus = state in ("has_plus_id", "new_registration", "completed")
        plus_id = plus_pw = None
        if with_plus:
            plus_id = body.get("plus_member_id") or f"fan{number}@plus-stg.example.jp"
            plus_pw = body.get("plus_password") or f"Pm{number}{self.rng.choice('abcdefgh')}"
            if plus_id.lower() in self.store.plus_ids:
                return jerr(f"plus_member_id '{plus_id}' already exists", 409)
        who = person(self.rng)
        if "name_kana" in body:
            who["name_roman"] = roman_from_kana(body["name_kana"])
        birth = parse_date(body["birth_date"]) if "birth_date" in body else random_date(
            self.rng, date(1950, 1, 1), date(2007, 12, 31))
        joined = parse_date(body["joined_on"]) if "joined_on" in body else random_date(
            self.rng, date(2001, 4, 1), date(2025, 10, 29))
        billing = body.get("billing_id")
        carrier = body.get("carrier")
        if carrier is None:
            if billing and billing.upper().startswith("SB"):
                carrier = "softbank"
            elif billing and len(billing) == 11:
                carrier = "au"
            elif billing:
                carrier = "docomo"
            else:
                carrier = self.rng.choice(CARRIERS)
        billing = billing or billing_shape(carrier, self.rng)
        registered: date | None = birth
        if state == "birth_date_wrong":
            try:
                registered = birth.replace(year=birth.year - 1)
            except ValueError:
                registered = birth.replace(year=birth.year - 1, day=28)
        elif state == "birth_date_missing":
            registered = None
        mid = self.store.next_id("member")
        rec = {"id": mid, "member_number": number, "new_member_number": None,
               "name_kanji": body.get("name_kanji", who["name_kanji"]),
               "name_kana": body.get("name_kana", who["name_kana"]), "name_roman": who["name_roman"],
               "birth_date": registered.isoformat() if registered else None, "real_birth_date": birth.isoformat(),
               "joined_on": joined.isoformat(), "status": "withdrawn" if state == "withdrawn" else "active",
               "registered_via": "renewal", "carrier": carrier, "billing_id": billing, "plus_member_id": None,
               "first_login_at": None}
        members[mid] = rec
        answer = {"id": mid, "state": state, "member_number": number, "name_kanji": rec["name_kanji"],
                  "name_kana": rec["name_kana"], "name_roman": rec["name_roman"], "birth_date": birth.isoformat(),
                  "joined_on": rec["joined_on"], "carrier": carrier, "billing_id": billing,
                  "registered_birth_date": rec["birth_date"], "password": birth.strftime("%Y%m%d")}
        if with_plus:
            self.store.plus_ids[plus_id.lower()] = {"id": plus_id, "password": plus_pw, "created_at": self.now()}
            answer.update(plus_member_id=plus_id, plus_password=plus_pw)
        if state == "completed":
            rec["plus_member_id"] = plus_id
            rec["new_member_number"] = self._new_member_number()
            rec["first_login_at"] = self.now()
            answer["new_member_number"] = rec["new_member_number"]
        if state == "new_registration":
            nid = self.store.next_id("member")
            today = self.now().date().isoformat()
            second = dict(rec, id=nid, member_number=self._new_member_number(), joined_on=today,
                          registered_via="new", plus_member_id=plus_id, first_login_at=None)
            second["new_member_number"] = second["member_number"]
            members[nid] = second
            answer["new_registration"] = {"member_number": second["member_number"], "joined_on": today}
        return JSONResponse(answer, status_code=201)

    def fc_record(self, m: dict) -> dict:
        keys = ["id", "member_number", "new_member_number", "name_kanji", "name_kana", "name_roman", "birth_date",
                "joined_on", "status", "registered_via", "carrier", "billing_id", "plus_member_id"]
        rec = {k: m[k] for k in keys}
        rec["first_login_at"] = iso(m["first_login_at"])
        return rec

    async def c_fc_read(self, request: Request) -> Response:
        raw = request.path_params.get("member_id", "")
        m = self.store.members.get(int(raw)) if raw.isdigit() else None
        if m is None:
            return jerr("no such member", 404)
        return JSONResponse(self.fc_record(m))

    # -------------------------------------------------------------- assembly
    def routes(self) -> list[Route]:
        from .fanclub import fanclub_routes
        from .myaplus import myaplus_routes
        c = "/_control"
        return [
            Route(f"{c}/health", self.c_health, methods=["GET"]),
            Route(f"{c}/config", self.c_config, methods=["GET"]),
            Route(f"{c}/reset", self.c_reset, methods=["POST"]),
            Route(f"{c}/clock", self.c_clock, methods=["GET", "POST"]),
            Route(f"{c}/openapi.json", self.c_openapi, methods=["GET"]),
            Route(f"{c}/myaplus/accounts", self.c_ap_seed, methods=["POST"]),
            Route(f"{c}/myaplus/accounts/{{account_id}}", self.c_ap_read, methods=["GET"]),
            Route(f"{c}/fanclub/members", self.c_fc_seed, methods=["POST"]),
            Route(f"{c}/fanclub/members/{{member_id}}", self.c_fc_read, methods=["GET"]),
            Route(f"{c}/fanclub/config", self.c_fc_config, methods=["GET"]),
            Route("/", lambda r: HTMLResponse(
                '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>staging</title></head><body>'
                '<h1>ステージング環境</h1><ul><li><a href="/ap/signin">My APLUS</a></li>'
                '<li><a href="/fc/">OFFICIAL FAN CLUB</a></li></ul></body></html>')),
            *myaplus_routes(self),
            *fanclub_routes(self),
        ]


class _Sessions(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        try:
            response = await call_next(request)
        except Exception:  # bad input never produces a 5xx
            import sys, traceback
            traceback.print_exc(file=sys.stderr)
            if request.url.path.startswith("/_control"):
                response = jerr("bad request", 400)
            else:
                response = HTMLResponse("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                                        "<title>エラー</title></head><body><h1>リクエストを処理できませんでした</h1>"
                                        "<p>お手数ですが、最初からやり直してください。</p></body></html>", status_code=400)
        sid = getattr(request.state, "new_sid", None)
        if sid:
            response.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="lax", path="/")
        return response


async def _not_found(request: Request, exc) -> Response:
    status = getattr(exc, "status_code", 404)
    if request.url.path.startswith("/_control"):
        return jerr("method not allowed" if status == 405 else "not found", status)
    return HTMLResponse('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>ページが見つかりません'
                        '</title></head><body><h1>ページが見つかりません</h1><p><a href="/">トップへ</a></p>'
                        '</body></html>', status_code=status)


def build_app(settings: Settings | None = None, defects: set[str] | None = None, on_ready=None) -> Starlette:
    site = Site(settings, defects)
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        if on_ready:
            on_ready()
        yield

    app = Starlette(routes=site.routes(), middleware=[Middleware(_Sessions)],
                    exception_handlers={404: _not_found, 405: _not_found}, lifespan=lifespan)
    app.state.site = site
    return app
