from ..base import Screen


class FaqScreen(Screen):
    """サイトリニューアル後の初回ログインについて (the help page itself)."""
    name = "よくある質問画面"
    heading = "サイトリニューアル後の初回ログインについて"
    path = "/fanclub/faq"
    key = "fanclub.faq"
