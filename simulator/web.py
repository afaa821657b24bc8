"""Web plumbing shared by the sites: server-side sessions, CSRF, templates, form reading."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from datetime import datetime, timedelta
from http.cookies import SimpleCookie
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import RedirectResponse

from . import defects
from .clock import later

SESSION_COOKIE = "sim_session"
MAX_FIELD_LENGTH = 512  # longer values are cut: no form field of these sites needs more


class CsrfError(Exception):
    """The form did not carry this session's token (expired page, another tab, or a forged post)."""


SID = re.compile(r"[A-Za-z0-9_-]{20,64}")
SECURITY_HEADERS = (
    # no page of these sites runs a script; inline style attributes are used by a few templates
    ("content-security-policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    ("x-frame-options", "DENY"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),  # reset links carry their token in the URL
)
TOUCH_EVERY = timedelta(seconds=60)  # an unchanged session's last use is written at most this often
PURGE_EVERY = timedelta(minutes=5)


class SessionMiddleware:
    """Keeps ``scope['session']`` in the SQLite store, keyed by a random cookie.

    * A session row exists only while the session holds something (a login, a migration in progress, a flash
      message): an anonymous visitor's CSRF token is derived from the cookie (HMAC with the secret key), so page
      views alone store nothing.
    * A session not used for ``session_idle_minutes`` (the simulator's clock) is over: the next request starts a
      new one, and such rows are purged.
    * ``rotate_session(request)`` (at every login) gives the session a new id and drops the old one.
    * Every answer carries ``Cache-Control: no-store`` and the security headers.
    """

    def __init__(self, app, store, clock, settings) -> None:
        self.app, self.store, self.clock, self.settings = app, store, clock, settings
        self._last_purge: datetime | None = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        cookie = SimpleCookie()
        for name, value in scope.get("headers", []):
            if name == b"cookie":
                try:
                    cookie.load(value.decode("latin-1"))
                except Exception:  # a malformed cookie header is simply ignored
                    pass
        sid = cookie[SESSION_COOKIE].value if SESSION_COOKIE in cookie else None
        if sid is not None and not SID.fullmatch(sid):
            sid = None
        now = self.clock.now()
        idle = timedelta(minutes=self.settings.session_idle_minutes)
        data, stored, updated = {}, False, None
        if sid:
            row = self.store.session_row(sid)
            if row is not None:
                updated = datetime.fromisoformat(row["updated_at"])
                if now - updated > idle:  # over: forget it, and never reuse its id
                    self.store.delete_session(sid)
                    sid = None
                else:
                    data, stored = json.loads(row["data"]), True
        fresh = sid is None
        if fresh:
            sid = secrets.token_urlsafe(24)
        scope["session"] = data
        scope["session_id"] = sid
        scope["session_secret"] = self.settings.secret_key
        before = json.dumps(data, sort_keys=True, ensure_ascii=False)
        self._purge(now, idle)

        async def send_wrapper(message):
            nonlocal sid, fresh
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append("cache-control", "no-store")  # pages are never served from cache
                for name, value in SECURITY_HEADERS:
                    if name not in headers:
                        headers[name] = value
                session = scope["session"]
                if scope.get("session_rotate"):
                    if stored:
                        self.store.delete_session(sid)
                    sid, fresh = scope["session_rotate"], True
                    scope["session_id"] = sid
                stamp = self.clock.now().isoformat()
                if session:
                    if fresh or json.dumps(session, sort_keys=True, ensure_ascii=False) != before:
                        self.store.save_session(sid, session, stamp)
                    elif updated is not None and now - updated > TOUCH_EVERY:
                        self.store.touch_session(sid, stamp)
                elif stored and not fresh:
                    self.store.delete_session(sid)
                if fresh and (session or scope.get("session_csrf_used")):
                    headers.append("set-cookie", f"{SESSION_COOKIE}={sid}; Path=/; HttpOnly; SameSite=Lax")
            await send(message)

        await self.app(scope, receive, send_wrapper)

    def _purge(self, now: datetime, idle: timedelta) -> None:
        if self._last_purge is None or not timedelta() <= now - self._last_purge < PURGE_EVERY:
            self._last_purge = now
            self.store.purge_sessions(later(now, -idle).isoformat())


def rotate_session(request: Request) -> None:
    """A new session id for this session from this answer on (at login: a session id known before the login,
    e.g. one planted by someone else, is worth nothing after it). The CSRF token changes with it."""
    request.scope["session_rotate"] = secrets.token_urlsafe(24)


def csrf_token(request: Request) -> str:
    """This session's CSRF token: an HMAC of the session id (nothing stored for it)."""
    request.scope["session_csrf_used"] = True
    secret = request.scope.get("session_secret", "").encode()
    sid = request.scope.get("session_rotate") or request.scope.get("session_id", "")
    digest = hmac.new(secret, sid.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:32]


def clean_text(text: str) -> str:
    """The text, with lone surrogates (not representable in UTF-8) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


async def read_form(request: Request) -> dict[str, str]:
    """The posted fields as strings (cut to MAX_FIELD_LENGTH, lone surrogates replaced), after checking the
    CSRF token."""
    try:
        form = await request.form()
    except Exception as exc:  # malformed body or content type
        raise CsrfError("unreadable form") from exc
    values = {clean_text(k): (clean_text(v[:MAX_FIELD_LENGTH]) if isinstance(v, str) else "") for k, v in form.items()}
    given = values.pop("csrf_token", "")
    if not hmac.compare_digest(given.encode("utf-8"), csrf_token(request).encode("ascii")) or not given:
        raise CsrfError("missing or wrong csrf token")
    return values


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def flash(request: Request, kind: str, text: str) -> None:
    """A message for the next page shown: kind ``alert`` (role=alert) or ``status`` (role=status)."""
    box = dict(request.session.get("flash") or {})
    box.setdefault(kind, []).append(text)
    request.session["flash"] = box


def render_page(templates, request: Request, template: str, status: int = 200, alerts=(), **values):
    """A page with the flashed messages and ``alerts`` shown, then forgotten."""
    box = request.session.pop("flash", None) or {}
    response = templates.TemplateResponse(
        request, template, {"alerts": [*box.get("alert", []), *alerts], "notices": box.get("status", []), **values},
        status_code=status,
    )
    if defects.active(request):  # wording defects (python -m simulator --defect NAME): other words on the page
        response = defects.rewrite_response(request, response)
    return response
