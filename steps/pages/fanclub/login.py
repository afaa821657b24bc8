from ..base import Screen


class FanclubLoginScreen(Screen):
    """ログイン: Plus member ID login, and the way to 初回ログイン (STEP1)."""
    name = "ファンクラブログイン画面"
    heading = "ログイン"
    marker = "初回ログインはこちら"
    path = "/fanclub/login"
    ID_FIELD, PASSWORD_FIELD, SUBMIT = "Plus member ID(メールアドレス)", "パスワード", "ログイン"
    FIRST_LOGIN, JOIN = "初回ログインはこちら", "新規入会はこちら"

    def log_in(self, plus_id: str, password: str) -> None:
        self.ui.fill(self.ID_FIELD, plus_id)
        self.ui.fill(self.PASSWORD_FIELD, password)
        self.ui.press(self.SUBMIT)
