from ..base import Button, Field, Screen, Text


class CompleteScreen(Screen):
    """⑨ My APLUS登録完了."""
    name = "登録完了画面"
    key = "myaplus.complete"  # a profile may give its URL (paths.complete): scenarios that skip a step open it
    heading = "My APLUS登録完了"
    marker = "My APLUSの利用登録が正常に完了しました。"
    LOGIN = Button("My APLUSにログインする")
