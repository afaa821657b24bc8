"""Web plumbing shared by the sites: server-side sessions, CSRF, templates, form reading."""
from __future__ import annotations

import secrets
from http.cookies import SimpleCookie
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import RedirectResponse

SESSION_COOKIE = "sim_session"
MAX_FIELD_LENGTH = 512  # longer values are cut: no form field of these sites needs more


class CsrfError(Exception):
    """The form did not carry this session's token (expired page, another tab, or a forged post)."""


class SessionMiddleware:
    """Keeps ``scope['session']`` in the SQLite store, keyed by a random cookie."""

    def __init__(self, app, store, clock) -> None:
        self.app, self.store, self.clock = app, store, clock

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
        data = self.store.load_session(sid) if sid else None
        is_new = data is None
        if is_new:
            sid, data = secrets.token_urlsafe(24), {}
        scope["session"] = data
        scope["session_id"] = sid
        before = repr(data)

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("cache-control", "no-store")  # pages are never served from cache
                if repr(scope["session"]) != before or (is_new and scope["session"]):
                    self.store.save_session(sid, scope["session"], self.clock.now().isoformat())
                    headers = MutableHeaders(scope=message)
                    headers.append("set-cookie", f"{SESSION_COOKIE}={sid}; Path=/; HttpOnly; SameSite=Lax")
            await send(message)

        await self.app(scope, receive, send_wrapper)


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(16)
    return token


async def read_form(request: Request) -> dict[str, str]:
    """The posted fields as stripped-of-nothing strings, after checking the CSRF token."""
    try:
        form = await request.form()
    except Exception as exc:  # malformed body or content type
        raise CsrfError("unreadable form") from exc
    values = {k: (v[:MAX_FIELD_LENGTH] if isinstance(v, str) else "") for k, v in form.items()}
    expected = request.session.get("csrf")
    if not expected or not secrets.compare_digest(values.pop("csrf_token", ""), expected):
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
    return templates.TemplateResponse(
        request, template, {"alerts": [*box.get("alert", []), *alerts], "notices": box.get("status", []), **values},
        status_code=status,
    )
