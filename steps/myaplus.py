"""Steps of the My APLUS migration (document 003): members, logins, codes, passwords, mails."""
from __future__ import annotations

import html as html_lib
import re
import unicodedata
from datetime import datetime

from pytest_bdd import given, then, when

from .evidence import judgement
from .target.clients import code_from_speech, code_from_text
from .phrases import phrase
from .journeys.arrival import reach_myaplus
from .journeys.myaplus import GOOD_PASSWORD, e164, new_email_for, phone_code
from .pages.myaplus import (SCREENS, CompleteScreen, EmailCodeScreen, LoginScreen, NewEmailScreen, PasswordScreen,
                            PhoneCodeScreen, RegisterScreen, ResetPasswordScreen, TopScreen)
from .pages.myaplus.recovery import ForgotPasswordScreen

STATES = {"移行前": "unmigrated", "旧IDロック": "old_id_locked", "移行済み": "migrated", "アカウント停止": "account_locked"}
PHONES = {"携帯電話": "mobile", "固定電話": "landline"}
THRESHOLDS = {"旧ID": "old_id_lock_threshold", "My APLUS ID": "account_lock_threshold"}
MASK = re.compile(r"[*＊●•]{3,}")  # how a page hides characters (the document shows 「*********@co.jp」, 「-****」)


def _page_text(ui) -> str:
    """Every text of the page as one line (NFKC, single spaces), read once the page is there."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", ui.html())
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(unicodedata.normalize("NFKC", text).split())


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
def _(ui, stubs, control, world, state_injection, screen):
    reach_myaplus(ui, stubs, control, world.member, screen, new_email=False, inject=state_injection)


@given(phrase("会員が新しいメールアドレスを選んで「{screen}」まで進んでいる"))
def _(ui, stubs, control, world, state_injection, screen):
    reach_myaplus(ui, stubs, control, world.member, screen, new_email=True, inject=state_injection)


@given("会員が移行を完了している")
def _(ui, stubs, control, world, state_injection):
    reach_myaplus(ui, stubs, control, world.member, "登録完了画面", new_email=False, inject=state_injection)
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
    """Documented (③ 「クレジットカードに登録されているメールアドレス (*********@co.jp)をMy APLUS IDとして登録しますか?」):
    the card's address is shown masked, never in full. Which characters stay visible is inferred."""
    address = world.member["card_email"]
    ui.expect_matching(MASK.pattern)
    ui.expect_no_text(address)
    local, _, domain = address.partition("@")
    masked = [t for t in re.findall(r"\S*[*＊●•]{3,}\S*", _page_text(ui))]
    judgement.check_inferred(any(re.search(r"[*＊●•]+@" + re.escape(domain), t) for t in masked),
                             "the card e-mail's mask", f"the local part hidden, the domain kept: ****@{domain}",
                             ", ".join(masked[:3]) or "no masked text")


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
    world.values["phone_code_used"] = phone_code(stubs, world.member, landline=False)
    PhoneCodeScreen(ui).enter(world.values["phone_code_used"])


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
        code_from_text(message["body"])  # documented: a 4-digit code (「SMSで届いた認証コード数字4桁」)
        judgement.check_inferred("My APLUS" in unicodedata.normalize("NFKC", message["body"]), "the SMS names the sender",
                                 "「My APLUS」 in the SMS", message["body"][:120])


@then("登録電話番号に音声電話で認証コードが案内される")
def _(stubs, world):
    call = stubs.latest("calls", e164(world.member["phone"]), "voice call")
    code_from_speech(call["spoken"])


@then("SMSは送られていない")
def _(stubs):
    assert stubs.received("sms") == [], f"unexpected SMS: {stubs.received('sms')}"


@then("登録電話番号が伏せ字で表示される")
def _(ui, world):
    """Documented (⑦-1 「登録電話番号 -**** へSMSにて送信された認証コードを入力してください」): the number is shown
    masked, never in full. Which digits stay visible is not documented and not checked."""
    digits = "".join(c for c in world.member["phone"] if c.isdigit())
    ui.expect_matching(MASK.pattern)
    ui.expect_no_text(world.member["phone"])
    ui.expect_no_text(digits)


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


