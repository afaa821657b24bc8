"""The fan club inquiry as a member writes it: read the page's mailto: link, fill in the 必須事項, send it over SMTP
to the stubs (the support desk answers there), and read the desk's automatic reply back."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from ..target.clients import StubsClient


def parse_mailto(href: str) -> dict:
    """{"to": ..., "subject": ..., "body": ...} of a mailto: URL; AssertionError when it is not one."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto", f"not a mailto: link: {href!r}"
    query = parse_qs(parts.query, keep_blank_values=True)
    return {"to": unquote(parts.path), "subject": query.get("subject", [""])[0], "body": query.get("body", [""])[0]}


def answers_for(member: dict, sender: str) -> dict[str, str]:
    """What a member writes after each item (keys are the start of the item's label)."""
    return {
        "各キャリアの決済情報": member["billing_id"],
        "ログイン時に入力した会員番号": member["member_number"],
        "ログイン時に入力したパスワード8桁": member["password"],
        "氏名フルネーム(漢字)": member["name_kanji"],
        "氏名フルネーム(カナ)": member["name_kana"],
        "ご設定にお心当たりのあるニックネーム": "るなし",
        "ご生年月日(西暦表記8桁)": member["password"],
        "お持ちのメールアドレス全て": sender,
        "お電話番号": "090-1234-5678",
        "ご住所": "東京都千代田区千代田1-1",
        "Plus member ID(取得済の場合)": "なし",
    }


def fill(template: str, answers: dict[str, str | None]) -> str:
    """Write each answer after its item's 「：」 (replacing what the link filled in); an item whose answer is None
    is left out entirely. Every key must start one of the template's item lines."""
    lines, used = [], set()
    for line in template.splitlines():
        key = next((k for k in answers if line.startswith("・" + k)), None)
        if key is None:
            lines.append(line)
            continue
        used.add(key)
        if answers[key] is not None:
            lines.append(line.split("：", 1)[0] + "：" + answers[key])
    assert used == set(answers), f"no item line of the mail starts with {sorted(set(answers) - used)}"
    return "\n".join(lines)


def send(stubs: StubsClient, sender: str, to: str, subject: str, body: str) -> None:
    port = stubs.call("GET", "/_stubs")["smtp_port"]
    host = urlsplit(stubs.base_url).hostname
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg.set_content(body)
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(msg)


def auto_reply(stubs: StubsClient, sender: str) -> dict:
    replies = [m for m in stubs.received("mails", sender) if m.get("auto_reply")]
    assert replies, f"no automatic reply reached {sender}; mails to it: {stubs.received('mails', sender)}"
    return replies[-1]
