"""Chromium's switches: one --disable-features that keeps Playwright's own list (Chromium honours only the last)."""
import subprocess
import sys
from pathlib import Path

import pytest

from steps.drivers import chromium_switches as switches

ROOT = Path(__file__).resolve().parents[1]


def test_the_copy_holds_every_feature_the_installed_playwright_disables():
    installed = switches.playwright_disabled()
    assert installed, "the installed Playwright driver's disabledFeatures list could not be read"
    assert not set(installed) - set(switches.PLAYWRIGHT_DISABLED), \
        "update PLAYWRIGHT_DISABLED in steps/drivers/chromium_switches.py"


def test_one_disable_features_flag_with_playwrights_list_and_the_harness_additions():
    args = switches.chromium_args()
    flags = [a for a in args if a.startswith("--disable-features=")]
    assert len(flags) == 1
    names = flags[0].split("=", 1)[1].split(",")
    assert {"PaintHolding", "RenderDocument"} <= set(names) and len(names) == len(set(names))


@pytest.mark.slow
def test_the_harness_flag_is_the_one_chromium_honours():
    """Chromium keeps the last --disable-features: the harness's (after Playwright's) must be it, so the list it
    carries (Playwright's own among it) is what holds. FencedFrames is a feature a page can see. (A process of its
    own: the run's Playwright may already be started in this one.)"""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["undefined", "function"], done.stdout


PROBE = """
from playwright.sync_api import sync_playwright
from steps.drivers.chromium_switches import chromium_args
with sync_playwright() as pw:
    for extra in (",FencedFrames", ""):
        args = [a + extra if a.startswith("--disable-features=") else a for a in chromium_args()]
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        print(browser.new_page().evaluate("typeof HTMLFencedFrameElement"))
        browser.close()
"""