@then("パスワードは登録されず、パスワード入力画面のままである")
def _(ui):
    """The verdict of a password rule (⑧): the password is refused, ⑧ is still shown and ⑨ is not reached. The
    document gives no message for it; what the page says is checked apart, as (推定)."""
    PasswordScreen(ui).expect_shown()
    ui.expect_no_text(CompleteScreen.marker)


@when("条件を満たすパスワードを入力して「登録する」を押す")
def _(ui, world):
    PasswordScreen(ui).set_password(GOOD_PASSWORD, GOOD_PASSWORD)
    world.member["password"] = GOOD_PASSWORD


@when("登録したMy APLUS IDとパスワードでログインする")
def _(ui, world):
    LoginScreen(ui).log_in(world.values.get("email") or world.member["card_email"], GOOD_PASSWORD)


# flow -----------------------------------------------------------------------------------------
@then(phrase("「{name}」へは進まない"))
def _(ui, name):
    """The step was refused: the screen it would lead to is not shown (its heading and its own sentence)."""
    target = SCREENS[name]
    ui.expect_no_text(target.marker or target.heading)


@then(phrase("「{name}」を押して次に進める"))
def _(ui, name):
    """The document says to press it (「…」を押し); whether it is a button or a link it does not say."""
    ui.find("button", name)


# ⑪ top ---------------------------------------------------------------------------------
@then(phrase("メニュー「{item}」がある"))
def _(ui, item):
    ui.expect_link(item)


DATE_TIME = re.compile(
    r"(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?\s*(?:[(][^)]{1,3}[)])?\s*(午前|午後|AM|PM)?\s*"
    r"(\d{1,2})\s*[:時]\s*(\d{1,2})\s*分?(?:\s*:\s*\d{1,2}|\s*\d{1,2}\s*秒)?", re.I)


def _moments(text: str) -> list[tuple[datetime, str]]:
    """Every date-time a Japanese page may write (2026/04/01 10:00, 2026年4月1日 10時00分, with or without zero
    padding, seconds, a weekday or 午前/午後), with the text it was read from."""
    found = []
    for m in DATE_TIME.finditer(unicodedata.normalize("NFKC", text)):
        year, month, day, half, hour, minute = m.group(1), m.group(2), m.group(3), m.group(4), int(m.group(5)), int(m.group(6))
        if half and half.upper() in ("午後", "PM") and hour < 12:
            hour += 12
        try:
            found.append((datetime(int(year), int(month), int(day), hour, minute), m.group(0).strip()))
        except ValueError:
            continue
    return found


@then(phrase("前回ログイン日時に前回ログインした「{moment}」が表示される"))
def _(ui, world, moment):
    """Documented (⑪ 「前回ログイン日時 :2024年12月23日 10:19」): the label and the moment of the previous login.
    Any common rendering of that moment is accepted; the document's own style is checked apart, as (推定)."""
    expected = _moments(moment)
    assert expected, f"the scenario's moment 「{moment}」 is not a date-time"
    ui.expect_text(TopScreen.marker)
    text = _page_text(ui)
    after = [text[i.end():i.end() + 60] for i in re.finditer(re.escape(TopScreen.marker), text)]
    shown = [m for part in after for m in _moments(part)[:1]]
    assert any(at == expected[0][0] for at, _ in shown), (
        f"前回ログイン日時 should show the previous login {expected[0][0]:%Y-%m-%d %H:%M}; the page shows "
        f"{[s for _, s in shown] or [a[:40] for a in after] or 'no 前回ログイン日時'}")
    world.values["previous_login"] = next(s for at, s in shown if at == expected[0][0])


@then(phrase("前回ログイン日時は「{example}」と同じ形式で表示される(推定)"))
def _(world, example):
    """The document's example writes 「YYYY年M月D日 HH:MM」; zero padding cannot be told from it and is not judged."""
    shown = world.values.get("previous_login", "")
    style = r"\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}"
    judgement.check_inferred(bool(re.fullmatch(style, example)) and bool(re.fullmatch(style, shown)),
                             "the format of 前回ログイン日時", f"as the document writes it: 「{example}」", shown)


