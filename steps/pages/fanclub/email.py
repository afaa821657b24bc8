from ..base import Button, Field, Screen, Text


class EmailScreen(Screen):
    """【STEP3】メールアドレス入力."""
    name = "【STEP3】メールアドレス入力画面"
    heading = "メールアドレス入力"
    EMAIL, CONFIRM, SEND = Field("メールアドレス"), Field("確認のため、もう一度入力してください"), Button("送信する")

    def send(self, address: str, confirmation: str | None = None) -> None:
        self.ui.fill(self.EMAIL, address)
        self.ui.fill(self.CONFIRM, address if confirmation is None else confirmation)
        self.ui.press(self.SEND)


class MailSentScreen(Screen):
    """After STEP3: the mail (会員登録URL / 取得済ID) is on its way."""
    name = "メール送信完了画面"
    heading = "メール送信完了"
