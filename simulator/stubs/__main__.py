"""``python -m simulator.stubs``: the stubs alone, for pointing a vendor's staging site at them."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from .service import start_stubs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m simulator.stubs", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 to accept a remote site)")
    ap.add_argument("--http-port", type=int, default=8026, help="SMS / voice / carrier API and /_stubs (0: any free port)")
    ap.add_argument("--smtp-port", type=int, default=8025, help="SMTP sink (0: any free port)")
    args = ap.parse_args(argv)
    try:
        stubs = start_stubs(args.host, args.http_port, args.smtp_port)
    except (OSError, RuntimeError) as exc:
        print(f"error: could not start the stubs: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"stubs": stubs.url, "smtp": f"{stubs.smtp_host}:{stubs.smtp_port}"}), flush=True)
    print(f"stubs: HTTP {stubs.url} (read at {stubs.url}/_stubs/mails|sms|calls), SMTP {stubs.smtp_host}:{stubs.smtp_port}",
          file=sys.stderr, flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    stubs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
