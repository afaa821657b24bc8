"""A few static pages served on a free loopback port, for the tests that drive a browser on pages of their own."""
from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


@contextmanager
def serve(root: Path, pages: dict[str, str]) -> Iterator[str]:
    """Write ``pages`` (file name → HTML) into ``root`` and serve that folder; yields its base URL."""
    for name, text in pages.items():
        (root / name).write_text(text, encoding="utf-8")
    quiet = type("Quiet", (SimpleHTTPRequestHandler,), {"log_message": lambda *args: None})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
