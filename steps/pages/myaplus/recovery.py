from ..base import Button, Field, Screen, Text


class ForgotPasswordScreen(Screen):
    """「パスワードを忘れた方はこちら」の先: パスワード再発行 (推定)."""
    name = "パスワード再発行画面"
    heading = "パスワード再発行"
    path = "/myaplus/password/forgot"
    key = "myaplus.password_forgot"
    FIELD, SEND = Field("My APLUS ID(メールアドレス)"), Button("送信する")

    def request_reissue(self, address: str) -> None:
        self.ui.fill(self.FIELD, address)
        self.ui.press(self.SEND)


class ResetPasswordScreen(Screen):
    """再発行メールのURLの先: パスワード再設定 (推定)."""
    name = "パスワード再設定画面"
    heading = "パスワード再設定"
    NEW, CONFIRM, REGISTER = Field("新しいパスワード"), Field("確認のため、もう一度入力してください。"), Button("登録する")

    def set_password(self, password: str) -> None:
        self.ui.fill(self.NEW, password)
        self.ui.fill(self.CONFIRM, password)
        self.ui.press(self.REGISTER)


class RegisterScreen(Screen):
    """「My APLUS ID作成はこちら」の先: My APLUS ID新規登録 (推定)."""
    name = "新規登録画面"
    heading = "My APLUS ID新規登録"
    path = "/myaplus/register"
    key = "myaplus.register"
    FIELD, REGISTER = Field("メールアドレス"), Button("登録")

    def register(self, address: str) -> None:
        self.ui.fill(self.FIELD, address)
        self.ui.press(self.REGISTER)
