from ..base import Button, Field
from .inferred import InferredScreen


class ExistingIdPasswordScreen(InferredScreen):
    """【STEP5】パスワード入力 (already holds a Plus member ID), opened from the 取得済IDのお知らせ mail. The document says
    only that STEP5 asks for a password (「【STEP5】でパスワード入力を求められました。(すでにPlus member IDをお持ちの方)」)."""
    name = "【STEP5】パスワード入力画面"
    heading = "パスワード入力"
    marker = "【STEP5】"
    PASSWORD, SUBMIT = Field("パスワード"), Button("初回ログインを完了する")
    landmark = PASSWORD

    def enter(self, password: str) -> None:
        self.ui.fill(self.PASSWORD, password)
        self.ui.press(self.SUBMIT)


class RegisterIdScreen(InferredScreen):
    """Plus member ID登録 (パスワード設定), opened from the 会員登録URLのお知らせ mail (not in the document)."""
    name = "Plus member ID登録画面"
    heading = "Plus member ID登録"
    PASSWORD, CONFIRM, SUBMIT = Field("新しいパスワード"), Field("確認のため、もう一度入力してください"), Button("登録する")

    def register(self, password: str, confirmation: str | None = None) -> None:
        self.ui.fill(self.PASSWORD, password)
        self.ui.fill(self.CONFIRM, password if confirmation is None else confirmation)
        self.ui.press(self.SUBMIT)
