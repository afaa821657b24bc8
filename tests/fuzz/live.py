"""A simulator and its stubs on loopback ports for the fuzzers (cheap hashing, stub delays capped short).

``python -m tests.fuzz.live`` prints one JSON line (site, control, stubs, smtp, token) and serves until killed:
handy for ``st run simulator/openapi.yaml --url <control or stubs> -H 'Authorization: Bearer <token>'``."""
from __future__ import annotations

import json
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from simulator.app import create_app
from simulator.server import BackgroundServer
from simulator.settings import Settings
from simulator.stubs.service import RunningStubs, start_stubs

TOKEN = "fuzz-token"


@dataclass
class Live:
    site: BackgroundServer
    stubs: RunningStubs
    settings: Settings
    token: str = TOKEN

    @property
    def site_url(self) -> str:
        return self.site.url

    @property
    def stubs_url(self) -> str:
        return self.stubs.url

    @property
    def auth(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def stop(self) -> None:
        self.site.stop()
        self.stubs.stop()


def start_live(db_path: str | None = None, max_delay_seconds: float = 0.05, **overrides) -> Live:
    db_path = db_path or str(Path(tempfile.mkdtemp(prefix="fuzz-")) / "sim.sqlite3")
    stubs = start_stubs("127.0.0.1", 0, 0, token=TOKEN, max_delay_seconds=max_delay_seconds)
    settings = Settings(db_path=db_path, smtp_host=stubs.smtp_host, smtp_port=stubs.smtp_port, gateway_url=stubs.url,
                        gateway_timeout_seconds=2.0, scrypt_log2_n=4, control_token=TOKEN, **overrides)
    site = BackgroundServer(create_app(settings), "127.0.0.1", 0).start()
    settings.public_base_url = site.url
    return Live(site, stubs, settings)


def main() -> int:
    live = start_live()
    print(json.dumps({"site": live.site_url, "control": f"{live.site_url}/_control", "stubs": live.stubs_url,
                      "smtp": f"{live.stubs.smtp_host}:{live.stubs.smtp_port}", "token": live.token}), flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    live.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
