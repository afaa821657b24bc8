from ..base import Button, Field
from .inferred import SoftMarker


class FanclubLoginScreen(SoftMarker):
    """ログイン (the document's 「ログインページ」): Plus member ID login, and the way to 初回ログイン (STEP1). The entry
    「初回ログインはこちら」 is inferred, so it marks the screen softly."""
    name = "ファンクラブログイン画面"
    heading = "ログイン"
    marker = "初回ログインはこちら"
    path = "/fanclub/login"
    key = "fanclub.login"
    ID_FIELD, PASSWORD_FIELD, SUBMIT = Field("Plus member ID(メールアドレス)"), Field("パスワード"), Button("ログイン")
    FIRST_LOGIN, JOIN = Button("初回ログインはこちら"), Button("新規入会はこちら")

    def log_in(self, plus_id: str, password: str) -> None:
        self.ui.fill(self.ID_FIELD, plus_id)
        self.ui.fill(self.PASSWORD_FIELD, password)
        self.ui.press(self.SUBMIT)
