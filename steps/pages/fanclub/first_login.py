from ..base import Button, Field, Screen, Text


class FirstLoginScreen(Screen):
    """【STEP2】初回ログイン: 会員番号 + パスワード (生年月日8桁)."""
    name = "【STEP2】初回ログイン画面"
    heading = "初回ログイン"
    path = "/fanclub/first-login"
    key = "fanclub.first_login"
    NUMBER, PASSWORD, SUBMIT = Field("会員番号"), Field("パスワード"), Button("認証する")

    def log_in(self, number: str, birth8: str) -> None:
        self.ui.fill(self.NUMBER, number)
        self.ui.fill(self.PASSWORD, birth8)
        self.ui.press(self.SUBMIT)
