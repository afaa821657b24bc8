from ..base import Button, Field, Screen, Text


class PasswordScreen(Screen):
    """⑧ パスワード入力."""
    name = "パスワード入力画面"
    key = "myaplus.password"  # a profile may give its URL (paths.password): scenarios that skip a step open it
    heading = "パスワード入力"
    NEW, CONFIRM, REGISTER, CANCEL = Field("新しいパスワード"), Field("確認のため、もう一度入力してください。"), Button("登録する"), Button("キャンセル")

    def set_password(self, password: str, confirmation: str) -> None:
        self.ui.fill(self.NEW, password)
        self.ui.fill(self.CONFIRM, confirmation)
        self.ui.press(self.REGISTER)
