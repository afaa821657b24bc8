from ..base import Button, Field, Screen, Text


class TopScreen(Screen):
    """⑪ トップ画面."""
    name = "トップ画面"
    key = "myaplus.top"  # a profile may give its URL (paths.top): scenarios that skip a step open it
    heading = "トップページ"
    marker = "前回ログイン日時"
    LOGOUT = Button("ログアウト")

    def expect_previous_login(self, shown: str) -> None:
        self.ui.expect_text(f"前回ログイン日時 :{shown}")
