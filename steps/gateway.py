"""Steps of a gateway that hangs (SMS, voice, mail): the stub delays, never answers or drops the connection, the member
presses and waits. The wait is the site's own (its gateway timeout), measured, never a sleep of the harness."""
from __future__ import annotations

import time

import allure
from pytest_bdd import given, then, when

from .pages.myaplus import NewEmailScreen
from .phrases import phrase

SERVICES = {"SMS": "sms", "音声電話": "voice", "メール": "mail"}
PATIENCE = 60.0  # seconds the browser waits for the page while a gateway hangs (the bound itself is the Then's)


def _timed(ui, world, action) -> None:
    """Run ``action`` with the browser waiting up to PATIENCE for the page, and keep how long it took."""
    saved, ui.timeout = ui.timeout, PATIENCE
    started = time.monotonic()
    try:
        action()
    finally:
        ui.timeout = saved
        world.values["waited"] = time.monotonic() - started


@given(phrase("{service}のゲートウェイが次の{times:d}回応答しない"))
@when(phrase("{service}のゲートウェイが次の{times:d}回応答しない"))
def _(stubs, service, times):
    stubs.fault_next(SERVICES[service], "timeout", times)


@given(phrase("{service}のゲートウェイが次の{times:d}回接続を切る"))
@when(phrase("{service}のゲートウェイが次の{times:d}回接続を切る"))
def _(stubs, service, times):
    stubs.fault_next(SERVICES[service], "drop", times)


@given(phrase("{service}のゲートウェイが次の{times:d}回{seconds:d}秒遅れる"))
@when(phrase("{service}のゲートウェイが次の{times:d}回{seconds:d}秒遅れる"))
def _(stubs, service, times, seconds):
    stubs.fault_next(SERVICES[service], "delay", times, delay_ms=seconds * 1000)


@when(phrase("「{name}」を押して応答を待つ"))
def _(ui, world, name):
    _timed(ui, world, lambda: ui.press(name))


@when(phrase("メールアドレス「{address}」を入力して「登録」を押して応答を待つ"))
def _(ui, world, address):
    world.values["email"] = address
    _timed(ui, world, lambda: NewEmailScreen(ui).register(address))


@then(phrase("待ち時間は{seconds:d}秒以内である"))
def _(world, seconds):
    waited = world.values["waited"]
    allure.attach(f"{waited:.1f} s (bound {seconds} s)", name="待ち時間", attachment_type=allure.attachment_type.TEXT)
    assert waited <= seconds, f"the member waited {waited:.1f} s for the page, more than {seconds} s"
