"""Steps about the order of the documented steps, on both sites: a screen opened by its URL before the step that
leads to it, or after the step that sends the member back to the login screen, must not let the member on."""
from __future__ import annotations

import pytest
from pytest_bdd import then, when

from .common import screen
from .journeys.myaplus import new_email_for
from .phrases import phrase


@when(phrase("「{name}」のURLを直接開く"))
def _(ui, name):
    page = screen(ui, name)
    url = ui.urls.get(page.key) if page.key else None
    if not url:
        pytest.skip(f"the target's profile gives no URL for 「{name}」 (sites.{(page.key or 'site.?').replace('.', '.paths.')}): "
                    "a step cannot be skipped by typing it")
    ui.open(url)


@then(phrase("「{name}」は表示されない"))
def _(ui, name):
    screen(ui, name).expect_not_shown()


@then("カードに登録されたメールアドレスが入力したメールアドレスに変更されている")
def _(control, world):
    stored = control.record("myaplus", "accounts", world.member["id"])
    expected = world.values.get("email") or new_email_for(world.member)
    assert stored["card_email"] == expected, (f"the card's e-mail is {stored['card_email']!r} after the migration, "
                                              f"not the address entered at ④ ({expected!r})")
