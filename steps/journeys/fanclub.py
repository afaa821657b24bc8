"""Walking a fan club member through the first login up to a given screen, as a member would."""
from __future__ import annotations

import re

from ..target.clients import StubsClient
from ..pages.fanclub import (EmailScreen, ExistingIdPasswordScreen, FirstLoginScreen, MailSentScreen, RegisterIdScreen)

NEW_PASSWORD = "Lunasea2026"
REGISTER_SUBJECT, EXISTING_SUBJECT = "会員登録URLのお知らせ", "取得済IDのお知らせ"


def address_for(member: dict) -> str:
    """The address a member without a Plus member ID enters at STEP3; holders enter their ID."""
    return member["plus_member_id"] if member["state"] == "has_plus_id" else f"m{member['member_number']}@fan-mail.example"


def mail_with(stubs: StubsClient, to: str, subject_part: str) -> dict:
    mails = [m for m in stubs.received("mails", to) if subject_part in m["subject"]]
    if not mails:
        got = [m["subject"] for m in stubs.received("mails", to)]
        raise AssertionError(f"no mail with 「{subject_part}」 in its subject reached {to}; it received: {got}")
    return mails[-1]


def url_in(mail: dict) -> str:
    match = re.search(r"https?://\S+", mail["body"])
    assert match, f"no URL in the mail 「{mail['subject']}」: {mail['body']!r}"
    return match.group(0)


def log_in_step2(ui, member: dict) -> None:
    screen = FirstLoginScreen(ui)
    screen.open()
    screen.log_in(member["member_number"], member["password"])


ROUTE = ("【STEP2】初回ログイン画面", "【STEP3】メールアドレス入力画面", "メール送信完了画面", "ID画面", "【STEP7】初回ログイン完了画面")


def route_to(member: dict, target: str) -> list[str]:
    """The first-login route of this member: a holder of a Plus member ID enters its password at STEP5."""
    id_screen = "【STEP5】パスワード入力画面" if member["state"] == "has_plus_id" else "Plus member ID登録画面"
    route = [s if s != "ID画面" else id_screen for s in ROUTE]
    if target not in route:
        raise AssertionError(f"「{target}」 is not on the first-login route {route}")
    return route


def walk_to(ui, stubs: StubsClient, member: dict, target: str, visit=None) -> None:
    """From STEP2 on, each screen is checked by its heading before the next action: a payment screen
    anywhere on the way fails the walk."""
    holder = member["state"] == "has_plus_id"
    route = route_to(member, target)
    address = address_for(member)
    actions = {
        "【STEP2】初回ログイン画面": lambda: log_in_step2(ui, member),
        "【STEP3】メールアドレス入力画面": lambda: EmailScreen(ui).send(address),
        "メール送信完了画面": lambda: ui.open(url_in(mail_with(stubs, address, EXISTING_SUBJECT if holder else REGISTER_SUBJECT))),
        "【STEP5】パスワード入力画面": lambda: ExistingIdPasswordScreen(ui).enter(member["plus_password"]),
        "Plus member ID登録画面": lambda: RegisterIdScreen(ui).register(NEW_PASSWORD),
    }
    screens = {"【STEP3】メールアドレス入力画面": EmailScreen, "メール送信完了画面": MailSentScreen,
               "【STEP5】パスワード入力画面": ExistingIdPasswordScreen, "Plus member ID登録画面": RegisterIdScreen}
    if target == route[0]:
        FirstLoginScreen(ui).open()
        return
    for here, following in zip(route, route[1:]):
        if visit and here != route[0]:  # STEP2 is opened by its own action
            visit(here)
        actions[here]()
        if following in screens:
            screens[following](ui).expect_shown()
        if following == target:
            if visit:
                visit(following)
            return
