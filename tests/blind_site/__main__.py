"""python -m tests.blind_site --host 127.0.0.1 --port 0 --stubs-url URL --smtp-host H --smtp-port P [--defect NAME ...]"""
from __future__ import annotations

import argparse
import json
import socket
import sys

from .core import Settings
from .defects import DEFECTS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.blind_site", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0: any free port")
    ap.add_argument("--stubs-url", default="http://127.0.0.1:8026")
    ap.add_argument("--smtp-host", default="127.0.0.1")
    ap.add_argument("--smtp-port", type=int, default=8025)
    ap.add_argument("--defect", action="append", default=[], metavar="NAME", help="switch a defect on (repeatable)")
    ap.add_argument("--list-defects", action="store_true", help="print the defect registry as JSON and exit")
    args = ap.parse_args(argv)
    if args.list_defects:
        print(json.dumps(DEFECTS, ensure_ascii=False, indent=2))
        return 0
    unknown = [d for d in args.defect if d not in DEFECTS]
    if unknown:
        ap.error(f"unknown defect(s): {', '.join(unknown)} (see --list-defects)")

    import uvicorn
    from .app import build_app

    sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if ":" in args.host else args.host
    base = f"http://{host}:{port}"

    def ready() -> None:
        print(json.dumps({"site": base, "control": base + "/_control"}), flush=True)

    settings = Settings(stubs_url=args.stubs_url, smtp_host=args.smtp_host, smtp_port=args.smtp_port)
    app = build_app(settings, set(args.defect), on_ready=ready)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
