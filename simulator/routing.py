"""Routing helpers shared by the site and the stubs: one route per path (so a 405 names every method the
path takes in its ``Allow`` header), and a last line of defence that answers a crash without breaking the
connection."""
from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.routing import Route

log = logging.getLogger("simulator")


def merged(routes: list) -> list:
    """The routes, with every group of routes on the same path made one route that dispatches by method."""
    groups: dict[str, list[Route]] = {}
    out: list = []
    for route in routes:
        if isinstance(route, Route):
            if route.path not in groups:
                groups[route.path] = []
                out.append(route.path)
            groups[route.path].append(route)
        else:
            out.append(route)
    result = []
    for item in out:
        if not isinstance(item, str):
            result.append(item)
            continue
        group = groups[item]
        if len(group) == 1:
            result.append(group[0])
            continue
        table = {m: r.endpoint for r in group for m in (r.methods or ())}

        async def endpoint(request: Request, table=table):
            return await table[request.method](request)

        name = next((r.name for r in group if r.name and r.name != r.endpoint.__name__), None)
        result.append(Route(item, endpoint, methods=sorted(table), name=name))
    return result


class CatchAll:
    """Turns an unexpected exception into an answer (``render(scope, exc)`` → a Response) instead of letting it
    reach the server, which would log it and then reset the keep-alive connection."""

    def __init__(self, app, render) -> None:
        self.app, self.render = app, render

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watch(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:  # noqa: BLE001 — the very purpose of this middleware
            if started:
                raise
            log.exception("error while answering %s %s", scope.get("method"), scope.get("path"))
            response = self.render(scope, exc)
            await response(scope, receive, send)
