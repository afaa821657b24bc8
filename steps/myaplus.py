"""Steps of the My APLUS migration (document 003): members, logins, codes, passwords, mails."""
from __future__ import annotations

from pytest_bdd import given, then, when

from .target.clients import code_from_speech, code_from_text
from .phrases import phrase
from .journeys.myaplus import GOOD_PASSWORD, e164, new_email_for, phone_code, walk_to
from .pages.myaplus import (EmailCodeScreen, LoginScreen, NewEmailScreen, PasswordScreen,
                            PhoneCodeScreen, RegisterScreen, ResetPasswordScreen, TopScreen)
from .pages.myaplus.recovery import ForgotPasswordScreen

STATES = {"移行前": "unmigrated", "旧IDロック": "old_id_locked", "移行済み": "migrated", "アカウント停止": "account_locked"}
PHONES = {"携帯電話": "mobile", "固定電話": "landline"}
THRESHOLDS = {"旧ID": "old_id_lock_threshold", "My APLUS ID": "account_lock_threshold"}


def _member(control, world, state: str, phone: str = "携帯電話") -> dict:
    if state not in STATES or phone not in PHONES:
        raise AssertionError(f"state must be one of {list(STATES)}, phone one of {list(PHONES)}")
    world.member = control.create("myaplus", "accounts", state=STATES[state], phone=PHONES[phone])
    return world.member


# members ---------------------------------------------------------------------
@given(phrase("状態が「{state}」の会員がいる"))
def _(control, world, state):
    _member(control, world, state)


@given(phrase("状態が「{state}」で電話番号が「{phone}」の会員がいる"))
def _(control, world, state, phone):
    _member(control, world, state, phone)


@given(phrase("別の会員がメールアドレス「{address}」をMy APLUS IDとして使っている"))
def _(control, address):
    control.create("myaplus", "accounts", state="migrated", myaplus_id=address)


@given(phrase("会員が「{screen}」まで進んでいる"))
def _(ui, stubs, world, screen):
    walk_to(ui, stubs, world.member, screen, new_email=False)


@given(phrase("会員が新しいメールアドレスを選んで「{screen}」まで進んでいる"))
def _(ui, stubs, world, screen):
    walk_to(ui, stubs, world.member, screen, new_email=True)


@given("会員が移行を完了している")
def _(ui, stubs, world):
    walk_to(ui, stubs, world.member, "登録完了画面", new_email=False)
    world.member.update(myaplus_id=world.member["card_email"], password=GOOD_PASSWORD)


# login ① ⑩ ⑫ ---------------------------------------------------------------------
@when("旧IDと旧パスワードでログインする")
def _(ui, world):
    LoginScreen(ui).log_in(world.member["old_id"], world.member["old_password"])


@when("旧IDと誤ったパスワードでログインする")
def _(ui, world):
    LoginScreen(ui).log_in(world.member["old_id"], world.member["old_password"] + "x")


@when("My APLUS IDと正しいパスワードでログインする")
def _(ui, world):
    LoginScreen(ui).log_in(world.member["myaplus_id"], world.member["password"])


@when("My APLUS IDと誤ったパスワードでログインする")
def _(ui, world):
    LoginScreen(ui).log_in(world.member["myaplus_id"], world.member["password"] + "x")


@when(phrase("ID「{login_id}」とパスワード「{password}」でログインする"))
def _(ui, login_id, password):
    LoginScreen(ui).log_in(login_id, password)


@when(phrase("ID「{login_id}」でパスワードを入力せずにログインする"))
def _(ui, login_id):
    LoginScreen(ui).log_in(login_id, "")


@when(phrase("{which}のパスワードを上限回数まで誤る"))
def _(ui, world, which):
    _fail_logins(ui, world, which, world.config[THRESHOLDS[which]])


@when(phrase("{which}のパスワードを上限より1回少なく誤る"))
def _(ui, world, which):
    _fail_logins(ui, world, which, world.config[THRESHOLDS[which]] - 1)


def _fail_logins(ui, world, which: str, times: int) -> None:
    login_id = world.member["old_id"] if which == "旧ID" else world.member["myaplus_id"]
    wrong = (world.member["old_password"] if which == "旧ID" else world.member["password"]) + "x"
    login = LoginScreen(ui)
    for _ in range(times):
        login.log_in(login_id, wrong)
        login.expect_shown()


# ③–⑥ e-mail --------------------------------------------------------------------
@when(phrase("メールアドレス「{address}」を入力して「登録」を押す"))
def _(ui, world, address):
    world.values["email"] = address
    NewEmailScreen(ui).register(address)


