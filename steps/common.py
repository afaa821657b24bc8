"""Steps every site shares: screens, buttons, messages on the page, the clock."""
from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from .pages.myaplus import SCREENS as MYAPLUS_SCREENS

SCREENS = {**MYAPLUS_SCREENS}


def screen(ui, name: str):
    if name not in SCREENS:
        raise AssertionError(f"unknown screen 「{name}」; known: {sorted(SCREENS)}")
    return SCREENS[name](ui)


@given(parsers.parse("「{name}」を開いている"))
@when(parsers.parse("「{name}」を開く"))
def _(ui, world, name):
    screen(ui, name).open()


@when(parsers.parse("「{name}」を押す"))
def _(ui, world, name):
    ui.press(name)


@when("ブラウザの「戻る」で前の画面に戻る")
def _(ui):
    ui.back()


@then(parsers.parse("「{name}」が表示される"))
def _(ui, name):
    screen(ui, name).expect_shown()


@then(parsers.parse("エラー「{message}」が表示される"))
def _(ui, message):
    ui.expect_alert(message)


@then("エラーは表示されない")
def _(ui):
    ui.expect_no_alert()


@then(parsers.parse("案内「{message}」が表示される"))
def _(ui, message):
    ui.expect_status(message)


@then(parsers.parse("画面に「{text}」と表示される"))
def _(ui, text):
    ui.expect_text(text)


@then(parsers.parse("画面に「{text}」は表示されない"))
def _(ui, text):
    ui.expect_no_text(text)


@then(parsers.parse("ボタン「{name}」がある"))
def _(ui, name):
    ui.expect_button(name)


@then(parsers.parse("リンク「{name}」がある"))
def _(ui, name):
    ui.expect_link(name)


@when(parsers.parse("時計を{seconds:d}秒進める"))
def _(control, seconds):
    control.advance_clock(seconds)