@when("ログアウトする")
def _(ui):
    ui.press(TopScreen.LOGOUT)


# ⑫ lock, reissue, new registration ------------------------------------------------------
@when("届いた再発行メールのURLを開く")
def _open_reissue_link(ui, stubs, world):
    mail = stubs.latest("mails", world.member["myaplus_id"], "password reissue mail")
    url = next((w for w in mail["body"].split() if w.startswith("http")), None)
    assert url, f"no URL in the reissue mail: {mail['body']!r}"
    ui.open(url)


@when("新しいパスワードを再設定する")
def _(ui, world):
    world.member["password"] = "Nw8$rT5&kP"
    ResetPasswordScreen(ui).set_password(world.member["password"])


@when("再発行の手順でパスワードを再設定する(推定)")
def _(ui, stubs, world):
    """The way a reissue goes (a mailed URL, a screen to set the password) is not in the document: one inferred step."""
    ForgotPasswordScreen(ui).request_reissue(world.member["myaplus_id"])
    _open_reissue_link(ui, stubs, world)
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
    RegisterScreen(ui).register(world.member["myaplus_id"], world.member)


@then("その新規登録は受け付けられない")
def _(ui, stubs, world):
    """Documented (⑫ 「同一のメールアドレスではMy APLUS IDの新規登録はできません」): nothing goes out to the address (no
    code, no guidance) and the code screen is not reached. The message is checked apart, as (推定)."""
    address = world.member["myaplus_id"]
    ui.expect_no_text(EmailCodeScreen.marker)
    mails = stubs.received("mails", address)
    assert not mails, f"the registration with {address} went through: mails {[m['subject'] for m in mails]}"


@when(phrase("新規登録にメールアドレス「{address}」を入力する"))
def _(ui, world, address):
    RegisterScreen(ui).register(address, getattr(world, "member", None))


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


@then(phrase("{recipient}に件名「{subject}」のメールが届く(推定)"))
def _(stubs, world, recipient, subject):
    """A subject the document does not give: the mail's arrival is judged elsewhere, its subject only noted."""
    address = RECIPIENTS[recipient](world)
    mails = stubs.received("mails", address)
    subjects = [m["subject"] for m in mails]
    judgement.check_inferred(subject in subjects, "the subject of a mail", subject, ", ".join(subjects) or "no mail")
    world.values["mail"] = next((m for m in mails if m["subject"] == subject), mails[-1] if mails else None)


@then(phrase("{recipient}に認証コードのメールが届く"))
def _(stubs, world, recipient):
    """Documented (⑤ 「メールアドレスにお届けする数字4桁の認証コード」): a mail with a 4-digit code reaches the address."""
    address = RECIPIENTS[recipient](world)
    mail = stubs.latest("mails", address, "code mail")
    code_from_text(mail["body"])


@then("メール本文に会員のMy APLUS IDが書かれている")
def _(world):
    """Documented (⑫ 「「【My APLUS】アカウント停止のお知らせ」のメールに記載されているIDをご確認の上」): the mail names the ID."""
    body = unicodedata.normalize("NFKC", world.values["mail"]["body"])
    assert world.member["myaplus_id"] in body, f"the My APLUS ID {world.member['myaplus_id']} is not in the mail: {body[:300]!r}"


@then(phrase("メール本文に「{text}」と書かれている(推定)"))
def _(world, text):
    body = (world.values.get("mail") or {}).get("body", "")
    judgement.check_inferred(text in body, "a text of a mail", text, body[:200] or "no mail")


@then(phrase("メール本文に「{text}」と書かれている"))
def _(world, text):
    assert text in world.values["mail"]["body"], f"「{text}」 not in the mail body: {world.values['mail']['body']!r}"


@then(phrase("{recipient}にメールは届かない"))
def _(stubs, world, recipient):
    address = RECIPIENTS[recipient](world)
    assert stubs.received("mails", address) == [], f"unexpected mail to {address}: {stubs.received('mails', address)}"
