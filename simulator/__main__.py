"""``python -m simulator``: the simulated sites with their stubs, for people to click through and for
the harness. Prints one JSON line with the URLs and the tokens on stdout, and a readable line on stderr.

The control API (``/_control``) and the stubs' API (``/_stubs``) need ``Authorization: Bearer <token>`` (the
token printed at start, or the one given with ``--control-token``), JSON bodies, and a loopback or allowed Host.
Listening beyond this machine is refused unless the token was given explicitly."""
from __future__ import annotations

import argparse
import json
import secrets
import signal
import sys
import threading
from dataclasses import fields

from . import defects
from .app import create_app
from .guard import is_loopback
from .server import BackgroundServer
from .settings import Settings
from .stubs.service import start_stubs

TUNABLE = ("code_ttl_seconds", "old_id_lock_threshold", "code_lock_threshold", "code_lock_minutes",
           "account_lock_threshold", "reset_token_ttl_seconds", "code_send_limit", "fanclub_step2_attempt_limit",
           "fanclub_step2_lock_minutes", "session_idle_minutes", "scrypt_log2_n")


def parse(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m simulator", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=8000, help="site and control API port (0: any free port; default 8000)")
    ap.add_argument("--stubs-port", type=int, default=8026, help="stub gateway HTTP port (0: any free port; default 8026)")
    ap.add_argument("--smtp-port", type=int, default=8025, help="stub SMTP port (0: any free port; default 8025)")
    ap.add_argument("--db", default="var/simulator.sqlite3", help="SQLite file (':memory:' for none; default var/simulator.sqlite3)")
    ap.add_argument("--control-token", default=None,
                    help="the bearer token /_control and /_stubs require (default: a random one, printed at start)")
    ap.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                    help="a Host name /_control and the stubs answer for besides localhost / 127.0.0.1 / ::1 (repeatable)")
    ap.add_argument("--public-base-url", default=None,
                    help="where mailed links point (default: this server's own URL); never taken from the request")
    ap.add_argument("--defect", action="append", default=[], metavar="NAME",
                    help="switch on a deliberate defect of simulator/defects.py, for mutation testing (repeatable)")
    ap.add_argument("--list-defects", action="store_true", help="print the defect registry as JSON and exit")
    ap.add_argument("--gateway-timeout-seconds", type=float, default=Settings().gateway_timeout_seconds,
                    help="how long the site waits for the mail server, the SMS / voice gateway or a carrier API before it "
                         f"gives the retry message (default {Settings().gateway_timeout_seconds:g})")
    defaults = Settings()
    for f in fields(Settings):
        if f.name in TUNABLE:
            ap.add_argument("--" + f.name.replace("_", "-"), type=int, default=getattr(defaults, f.name),
                            help=f"default {getattr(defaults, f.name)}")
    args = ap.parse_args(argv)
    try:
        args.defect = list(defects.names(args.defect))
    except defects.UnknownDefect as exc:
        ap.error(str(exc))
    return args


def main(argv=None) -> int:
    args = parse(argv)
    if args.list_defects:
        print(json.dumps(defects.listing(), ensure_ascii=False, indent=1))
        return 0
    if not is_loopback(args.host) and not args.control_token:
        print("error: listening on a non-loopback address lets anyone on the network reset and seed the simulator and "
              "read every code it sends; give --control-token (and --allowed-host NAME, --public-base-url URL) to do it",
              file=sys.stderr)
        return 2
    token = args.control_token or secrets.token_urlsafe(24)
    allowed = tuple(args.allowed_host) + ((args.host,) if args.host not in ("0.0.0.0", "::") else ())
    try:
        stubs = start_stubs(args.host, args.stubs_port, args.smtp_port, token=token, allowed_hosts=allowed,
                            db_path=args.db if args.db != ":memory:" else None)
        settings = Settings(db_path=args.db, smtp_host=stubs.smtp_host, smtp_port=stubs.smtp_port, gateway_url=stubs.url,
                            control_token=token, allowed_hosts=",".join(allowed), defects=",".join(args.defect),
                            gateway_timeout_seconds=args.gateway_timeout_seconds,
                            **{name: getattr(args, name) for name in TUNABLE})
        stubs.registry.defects = settings.defects  # the support desk's defects (simulator/stubs/support_desk.py)
        site = BackgroundServer(create_app(settings), args.host, args.port).start()
    except (OSError, RuntimeError) as exc:
        print(f"error: could not start the simulator: {exc}", file=sys.stderr)
        return 2
    settings.public_base_url = (args.public_base_url or site.url).rstrip("/")
    print(json.dumps({"site": site.url, "control": f"{site.url}/_control", "stubs": stubs.url,
                      "smtp": f"{stubs.smtp_host}:{stubs.smtp_port}", "control_token": token, "stubs_token": token}),
          flush=True)
    print(f"simulator: {site.url}/  (My APLUS: {site.url}/myaplus/login, control API: {site.url}/_control/openapi.json, "
          f"stubs: {stubs.url}/_stubs; both need 'Authorization: Bearer {token}')", file=sys.stderr, flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    site.stop()
    stubs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
