"""The browser engines behind ``--browser``: how each is found, started and stopped.

Playwright engines (chromium, webkit, firefox) yield a Playwright ``Browser``; WebDriver engines (webkitgtk,
safari) yield a selenium ``WebDriver``. Either can run elsewhere: ``connect_playwright`` (``--connect WS_URL``, a
Playwright server) and ``remote_webdriver`` (``--webdriver-url URL``, any WebDriver remote end). An engine this machine lacks raises ``Unavailable`` with a
one-line reason, which the fixtures turn into a skip."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Iterator

from . import bounded, dialogs

PLAYWRIGHT_ENGINES = ("chromium", "webkit", "firefox")
WEBDRIVER_ENGINES = ("webkitgtk", "safari")
ENGINES = PLAYWRIGHT_ENGINES + WEBDRIVER_ENGINES
WINDOW = (1000, 900)  # the viewport the Playwright contexts use
MINIBROWSER_GLOBS = ("/usr/lib/*/webkit2gtk-4.*/MiniBrowser", "/usr/libexec/webkit2gtk-4.*/MiniBrowser",
                     "/usr/lib/webkit2gtk-4.*/MiniBrowser")


CHROMIUM = "/usr/bin/chromium"
# Debian's chromium-headless-shell: Chromium's headless-only build (what Playwright itself runs headless since 1.49). No
# GPU process and no browser UI: the whole feature suite takes ≈0.7× the time and CPU of the full browser's headless
# mode on this 2-core machine (README: Suite times); pages, Blink and V8 are the same release.
CHROMIUM_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"


def default_chromium_path(headed: bool) -> str:
    """The Chromium to launch when ``--chromium-path`` is not given: the headless shell for a headless run where it is
    installed, else the full browser (always for ``--headed``: the shell has no window)."""
    if not headed and os.access(CHROMIUM_HEADLESS_SHELL, os.X_OK):
        return CHROMIUM_HEADLESS_SHELL
    return CHROMIUM


class Unavailable(Exception):
    """This engine cannot run here; the message says why in one line."""


def playwright_launcher(pw, name: str, chromium_path: str | None, headed: bool = False):
    """The Playwright ``BrowserType`` and launch keywords for ``name``; Debian's Chromium for chromium (``chromium_path``,
    else ``default_chromium_path(headed)``)."""
    kind = getattr(pw, name)
    if name == "chromium":
        chromium_path = chromium_path or default_chromium_path(headed)
        if not os.access(chromium_path, os.X_OK):
            raise Unavailable(f"chromium: no executable at {chromium_path} (apt-get install chromium, or --chromium-path)")
        return kind, {"executable_path": chromium_path}
    if not os.path.exists(kind.executable_path):
        raise Unavailable(f"Playwright {name} is not installed ({kind.executable_path} missing): "
                          f"run `playwright install {name}` where downloads work")
    return kind, {}


def minibrowser() -> str:
    found = sorted(p for pattern in MINIBROWSER_GLOBS for p in glob.glob(pattern))
    if not found:
        raise Unavailable("webkitgtk: no MiniBrowser found (apt-get install libwebkit2gtk-4.1-0 webkit2gtk-driver)")
    return found[-1]


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X server on a free display (Xvfb picks it and reports it through -displayfd)."""
    if not shutil.which("Xvfb"):
        raise Unavailable("webkitgtk: Xvfb is not installed (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # blocks until the server is ready to accept clients
    try:
        if not number:
            raise Unavailable(f"webkitgtk: Xvfb exited with {server.wait()} before choosing a display")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


@contextmanager
def webkitgtk(headed: bool, user_agent: str | None = None, display: str | None = None) -> Iterator:
    """Debian's WebKitWebDriver driving MiniBrowser, on ``display`` (an X server shared by several sessions), else on
    an Xvfb of its own unless ``--headed`` (then on your $DISPLAY); with ``user_agent``, MiniBrowser sends that
    User-Agent (its WebKitSettings option --user-agent)."""
    from selenium import webdriver
    driver_path = shutil.which("WebKitWebDriver")
    if not driver_path:
        raise Unavailable("webkitgtk: WebKitWebDriver is not installed (apt-get install webkit2gtk-driver)")
    options = webdriver.WebKitGTKOptions()
    options.binary_location = minibrowser()
    options.add_argument("--automation")
    # WebKit keeps no-store pages in its back/forward cache only over plain HTTP (BackForwardCache.cpp: "Frame is
    # HTTPS, and cache control prohibits storing"); the simulator is plain HTTP, the real sites are HTTPS, so turn
    # the cache off to see on "back" what Safari shows on the real site: a fresh request.
    options.add_argument("--enable-page-cache=false")
    options.set_capability("unhandledPromptBehavior", dialogs.PROMPT_BEHAVIOR)  # steps/drivers/dialogs.py
    if user_agent:
        options.add_argument(f"--user-agent={user_agent}")
    with (nullcontext(display) if display else _current_display() if headed else xvfb()) as display:
        service = webdriver.WebKitGTKService(executable_path=driver_path, env=webkitgtk_environment(display))
        driver = dialogs.watch(bounded.guard(quietly(webdriver.WebKitGTK, options=options, service=service)))
        try:
            driver.set_window_size(*WINDOW)
            yield driver
        finally:
            driver.quit()


def webkitgtk_environment(display: str) -> dict[str, str]:
    """WebKitWebDriver's environment, which MiniBrowser and its web processes inherit. Without a GPU, WebKit's
    accelerated compositing paints every frame through software OpenGL; ``WEBKIT_DISABLE_COMPOSITING_MODE=1`` (WebKitGTK's
    own switch) paints the page directly instead: the same DOM, layout and events, ≈0.6× the CPU a page load costs here
    (README: Suite times). A value set in the caller's environment is kept (``=0`` turns compositing back on).

    GTK's classic scrollbars, not its overlay ones (``gtk-overlay-scrolling=false``, in a settings.ini on
    ``XDG_CONFIG_DIRS``; a user's own ~/.config/gtk-3.0/settings.ini still wins): an overlay scrollbar fades in and out
    for seconds after each load of a page taller than the window, repainting every frame (≈60–80 ms of CPU a second
    here, while the harness reads the page). Classic scrollbars are what Safari shows with a mouse attached."""
    dirs = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return {"WEBKIT_DISABLE_COMPOSITING_MODE": "1", **os.environ, "DISPLAY": display,
            "XDG_CONFIG_DIRS": f"{gtk_settings_dir()}:{dirs}"}


GTK_SETTINGS = "[Settings]\ngtk-overlay-scrolling=false\n"


def gtk_settings_dir() -> str:
    """A config directory holding gtk-3.0/settings.ini with GTK_SETTINGS (made once, in the temporary directory)."""
    root = Path(tempfile.gettempdir()) / f"first-login-harness-gtk-{os.getuid()}"
    ini = root / "gtk-3.0" / "settings.ini"
    if not ini.is_file() or ini.read_text(encoding="utf-8") != GTK_SETTINGS:
        ini.parent.mkdir(parents=True, exist_ok=True)
        partial = ini.with_name(f"settings.ini.{os.getpid()}")
        partial.write_text(GTK_SETTINGS, encoding="utf-8")
        partial.replace(ini)  # whole or not at all, with several workers starting at once
    return str(root)


@contextmanager
def _current_display() -> Iterator[str]:
    if not os.environ.get("DISPLAY"):
        raise Unavailable("webkitgtk --headed needs $DISPLAY")
    yield os.environ["DISPLAY"]


@contextmanager
def safari(user_agent: str | None = None) -> Iterator:
    """Real Safari through safaridriver; macOS only, after `safaridriver --enable` once."""
    if user_agent:
        raise Unavailable("safari: safaridriver has no User-Agent setting (Develop ▸ User Agent is manual only)")
    if sys.platform != "darwin" or not shutil.which("safaridriver"):
        raise Unavailable("safari: needs macOS with safaridriver (run `safaridriver --enable` once)")
    from selenium import webdriver
    options = webdriver.SafariOptions()
    options.set_capability("unhandledPromptBehavior", dialogs.PROMPT_BEHAVIOR)
    driver = dialogs.watch(bounded.guard(webdriver.Safari(options=options)))
    try:
        driver.set_window_size(*WINDOW)
        yield driver
    finally:
        driver.quit()


def webdriver_session(name: str, headed: bool, user_agent: str | None = None, remote: str | None = None,
                      capabilities: dict | None = None, display: str | None = None):
    """A WebDriver session for ``name``: its local driver (webkitgtk on ``display`` when given), or with ``remote``
    (``--webdriver-url``) a session on that remote end with ``capabilities`` (default: ``remote_capabilities(name)``)."""
    if remote:
        return remote_webdriver(remote, capabilities if capabilities is not None else remote_capabilities(name), user_agent)
    return webkitgtk(headed, user_agent, display) if name == "webkitgtk" else safari(user_agent)


# remote browsers ----------------------------------------------------------------------------------------
def remote_capabilities(name: str, path: str | None = None) -> dict:
    """The capabilities of a ``--webdriver-url`` session: a JSON file (``--webdriver-capabilities``) or, without one,
    what the engine's own driver would be asked for (webkitgtk: MiniBrowser as installed here by Debian)."""
    if path:
        import json
        text = Path(path).read_text(encoding="utf-8") if not path.lstrip().startswith("{") else path
        caps = json.loads(text)
        return caps.get("capabilities", {}).get("alwaysMatch", caps) if "capabilities" in caps else caps
    if name == "webkitgtk":
        return {"browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {"binary": minibrowser(), "args": ["--automation", "--enable-page-cache=false"]}}
    return {"browserName": {"chromium": "chrome", "webkit": "safari"}.get(name, name)}


@contextmanager
def remote_webdriver(url: str, capabilities: dict, user_agent: str | None = None) -> Iterator:
    """A session on any WebDriver remote end (Selenium Grid 4, Appium, a safaridriver or WebKitWebDriver on
    another machine); with ``user_agent``, only where the capabilities say how to start the browser with one."""
    from selenium import webdriver
    from selenium.webdriver.common.options import ArgOptions
    caps = json_copy(capabilities)
    caps.setdefault("unhandledPromptBehavior", dialogs.PROMPT_BEHAVIOR)  # steps/drivers/dialogs.py
    if user_agent:
        browser_options = caps.get("webkitgtk:browserOptions") or caps.get("goog:chromeOptions")
        if browser_options is None:
            raise Unavailable(f"remote WebDriver ({caps.get('browserName', '?')}): no capability to send another User-Agent")
        browser_options.setdefault("args", []).append(f"--user-agent={user_agent}")
    options = ArgOptions()
    for key, value in caps.items():
        options.set_capability(key, value)
    driver = dialogs.watch(bounded.guard(quietly(webdriver.Remote, command_executor=url, options=options)))
    try:
        try:
            driver.set_window_size(*WINDOW)
        except Exception:  # phones (Appium) have the size they have
            pass
        yield driver
    finally:
        driver.quit()


def quietly(start, **kwargs):
    """A Selenium session, without the DeprecationWarning Selenium (4.51 here) raises about its own internal call
    (``remote_server_addr``), whatever its caller passes: pytest would print it once per session."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "setting remote_server_addr in RemoteConnection", DeprecationWarning)
        return start(**kwargs)


def json_copy(value):
    import json
    return json.loads(json.dumps(value))


def connect_playwright(pw, name: str, ws_url: str, slow_mo: float = 0):
    """A browser of a Playwright server (``playwright run-server`` / ``launchServer``) at ``ws_url``: the engine is
    the server's, e.g. WebKit on a Mac; ``name`` (chromium, webkit, firefox) must be the one it serves."""
    if name not in PLAYWRIGHT_ENGINES:
        raise Unavailable(f"--connect needs a Playwright engine (chromium, webkit, firefox), not {name}")
    return getattr(pw, name).connect(ws_url, slow_mo=slow_mo)
