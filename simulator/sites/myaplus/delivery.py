"""Sending codes and notices: what each message says and where it goes."""
from __future__ import annotations

from ... import defects
from ...context import SiteContext
from ...outbound import DeliveryError
from . import messages as msg
from .codes import Codes
from .rules import e164


def _spoken(code: str) -> str:
    digits = "、".join(code)
    return f"My APLUSの認証コードをお知らせします。認証コードは、{digits}、です。繰り返します。{digits}、です。"


class SendLimitReached(DeliveryError):
    """code_send_limit codes were already sent for this purpose within the window (推定)."""


def send_code(ctx: SiteContext, codes: Codes, account, purpose: str, channel: str, address: str | None = None) -> None:
    """Make a code and hand it to mail, SMS or voice; it replaces the member's code only once handed over (a
    failed hand-over withdraws it and leaves the earlier code valid)."""
    if codes.sends_left(account["id"], purpose) <= 0:
        raise SendLimitReached(f"code_send_limit reached for account {account['id']} ({purpose})")
    kept = defects.on(ctx.settings, "email_resend_keeps_old_code" if purpose == "email" else "phone_resend_keeps_old_code") and (
        ctx.store.one("SELECT code FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active'"
                      " ORDER BY id DESC LIMIT 1", (account["id"], purpose)))
    code_id, code = (0, kept["code"]) if kept else codes.prepare(account["id"], purpose, channel)
    minutes = ctx.settings.code_ttl_seconds // 60
    try:
        if channel == "mail":
            ctx.mailer.send(address, msg.CODE_MAIL_SUBJECT,
                            f"My APLUSをご利用いただきありがとうございます。\n\n認証コード：{code}\n\n"
                            f"認証コードの有効期限は発行から{minutes}分となります。\n")
        elif channel == "sms":
            to = account["phone"] if defects.on(ctx.settings, "sms_number_not_e164") else e164(account["phone"])
            ctx.gateway.send_sms(to, f"【My APLUS】認証コード：{code} 有効期限は発行から{minutes}分です。")
        else:
            ctx.gateway.place_call(e164(account["phone"]), _spoken(code))
    except DeliveryError:
        codes.withdraw(code_id)
        raise
    codes.activate(code_id)


def send_lock_notice(ctx: SiteContext, to: str, login_id: str) -> None:
    body = (
        "My APLUSをご利用いただきありがとうございます。\n\n"
        f"ID：{login_id}\n\n"
        "パスワードの入力を一定回数以上誤られたため、セキュリティ保護のためアカウントを停止いたしました。\n"
        "ログイン画面内の「パスワードを忘れた方はこちら」よりパスワード再発行をお試しください。\n"
    )
    try:
        ctx.mailer.send(to, msg.LOCK_MAIL_SUBJECT, body)
    except DeliveryError:
        pass  # the lock itself stands; the notice is best effort, as on a real site
