from ..base import Button, Field, Screen, Text


class TermsScreen(Screen):
    """② My APLUS会員規約."""
    name = "会員規約画面"
    key = "myaplus.terms"  # a profile may give its URL (paths.terms): scenarios that skip a step open it
    heading = "My APLUS会員規約"
    marker = "以下、My APLUS会員規約をよくお読みのうえ「同意して進む」ボタンをクリックしてお進みください。"
    AGREE, CANCEL = Button("同意して進む"), Button("キャンセル")
