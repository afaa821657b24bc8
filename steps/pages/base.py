"""What every screen knows: its name in the features, its heading, a sentence only it shows."""
from __future__ import annotations

from typing import ClassVar

from ..evidence import judgement


class Term(str):
    """A documented word that names an element of a screen; its kind tells the driver what to look for."""
    kind = "text"


class Field(Term):
    kind = "field"


class Button(Term):
    """A 「ボタン」 of the document: a button or a link."""
    kind = "button"


class Text(Term):
    kind = "text"


class Example(Term):
    """An input example the document shows in a field (a placeholder, or a text beside the field)."""
    kind = "example"


class Heading(Term):
    kind = "heading"


class Screen:
    name: ClassVar[str]  # how the features call the screen, e.g. 「ログイン画面」
    heading: ClassVar[str]  # the page's <h1>
    marker: ClassVar[str | None] = None  # a sentence that tells screens with the same heading apart
    path: ClassVar[str | None] = None  # only for screens a user can open directly (the simulator's path)
    key: ClassVar[str | None] = None  # "<site>.<screen>": a target profile may give the screen another URL

    def __init__(self, ui) -> None:
        self.ui = ui
        vocabulary = getattr(ui, "vocabulary", None)
        if vocabulary is not None:  # entries named "<screen>/<word>" in the target's vocabulary apply from now on
            vocabulary.screen = self.name

    @classmethod
    def terms(cls) -> dict[str, Term]:
        """Every word this screen's steps touch, by attribute name (what discovery looks for)."""
        found: dict[str, Term] = {"heading": Heading(cls.heading)}
        if cls.marker:
            found["marker"] = Text(cls.marker)
        for klass in reversed(cls.__mro__):
            found.update({k: v for k, v in vars(klass).items() if isinstance(v, Term)})
        return found

    def open(self) -> None:
        if self.path is None:
            raise AssertionError(f"{self.name} cannot be opened directly; reach it through the flow")
        self.ui.open(getattr(self.ui, "urls", {}).get(self.key) or self.path)
        self.expect_shown()

    def expect_not_shown(self) -> None:
        """Not this screen: its heading, or where screens share a heading its marker sentence, is absent."""
        if self.marker:
            self.ui.expect_no_text(self.marker)
        else:
            self.ui.expect_no_heading(self.heading)

    def expect_shown(self) -> None:
        passes = getattr(self.ui, "pass_extra_screen", None)
        for _ in range(3):  # a target may put screens of its own between documented ones (its vocabulary's +next)
            try:
                self.ui.expect_heading(self.heading)
                break
            except AssertionError:
                if passes is None or not self.ui.vocabulary.passes() or not passes():
                    raise
        else:
            self.ui.expect_heading(self.heading)
        if self.marker:
            judgement.checks(self.marker)
            self.ui.expect_text(self.marker)


def registry(*screens: type[Screen]) -> dict[str, type[Screen]]:
    return {s.name: s for s in screens}
