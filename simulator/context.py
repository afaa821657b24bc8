"""Everything a screen needs, built once per app: settings, clock, store, outbound clients, templates."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.templating import Jinja2Templates

from .clock import Clock
from .outbound import Gateway, Mailer
from .settings import Settings
from .store import Store


@dataclass
class SiteContext:
    settings: Settings
    clock: Clock
    store: Store
    mailer: Mailer
    gateway: Gateway
    templates: Jinja2Templates


SHARED_TEMPLATES = Path(__file__).parent / "templates"
