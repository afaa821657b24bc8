"""Steps of features/browsers/: open a screen as a browser of the user-agent catalogue (fixtures/user_agents.yaml)
and check the 動作保証外 note. The engine stays the run's (--browser); only the User-Agent it sends changes."""
from __future__ import annotations

import pytest
from pytest_bdd import then, when

from .common import screen
from .drivers.engines import Unavailable
from .evidence.allure_hooks import attach_screenshot
from .pages.fanclub.environment import EnvironmentNote
from .paths import USER_AGENTS
from .phrases import phrase
from . import yamlio

CATALOGUE_FILE = USER_AGENTS


def catalogue() -> dict[str, dict]:
    """The catalogue's rows by id (data only: the steps never ask the simulator how it classifies them)."""
    return {row["id"]: row for row in yamlio.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))}


def row(row_id: str) -> dict:
    rows = catalogue()
    if row_id not in rows:
        raise AssertionError(f"no row 「{row_id}」 in {CATALOGUE_FILE.name}; known: {sorted(rows)}")
    return rows[row_id]


@when(phrase("カタログ「{row_id}」のブラウザで「{name}」を開く"))
def _(ui, world, row_id, name):
    page = screen(ui, name)
    url = getattr(ui, "urls", {}).get(page.key) or page.path  # the target's URL
    try:
        ui.open_as(row(row_id)["user_agent"], url)
    except Unavailable as why:  # safaridriver cannot send another User-Agent
        pytest.skip(str(why))
    page.expect_shown()
    world.values["visit"] = {"row": row_id, "url": url}


# What a page shows one browser and not another: the note's wording and markup are the site's own (the document
# gives neither), so the documented fact "this environment is not guaranteed" is checked as a difference between
# the page seen by that environment and by a supported browser of the same OS (fixtures/user_agents.yaml).
WARNING_WORDS = ("動作保証外", "保証外", "対象外", "非対応", "推奨", "Safari", "Chrome", "ブラウザ")
NOT_GUARANTEED = ("動作保証外", "保証外", "対象外", "非対応")
_REFERENCE: dict[tuple, list[str]] = {}  # (reference row, url) -> the lines it was shown (a static page: once a run)


def _lines(ui) -> list[str]:
    return [line.strip() for line in ui.page_text().splitlines() if line.strip()]


def reference_row(row_id: str) -> dict:
    """A supported browser of the same OS (another one when ``row_id`` is itself supported)."""
    mine = row(row_id)
    supported = [r for r in catalogue().values() if r["supported"] and r["id"] != row_id]
    return next((r for r in supported if r["os"] == mine["os"]), supported[0])


def shown_only_to_this_browser(ui, world) -> tuple[list[str], str]:
    """The lines the current page shows this catalogue row's browser and not a supported one's, and that one's id."""
    visit = world.values.get("visit")
    assert visit, "open the screen as a catalogue browser first (カタログ「…」のブラウザで「…」を開く)"
    mine, ref = _lines(ui), reference_row(visit["row"])
    cache = (ref["id"], ui.current_url())
    if cache not in _REFERENCE:
        ui.open_as(ref["user_agent"], visit["url"])
        _REFERENCE[cache] = _lines(ui)
        ui.open_as(row(visit["row"])["user_agent"], visit["url"])  # back to this browser for the steps that follow
    theirs = set(_REFERENCE[cache])
    return [line for line in mine if line not in theirs], ref["id"]


@then(phrase("ブラウザはカタログ「{row_id}」のユーザーエージェントを名乗っている"))
def _(ui, row_id):
    assert ui.user_agent() == row(row_id)["user_agent"], f"the engine did not take the User-Agent of {row_id}"


@then(phrase("「{label}」向けの動作保証外の案内が表示される"))
def _(ui, world, browser_name, label):
    extra, ref = shown_only_to_this_browser(ui, world)
    attach_screenshot(ui, f"動作保証外の案内: {label} ({browser_name})")
    assert any(w in line for line in extra for w in (*WARNING_WORDS, label)), (
        f"the page shows 「{label}」 nothing about its environment that it does not show {ref} (a supported browser): "
        f"the lines only this browser sees are {extra[:5] or 'none'}")


@then(phrase("案内に「{text:T}」と表示される"))
def _(ui, text):
    EnvironmentNote(ui).expect_text(text)


@then("動作保証外の案内は表示されない")
def _(ui):
    EnvironmentNote(ui).expect_absent()


@then(phrase("「{label}」向けの動作保証外の案内が表示されない"))
def _(ui, world, label):
    extra, ref = shown_only_to_this_browser(ui, world)
    warned = [line for line in extra if any(w in line for w in NOT_GUARANTEED)]
    assert not warned, f"the page tells 「{label}」 (a supported browser) more than it tells {ref}: {warned[:3]}"
    EnvironmentNote(ui).expect_absent()
