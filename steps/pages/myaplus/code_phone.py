from ..base import Screen


class PhoneCodeScreen(Screen):
    """⑦-1 SMS / ⑦-2 音声電話の認証コード入力画面."""
    name = "電話番号認証コード入力画面"
    heading = "認証コード入力画面"
    marker = "登録電話番号"
    SMS_FIELD, VOICE_FIELD = "へSMSにて送信された認証コードを入力してください", "自動音声で受け取った認証コードを入力してください"
    VERIFY, RESEND, CALL = "認証する", "認証コードを再送信する", "音声電話で認証コードを送信"

    def enter(self, code: str, by_voice: bool = False) -> None:
        self.ui.fill(self.VOICE_FIELD if by_voice else self.SMS_FIELD, code)
        self.ui.press(self.VERIFY)
