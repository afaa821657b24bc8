"""Steps every site shares: screens, buttons, messages on the page, the clock."""
from __future__ import annotations

from pytest_bdd import given, then, when

from .evidence import judgement
from .phrases import phrase

from .pages.fanclub import SCREENS as FANCLUB_SCREENS
from .pages.myaplus import SCREENS as MYAPLUS_SCREENS

SCREENS = {**MYAPLUS_SCREENS, **FANCLUB_SCREENS}


def screen(ui, name: str):
    if name not in SCREENS:
        raise AssertionError(f"unknown screen 「{name}」; known: {sorted(SCREENS)}")
    return SCREENS[name](ui)


@given(phrase("「{name}」を開いている"))
@when(phrase("「{name}」を開く"))
def _(ui, world, name):
    screen(ui, name).open()


@when(phrase("「{name}」を押す"))
def _(ui, world, name):
    ui.press(name)


@when("ブラウザの「戻る」で前の画面に戻る")
def _(ui):
    ui.back()


@then(phrase("「{name}」が表示される"))
def _(ui, name):
    screen(ui, name).expect_shown()


@then(phrase("エラー「{message:T}」が表示される"))
def _(ui, message):
    ui.expect_alert(message)


@then(phrase("エラー「{message:T}」が表示される(推定)"))
def _(ui, message):
    """A message the documents do not give: REVIEW when it differs, never a failure (the rule is judged apart)."""
    with judgement.inferring("an inferred message", message):
        ui.timeout, saved = 2.0, ui.timeout
        try:
            ui.expect_alert(message)
        finally:
            ui.timeout = saved


@then("エラーは表示されない")
def _(ui):
    ui.expect_no_alert()


@then(phrase("案内「{message:T}」が表示される"))
def _(ui, message):
    ui.expect_status(message)


@then(phrase("画面に「{text:T}」と表示される"))
def _(ui, text):
    ui.expect_text(text)


@then(phrase("画面に「{text:T}」と表示される(推定)"))
def _(ui, text):
    with judgement.inferring("an inferred text", text):
        ui.timeout, saved = 2.0, ui.timeout
        try:
            ui.expect_text(text)
        finally:
            ui.timeout = saved


@then(phrase("画面に「{text:T}」は表示されない"))
def _(ui, text):
    ui.expect_no_text(text)


@then(phrase("ボタン「{name}」がある"))
def _(ui, name):
    ui.expect_button(name)


@then(phrase("ボタン「{name}」はない"))
def _(ui, name):
    ui.expect_no_button(name)


@then(phrase("リンク「{name}」がある"))
def _(ui, name):
    ui.expect_link(name)


@when(phrase("時計を{seconds:d}秒進める"))
def _(control, seconds):
    control.advance_clock(seconds)


@then(phrase("「{sentence}」の《こちら》は、同じページの「{destination:T}」がある箇所へ移動する"))
def _(ui, sentence, destination):
    href = ui.link_href_within(sentence, "《こちら》")
    assert href.startswith("#") and len(href) > 1, f"《こちら》 in 「{sentence}」 leads to {href!r}, not to a place on this page"
    ui.expect_fragment(href[1:], destination)
