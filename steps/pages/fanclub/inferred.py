"""Screens of the first login that document 000 does not name: it has only the question titles of STEP3–STEP7, so
their headings (and any sentence that tells them apart) are our inference. Such a screen is recognised softly: a
heading that differs is noted as an inferred difference (REVIEW), never a failure; what the document does say the
screen asks for (its ``landmark``: STEP3's メールアドレス, STEP5's パスワード) must be there."""
from __future__ import annotations

from typing import ClassVar

from ...evidence import judgement
from ..base import Screen, Term


class InferredScreen(Screen):
    landmark: ClassVar[Term | None] = None  # the element the document says this screen has, if it says one
    soft_timeout: ClassVar[float] = 2.0

    def expect_shown(self) -> None:
        with judgement.inferring(f"the heading of 「{self.name}」", self.heading + (f" ({self.marker})" if self.marker else "")):
            saved = self.ui.timeout
            self.ui.timeout = min(saved, self.soft_timeout)
            try:
                super().expect_shown()
            finally:
                self.ui.timeout = saved
        if self.landmark is not None:
            self.ui.find(self.landmark.kind, self.landmark)

    def expect_not_shown(self) -> None:
        """Not this screen: neither its (inferred) heading nor what the document says it asks for is on the page."""
        super().expect_not_shown()
        if self.landmark is not None:
            self.ui._expect_gone(self.landmark.kind, self.landmark, f"the {self.landmark.kind} 「{self.landmark}」 of 「{self.name}」")


class SoftMarker(Screen):
    """A screen with a documented heading and an inferred sentence (``marker``), which is checked softly."""

    def expect_shown(self) -> None:
        marker = self.marker
        self.marker = None  # the heading alone decides (an instance attribute hides the class's marker)
        try:
            super().expect_shown()
        finally:
            del self.marker
        if marker:
            with judgement.inferring(f"the sentence that marks 「{self.name}」", marker):
                saved, self.ui.timeout = self.ui.timeout, min(self.ui.timeout, 2.0)
                try:
                    self.ui.expect_text(marker)
                finally:
                    self.ui.timeout = saved
