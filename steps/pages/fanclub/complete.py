from ..base import Button
from .inferred import InferredScreen


class CompleteScreen(InferredScreen):
    """【STEP7】初回ログイン完了 (the document has only the question title of STEP7: heading inferred)."""
    name = "【STEP7】初回ログイン完了画面"
    heading = "初回ログイン完了"
    TO_MYPAGE = Button("マイページへ")


class MyPageScreen(InferredScreen):
    """マイページ: where a member checks for themselves that the first login is done (not in the document)."""
    name = "マイページ"
    heading = "マイページ"
    LOGOUT = Button("ログアウト")
