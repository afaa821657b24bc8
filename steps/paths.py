"""Where the harness finds its data, in a checkout of the repository and when installed from a wheel.

A checkout keeps ``features/`` and ``fixtures/`` at the repository root. The wheel carries the same two folders
inside the package, under ``steps/_data/`` (``setup.py`` copies them there at build time), because a vendor's
repository has neither. Every module asks here instead of counting ``Path(__file__).parents``.

Run outputs (``reports/``) go under the repository root in a checkout, under the current directory otherwise."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
BUNDLED = PACKAGE / "_data"
_CHECKOUT = PACKAGE.parent


def _is_checkout(root: Path) -> bool:
    return (root / "features").is_dir() and (root / "fixtures").is_dir() and (root / "pyproject.toml").is_file()


INSTALLED = BUNDLED.is_dir() or not _is_checkout(_CHECKOUT)
DATA = BUNDLED if INSTALLED else _CHECKOUT  # holds features/ and fixtures/
ROOT = DATA if INSTALLED else _CHECKOUT  # the tree features' paths are relative to (features/<site>/<file>.feature)
FEATURES = DATA / "features"
FIXTURES = DATA / "fixtures"
SPEC = FIXTURES / "spec"
TARGETS = FIXTURES / "targets"
USER_AGENTS = FIXTURES / "user_agents.yaml"
REPORTS = (Path.cwd() if INSTALLED else _CHECKOUT) / "reports"
