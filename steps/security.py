"""Steps of the security scenarios (features/security/): each Then observes the page or a stub and notes an
ADVISORY check against its clause (steps/evidence/advisory.py), never a failure. Reaches the site only through
the browser (``ui``), the control API (the clock) and the stubs, as every other step does."""
from __future__ import annotations

import math
import re
import unicodedata

from pytest_bdd import then, when

from .evidence import advisory
from .journeys.myaplus import e164
from .pages.myaplus import LoginScreen, PasswordScreen, PhoneCodeScreen, ResetPasswordScreen, TopScreen
from .pages.myaplus.complete import CompleteScreen
from .pages.myaplus.recovery import ForgotPasswordScreen
from .phrases import phrase
from .drivers.security_probes import alias_of, cookies, field_shown, origin, outcome, page_text, response_headers, shows
from .target.clients import code_from_text

MAX_FAILED_ATTEMPTS = 100  # NIST SP 800-63B §5.2.2
DOCUMENTED_CODE = re.compile(r"^\d{4}$")  # the document's 「数字4桁の認証コード」


# sessions (ASVS V7) ------------------------------------------------------------------------------------------
@when("ログイン前のクッキーを覚えておく")
def _(ui, world):
    world.values["cookies_before"] = cookies(ui)


@then(phrase("ログイン前のクッキーの値はログイン後に残っていない({clause})"))
def _(ui, world, clause):
    before, after = world.values["cookies_before"], cookies(ui)
    kept = sorted(name for name, value in before.items() if after.get(name) == value)
    advisory.check(not kept, clause, "the session is renewed at login",
                   "every cookie the site set before login has a new value after it",
                   f"kept unchanged: {kept}" if kept else f"before {sorted(before)} → after {sorted(after)}, all renewed")


@when(phrase("操作せずに{amount:d}{unit}が経過する"))
def _(control, world, amount, unit):
    seconds = amount * {"分": 60, "時間": 3600, "日": 86400}[unit]
    control.advance_clock(seconds)
    world.values["idle"] = f"{amount}{unit}"


@when("同じ画面を開き直す")
def _(ui):
    ui.open(ui.current_url())


@then(phrase("ログインし直しを求められる({clause})"))
def _(ui, world, clause):
    still = shows(ui, TopScreen, 1.0)
    advisory.check(not still, clause, f"the session ends after {world.values.get('idle', 'the wait')} unused",
                   "the top page is no longer shown (log in again)",
                   f"the top page ({TopScreen.marker}) is still shown at {ui.current_url()}" if still
                   else f"no top page at {ui.current_url()}")


# codes and tokens -------------------------------------------------------------------------------------------
@then(phrase("届いたSMSの認証コードは{bits:d}ビット以上の強さがある({clause})"))
def _(stubs, world, bits, clause):
    sms = stubs.latest("sms", e164(world.member["phone"]), "code SMS")
    code = code_from_text(sms["body"])
    alphabet = 10 if code.isdigit() else 36 if code.isalnum() else 94
    strength = len(code) * math.log2(alphabet)
    advisory.check(strength >= bits, clause, "the strength of the out-of-band code", f"≥ {bits} bits",
                   f"a {len(code)}-character code over {alphabet} symbols: {strength:.1f} bits"
                   + (" — as the document asks (「数字4桁の認証コード」)" if DOCUMENTED_CODE.match(code) else ""),
                   on_document=bool(DOCUMENTED_CODE.match(code)))


@then(phrase("正しい認証コードも受け付けられない({clause})"))
def _(ui, world, clause):
    limit = world.config.get("code_lock_threshold")
    passed = shows(ui, PasswordScreen, 1.0)
    advisory.check(not passed and isinstance(limit, int) and limit <= MAX_FAILED_ATTEMPTS, clause,
                   "wrong codes are rate limited", f"locked after at most {MAX_FAILED_ATTEMPTS} wrong codes",
                   f"after {limit} wrong codes the right code " + ("was accepted (パスワード入力画面)" if passed else "was refused"))


@when(phrase("「認証コードを再送信する」を{times:d}回押す"))
def _(ui, world, times):
    for _ in range(times):
        ui.press(PhoneCodeScreen.RESEND)
    world.values["resends"] = times


@then(phrase("再送信は回数が制限されている({clause})"))
def _(ui, stubs, world, clause):
    presses = world.values["resends"]
    sent = len(stubs.received("sms", e164(world.member["phone"])))
    advisory.check(sent < presses + 1, clause, "code resends are limited (SMS pumping)",
                   f"fewer than {presses + 1} SMS for 1 code and {presses} resends",
                   f"{sent} SMS reached the phone; the page says: {(ui.alerts() or ['nothing'])[-1][:80]}")


@when("使った認証コードをもう一度入力しようとする")
def _(ui, world):
    """On the code screen again (the way back kept it): the code just used; a site that no longer shows that screen
    cannot take the code again."""
    if shows(ui, PhoneCodeScreen, 2.0):
        PhoneCodeScreen(ui).enter(world.values["phone_code_used"])
        world.values["code_again"] = "entered"
    else:
        world.values["code_again"] = f"the code screen is not shown again ({ui.current_url()})"


@then(phrase("使った認証コードは受け付けられない({clause})"))
def _(ui, world, clause):
    tried = world.values["code_again"]
    accepted = tried == "entered" and outcome(ui, PasswordScreen, PhoneCodeScreen, 2.0)
    said = " / ".join(ui.alerts())[:120]
    advisory.check(not accepted, clause, "a verification code is usable once", "the used code refused, or no way to enter it",
                   "accepted again: パスワード入力画面 shown after entering the used code on the code screen" if accepted else
                   (f"refused ({said or 'no message'})" if tried == "entered" else tried))


