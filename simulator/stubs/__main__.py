"""``python -m simulator.stubs``: the stubs alone, for pointing a vendor's staging site at them.

``/_stubs`` (what the harness reads: every code and reset link received) needs the token printed at start
(``Authorization: Bearer <token>``). Listening beyond this machine (``--host 0.0.0.0``) is refused unless you
choose the token yourself with ``--stubs-token`` and name the hosts the site will call with ``--allowed-host``."""
from __future__ import annotations

import argparse
import json
import secrets
import signal
import sys
import threading

from ..guard import is_loopback
from .service import start_stubs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m simulator.stubs", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; another needs --stubs-token)")
    ap.add_argument("--http-port", type=int, default=8026, help="SMS / voice / carrier API and /_stubs (0: any free port)")
    ap.add_argument("--smtp-port", type=int, default=8025, help="SMTP sink (0: any free port)")
    ap.add_argument("--stubs-token", default=None, help="the bearer token /_stubs requires (default: a random one, printed)")
    ap.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                    help="a Host name the stubs answer for besides localhost / 127.0.0.1 / ::1 (repeatable)")
    ap.add_argument("--db", default=None, help="SQLite file that keeps what the stubs received across restarts (default: none)")
    args = ap.parse_args(argv)
    if not is_loopback(args.host) and not args.stubs_token:
        print("error: listening on a non-loopback address publishes every code and reset link the stubs receive; "
              "give --stubs-token (and --allowed-host NAME for the names the site calls) to do it", file=sys.stderr)
        return 2
    token = args.stubs_token or secrets.token_urlsafe(24)
    try:
        stubs = start_stubs(args.host, args.http_port, args.smtp_port, token=token, allowed_hosts=tuple(args.allowed_host),
                            db_path=args.db)
    except (OSError, RuntimeError) as exc:
        print(f"error: could not start the stubs: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"stubs": stubs.url, "smtp": f"{stubs.smtp_host}:{stubs.smtp_port}", "stubs_token": token}), flush=True)
    print(f"stubs: HTTP {stubs.url} (read at {stubs.url}/_stubs/mails|sms|calls with 'Authorization: Bearer {token}'), "
          f"SMTP {stubs.smtp_host}:{stubs.smtp_port}", file=sys.stderr, flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    stubs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
