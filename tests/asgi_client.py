"""Starlette's TestClient with one trip to the app's event loop a request.

Starlette 1.x's TestClient streams every response: a request costs eight calls through its blocking portal (events,
a memory stream and a cancel scope made one by one, the app task, each body chunk), ≈4 ms of CPU a request on this
machine where calling the app itself takes 0.1–0.3 ms. These tests read whole responses, so the app runs to the
end in one portal call and the response is handed over buffered, as Starlette's TestClient did before 1.0. The
scope, the lifespan, the portal and ``raise_server_exceptions`` are the TestClient's own; no test streams."""
from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import anyio
import httpx2 as httpx
from starlette import testclient


class _OneTrip(testclient._TestClientTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https"):
            return super().handle_request(request)  # websockets: Starlette's own way
        port = request.url.port or {"http": 80, "https": 443}[request.url.scheme]
        headers = [] if "host" in request.headers else [(b"host", request.url.netloc)]
        headers += [(key.lower().encode(), value.encode()) for key, value in request.headers.multi_items()]
        scope = {
            "type": "http", "http_version": "1.1", "method": request.method, "path": unquote(request.url.path),
            "raw_path": request.url.raw_path.split(b"?", 1)[0], "root_path": self.root_path,
            "scheme": request.url.scheme, "query_string": request.url.query, "headers": headers, "client": self.client,
            "server": [request.url.raw_host.decode("ascii"), port],
            "extensions": {"http.response.debug": {}}, "state": self.app_state.copy(),
        }
        body = request.read()

        async def run() -> tuple[dict[str, Any], list[bytes], BaseException | None]:
            started: dict[str, Any] = {}
            chunks: list[bytes] = []
            done = anyio.Event()
            sent = False

            async def receive() -> dict:
                nonlocal sent
                if sent:
                    await done.wait()
                    return {"type": "http.disconnect"}
                sent = True
                return {"type": "http.request", "body": body}

            async def send(message: dict) -> None:
                if message["type"] == "http.response.start":
                    started.update(message)
                elif message["type"] == "http.response.body":
                    chunks.append(bytes(message.get("body", b"")))
                    if not message.get("more_body", False):
                        done.set()

            try:
                await self.app(scope, receive, send)
                return started, chunks, None
            except BaseException as error:  # noqa: BLE001 - handed to the caller as TestClient does
                return started, chunks, error
            finally:
                done.set()

        with self.portal_factory() as portal:
            started, chunks, error = portal.call(run)
        if error is not None and self.raise_server_exceptions:
            raise error
        if not started:
            if self.raise_server_exceptions:
                raise AssertionError("TestClient did not receive any response.")
            return httpx.Response(500, request=request)
        content = b"" if request.method == "HEAD" else b"".join(chunks)
        return httpx.Response(started["status"], headers=[(k.decode(), v.decode()) for k, v in started.get("headers", [])],
                              content=content, request=request)


class TestClient(testclient.TestClient):
    __test__ = False

    def __init__(self, app, *args, **kwargs) -> None:
        super().__init__(app, *args, **kwargs)
        old = self._transport
        self._transport = _OneTrip(old.app, portal_factory=old.portal_factory,
                                   raise_server_exceptions=old.raise_server_exceptions, root_path=old.root_path,
                                   app_state=old.app_state, client=old.client)
