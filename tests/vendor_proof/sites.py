"""Start the stubs (as a vendor would: ``simulator.stubs``) and the blind site as its own process, on free ports."""
from __future__ import annotations

import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import yaml

from simulator.stubs.service import start_stubs  # the stubs are the vendor-facing tool, not the simulator's site

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


@contextmanager
def blind_site(defects: list[str] = (), log: Path | None = None) -> Iterator[dict]:
    """The running stubs and blind site: {"site", "control", "stubs", "stubs_token"}."""
    stubs = start_stubs("127.0.0.1", 0, 0)
    cmd = [sys.executable, "-m", "tests.blind_site", "--port", "0", "--stubs-url", stubs.url, "--smtp-host",
           stubs.smtp_host, "--smtp-port", str(stubs.smtp_port), *[a for d in defects for a in ("--defect", d)]]
    err = open(log, "w", encoding="utf-8") if log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True)
    try:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the blind site did not start: {' '.join(cmd)}")
        urls = json.loads(line)
        yield {**urls, "stubs": stubs.url, "stubs_token": stubs.token}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        stubs.stop()
        if log:
            err.close()


def write_profile(urls: dict, out: Path, name_suffix: str = "", copies: list[dict] = ()) -> Path:
    """profile.yaml with the running URLs filled in, beside a copy of vocabulary.yaml; ``copies`` (more running
    blind sites) become its ``replicas``, one per parallel worker."""
    profile = yaml.safe_load((HERE / "profile.yaml").read_text(encoding="utf-8"))
    profile.update(control_url=urls["control"], stubs_url=urls["stubs"], stubs_token=urls["stubs_token"])
    if copies:
        profile["replicas"] = [{"control_url": c["control"], "base_url": c["site"], "stubs_url": c["stubs"],
                                "stubs_token": c["stubs_token"]} for c in copies]
    for site in profile["sites"].values():
        site["base_url"] = urls["site"]
    profile["name"] += name_suffix
    out.mkdir(parents=True, exist_ok=True)
    if (HERE / "vocabulary.yaml").exists():
        (out / "vocabulary.yaml").write_text((HERE / "vocabulary.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        profile["vocabulary"] = "vocabulary.yaml"
    (out / "profile.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out / "profile.yaml"
