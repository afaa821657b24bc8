"""Remote browsers, for real, on loopback: a Playwright server (``launchServer`` of the Node driver that ships inside
the playwright wheel, with Debian's Chromium) reached with ``--connect WS_URL``, and WebKitWebDriver started alone
as a WebDriver remote end on its own Xvfb, reached with ``--webdriver-url URL``. A few scenarios pass through each,
and the environment of the report names the remote browser."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import playwright
import pytest

from steps.drivers import engines
from steps.reporting import environment
from tests.lean import LEAN

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ["tests/features/test_myaplus.py", "-k", "ログイン画面に"]
DRIVER = Path(playwright.__file__).parent / "driver"
LAUNCH_SERVER = """
const pw = require(process.argv[1]);
pw.chromium.launchServer({executablePath: process.argv[2], host: '127.0.0.1', port: 0,
                          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']})
  .then(server => { console.log(server.wsEndpoint()); process.stdin.on('end', () => server.close()); process.stdin.resume(); });
"""


def features(results: Path, *options: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pytest", *SUBSET, "-p", "no:randomly", *LEAN, "-q", "-rs", f"--alluredir={results}",
           f"--basetemp={results.parent / ('tmp-' + results.name)}", *options]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)


def assert_passed(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 0 and " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]


@pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK), reason="needs Debian's chromium")
def test_features_through_a_playwright_server(tmp_path):
    server = subprocess.Popen([str(DRIVER / "node"), "-e", LAUNCH_SERVER, str(DRIVER / "package"), "/usr/bin/chromium"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ws_url = server.stdout.readline().strip()  # printed once the server listens
        assert ws_url.startswith("ws://127.0.0.1:"), ws_url
        done = features(tmp_path / "results", "--browser", "chromium", "--connect", ws_url)
        assert_passed(done)
        env = environment.read(tmp_path / "results" / "environment.properties")
        assert ws_url in env["browser.chromium"] and env["driver.chromium"] == "playwright (remote)", env
    finally:
        server.stdin.close()  # the script closes the server and its browser when its stdin ends
        server.wait(timeout=30)


@pytest.mark.skipif(not shutil.which("WebKitWebDriver") or not shutil.which("Xvfb"), reason="needs webkit2gtk-driver and xvfb")
def test_features_through_a_standalone_webdriver_remote_end(tmp_path):
    from selenium.webdriver import WebKitGTKService
    with engines.xvfb() as display:
        # the remote end: WebKitWebDriver alone on a port (selenium's Service only starts it and waits until it listens)
        service = WebKitGTKService(executable_path=shutil.which("WebKitWebDriver"), env={**os.environ, "DISPLAY": display})
        service.start()
        try:
            done = features(tmp_path / "results", "--browser", "webkitgtk", "--webdriver-url", service.service_url)
        finally:
            service.stop()
    assert_passed(done)
    env = environment.read(tmp_path / "results" / "environment.properties")
    assert service.service_url in env["browser.webkitgtk"] and env["driver.webkitgtk"] == "webdriver (remote)", env
