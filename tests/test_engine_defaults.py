"""The engines' start-up defaults that make the suite cheaper: Chromium's headless shell for headless runs, WebKitGTK
without accelerated compositing. Each is a default a caller can override; both are checked here without a browser."""
from __future__ import annotations

import os

from steps.drivers import engines


def test_headless_runs_take_the_headless_shell_where_it_is_installed(monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: path == engines.CHROMIUM_HEADLESS_SHELL)
    assert engines.default_chromium_path(headed=False) == "/usr/bin/chromium-headless-shell"
    assert engines.default_chromium_path(headed=True) == "/usr/bin/chromium", "the shell has no window"


def test_without_the_headless_shell_the_full_browser_runs(monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert engines.default_chromium_path(headed=False) == "/usr/bin/chromium"


def test_webkitgtk_paints_without_compositing_unless_the_caller_says_otherwise(monkeypatch):
    monkeypatch.delenv("WEBKIT_DISABLE_COMPOSITING_MODE", raising=False)
    env = engines.webkitgtk_environment(":7")
    assert env["WEBKIT_DISABLE_COMPOSITING_MODE"] == "1" and env["DISPLAY"] == ":7"
    monkeypatch.setenv("WEBKIT_DISABLE_COMPOSITING_MODE", "0")
    assert engines.webkitgtk_environment(":7")["WEBKIT_DISABLE_COMPOSITING_MODE"] == "0"
