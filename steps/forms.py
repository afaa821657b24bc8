"""Steps about form fields every site shares: a field found by the words of its label, its input example."""
from __future__ import annotations

from pytest_bdd import then

from .phrases import phrase


@then(phrase("入力欄「{label}」がある"))
def _(ui, label):
    ui.expect_field(label)


@then(phrase("入力欄「{label}」の入力例は「{placeholder}」である"))
def _(ui, label, placeholder):
    ui.expect_field(label, placeholder)