@when(phrase("同じ再発行メールのURLでパスワード「{password}」を再設定しようとする"))
def _(ui, stubs, world, password):
    mail = stubs.latest("mails", world.member["myaplus_id"], "password reissue mail")
    url = next(w for w in mail["body"].split() if w.startswith("http"))
    ui.open(url)
    world.values["second_form"] = field_shown(ui, ResetPasswordScreen.NEW, 1.0)
    if world.values["second_form"]:
        ResetPasswordScreen(ui).set_password(password)
    world.values["second_password"] = password


@when("ログイン画面で2度目のパスワードでログインする")
def _(ui, world):
    login = LoginScreen(ui)
    login.open()
    login.log_in(world.member["myaplus_id"], world.values["second_password"])


@then(phrase("2度目の再設定は受け付けられていない({clause})"))
def _(ui, world, clause):
    logged_in = shows(ui, TopScreen, 1.0)
    form = "the reset form was shown again" if world.values["second_form"] else "no reset form"
    advisory.check(not logged_in, clause, "a password reset link is usable once",
                   "the second password set through a used link does not log in",
                   f"{form}; the second password " + ("logged in" if logged_in else "did not log in"))


# links and Host ---------------------------------------------------------------------------------------------
@when("別のホスト名で開いたパスワード再発行画面から、My APLUS IDで再発行を申し込む")
def _(ui, world):
    alias = alias_of(ui.base_url)
    public = ui.base_url
    world.values["public_origin"], world.values["alias_origin"] = origin(public), origin(alias)
    path = getattr(ui, "urls", {}).get(ForgotPasswordScreen.key) or ForgotPasswordScreen.path
    ui.open(alias + path[len(origin(path)):] if "://" in path else alias + path)
    ForgotPasswordScreen(ui).request_reissue(world.member["myaplus_id"])


@then(phrase("再発行メールのURLは公開されたオリジンを指す({clause})"))
def _(stubs, world, clause):
    mail = stubs.latest("mails", world.member["myaplus_id"], "password reissue mail")
    urls = [w for w in mail["body"].split() if w.startswith("http")]
    seen = sorted({origin(u) for u in urls})
    advisory.check(bool(urls) and world.values["alias_origin"] not in seen, clause,
                   "mailed links do not follow the Host header",
                   f"links to {world.values['public_origin']}, not to the Host the browser sent ({world.values['alias_origin']})",
                   f"links to {seen or 'nothing (no URL in the mail)'}")


# headers ---------------------------------------------------------------------------------------------------
HEADER_CHECKS = {
    "ASVS-V3.4.3": ("a Content-Security-Policy", lambda h: bool(h.get("content-security-policy"))),
    "ASVS-V3.4.4": ("X-Content-Type-Options: nosniff", lambda h: h.get("x-content-type-options", "").lower() == "nosniff"),
    "ASVS-V3.4.5": ("a Referrer-Policy of no-referrer, same-origin or strict-origin(-when-cross-origin)",
                    lambda h: h.get("referrer-policy", "").lower().split(",")[-1].strip()
                    in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")),
    "ASVS-V3.4.6": ("framing refused: CSP frame-ancestors, or X-Frame-Options DENY / SAMEORIGIN",
                    lambda h: "frame-ancestors" in h.get("content-security-policy", "")
                    or h.get("x-frame-options", "").upper() in ("DENY", "SAMEORIGIN")),
}
SHOWN_HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy")


@then(phrase("画面の応答にセキュリティヘッダ({clause})がある"))
def _(ui, clause):
    headers = response_headers(ui)
    expected, ok = HEADER_CHECKS[clause]
    shown = {k: headers[k][:80] for k in SHOWN_HEADERS if k in headers}
    advisory.check(ok(headers), clause, f"security headers of {ui.current_url()}", expected, shown or "none of them")


# enumeration by message -----------------------------------------------------------------------------------
def _said(ui, *hide: str) -> str:
    """What the page says after a submit (its alerts, else its text), the addresses typed in taken out."""
    said = " / ".join(ui.alerts()) or page_text(ui)
    for value in hide:
        said = said.replace(value, "…")
    return unicodedata.normalize("NFKC", said)[:300]


@when("表示されたメッセージを覚えておく")
def _(ui, world):
    world.values.setdefault("said", []).append(_said(ui, world.member.get("myaplus_id", ""), "nobody@example.jp"))


@then(phrase("会員がいる場合といない場合で同じメッセージが表示される({clause})"))
def _(ui, world, clause):
    known, unknown = world.values["said"][-1], _said(ui, world.member.get("myaplus_id", ""), "nobody@example.jp")
    advisory.check(known == unknown, clause, "an account cannot be told apart by the message",
                   "the same message for a member and for an unknown ID",
                   f"member: 「{known[:120]}」; unknown: 「{unknown[:120]}」")


# the document's password rules (NIST §5.1.1.2) ---------------------------------------------------------------
@then(phrase("そのパスワードは受け付けられる({clause})"))
def _(ui, clause):
    accepted = outcome(ui, CompleteScreen, PasswordScreen, 2.0)
    refused_on = not accepted and shows(ui, PasswordScreen, 0)
    said = " / ".join(ui.alerts())[:120]
    advisory.check(accepted, clause, "the password rules", "a long or single-class password is accepted",
                   "accepted (登録完了画面)" if accepted else
                   f"refused ({'パスワード入力画面' if refused_on else ui.current_url()}: {said or 'no message'}); "
                   "the document asks for 8–20 characters mixing letters, digits and symbols (⑧)",
                   on_document=True)
