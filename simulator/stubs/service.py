"""Start the stubs (SMTP sink + HTTP gateway/carrier API) together, in this process."""
from __future__ import annotations

from dataclasses import dataclass

from ..server import BackgroundServer
from .app import create_stubs_app
from .mail import bound_port, start_smtp_sink
from .registry import Registry


@dataclass
class RunningStubs:
    registry: Registry
    http: BackgroundServer
    smtp_controller: object
    smtp_host: str
    smtp_port: int

    @property
    def url(self) -> str:
        return self.http.url

    def stop(self) -> None:
        self.http.stop()
        self.smtp_controller.stop()


def start_stubs(host: str = "127.0.0.1", http_port: int = 0, smtp_port: int = 0) -> RunningStubs:
    registry = Registry()
    controller = start_smtp_sink(registry, host, smtp_port)
    port = bound_port(controller)
    http = BackgroundServer(create_stubs_app(registry, smtp_port=port), host, http_port).start()
    return RunningStubs(registry, http, controller, host, port)
