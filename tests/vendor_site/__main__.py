"""``python -m tests.vendor_site``: run the second implementation (see __init__.py)."""
from __future__ import annotations

import argparse
import sys

import uvicorn

from .app import BREAKS, create_vendor_app


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.vendor_site", description=__doc__)
    ap.add_argument("--port", type=int, default=8100, help="site and control API port (default 8100)")
    ap.add_argument("--stubs-url", default="http://127.0.0.1:8126", help="the stubs' HTTP API (default http://127.0.0.1:8126)")
    ap.add_argument("--smtp", default="127.0.0.1:8125", help="the stubs' SMTP host:port (default 127.0.0.1:8125)")
    ap.add_argument("--break", dest="breaks", default="", help=f"comma-separated deliberate defects: {', '.join(BREAKS)}")
    args = ap.parse_args(argv)
    breaks = {b for b in args.breaks.split(",") if b}
    if unknown := breaks - set(BREAKS):
        ap.error(f"unknown break(s) {sorted(unknown)}; choose from {sorted(BREAKS)}")
    host, _, port = args.smtp.rpartition(":")
    app = create_vendor_app(args.stubs_url.rstrip("/"), (host, int(port)), breaks)
    print(f"vendor site on http://127.0.0.1:{args.port}/ma/signin (breaks: {sorted(breaks) or 'none'})", file=sys.stderr, flush=True)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
