"""My APLUS: the card member portal replacing NETstation*APLUS (document 003_1521dc9f51224c26.txt)."""
from __future__ import annotations

from pathlib import Path

from starlette.routing import Mount, Route

from ...context import SiteContext
from . import control
from .accounts import Accounts
from .codes import Codes
from .screens import email, login, password, phone, recovery, terms, top

SCHEMA = (Path(__file__).parent / "schema.sql").read_text()
TEMPLATES = Path(__file__).parent / "templates"


def mount(ctx: SiteContext) -> tuple[Mount, list[Route]]:
    """The site's pages under /myaplus and its control routes (mounted under /_control)."""
    ctx.store.add_schema(SCHEMA)
    accounts, codes = Accounts(ctx.store, ctx.settings.scrypt_log2_n), Codes(ctx.store, ctx.clock, ctx.settings)
    pages = [
        *login.routes(ctx, accounts), *terms.routes(ctx), *email.routes(ctx, accounts, codes),
        *phone.routes(ctx, accounts, codes), *password.routes(ctx, accounts), *top.routes(ctx, accounts),
        *recovery.routes(ctx, accounts),
    ]
    return Mount("/myaplus", routes=pages), control.routes(ctx, accounts, codes)
