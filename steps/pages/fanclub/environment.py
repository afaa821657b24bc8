"""The note a fan club page shows a visitor whose browser the help page lists as 動作保証外 (■お手続きの環境について):
a role=note named 「ご利用の環境についてのご注意」, never an alert. Its wording is inferred (@推定) except the
documented lines it repeats."""
from __future__ import annotations


class EnvironmentNote:
    TITLE = "ご利用の環境についてのご注意"

    def __init__(self, ui) -> None:
        self.ui = ui

    def expect_text(self, text: str) -> None:
        self.ui.expect_note(self.TITLE, text)

    def expect_absent(self) -> None:
        self.ui.expect_no_note(self.TITLE)
