"""``python -m tests.vendor_proof.discover [--write FILE]``: discovery (steps.harness.discover) against the blind site."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from steps.harness.discover import main as discover

from .sites import blind_site, write_profile

if __name__ == "__main__":
    with blind_site() as urls, tempfile.TemporaryDirectory() as tmp:
        sys.exit(discover(["--target", str(write_profile(urls, Path(tmp))), *sys.argv[1:]]))
