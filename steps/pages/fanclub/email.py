from ..base import Button, Field
from .inferred import InferredScreen


class EmailScreen(InferredScreen):
    """【STEP3】メールアドレス入力: the document says only that STEP3 asks for an e-mail address (「【STEP3】で入力する
    メールアドレス」); the heading, the confirmation field and the button are inferred."""
    name = "【STEP3】メールアドレス入力画面"
    heading = "メールアドレス入力"
    key = "fanclub.email"  # a profile may give its URL (paths.email): the step-order scenario opens it directly
    EMAIL, CONFIRM, SEND = Field("メールアドレス"), Field("確認のため、もう一度入力してください"), Button("送信する")
    landmark = EMAIL

    def send(self, address: str, confirmation: str | None = None) -> None:
        self.ui.fill(self.EMAIL, address)
        self.ui.fill(self.CONFIRM, address if confirmation is None else confirmation)
        self.ui.press(self.SEND)


class MailSentScreen(InferredScreen):
    """After STEP3: the mail (会員登録URL / 取得済ID) is on its way (not in the document)."""
    name = "メール送信完了画面"
    heading = "メール送信完了"
