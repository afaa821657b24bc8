from ..base import Button, Field, Screen, Text


class EmailChoiceScreen(Screen):
    """③ カードに登録されたメールアドレスをMy APLUS IDとして登録するか."""
    name = "メールアドレス登録確認画面"
    key = "myaplus.email_choice"  # a profile may give its URL (paths.email_choice): scenarios that skip a step open it
    heading = "メールアドレス登録"
    marker = "表示のものとは異なるメールアドレスを希望される場合は「いいえ」を押してください。"
    YES, NO = Button("はい"), Button("いいえ")
