from ..base import Screen


class TermsScreen(Screen):
    """② My APLUS会員規約."""
    name = "会員規約画面"
    heading = "My APLUS会員規約"
    marker = "以下、My APLUS会員規約をよくお読みのうえ「同意して進む」ボタンをクリックしてお進みください。"
    AGREE, CANCEL = "同意して進む", "キャンセル"
