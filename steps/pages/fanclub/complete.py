from ..base import Button, Field, Screen, Text


class CompleteScreen(Screen):
    """【STEP7】初回ログイン完了."""
    name = "【STEP7】初回ログイン完了画面"
    heading = "初回ログイン完了"
    TO_MYPAGE = Button("マイページへ")


class MyPageScreen(Screen):
    """マイページ: where a member checks for themselves that the first login is done."""
    name = "マイページ"
    heading = "マイページ"
    LOGOUT = Button("ログアウト")
