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
    """「My APLUS ID作成はこちら」の先: My APLUS ID新規登録 (推定). The document names the page and says that an address
    already used as a My APLUS ID cannot be registered again; what the page asks and where the address is typed it
    does not say."""
    name = "新規登録画面"
    heading = "My APLUS ID新規登録"
    path = "/myaplus/register"
    key = "myaplus.register"
    FIELD, REGISTER = Field("メールアドレス"), Button("登録")
    IDENTITY = (Field("カード番号"), Field("生年月日"))  # asked by some sites to identify the card member (推定)

    def register(self, address: str, member: dict | None = None) -> None:
        """Type the address where this site asks for it: on this page, or, when the page first identifies the card
        member and then goes on through the documented screens, at ② (agree) and ④ (the new My APLUS ID)."""
        from .email_new import NewEmailScreen
        from .terms import TermsScreen
        ui = self.ui
        identified = False
        if member:
            digits = lambda s: "".join(c for c in str(s) if c.isdigit())  # noqa: E731
            for word, value in zip(self.IDENTITY, (digits(member.get("card_number", "")), digits(member.get("birth_date", "")))):
                element = ui._wait(ui.spec("field", word), "shown", 0.3)  # only if this page asks for it
                if element is not None and value:
                    ui._fill(element, value)
                    identified = True
        if not identified:  # a page that identifies the member first asks for the address later (④)
            ui.fill(self.FIELD, address)
        ui.press(self.REGISTER)
        if ui._wait(ui.spec("heading", TermsScreen.heading), "shown", 1.0) is None:
            return
        TermsScreen(ui)
        ui.press(TermsScreen.AGREE)
        NewEmailScreen(ui).register(address)
