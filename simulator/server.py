"""Run ASGI apps on background threads (uvicorn), each on its own port and event loop."""
from __future__ import annotations

import threading

import uvicorn


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        self.ready.set()

    def install_signal_handlers(self) -> None:  # the main thread keeps its own handlers
        pass


class BackgroundServer:
    def __init__(self, app, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off", access_log=False))
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self.host = host

    def start(self, timeout: float = 15) -> "BackgroundServer":
        self._thread.start()
        if not self._server.ready.wait(timeout):
            raise RuntimeError("server did not start")
        if not self._server.started:
            raise RuntimeError("server failed to bind (port in use?)")
        return self

    @property
    def port(self) -> int:
        return self._server.servers[0].sockets[0].getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
