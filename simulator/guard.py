"""Protection of the control API and the stubs' API (ASGI middleware).

For the protected paths (``/_control`` on the site, ``/_stubs`` on the stubs):

1. **Host allow-list** (against DNS rebinding): the ``Host`` header must name a loopback host (``localhost``,
   ``127.0.0.1``, ``::1``) or one configured; otherwise ``421`` (``400`` when the header is missing or malformed).
   On the stubs the allow-list also covers the provider-shaped APIs the site calls.
2. **Bearer token**: ``Authorization: Bearer <token>``; otherwise ``401`` with ``WWW-Authenticate: Bearer``.
3. **JSON only**: a request with a body must say ``Content-Type: application/json``; otherwise ``415``
   (a web page can post ``text/plain`` across origins without asking; it cannot post JSON with a token).

Errors are JSON objects ``{"error": ...}``, as everywhere in the contract.
"""
from __future__ import annotations

import hmac
import ipaddress
import json

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def host_names(extra: str | tuple | list | None) -> frozenset[str]:
    if isinstance(extra, str):
        extra = extra.split(",")
    return LOOPBACK_NAMES | {h.strip().lower().strip("[]") for h in (extra or ()) if h and h.strip()}


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def hostname(header: str) -> str | None:
    """The host of a Host header without its port, lower-case; None when it is not a host[:port]."""
    header = header.strip().lower()
    if not header or len(header) > 255:
        return None
    if header.startswith("["):
        end = header.find("]")
        if end < 0 or (header[end + 1:] and not (header[end + 1] == ":" and header[end + 2:].isdigit())):
            return None
        return header[1:end]
    name, _, port = header.partition(":")
    if port and not (port.isascii() and port.isdigit()):
        return None
    if not name or not all(c.isalnum() or c in "-._" for c in name) or not name.isascii():
        return None
    return name


def json_error(status: int, message: str, headers: dict | None = None):
    body = json.dumps({"error": message}).encode()
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]

    async def respond(send):
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"cache-control", b"no-store"), *extra]})
        await send({"type": "http.response.body", "body": body})
    return respond


class Guard:
    """``protected``: path prefixes that need the token and JSON; ``host_checked``: prefixes whose Host is checked
    (``("",)`` for every path)."""

    def __init__(self, app, token: str, allowed_hosts=None, protected=("/_control",), host_checked=("/_control",)) -> None:
        if not token:
            raise ValueError("the control API needs a token")
        self.app, self.token = app, token.encode()
        self.hosts = host_names(allowed_hosts)
        self.protected, self.host_checked = tuple(protected), tuple(host_checked)

    def _under(self, path: str, prefixes) -> bool:
        return any(p == "" or path == p or path.startswith(p + "/") for p in prefixes)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        protected, checked = self._under(path, self.protected), self._under(path, self.host_checked)
        if not (protected or checked):
            return await self.app(scope, receive, send)
        headers: dict[bytes, list[bytes]] = {}
        for name, value in scope.get("headers", []):
            headers.setdefault(name.lower(), []).append(value)
        hosts = headers.get(b"host", [])
        if len(hosts) != 1 or (name := hostname(hosts[0].decode("latin-1"))) is None:
            return await json_error(400, "send exactly one Host header naming this service")(send)
        if name not in self.hosts:
            return await json_error(421, f"this service does not answer for the host {name!r}; "
                                         "add it with --allowed-host")(send)
        if not protected:
            return await self.app(scope, receive, send)
        auth = headers.get(b"authorization", [])
        given = auth[0] if len(auth) == 1 else b""
        scheme, _, token = given.partition(b" ")
        if scheme.lower() != b"bearer" or not hmac.compare_digest(token.strip(), self.token):
            return await json_error(401, "send the token printed at start as 'Authorization: Bearer <token>'",
                                    {"WWW-Authenticate": 'Bearer realm="control"'})(send)
        if scope.get("method") in BODY_METHODS and _has_body(headers):
            media = b";".join(headers.get(b"content-type", [b""])).split(b";")[0].strip().lower()
            if media != b"application/json" and not (media.startswith(b"application/") and media.endswith(b"+json")):
                return await json_error(415, "send the body as application/json")(send)
        return await self.app(scope, receive, send)


def _has_body(headers: dict[bytes, list[bytes]]) -> bool:
    if headers.get(b"transfer-encoding"):
        return True
    lengths = headers.get(b"content-length", [])
    return any(v.strip() not in (b"0", b"") for v in lengths)
