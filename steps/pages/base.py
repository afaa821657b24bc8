"""What every screen knows: its name in the features, its heading, a sentence only it shows."""
from __future__ import annotations

from typing import ClassVar


class Screen:
    name: ClassVar[str]  # how the features call the screen, e.g. 「ログイン画面」
    heading: ClassVar[str]  # the page's <h1>
    marker: ClassVar[str | None] = None  # a sentence that tells screens with the same heading apart
    path: ClassVar[str | None] = None  # only for screens a user can open directly (the simulator's path)
    key: ClassVar[str | None] = None  # "<site>.<screen>": a target profile may give the screen another URL

    def __init__(self, ui) -> None:
        self.ui = ui

    def open(self) -> None:
        if self.path is None:
            raise AssertionError(f"{self.name} cannot be opened directly; reach it through the flow")
        self.ui.open(getattr(self.ui, "urls", {}).get(self.key) or self.path)
        self.expect_shown()

    def expect_shown(self) -> None:
        self.ui.expect_heading(self.heading)
        if self.marker:
            self.ui.expect_text(self.marker)


def registry(*screens: type[Screen]) -> dict[str, type[Screen]]:
    return {s.name: s for s in screens}
