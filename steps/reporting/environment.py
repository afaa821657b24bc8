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


def per_engine(values: dict[str, str], engine: str) -> dict[str, str]:
    """What one run remembered (``browser``, ``engine`` = its driver) keyed by the run's engine, so that runs of
    several engines into one results directory (or merged shards) list every engine instead of the last one."""
    out = {k: v for k, v in values.items() if k not in ("browser", "engine")}
    if "browser" in values:
        out[f"browser.{engine}"] = values["browser"]
    if "engine" in values:
        out[f"driver.{engine}"] = values["engine"]
    return out


def summarise(values: dict[str, str]) -> dict[str, str]:
    """``engines`` (every engine that ran) and ``browser`` (their browsers, one line) from the ``browser.*`` keys."""
    browsers = {k.split(".", 1)[1]: v for k, v in sorted(values.items()) if k.startswith("browser.")}
    if browsers:
        values["engines"] = ", ".join(browsers)
        values["browser"] = "; ".join(browsers.values())
    return values


def merge(paths: list[Path]) -> dict[str, str]:
    """Several runs' environment.properties as one: every engine, the other keys from the last file that has them."""
    values: dict[str, str] = {}
    for path in paths:
        values.update(read(Path(path)))
    return summarise(values)


def write(extra: dict[str, str] | None = None, results_dir: Path = RESULTS_DIR, versions: bool = True) -> Path:
    """Merge ``extra`` (and the package versions) into environment.properties; earlier keys are kept."""
    path = Path(results_dir) / "environment.properties"
    path.parent.mkdir(parents=True, exist_ok=True)
    values = read(path)
    if versions:
        values.update({"python": platform.python_version(), "os": f"{platform.system()} {platform.release()}"})
        values.update({p: _version(p) for p in PACKAGES})
    values.update(extra or {})
    summarise(values)
    # Allure reads Java properties: escape backslashes, and keep non-ASCII as \\uXXXX for strict readers
    body = "".join(f"{k}={v.encode('unicode_escape').decode('ascii')}\n" for k, v in sorted(values.items()))
    path.write_text(body, encoding="ascii")
    return path
