from ..base import Screen


class PaymentScreen(Screen):
    """月会費のお支払い: the payment screen a valid member must never see (新規入会 opens it directly)."""
    name = "月会費決済画面"
    heading = "月会費のお支払い"
    path = "/fanclub/join"
    key = "fanclub.join"
