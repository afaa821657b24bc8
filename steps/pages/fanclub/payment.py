from .inferred import InferredScreen


class PaymentScreen(InferredScreen):
    """月会費のお支払い: 「決済を求められる画面」 of the document (which gives it no heading). A valid member must never
    see it (新規入会 opens it directly)."""
    name = "月会費決済画面"
    heading = "月会費のお支払い"
    path = "/fanclub/join"
    key = "fanclub.join"
