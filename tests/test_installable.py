"""The harness as one installable package: the wheel carries the features, the fixtures, the simulator and the
pytest plugin, and runs from outside this repository.

The wheel is built from a copy of the tree (so the checkout gets no build/ folder) and unpacked into a plain
directory that is put first on PYTHONPATH, the way site-packages holds it; the third-party packages come from this
virtualenv. ``make vendor-install-proof`` does the same into a fresh virtualenv with pip, from PyPI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KEEP_OUT = shutil.ignore_patterns(".venv", ".git", "reports", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis",
                                  ".benchmarks", "var", "node_modules", "tests")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, tmp / "src", ignore=KEEP_OUT)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(tmp / "src")],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 and "No matching distribution" in done.stderr + done.stdout:
        pytest.skip("building needs setuptools from the package index")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return next((tmp / "dist").glob("first_login_harness-*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_features_fixtures_plugin_and_command(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    features = {n for n in names if n.startswith("steps/_data/features/") and n.endswith(".feature")}
    assert len(features) == len(list((ROOT / "features").rglob("*.feature")))
    for needed in ("steps/_data/fixtures/spec/myaplus.yaml", "steps/_data/fixtures/targets/simulator.yaml",
                   "steps/_data/fixtures/user_agents.yaml", "steps/suite/test_myaplus.py", "steps/suite/harness.ini",
                   "steps/cli.py", "steps/plugin.py", "simulator/openapi.yaml"):
        assert needed in names, needed
    assert any(n.startswith("simulator/") and n.endswith(".html") for n in names), "the simulator's templates"
    entry_points = next(zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert "first_login_harness = steps.plugin" in entry_points and "first-login-harness = steps.cli:main" in entry_points


@pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK), reason="needs Debian's chromium")
@pytest.mark.slow
def test_a_vendor_directory_runs_the_conformance_with_one_command(wheel, tmp_path):
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    shutil.copy(ROOT / "fixtures" / "targets" / "simulator.yaml", vendor / "profile.yaml")  # "their" profile
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import steps.paths as p; print(p.INSTALLED, p.FEATURES)"],
                           cwd=vendor, env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.split() == ["True", str(site / "steps" / "_data" / "features")], where.stdout + where.stderr
    done = subprocess.run([sys.executable, "-m", "steps.cli", "conformance", "--target", "profile.yaml", "-k", "ログイン画面に",
                           "--", "-p", "no:randomly", f"--basetemp={tmp_path / 'tmp'}"],
                          cwd=vendor, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout, done.stdout[-3000:]
    report = json.loads((vendor / "reports" / "conformance" / "conformance.json").read_text(encoding="utf-8"))
    assert report["counts"]["PASSED"] > 0 and report["counts"]["FAILED"] == 0, report["counts"]
    assert report["target_profile"] == str(vendor / "profile.yaml")
    assert (vendor / "reports" / "conformance" / "evidence.zip").is_file()
    assert not (site / "steps" / "reports").exists(), "nothing is written into the installed package"


def test_the_installed_plugin_registers_every_step_module():
    """Every module of steps/ that defines steps, fixtures or hooks is registered by the plugin the wheel's entry point names (a module
    missing there once left the installed harness without the 「…」のURLを直接開く steps)."""
    import pathlib
    import re
    from steps import plugin
    root = pathlib.Path(plugin.__file__).parent
    plugin_code = re.compile(r"^(@(given|when|then)\(|@pytest\.fixture|def pytest_[a-z_]+\((config|parser|session|item|request|report|terminalreporter|nodeid|call|items|early_config))", re.M)  # steps, fixtures, hooks
    defining = {"steps." + str(p.relative_to(root).with_suffix("")).replace("/", ".")
                for p in root.rglob("*.py") if p.name != "plugin.py" and plugin_code.search(p.read_text(encoding="utf-8"))}
    assert defining - set(plugin.pytest_plugins) == set()
