"""The switches the harness starts Chromium with (Debian's build on a machine without a GPU or a sandbox).

One of them, ``--disable-features``, needs care: Chromium honours only the last one on its command line, and
Playwright already passes its own list (features it turns off for stable automation, e.g. PaintHolding). A caller's
``--disable-features=X`` would silently re-enable all of those. So the harness passes one flag holding Playwright's
list (read from the installed driver, else the copy below) plus its own additions.

The one addition, ``RenderDocument``: with it on (Chromium's default), every navigation builds a new frame host;
off, a frame host is reused. Nothing a page can observe changes; a navigation costs ≈15–25 % less CPU in the browser
and renderer processes (measured here: 30 loads of the login page, 3.0 → 2.4–2.6 s of Chromium CPU; README: Suite times)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

BASE = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
HARNESS_DISABLED = ("RenderDocument",)
# Playwright 1.65's own list (driver/package/lib/coreBundle.js, ``disabledFeatures``): used when the installed driver
# cannot be read; tests/test_chromium_switches.py fails when the installed Playwright disables a feature not here.
PLAYWRIGHT_DISABLED = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying",
    "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion")
_LIST = re.compile(r"disabledFeatures\s*=\s*(?:\([^)]*\)\s*=>\s*)?\[(.*?)\]", re.S)


@lru_cache(maxsize=1)
def playwright_disabled() -> tuple[str, ...]:
    """The features the installed Playwright turns off in Chromium, as far as its driver can be read."""
    try:
        import playwright
        driver = Path(playwright.__file__).parent / "driver" / "package" / "lib"
        for name in ("coreBundle.js", "server/chromium/chromiumSwitches.js"):
            path = driver / name
            if path.exists():
                found = _LIST.search(path.read_text(encoding="utf-8", errors="replace"))
                if found:
                    body = re.sub(r"//[^\n]*", "", found.group(1))
                    return tuple(re.findall(r"[\"']([A-Za-z0-9_]+)[\"']", body))
    except (ImportError, OSError):
        pass
    return ()


def disabled_features() -> list[str]:
    names: list[str] = []
    for name in (*playwright_disabled(), *PLAYWRIGHT_DISABLED, *HARNESS_DISABLED):
        if name not in names:
            names.append(name)
    return names


def chromium_args() -> list[str]:
    return [*BASE, "--disable-features=" + ",".join(disabled_features())]
