from ..base import Button, Field, Screen, Text


class EmailConfirmScreen(Screen):
    """⑥ カードに登録されたメールアドレスを④の入力に変更してよいか."""
    name = "メールアドレス変更確認画面"
    key = "myaplus.email_confirm"  # a profile may give its URL (paths.email_confirm): scenarios that skip a step open it
    heading = "メールアドレス登録"
    marker = "入力いただいたメールアドレスをMy APLUS IDとして登録しますか?"
    YES, NO = Button("はい"), Button("いいえ")
