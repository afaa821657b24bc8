from ..base import Button, Field, Screen, Text


class EmailCodeScreen(Screen):
    """⑤ メールアドレスの認証コード入力画面."""
    name = "メール認証コード入力画面"
    key = "myaplus.email_code"  # a profile may give its URL (paths.email_code): scenarios that skip a step open it
    heading = "認証コード入力画面"
    marker = "メールアドレスにお届けする数字4桁の認証コードを入力してください。"
    FIELD, VERIFY, RESEND = Field("メールアドレスに送信された認証コード"), Button("認証する"), Button("認証コードを再送信する")

    def enter(self, code: str) -> None:
        self.ui.fill(self.FIELD, code)
        self.ui.press(self.VERIFY)
