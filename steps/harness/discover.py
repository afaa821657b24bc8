"""Discovery for a new target: does the harness find, on the target's own pages, everything the documents name?

    python -m steps.harness.discover --target PROFILE [--site myaplus|fanclub] [--write FILE] [--headed]

Starts (or reaches) the target as a run would, seeds a member through the control API, opens every screen a user
opens directly and walks the documented routes in Chromium, and prints for every documented element of every
screen how it was found, or that it was not and the closest candidates on the page. ``--write`` writes a
vocabulary stub (steps/target/vocabulary.py) with a suggestion for each element not found: check each one, point
the profile's ``vocabulary:`` at the file, and run again until every line is ✓. Exit status: 0 when everything
was found, 1 when something was not, 2 on a usage or profile error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from ..drivers.engines import Unavailable, playwright_launcher
from ..drivers.playwright_ui import CONTEXT, PlaywrightUI
from ..evidence.wording import nearest
from ..journeys import fanclub as fanclub_journey, myaplus as myaplus_journey
from ..pages.fanclub import SCREENS as FANCLUB_SCREENS
from ..pages.myaplus import SCREENS as MYAPLUS_SCREENS
from ..target.clients import ControlClient, HarnessError, StubsClient
from ..target.launch import for_profile
from ..target.profile import ProfileError, load
from ..target.vocabulary import Vocabulary
from .fixtures import CHROMIUM_ARGS

SCREENS = {"myaplus": MYAPLUS_SCREENS, "fanclub": FANCLUB_SCREENS}
SUGGEST = {"field": "label", "heading": "text", "text": "text"}


class Discovery:
    def __init__(self, ui: PlaywrightUI, site: str) -> None:
        self.ui, self.site = ui, site
        self.seen: set[str] = set()  # screens looked at in the current walk
        self.missing: dict[str, dict] = {}  # word -> suggestion, for words no visit found
        self.hits: set[str] = set()

    def inspect(self, screen_name: str) -> None:
        if screen_name in self.seen:
            return
        self.seen.add(screen_name)
        screen = SCREENS[self.site][screen_name]
        try:  # the vocabulary's "<screen>/<word>" entries apply from here; a +next screen is passed through
            screen(self.ui).expect_shown()
        except AssertionError:
            pass
        print(f"\n{self.site} 「{screen_name}」 {self.ui.current_url()}")
        for term in screen.terms().values():
            kind, word = term.kind, str(term)
            spec = self.ui.spec(kind, word)
            if self.ui.vocabulary.absent(word):
                print(f"  – {kind:<8} 「{word}」 not on this site (vocabulary: absent)")
                continue
            if self.ui._wait(spec, "shown", 1.5) is not None:
                self.hits.add(word)
                self.missing = {k: v for k, v in self.missing.items() if not k.endswith("/" + word)}
                print(f"  ✓ {kind:<8} 「{word}」 by {self.ui._locate(spec)['how']}")
                continue
            options = sorted({c for c in self.ui._candidates(kind) if c}, key=lambda c: -(nearest(word, [c]) or ("", 0))[1])[:3]
            shown = ", ".join(f"「{c[:40]}」" for c in options) or "none"
            print(f"  ✗ {kind:<8} 「{word}」 not found; closest on the page: {shown}")
            strategy = SUGGEST.get(kind)
            suggestion = {strategy: options[0]} if strategy and options else (
                {"role": "button", "name": options[0]} if options else {"css": "TODO"})
            if word not in self.hits:
                self.missing.setdefault(f"{screen_name}/{word}", {"how": suggestion, "screen": screen_name, "kind": kind})


def _walks(site: str, member: dict, ui, stubs, look) -> list[tuple[str, callable]]:
    if site == "myaplus":
        return [("カードのメールアドレスで移行 (携帯電話: SMS)", lambda: myaplus_journey.walk_to(ui, stubs, member, "登録完了画面", False, look)),
                ("新しいメールアドレスで移行 (固定電話: 音声電話)", lambda: myaplus_journey.walk_to(ui, stubs, member, "登録完了画面", True, look))]
    return [("初回ログイン (Plus member ID登録)", lambda: fanclub_journey.walk_to(ui, stubs, member, "【STEP7】初回ログイン完了画面", look))]


def discover(profile, site: str, ui: PlaywrightUI, control: ControlClient, stubs: StubsClient, urls: dict) -> Discovery:
    found = Discovery(ui, site)
    for name, screen in SCREENS[site].items():  # the screens a user opens directly
        if screen.path and (screen.key in urls or profile.embedded):
            ui.open(urls.get(screen.key) or screen.path)
            found.inspect(name)
        elif screen.path:
            print(f"\n{site} 「{name}」: no path in the profile (sites.{site}.paths.{screen.key.split('.')[1]}); skipped")
    if not profile.capabilities.get("seed", True):
        print(f"\n{site}: the profile cannot seed members (capabilities.seed: false): the walked screens are not visited")
        return found
    for index in range(len(_walks(site, {}, ui, stubs, None))):
        control.reset()
        stubs.reset()
        found.seen.clear()
        resource, state = (("accounts", {"state": "unmigrated", "phone": ("mobile", "landline")[index % 2]}) if site == "myaplus"
                           else ("members", {"state": "valid"}))
        member = control.create(site, resource, **state)
        title, walk = _walks(site, member, ui, stubs, found.inspect)[index]
        try:
            walk()
            print(f"\n  → walked 「{title}」 to the end")
        except (AssertionError, HarnessError) as exc:
            print(f"\n  → the walk 「{title}」 stopped: {str(exc).splitlines()[0][:200]}")
    return found


def stub(missing: dict[str, dict], site: str, profile_name: str) -> str:
    lines = [f"# Vocabulary of {profile_name}: how this site names what the documents name (steps/target/vocabulary.py).",
             "# Written by python -m steps.harness.discover: each entry is a guess from the closest thing on the page.",
             "# Check each one, point the profile at this file (vocabulary: <file>) and run discovery again.",
             f"{site}:"]
    for word, entry in missing.items():
        lines.append(f"  {yaml.safe_dump({word: entry['how']}, allow_unicode=True, default_flow_style=True).strip()[1:-1]}"
                     f"   # {entry['kind']} on 「{entry['screen']}」")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m steps.harness.discover", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", default="simulator", help="target profile: a name in fixtures/targets/ or a path")
    ap.add_argument("--site", choices=sorted(SCREENS), action="append", help="only this site (repeatable; default: the profile's)")
    ap.add_argument("--write", type=Path, help="write a vocabulary stub with a suggestion for every element not found")
    ap.add_argument("--headed", action="store_true", help="show the browser")
    ap.add_argument("--chromium-path", default=None,
                    help="Chromium executable (default: the headless shell where installed and not --headed, else /usr/bin/chromium)")
    args = ap.parse_args(argv)
    try:
        profile = load(args.target)
    except ProfileError as exc:
        print(exc, file=sys.stderr)
        return 2
    sites = [s for s in (args.site or list(profile.sites)) if s in profile.sites]
    target = for_profile(profile)
    control = ControlClient(target.control_url, capabilities=profile.capabilities, token=target.control_token)
    stubs = StubsClient(target.stubs_url, token=target.stubs_token)
    missing_total, stubs_text, found = 0, [], 0
    try:
        with sync_playwright() as pw:
            try:
                kind, extra = playwright_launcher(pw, "chromium", args.chromium_path, args.headed)
            except Unavailable as why:
                print(why, file=sys.stderr)
                return 2
            browser = kind.launch(headless=not args.headed, args=CHROMIUM_ARGS, **extra)
            for site in sites:
                control.reset()
                context = browser.new_context(**CONTEXT)
                ui = PlaywrightUI(context.new_page(), target.site_url, Vocabulary(profile.vocabulary).for_site(site))
                ui.timeout = 3.0
                ui.urls = target.urls
                result = discover(profile, site, ui, control, stubs, target.urls)
                context.close()
                found += len(result.hits)
                missing_total += len(result.missing)
                if result.missing:
                    stubs_text.append(stub(result.missing, site, profile.name))
            browser.close()
    finally:
        target.stop()
    print(f"\n{found} documented element(s) found, {missing_total} not found")
    if args.write and stubs_text:
        args.write.write_text("\n".join(stubs_text), encoding="utf-8")
        print(f"vocabulary stub written to {args.write}: check each entry, then set `vocabulary: {args.write.name}` in the profile")
    return 1 if missing_total else 0


if __name__ == "__main__":
    sys.exit(main())
