from ..base import Button, Field, Screen, Text


class PhoneCodeScreen(Screen):
    """⑦-1 SMS / ⑦-2 音声電話の認証コード入力画面."""
    name = "電話番号認証コード入力画面"
    key = "myaplus.phone_code"  # a profile may give its URL (paths.phone_code): scenarios that skip a step open it
    heading = "認証コード入力画面"
    marker = "登録電話番号"
    SMS_FIELD, VOICE_FIELD = Field("へSMSにて送信された認証コードを入力してください"), Field("自動音声で受け取った認証コードを入力してください")
    VERIFY, RESEND, CALL = Button("認証する"), Button("認証コードを再送信する"), Button("音声電話で認証コードを送信")

    def enter(self, code: str, by_voice: bool = False) -> None:
        self.ui.fill(self.VOICE_FIELD if by_voice else self.SMS_FIELD, code)
        self.ui.press(self.VERIFY)
