"""Routes of the vendor site and its control API. ``breaks`` switches on deliberate defects so the
conformance report can be shown to name each one."""
from __future__ import annotations

import random
import re
import secrets
import smtplib
from datetime import datetime, timedelta
from email.message import EmailMessage

import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

from . import pages
from .store import State, digest

TTL, N, M, K, LOCK_MIN = 300, 5, 5, 5, 30
BREAKS = {"wording": "login error worded differently", "no-old-id-lock": "old IDs never lock",
          "no-expiry": "codes never expire", "sms-to-nobody": "the SMS is never sent"}
LOGIN_FAILED = "入力されたIDとパスワードではログインできません"
SYMBOLS = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def create_vendor_app(stubs_url: str, smtp: tuple[str, int], breaks: set[str] = frozenset()) -> Starlette:
    state = State()

    def session(request: Request) -> tuple[str, dict]:
        sid = getattr(request.state, "sid", None) or request.cookies.get("vsid")
        if sid not in state.sessions:
            sid = secrets.token_hex(16)
            state.sessions[sid] = {"t": secrets.token_hex(8)}
        request.state.sid = sid
        return sid, state.sessions[sid]

    def html(request: Request, title: str, body: str, errors=(), info=(), status: int = 200):
        sid, s = session(request)
        resp = HTMLResponse(pages.page(title, body, errors, [*s.pop("info", []), *info]), status_code=status)
        resp.set_cookie("vsid", sid, httponly=True)
        return resp

    def go(request: Request, url: str):
        sid, _ = session(request)
        resp = RedirectResponse(url, status_code=303)
        resp.set_cookie("vsid", sid, httponly=True)
        return resp

    async def posted(request: Request) -> dict | None:
        _, s = session(request)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        return form if form.get("_t") == s["t"] else None

    def mail(to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "noreply@vendor.example", to, subject
        msg.set_content(body)
        with smtplib.SMTP(*smtp, timeout=5) as conn:
            conn.send_message(msg)

    def e164(phone: str) -> str:
        return "+81" + re.sub(r"\D", "", phone)[1:]

    def send_code(member, channel: str) -> None:
        code = f"{random.randrange(10000):04d}"
        member.otp = (code, state.now)
        base = f"{stubs_url}/2010-04-01/Accounts/ACvendor"
        if channel == "sms":
            if "sms-to-nobody" in breaks:
                return
            requests.post(f"{base}/Messages.json", data={"To": e164(member.data["phone"]), "Body": f"My APLUS 認証コード:{code}"}, timeout=5)
        else:
            said = "、".join(code)
            requests.post(f"{base}/Calls.json", data={"To": e164(member.data["phone"]),
                          "Twiml": f"<Response><Say>My APLUSの認証コードは、{said}、です。</Say></Response>"}, timeout=5)

    def mobile(member) -> bool:
        return re.sub(r"\D", "", member.data["phone"])[:3] in ("070", "080", "090")

    def current(request: Request, step: str):
        _, s = session(request)
        return state.members.get(s.get("mid")) if s.get("step") == step else None

    # ① ⑩ ⑫ ----------------------------------------------------------------------
    async def signin(request: Request):
        _, s = session(request)
        if request.method == "GET":
            return html(request, "My APLUS ログイン", pages.signin(s["t"]))
        form = await posted(request)
        if form is None:
            return html(request, "My APLUS ログイン", pages.signin(s["t"]), ["画面の有効期限が切れました。"], status=403)
        uid, upw = form.get("uid", ""), form.get("upw", "")
        failed = "入力されたIDまたはパスワードではログインできません" if "wording" in breaks else LOGIN_FAILED
        member = state.find("myaplus_id", uid) if "@" in uid else None
        if member:
            if member.stopped or not member.check(upw, "new"):
                member.misses += 0 if member.stopped else 1
                if member.stopped or member.misses >= K:
                    if not member.stopped:
                        member.stopped = True
                        mail(member.data["myaplus_id"], "【My APLUS】アカウント停止のお知らせ", f"ID:{uid}")
                    return html(request, "My APLUS ログイン", pages.signin(s["t"]),
                                ["パスワードを一定回数以上誤って入力されたため、IDが無効となっています。"], status=423)
                return html(request, "My APLUS ログイン", pages.signin(s["t"]), [failed], status=401)
            member.misses = 0
            member.logins.append(state.now)
            s.update(user=member.id, step=None)
            return go(request, "/ma/home")
        member = state.find("old_id", uid)
        if member is None or member.data.get("myaplus_id"):
            return html(request, "My APLUS ログイン", pages.signin(s["t"]), [failed], status=401)
        if member.nsa_locked:
            return html(request, "My APLUS ログイン", pages.signin(s["t"]), ["入力されたIDはロックされているためログインできません"], status=423)
        if not member.check(upw, "nsa"):
            member.nsa_misses += 1
            if member.nsa_misses >= N and "no-old-id-lock" not in breaks:
                member.nsa_locked = True
                mail(member.data["card_email"], "【My APLUS】アカウント停止のお知らせ", f"ID:{uid}")
                return html(request, "My APLUS ログイン", pages.signin(s["t"]), ["入力されたIDはロックされているためログインできません"], status=423)
            return html(request, "My APLUS ログイン", pages.signin(s["t"]), [failed], status=401)
        s.update(mid=member.id, step="kiyaku")
        return go(request, "/ma/kiyaku")

    # ② ③ -------------------------------------------------------------------------
    async def kiyaku(request: Request):
        _, s = session(request)
        if not current(request, "kiyaku"):
            return go(request, "/ma/signin")
        if request.method == "GET":
            return html(request, "My APLUS会員規約", pages.terms(s["t"]))
        form = await posted(request) or {}
        if form.get("op") != "同意して進む":
            s.clear(), s.update(t=secrets.token_hex(8))
            return go(request, "/ma/signin")
        s["step"] = "mail"
        return go(request, "/ma/mail-select")

    async def mail_select(request: Request):
        _, s = session(request)
        member = current(request, "mail")
        if not member:
            return go(request, "/ma/signin")
        local, _, domain = member.data["card_email"].partition("@")
        if request.method == "GET":
            return html(request, "メールアドレス登録", pages.mail_select("*" * len(local) + "@" + domain, s["t"]))
        form = await posted(request) or {}
        if form.get("op") != "はい":
            return html(request, "メールアドレス登録", "<p>このデモ実装は「はい」のみ対応しています。</p>")
        s.update(step="tel", new_id=member.data["card_email"])
        if mobile(member):
            send_code(member, "sms")
        return go(request, "/ma/tel-verify")

    # ⑦ -----------------------------------------------------------------------------
    async def tel_verify(request: Request):
        _, s = session(request)
        member = current(request, "tel")
        if not member:
            return go(request, "/ma/signin")
        digits = re.sub(r"\D", "", member.data["phone"])
        view = lambda errors=(), info=(): html(request, "認証コード入力画面",  # noqa: E731
                                               pages.tel_verify(mobile(member), "***-****-" + digits[-4:], s["t"]), errors, info)
        if request.method == "GET":
            return view()
        form = await posted(request) or {}
        locked = member.otp_locked_until and state.now < member.otp_locked_until
        lock_msg = "一定回数以上入力に誤りがあったため、My APLUSの認証機能がロックされました"
        if form.get("op") in ("認証コードを再送信する", "音声電話で認証コードを送信"):
            if locked:
                return view([lock_msg])
            send_code(member, "sms" if form["op"] == "認証コードを再送信する" else "voice")
            return view(info=["認証コードを再送信しました。" if form["op"] == "認証コードを再送信する" else "音声電話で認証コードをお送りしました。"])
        if locked:
            return view([lock_msg])
        if not form.get("otp"):
            return view(["入力必須項目です。"])
        code, issued = member.otp or ("", state.now)
        if form.get("otp") != code or not code:
            member.otp_misses += 1
            if member.otp_misses >= M:
                member.otp_locked_until = state.now + timedelta(minutes=LOCK_MIN)
                return view([lock_msg])
            return view(["認証コードが一致しません"])
        if state.now - issued > timedelta(seconds=TTL) and "no-expiry" not in breaks:
            return view(["認証コードの有効期限が切れています"])
        member.otp, member.otp_misses = None, 0
        s["step"] = "pw"
        return go(request, "/ma/pw")

    # ⑧ ⑨ ⑪ ---------------------------------------------------------------------------
    async def pw(request: Request):
        _, s = session(request)
        member = current(request, "pw")
        if not member:
            return go(request, "/ma/signin")
        if request.method == "GET":
            return html(request, "パスワード入力", pages.password(s["t"]))
        form = await posted(request) or {}
        if form.get("op") == "キャンセル":
            s.clear(), s.update(t=secrets.token_hex(8))
            return go(request, "/ma/signin")
        p1, p2 = form.get("p1", ""), form.get("p2", "")
        errors = password_errors(p1, p2, member.data)
        if errors:
            return html(request, "パスワード入力", pages.password(s["t"]), errors, status=422)
        member.data.update(myaplus_id=s["new_id"], old_id=None)
        member.new_hash = digest(p1, member.salt)
        s["step"] = "done"
        return go(request, "/ma/done")

    async def done(request: Request):
        if not current(request, "done"):
            return go(request, "/ma/signin")
        return html(request, "My APLUS登録完了", pages.done())

    async def home(request: Request):
        _, s = session(request)
        member = state.members.get(s.get("user"))
        if not member:
            return go(request, "/ma/signin")
        prev = member.logins[-2] if len(member.logins) > 1 else None
        shown = f"{prev.year}年{prev.month:02d}月{prev.day:02d}日 {prev.hour:02d}:{prev.minute:02d}" if prev else "-"
        return html(request, "トップページ", pages.home(shown, s["t"]))

    async def signout(request: Request):
        _, s = session(request)
        s.pop("user", None)
        return go(request, "/ma/signin")

    return Starlette(routes=[
        Route("/ma/signin", signin, methods=["GET", "POST"]), Route("/ma/kiyaku", kiyaku, methods=["GET", "POST"]),
        Route("/ma/mail-select", mail_select, methods=["GET", "POST"]), Route("/ma/tel-verify", tel_verify, methods=["GET", "POST"]),
        Route("/ma/pw", pw, methods=["GET", "POST"]), Route("/ma/done", done), Route("/ma/home", home),
        Route("/ma/signout", signout, methods=["POST"]), *control_routes(state),
    ])


def password_errors(p1: str, p2: str, data: dict) -> list[str]:
    if not p1:
        return ["入力必須項目です。"]
    errors = []
    if not all(33 <= ord(c) <= 126 for c in p1):
        errors.append("パスワードは半角英数字・記号でご登録ください。")
    if not 8 <= len(p1) <= 20:
        errors.append("パスワードは8~20文字でご登録ください。")
    if not (re.search(r"[A-Za-z]", p1) and re.search(r"\d", p1) and any(c in SYMBOLS for c in p1)):
        errors.append("パスワードはアルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。")
    digits = lambda v: re.sub(r"\D", "", v)  # noqa: E731
    personal = [digits(data["birth_date"]), digits(data["birth_date"])[4:], digits(data["phone"]), digits(data["phone"])[-4:],
                digits(data["card_number"]), digits(data["card_number"])[-4:], *[n.lower() for n in data["name_roman"].split() if len(n) > 2]]
    if any(p and p in p1.lower() for p in personal):
        errors.append("生年月日、電話番号、お名前、カード番号などに関する数字・アルファベット等の第三者に容易にわかるものは使用しないでください。")
    if p1 != p2:
        errors.append("確認のために入力されたパスワードが一致しません。")
    return errors


def control_routes(state: State) -> list[Route]:
    async def health(request: Request):
        return JSONResponse({"status": "ok", "implementation": "vendor-demo", "version": "0.9.0", "sites": ["myaplus"]})

    async def config(request: Request):
        return JSONResponse({"code_ttl_seconds": TTL, "old_id_lock_threshold": N, "code_lock_threshold": M,
                             "code_lock_minutes": LOCK_MIN, "account_lock_threshold": K, "reset_token_ttl_seconds": 1800,
                             "capabilities": {"clock": True, "seed": True}})

    async def reset(request: Request):
        state.reset()
        return JSONResponse({"reset": True, "clock": {"now": state.now.isoformat(), "frozen": True}})

    async def clock(request: Request):
        if request.method == "POST":
            body = await request.json()
            if "set" in body:
                state.now = datetime.fromisoformat(body["set"])
            state.now += timedelta(seconds=body.get("advance_seconds", 0))
        return JSONResponse({"now": state.now.isoformat(), "frozen": True})

    async def accounts(request: Request):
        body = await request.json()
        n = random.randrange(10**6)
        kind, status = body.get("phone", "mobile"), body.get("state", "unmigrated")
        data = {"name_kanji": "山田 花子", "name_kana": "ヤマダ ハナコ", "name_roman": "Yamada Hanako", "birth_date": "1985-07-19",
                "phone": f"090-{n // 100:04d}-{n % 10000:04d}" if kind == "mobile" else f"03-5{n % 1000:03d}-{n // 1000 % 10000:04d}",
                "card_number": f"4980{n:06d}{n % 997:06d}", "card_email": f"card{n}@vendor-mail.jp",
                "old_id": f"nsa{n:06d}", "old_password": f"Old{n:06d}", "myaplus_id": None, "password": None}
        if status in ("migrated", "account_locked"):
            data.update(old_id=None, old_password=None, myaplus_id=f"member{n}@vendor-mail.jp", password=f"Pw!{n:06d}x")
        data.update({k: v for k, v in body.items() if k not in ("state", "phone")})
        member = state.add(data)
        member.nsa_locked = status == "old_id_locked"
        member.stopped = status == "account_locked"
        return JSONResponse({"id": member.id, "state": status, "phone_kind": kind, **member.data}, status_code=201)

    return [Route("/_control/health", health), Route("/_control/config", config), Route("/_control/reset", reset, methods=["POST"]),
            Route("/_control/clock", clock, methods=["GET", "POST"]), Route("/_control/myaplus/accounts", accounts, methods=["POST"])]

