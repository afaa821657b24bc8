"""``create_app(settings)``: the simulated sites, their control API and the error pages."""
from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.templating import Jinja2Templates

from . import control, defects
from .clock import Clock
from .context import SHARED_TEMPLATES, SiteContext
from .guard import Guard
from .outbound import Gateway, Mailer
from .routing import CatchAll, merged
from .settings import Settings
from .sites import fanclub, myaplus
from .store import Store
from .web import CsrfError, SessionMiddleware, csrf_token

SITES = {"myaplus": (myaplus, "My APLUS"), "fanclub": (fanclub, "オフィシャルファンクラブ")}
SITE_MESSAGES = {
    403: "画面の有効期限が切れました。お手数ですが、最初からやり直してください。",
    404: "お探しのページは見つかりませんでした。",
    405: "この操作はできません。画面のボタンからお進みください。",
    500: "ただいまシステムが混み合っています。しばらくしてから再度お試しください。",
}


@functools.lru_cache(maxsize=1)
def _templates() -> Jinja2Templates:
    """One template environment for every app of the process: it holds no state of its own (the globals are plain
    functions), and each template is compiled once, not once per app (tests build an app per test)."""
    site_loaders = {name: jinja2.FileSystemLoader(str(Path(mod.__file__).parent / "templates")) for name, (mod, _) in SITES.items()}
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader(site_loaders), jinja2.FileSystemLoader(str(SHARED_TEMPLATES))]),
        autoescape=True,
    )
    env.globals["csrf_token"] = csrf_token
    env.globals["defect"] = defects.on  # a template's defect hook: {% if defect(request, <name>) %}
    return Jinja2Templates(env=env)


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> Starlette:
    settings = settings or Settings()
    store = Store(settings.db_path)
    clock = _persisted(clock, store)
    ctx = SiteContext(settings, clock, store, Mailer(settings), Gateway(settings), _templates())

    def error_page(request: Request, status: int):
        return ctx.templates.TemplateResponse(
            request, "error.html", {"alerts": [SITE_MESSAGES.get(status, SITE_MESSAGES[500])], "notices": []}, status_code=status)

    def is_control(scope) -> bool:
        return scope.get("path", "").startswith("/_control")

    async def http_error(request: Request, exc: HTTPException):
        if is_control(request.scope):  # the control API answers in JSON, as its contract says
            return JSONResponse({"error": exc.detail or "error"}, status_code=exc.status_code, headers=exc.headers)
        response = error_page(request, exc.status_code if exc.status_code in SITE_MESSAGES else 500)
        if exc.status_code == 405 and exc.headers:
            response.headers.update(exc.headers)  # Allow
        return response

    async def csrf_error(request: Request, exc: CsrfError):
        return error_page(request, 403)

    def crashed(scope, exc: Exception):
        if is_control(scope):
            return JSONResponse({"error": "internal error"}, status_code=500)
        return error_page(Request(scope), 500)

    async def index(request: Request):
        return ctx.templates.TemplateResponse(request, "index.html", {"alerts": [], "notices": [],
                                              "sites": [(f"/{n}/login", label) for n, (_, label) in SITES.items()]})

    page_mounts, control_routes = [], control.routes(ctx, list(SITES))
    for module, _ in SITES.values():
        pages, site_control = module.mount(ctx)
        page_mounts.append(Mount(pages.path, routes=merged(list(pages.routes))))
        control_routes += site_control

    app = Starlette(
        routes=[Route("/", index), *page_mounts, Mount("/_control", routes=merged(control_routes))],
        exception_handlers={HTTPException: http_error, CsrfError: csrf_error},
    )
    app.add_middleware(CatchAll, render=crashed)
    app.add_middleware(SessionMiddleware, store=store, clock=clock, settings=settings)
    app.add_middleware(Guard, token=settings.control_token, allowed_hosts=settings.allowed_hosts)
    app.state.ctx = ctx
    return app


def _persisted(clock: Clock | None, store: Store) -> Clock:
    """The clock, kept in the store: a restart on the same file finds it frozen or moved as it was."""
    saved = store.get_state("clock")
    if clock is None:
        clock = Clock()
        if saved:
            clock.restore(saved)
    clock.bind(lambda state: store.put_state("clock", state))
    return clock
