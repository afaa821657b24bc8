"""The engines' start-up defaults that make the suite cheaper: Chromium's headless shell for headless runs, WebKitGTK
without accelerated compositing and with classic scrollbars. Each is a default a caller can override."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

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


def test_webkitgtk_keeps_the_callers_config_dirs_after_its_gtk_settings(monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/opt/mine")
    first, *rest = engines.webkitgtk_environment(":7")["XDG_CONFIG_DIRS"].split(":")
    assert rest == ["/opt/mine"]
    assert "gtk-overlay-scrolling=false" in (Path(first) / "gtk-3.0" / "settings.ini").read_text(encoding="utf-8")


def test_webkitgtk_shows_classic_scrollbars_that_take_room_and_never_fade():
    """What the setting is for, seen in WebKit itself: a page taller than the window gets a scrollbar that takes
    its width from the layout (an overlay one takes none, and animates)."""
    try:
        session = engines.webkitgtk(headed=False)
        driver = session.__enter__()
    except engines.Unavailable as why:
        pytest.skip(str(why))
    try:
        driver.get("data:text/html,<div style='height:3000px'>tall</div>")
        assert driver.execute_script("return window.innerWidth - document.documentElement.clientWidth") > 0
    finally:
        session.__exit__(None, None, None)
