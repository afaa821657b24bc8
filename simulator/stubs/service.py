"""Start the stubs (SMTP sink + HTTP gateway/carrier API) together, in this process."""
from __future__ import annotations

from dataclasses import dataclass

from ..server import BackgroundServer
from .app import create_stubs_app, served
from .mail import bound_port, start_smtp_sink
from .registry import Registry


@dataclass
class RunningStubs:
    registry: Registry
    http: BackgroundServer
    smtp_controller: object
    smtp_host: str
    smtp_port: int
    token: str = ""

    @property
    def url(self) -> str:
        return self.http.url

    def stop(self) -> None:
        self.http.stop()
        self.smtp_controller.stop()


def start_stubs(host: str = "127.0.0.1", http_port: int = 0, smtp_port: int = 0, token: str | None = None,
                allowed_hosts: str | tuple = (), db_path: str | None = None, max_delay_seconds: float = 30.0) -> RunningStubs:
    """``token``: what ``/_stubs`` requires (random when None, see ``.token``); ``db_path``: an SQLite file that
    keeps the records across restarts (None: memory only)."""
    registry = Registry(db_path, max_delay_seconds=max_delay_seconds)
    controller = start_smtp_sink(registry, host, smtp_port)
    port = bound_port(controller)
    if isinstance(allowed_hosts, str):
        allowed_hosts = tuple(h for h in allowed_hosts.split(",") if h.strip())
    if host not in ("0.0.0.0", "::", ""):
        allowed_hosts = (*allowed_hosts, host)
    app = create_stubs_app(registry, smtp_port=port, token=token, allowed_hosts=allowed_hosts)
    http = BackgroundServer(served(app), host, http_port).start()
    return RunningStubs(registry, http, controller, host, port, app.state.token)
