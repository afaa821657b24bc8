"""``python -m simulator``: the simulated sites with their stubs, for people to click through and for
the harness. Prints one JSON line with the URLs on stdout, and a readable line on stderr."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from dataclasses import fields

from .app import create_app
from .server import BackgroundServer
from .settings import Settings
from .stubs.service import start_stubs

TUNABLE = ("code_ttl_seconds", "old_id_lock_threshold", "code_lock_threshold", "code_lock_minutes",
           "account_lock_threshold", "reset_token_ttl_seconds")


def parse(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m simulator", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=8000, help="site and control API port (0: any free port; default 8000)")
    ap.add_argument("--stubs-port", type=int, default=8026, help="stub gateway HTTP port (0: any free port; default 8026)")
    ap.add_argument("--smtp-port", type=int, default=8025, help="stub SMTP port (0: any free port; default 8025)")
    ap.add_argument("--db", default="var/simulator.sqlite3", help="SQLite file (':memory:' for none; default var/simulator.sqlite3)")
    defaults = Settings()
    for f in fields(Settings):
        if f.name in TUNABLE:
            ap.add_argument("--" + f.name.replace("_", "-"), type=int, default=getattr(defaults, f.name),
                            help=f"default {getattr(defaults, f.name)}")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse(argv)
    try:
        stubs = start_stubs(args.host, args.stubs_port, args.smtp_port)
        settings = Settings(db_path=args.db, smtp_host=stubs.smtp_host, smtp_port=stubs.smtp_port, gateway_url=stubs.url,
                            **{name: getattr(args, name) for name in TUNABLE})
        site = BackgroundServer(create_app(settings), args.host, args.port).start()
    except (OSError, RuntimeError) as exc:
        print(f"error: could not start the simulator: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"site": site.url, "control": f"{site.url}/_control", "stubs": stubs.url,
                      "smtp": f"{stubs.smtp_host}:{stubs.smtp_port}"}), flush=True)
    print(f"simulator: {site.url}/  (My APLUS: {site.url}/myaplus/login, control API: {site.url}/_control/openapi.json, "
          f"stubs: {stubs.url}/_stubs)", file=sys.stderr, flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    site.stop()
    stubs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
