from ..base import Screen


class PasswordScreen(Screen):
    """⑧ パスワード入力."""
    name = "パスワード入力画面"
    heading = "パスワード入力"
    NEW, CONFIRM, REGISTER, CANCEL = "新しいパスワード", "確認のため、もう一度入力してください。", "登録する", "キャンセル"

    def set_password(self, password: str, confirmation: str) -> None:
        self.ui.fill(self.NEW, password)
        self.ui.fill(self.CONFIRM, confirmation)
        self.ui.press(self.REGISTER)
