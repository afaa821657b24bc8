"""Steps of features/browsers/: open a screen as a browser of the user-agent catalogue (fixtures/user_agents.yaml)
and check the 動作保証外 note. The engine stays the run's (--browser); only the User-Agent it sends changes."""
from __future__ import annotations

import pytest
import yaml
from pytest_bdd import then, when

from .common import screen
from .drivers.engines import Unavailable
from .evidence.allure_hooks import attach_screenshot
from .pages.fanclub.environment import EnvironmentNote
from .paths import USER_AGENTS
from .phrases import phrase

CATALOGUE_FILE = USER_AGENTS


def catalogue() -> dict[str, dict]:
    """The catalogue's rows by id (data only: the steps never ask the simulator how it classifies them)."""
    return {row["id"]: row for row in yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))}


def row(row_id: str) -> dict:
    rows = catalogue()
    if row_id not in rows:
        raise AssertionError(f"no row 「{row_id}」 in {CATALOGUE_FILE.name}; known: {sorted(rows)}")
    return rows[row_id]


@when(phrase("カタログ「{row_id}」のブラウザで「{name}」を開く"))
def _(ui, world, row_id, name):
    page = screen(ui, name)
    try:
        ui.open_as(row(row_id)["user_agent"], getattr(ui, "urls", {}).get(page.key) or page.path)  # the target's URL
    except Unavailable as why:  # safaridriver cannot send another User-Agent
        pytest.skip(str(why))
    page.expect_shown()


@then(phrase("ブラウザはカタログ「{row_id}」のユーザーエージェントを名乗っている"))
def _(ui, row_id):
    assert ui.user_agent() == row(row_id)["user_agent"], f"the engine did not take the User-Agent of {row_id}"


@then(phrase("「{label}」向けの動作保証外の案内が表示される"))
def _(ui, browser_name, label):
    EnvironmentNote(ui).expect_for(label)
    attach_screenshot(ui, f"動作保証外の案内: {label} ({browser_name})")


@then(phrase("案内に「{text:T}」と表示される"))
def _(ui, text):
    EnvironmentNote(ui).expect_text(text)


@then("動作保証外の案内は表示されない")
def _(ui):
    EnvironmentNote(ui).expect_absent()


@then(phrase("「{label}」向けの動作保証外の案内が表示されない"))
def _(ui, label):
    EnvironmentNote(ui).expect_absent()
