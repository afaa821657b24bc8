"""The mails of STEP3 (会員登録URLのお知らせ) and STEP4 (取得済IDのお知らせ)."""
from __future__ import annotations

from ...context import SiteContext
from . import messages as msg
from .members import LINK_TTL

SIGNATURE = "\n※本メールは送信専用です。ご返信いただいてもお答えできません。\n"


def send_link(ctx: SiteContext, base_url: str, kind: str, to: str, token: str) -> None:
    hours = int(LINK_TTL.total_seconds() // 3600)
    if kind == "register":
        subject, path = msg.REGISTER_MAIL_SUBJECT, "register"
        lead = "初回ログインのお手続きありがとうございます。\n下記URLよりPlus member IDのご登録(パスワード設定)へお進みください。"
    else:
        subject, path = msg.EXISTING_MAIL_SUBJECT, "existing"
        lead = (f"ご入力のメールアドレス({to})は、すでにPlus member IDとして取得済です。\n"
                "下記URLよりPlus member IDのパスワードを入力し、初回ログインを完了してください。")
    url = f"{base_url.rstrip('/')}/fanclub/first-login/{path}/{token}"
    body = f"{lead}\n\n{url}\n\nURLの有効期限は{hours}時間です。\n{SIGNATURE}"
    ctx.mailer.send(to, subject, body, sender=msg.MAIL_FROM)
