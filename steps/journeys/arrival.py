"""Bringing a member to a screen: by state injection where the target offers it (profile ``capabilities.sessions``,
``POST /_control/<site>/sessions``), else by walking the earlier screens in the browser (``myaplus.walk_to``,
``fanclub.walk_to``). Injected, the control API does what the walk would (codes sent and used, mails, the
migration completed); the browser is given the session cookie, opens the screen and checks it is the one asked for.

The harness decides per scenario (``state_injection`` fixture): the ``@journey`` scenarios and ``--walk`` always
walk, so every route stays covered in the browser."""
from __future__ import annotations

from ..pages.fanclub import SCREENS as FANCLUB_SCREENS
from ..pages.myaplus import SCREENS as MYAPLUS_SCREENS
from ..target.clients import ControlClient, StubsClient
from . import fanclub, myaplus

FANCLUB = {"【STEP3】メールアドレス入力画面": "email", "メール送信完了画面": "email_sent",
           "【STEP5】パスワード入力画面": "link", "Plus member ID登録画面": "link"}  # the API's screens


def reach_myaplus(ui, stubs: StubsClient, control: ControlClient, member: dict, target: str, new_email: bool,
                  inject: bool) -> None:
    myaplus.route_to(target, new_email)
    if not inject or target == "ログイン画面":  # ① is one page either way
        myaplus.walk_to(ui, stubs, member, target, new_email=new_email)
        return
    screen = MYAPLUS_SCREENS[target]
    body = {"account_id": member["id"], "screen": screen.key.split(".", 1)[1]}
    if new_email:
        body["new_email"] = myaplus.new_email_for(member)
    if body["screen"] == "complete":
        body["password"] = myaplus.GOOD_PASSWORD
    _arrive(ui, control.session("myaplus", **body), screen)


def reach_fanclub(ui, stubs: StubsClient, control: ControlClient, member: dict, target: str, inject: bool) -> None:
    fanclub.route_to(member, target)
    if not inject or target not in FANCLUB:  # STEP2 is its own first page; STEP7 is walked
        fanclub.walk_to(ui, stubs, member, target)
        return
    body = {"member_id": member["id"], "screen": FANCLUB[target]}
    if body["screen"] != "email":
        body["email"] = fanclub.address_for(member)
    _arrive(ui, control.session("fanclub", **body), FANCLUB_SCREENS[target])


def _arrive(ui, answer: dict, screen) -> None:
    ui.set_cookie(answer["cookie"]["name"], answer["cookie"]["value"])
    ui.open(answer["path"])
    screen(ui).expect_shown()
