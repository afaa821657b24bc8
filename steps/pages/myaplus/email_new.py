from ..base import Button, Example, Field, Screen


class NewEmailScreen(Screen):
    """④ 新しくMy APLUS IDとして登録するメールアドレスを入力."""
    name = "メールアドレス入力画面"
    key = "myaplus.email_new"  # a profile may give its URL (paths.email_new): scenarios that skip a step open it
    heading = "メールアドレス登録"
    marker = "ご自身のみが使用しているメールアドレスでMy APLUS IDを登録していただけますようお願いいたします。"
    FIELD, PLACEHOLDER, REGISTER, BACK = Field("メールアドレス"), Example("例:abc@aplus.jp"), Button("登録"), Button("ログインへ戻る")

    def register(self, address: str) -> None:
        self.ui.fill(self.FIELD, address)
        self.ui.press(self.REGISTER)
