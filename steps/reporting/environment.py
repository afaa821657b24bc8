"""environment.properties in the results directory: the target, the browser and the versions of the run."""
from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from .results import RESULTS_DIR

PACKAGES = ("pytest", "pytest-bdd", "playwright", "allure-pytest-bdd", "allure-pytest")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)
    return {k.strip(): v.strip().encode("ascii", "backslashreplace").decode("unicode_escape") for k, v in pairs}


def write(extra: dict[str, str] | None = None, results_dir: Path = RESULTS_DIR) -> Path:
    """Merge ``extra`` (and the package versions) into environment.properties; earlier keys are kept."""
    path = Path(results_dir) / "environment.properties"
    path.parent.mkdir(parents=True, exist_ok=True)
    values = read(path)
    values.update({"python": platform.python_version(), "os": f"{platform.system()} {platform.release()}"})
    values.update({p: _version(p) for p in PACKAGES})
    values.update(extra or {})
    # Allure reads Java properties: escape backslashes, and keep non-ASCII as \\uXXXX for strict readers
    body = "".join(f"{k}={v.encode('unicode_escape').decode('ascii')}\n" for k, v in sorted(values.items()))
    path.write_text(body, encoding="ascii")
    return path
