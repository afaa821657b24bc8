"""The official fan club on the Plus member platform, after its renewal (document 000_e4c64a5ee4639c6e.txt)."""
from __future__ import annotations

from pathlib import Path

from starlette.routing import Mount, Route

from ...context import SiteContext
from . import control
from .members import Members
from .screens import email, faq, first_login, member, plus_id

SCHEMA = (Path(__file__).parent / "schema.sql").read_text()
TEMPLATES = Path(__file__).parent / "templates"


def mount(ctx: SiteContext) -> tuple[Mount, list[Route]]:
    """The site's pages under /fanclub and its control routes (mounted under /_control)."""
    ctx.store.add_schema(SCHEMA)
    members = Members(ctx.store, ctx.settings.scrypt_log2_n)
    pages = [
        *member.routes(ctx, members), *first_login.routes(ctx, members), *email.routes(ctx, members),
        *plus_id.routes(ctx, members), *faq.routes(ctx),
    ]
    return Mount("/fanclub", routes=pages), control.routes(ctx, members)
