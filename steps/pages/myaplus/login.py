from ..base import Button, Field, Screen, Text


class LoginScreen(Screen):
    """① / ⑩ / ⑫ ログイン画面."""
    name = "ログイン画面"
    heading = "My APLUS ログイン"
    path = "/myaplus/login"
    key = "myaplus.login"
    ID_FIELD, PASSWORD_FIELD, SUBMIT = Field("My APLUS ID"), Field("パスワード"), Button("ログイン")

    def log_in(self, login_id: str, password: str) -> None:
        self.ui.fill(self.ID_FIELD, login_id)
        self.ui.fill(self.PASSWORD_FIELD, password)
        self.ui.press(self.SUBMIT)
