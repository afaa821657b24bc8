"""Walking a member through the My APLUS migration up to a given screen, as a user would."""
from __future__ import annotations

from ..target.clients import StubsClient, code_from_speech, code_from_text
from ..pages.myaplus import (EmailChoiceScreen, EmailCodeScreen, EmailConfirmScreen, LoginScreen, NewEmailScreen,
                            PasswordScreen, PhoneCodeScreen, TermsScreen)

VIA_CARD_EMAIL = ("会員規約画面", "メールアドレス登録確認画面", "電話番号認証コード入力画面", "パスワード入力画面", "登録完了画面")
VIA_NEW_EMAIL = ("会員規約画面", "メールアドレス登録確認画面", "メールアドレス入力画面", "メール認証コード入力画面",
                 "メールアドレス変更確認画面", "電話番号認証コード入力画面", "パスワード入力画面", "登録完了画面")
GOOD_PASSWORD = "Qz7!mK2#vX"


def new_email_for(member: dict) -> str:
    return f"new-{member['old_id']}@example.jp"


def phone_code(stubs: StubsClient, member: dict, landline: bool) -> str:
    phone = e164(member["phone"])
    if landline:
        return code_from_speech(stubs.latest("calls", phone, "voice call")["spoken"])
    return code_from_text(stubs.latest("sms", phone, "SMS")["body"])


def e164(number: str) -> str:
    digits = "".join(c for c in number if c.isdigit())
    return "+81" + digits[1:]


def route_to(target: str, new_email: bool) -> tuple[str, ...]:
    """The screens after ① of the route that reaches ``target`` (③ はい, or いいえ and a new address)."""
    route = VIA_NEW_EMAIL if new_email else VIA_CARD_EMAIL
    if target not in route and target != "ログイン画面":
        raise AssertionError(f"「{target}」 is not on the migration route {route}")
    return route


def walk_to(ui, stubs: StubsClient, member: dict, target: str, new_email: bool, visit=None) -> None:
    """``visit(screen)``, when given, is called on arriving at each screen of the route (discovery looks around)."""
    route = route_to(target, new_email)
    login = LoginScreen(ui)
    login.open()
    if visit:
        visit("ログイン画面")
    if target == "ログイン画面":
        return
    login.log_in(member["old_id"], member["old_password"])
    landline = member.get("phone_kind") == "landline"
    actions = {
        "会員規約画面": lambda: ui.press(TermsScreen.AGREE),
        "メールアドレス登録確認画面": lambda: ui.press(EmailChoiceScreen.NO if new_email else EmailChoiceScreen.YES),
        "メールアドレス入力画面": lambda: NewEmailScreen(ui).register(new_email_for(member)),
        "メール認証コード入力画面": lambda: EmailCodeScreen(ui).enter(
            code_from_text(stubs.latest("mails", new_email_for(member), "code mail")["body"])),
        "メールアドレス変更確認画面": lambda: ui.press(EmailConfirmScreen.YES),
        "電話番号認証コード入力画面": lambda: (ui.press(PhoneCodeScreen.CALL) if landline else None,
                                      PhoneCodeScreen(ui).enter(phone_code(stubs, member, landline), by_voice=landline)),
        "パスワード入力画面": lambda: PasswordScreen(ui).set_password(GOOD_PASSWORD, GOOD_PASSWORD),
    }
    for screen in route:
        if visit:
            visit(screen)
        if screen == target:
            return
        actions[screen]()
