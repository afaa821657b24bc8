"""The inquiry mail of <解決しない場合>: a mailto: URL to the documented address, subject and mandatory items."""
from __future__ import annotations

from urllib.parse import quote

from . import messages as msg


def body_template(carrier_label: str) -> str:
    """One line per mandatory item (【必須事項】), the carrier already filled in."""
    lines = [f"・{item}：" for item in msg.INQUIRY_ITEMS]
    lines[0] += carrier_label
    return "\n".join(["▼本文【必須事項】", *lines, ""])


def mailto(carrier_label: str) -> str:
    return (f"mailto:{msg.INQUIRY_ADDRESS}?subject={quote(msg.INQUIRY_SUBJECT)}"
            f"&body={quote(body_template(carrier_label))}")


def links() -> list[tuple[str, str]]:
    """(link text, mailto URL) for each carrier: docomo's link is documented, au / SoftBank are (推定)."""
    return [(msg.INQUIRY_LINK.format(carrier=label), mailto(label)) for _, label in msg.CARRIERS]