@when("メールアドレスを入力せずに「登録」を押す")
def _(ui):
    NewEmailScreen(ui).register("")


@then("カードに登録されたメールアドレスが伏せ字で表示される")
def _(ui, world):
    local, _, domain = world.member["card_email"].partition("@")
    ui.expect_text("*" * len(local) + "@" + domain)
    ui.expect_no_text(world.member["card_email"])


@then(phrase("メールアドレス欄の入力例は「{placeholder}」である"))
def _(ui, placeholder):
    ui.expect_field(NewEmailScreen.FIELD, placeholder)


# ⑤ ⑦ codes -------------------------------------------------------------------------
def _mail_code(stubs, world, index: int = -1) -> str:
    mails = stubs.received("mails", new_email_for(world.member))
    if not mails:
        raise AssertionError(f"no code mail reached {new_email_for(world.member)}")
    return code_from_text(mails[index]["body"])


@when("メールで届いた認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    EmailCodeScreen(ui).enter(_mail_code(stubs, world))


@when("メールで届いた新しいメールアドレスの認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    mail = stubs.latest("mails", world.values["email"], "code mail")
    EmailCodeScreen(ui).enter(code_from_text(mail["body"]))


@when("最初にメールで届いた認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    EmailCodeScreen(ui).enter(_mail_code(stubs, world, 0))


@when(phrase("認証コード「{code}」を入力して「認証する」を押す"))
def _(ui, code):
    ui.fill("認証コード", code)
    ui.press("認証する")


@when("誤った認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    ui.fill("認証コード", _wrong_code(stubs, world))
    ui.press("認証する")


@when("誤った認証コードを上限回数まで入力する")
def _(ui, stubs, world):
    wrong = _wrong_code(stubs, world)
    for _ in range(world.config["code_lock_threshold"]):
        ui.fill("認証コード", wrong)
        ui.press("認証する")


def _wrong_code(stubs, world) -> str:
    """A 4-digit code that differs from every code sent so far."""
    sent = {code_from_text(m["body"]) for m in stubs.received("mails")} | {code_from_text(m["body"]) for m in stubs.received("sms")}
    sent |= {code_from_speech(c["spoken"]) for c in stubs.received("calls")}
    return next(f"{n:04d}" for n in range(10000) if f"{n:04d}" not in sent)


@when("SMSで届いた認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    PhoneCodeScreen(ui).enter(phone_code(stubs, world.member, landline=False))


@when("最初にSMSで届いた認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    first = stubs.received("sms", e164(world.member["phone"]))[0]
    PhoneCodeScreen(ui).enter(code_from_text(first["body"]))


@when("音声電話で案内された認証コードを入力して「認証する」を押す")
def _(ui, stubs, world):
    PhoneCodeScreen(ui).enter(phone_code(stubs, world.member, landline=True), by_voice=world.member["phone_kind"] == "landline")


@when("認証機能のロック時間が過ぎる")
def _(control, world):
    control.advance_clock(world.config["code_lock_minutes"] * 60 + 1)


@when(phrase("認証コードの発行から{seconds:d}秒が経過する"))
def _(control, seconds):
    control.advance_clock(seconds)


@when("認証コードの有効期限ちょうどまで時間が経過する")
def _(control, world):
    control.advance_clock(world.config["code_ttl_seconds"])


@when("認証コードの有効期限を1秒過ぎる")
def _(control, world):
    control.advance_clock(world.config["code_ttl_seconds"] + 1)


@then(phrase("メールで認証コードが{count:d}通届いている"))
def _(stubs, world, count):
    mails = stubs.received("mails", new_email_for(world.member))
    assert len(mails) == count, f"expected {count} code mails to {new_email_for(world.member)}, got {len(mails)}"
    for mail in mails:
        code_from_text(mail["body"])


@then(phrase("登録電話番号にSMSで認証コードが{count:d}通届いている"))
def _(stubs, world, count):
    sms = stubs.received("sms", e164(world.member["phone"]))
    assert len(sms) == count, f"expected {count} SMS to {world.member['phone']}, got {len(sms)}: {sms}"
    for message in sms:
        assert "My APLUS" in message["body"]
        code_from_text(message["body"])


@then("登録電話番号に音声電話で認証コードが案内される")
def _(stubs, world):
    call = stubs.latest("calls", e164(world.member["phone"]), "voice call")
    code_from_speech(call["spoken"])


@then("SMSは送られていない")
def _(stubs):
    assert stubs.received("sms") == [], f"unexpected SMS: {stubs.received('sms')}"


@then("登録電話番号が伏せ字で表示される")
def _(ui, world):
    digits = "".join(c for c in world.member["phone"] if c.isdigit())
    ui.expect_text(f"***-****-{digits[-4:]}")
    ui.expect_no_text(world.member["phone"])


@given(phrase("{service}の送信が次の{times:d}回失敗する"))
@when(phrase("{service}の送信が次の{times:d}回失敗する"))
def _(stubs, service, times):
    stubs.fail_next({"SMS": "sms", "音声電話": "voice", "メール": "mail"}[service], 503, times)


# ⑧ password ---------------------------------------------------------------------------
@when(phrase("パスワード「{password}」と確認用「{confirmation}」を入力して「登録する」を押す"))
def _(ui, password, confirmation):
    PasswordScreen(ui).set_password(password, confirmation)


@when(phrase("{item}を含むパスワードを入力して「登録する」を押す"))
def _(ui, world, item):
    m = world.member
    digits = lambda s: "".join(c for c in s if c.isdigit())  # noqa: E731
    piece = {"生年月日": digits(m["birth_date"]), "電話番号": digits(m["phone"]), "お名前": m["name_roman"].split()[0],
             "カード番号": digits(m["card_number"])[-4:]}[item]
    password = ("a!" + piece + "9xyz")[:20]
    PasswordScreen(ui).set_password(password, password)


@when("条件を満たすパスワードを入力して「登録する」を押す")
def _(ui, world):
    PasswordScreen(ui).set_password(GOOD_PASSWORD, GOOD_PASSWORD)
    world.member["password"] = GOOD_PASSWORD


@when("登録したMy APLUS IDとパスワードでログインする")
def _(ui, world):
    LoginScreen(ui).log_in(world.values.get("email") or world.member["card_email"], GOOD_PASSWORD)


# ⑪ top ---------------------------------------------------------------------------------
@then(phrase("メニュー「{item}」がある"))
def _(ui, item):
    ui.expect_link(item)


@then(phrase("前回ログイン日時に「{shown}」と表示される"))
def _(ui, shown):
    TopScreen(ui).expect_previous_login(shown)


@when("ログアウトする")
def _(ui):
    ui.press(TopScreen.LOGOUT)


# ⑫ lock, reissue, new registration ------------------------------------------------------
@when("届いた再発行メールのURLを開く")
def _(ui, stubs, world):
    mail = stubs.latest("mails", world.member["myaplus_id"], "password reissue mail")
    url = next((w for w in mail["body"].split() if w.startswith("http")), None)
    assert url, f"no URL in the reissue mail: {mail['body']!r}"
    ui.open(url)


@when("新しいパスワードを再設定する")
def _(ui, world):
    world.member["password"] = "Nw8$rT5&kP"
    ResetPasswordScreen(ui).set_password(world.member["password"])


@when("My APLUS IDでパスワード再発行を申し込む")
def _(ui, world):
    ForgotPasswordScreen(ui).request_reissue(world.member["myaplus_id"])


@when(phrase("パスワード再発行にメールアドレス「{address}」を入力する"))
def _(ui, address):
    ForgotPasswordScreen(ui).request_reissue(address)


@when("会員のMy APLUS IDと同じメールアドレスで新規登録する")
def _(ui, world):
    RegisterScreen(ui).register(world.member["myaplus_id"])


@when(phrase("新規登録にメールアドレス「{address}」を入力する"))
def _(ui, address):
    RegisterScreen(ui).register(address)


# mails -------------------------------------------------------------------------------------
RECIPIENTS = {
    "カードに登録されたメールアドレス": lambda w: w.member["card_email"],
    "My APLUS ID": lambda w: w.member["myaplus_id"],
    "入力したメールアドレス": lambda w: w.values["email"],
}


@then(phrase("{recipient}に件名「{subject}」のメールが届く"))
def _(stubs, world, recipient, subject):
    address = RECIPIENTS[recipient](world)
    subjects = [m["subject"] for m in stubs.received("mails", address)]
    assert subject in subjects, f"no mail 「{subject}」 to {address}; it received: {subjects}"
    world.values["mail"] = next(m for m in stubs.received("mails", address) if m["subject"] == subject)


@then(phrase("メール本文に「{text}」と書かれている"))
def _(world, text):
    assert text in world.values["mail"]["body"], f"「{text}」 not in the mail body: {world.values['mail']['body']!r}"


@then(phrase("{recipient}にメールは届かない"))
def _(stubs, world, recipient):
    address = RECIPIENTS[recipient](world)
    assert stubs.received("mails", address) == [], f"unexpected mail to {address}: {stubs.received('mails', address)}"
