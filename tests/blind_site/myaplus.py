"""My APLUS: the migration from NETstation*APLUS (document 003, screens ①–⑫)."""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from .core import iso, new_token, phone_kind, to_e164
from .markup import ap_page, e

MSG_LOGIN_FAIL = "入力されたIDとパスワードではログインできません"
MSG_OLD_LOCKED = "入力されたIDはロックされているためログインできません"
MSG_HALFWIDTH = "ID・パスワードは半角英数字記号で入力してください。"
MSG_EMAIL_TAKEN = "ご入力いただいたメールアドレスはご利用いただけません。"
MSG_EMAIL_BAD = "メールアドレスの入力に誤りがあります。"
MSG_REQUIRED = "入力必須項目です。"
MSG_CODE_MISMATCH = "認証コードが一致しません"
MSG_CODE_EXPIRED = "認証コードの有効期限が切れています"
MSG_CODE_LOCKED = "一定回数以上入力に誤りがあったため、My APLUSの認証機能がロックされました"
LOCK_SUBJECT = "【My APLUS】アカウント停止のお知らせ"
CODE_MAIL_SUBJECT = "【My APLUS】メールアドレス確認用 認証コードのお知らせ"
RESET_SUBJECT = "【My APLUS】パスワード再設定のご案内"

P = {  # our own URL scheme
    "signin": "/ap/signin", "terms": "/ap/kiyaku", "mail_choice": "/ap/mail-id", "mail_new": "/ap/mail-id/input",
    "mail_verify": "/ap/mail-id/verify", "mail_confirm": "/ap/mail-id/confirm", "tel": "/ap/tel-verify",
    "password": "/ap/passwd", "done": "/ap/complete", "home": "/ap/home", "signout": "/ap/signout",
    "reminder": "/ap/reminder", "reminder_reset": "/ap/reminder/reset", "entry": "/ap/entry", "help": "/ap/help",
}

ASCII_PRINTABLE = re.compile(r"[\x21-\x7e]+")
SYMBOLS = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


# ---------------------------------------------------------------- rules
def mask_email(addr: str) -> str:
    local, _, domain = addr.partition("@")
    labels = domain.split(".")
    head = labels[0]
    keep = ".".join(labels[1:])
    masked_local = local[:1] + "*" * max(len(local) - 1, 3)
    masked_head = head[:1] + "*" * max(len(head) - 1, 2)
    return f"{masked_local}@{masked_head}" + (f".{keep}" if keep else "")


def mask_phone(phone: str) -> str:
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    visible = set(digits[:3]) | set(digits[-2:])
    return "".join(ch if (not ch.isdigit() or i in visible) else "*" for i, ch in enumerate(phone))


def email_problem(addr: str, defects: set[str]) -> str | None:
    if addr == "":
        return MSG_REQUIRED
    if any(ord(ch) > 0x7e for ch in addr):
        return None if "email_fullwidth_accepted" in defects else MSG_EMAIL_BAD
    if addr.startswith("@") or addr.endswith("@"):
        if "email_edge_at_accepted" in defects:
            return None
        return MSG_EMAIL_BAD
    if "@" not in addr:
        return MSG_EMAIL_BAD
    if addr.count("@") != 1 or len(addr) > 254:
        return MSG_EMAIL_BAD
    local, domain = addr.split("@")
    if not re.fullmatch(r"[A-Za-z0-9._+\-]+", local) or not re.fullmatch(r"[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", domain):
        return MSG_EMAIL_BAD
    return None


def password_problems(pw: str, confirm: str, acc: dict, *, strict: bool = False, defects: set[str] = frozenset()) -> list[str]:
    d = set() if strict else set(defects)
    out: list[str] = []
    if pw == "":
        return [MSG_REQUIRED]
    fullwidth = any(ord(ch) > 0x7e or ord(ch) < 0x21 for ch in pw)
    lo, hi = (7 if "password_min_length_7" in d else 8), (10 ** 6 if "password_max_length_unenforced" in d else 20)
    if not lo <= len(pw) <= hi:
        out.append("パスワードは8~20文字で設定してください。")
    if fullwidth and "password_fullwidth_accepted" not in d:
        out.append("パスワードに使用できない文字が含まれています。半角英数字・記号で設定してください。")
    has_alpha = any(ch.isascii() and ch.isalpha() for ch in pw)
    has_digit = any(ch.isascii() and ch.isdigit() for ch in pw)
    has_symbol = any(ch in SYMBOLS for ch in pw)
    if not (has_alpha and has_digit and (has_symbol or "password_symbol_not_required" in d)):
        out.append("アルファベット・数字・記号の3種類すべてを組み合わせてください。")
    if "password_personal_data_accepted" not in d and personal_data_in(pw, acc):
        out.append("生年月日・電話番号・お名前・カード番号など、第三者に推測されやすい文字列はパスワードに使用できません。")
    if "password_confirmation_ignored" not in d and pw != confirm:
        out.append("確認用に入力されたパスワードが一致しません。")
    return out


def personal_data_in(pw: str, acc: dict) -> bool:
    low = pw.lower()
    birth = (acc.get("birth_date") or "").replace("-", "")
    needles = []
    if len(birth) == 8:
        needles += [birth, birth[2:]]
    phone = "".join(ch for ch in acc.get("phone", "") if ch.isdigit())
    if phone:
        needles += [phone, phone[-4:]]
    card = acc.get("card_number", "")
    if card:
        needles += [card, card[-4:]]
    for part in (acc.get("name_roman") or "").lower().split():
        if len(part) >= 3:
            needles.append(part)
    return any(n and n.lower() in low for n in needles)


# ---------------------------------------------------------------- routes
def myaplus_routes(site) -> list[Route]:
    S = site.settings

    def on(name: str) -> bool:
        return site.on(name)

    def page(title: str, body: str, **kw) -> HTMLResponse:
        return HTMLResponse(ap_page(title, body, **kw))

    def go(key: str, query: str = "") -> RedirectResponse:
        return RedirectResponse(P[key] + query, status_code=303)

    def account_of(flow) -> dict | None:
        return site.store.accounts.get(flow.get("account_id")) if flow else None

    def flow_ok(s: dict, step: str) -> dict | None:
        flow = s.get("ap")
        if not flow or account_of(flow) is None:
            return None
        reg = flow["mode"] == "register"
        agreed = flow["agreed"] or on("terms_skippable")
        ok = {
            "terms": True,
            "mail_choice": agreed and not reg,
            "mail_new": agreed and (reg or flow["choice"] == "new"),
            "mail_verify": bool(flow["new_email"]) and agreed,
            "mail_confirm": flow["email_verified"] and not reg,
            "tel": agreed and (flow["choice"] == "card" or (flow["email_verified"] and (reg or flow["change_ok"]))),
            "password": flow["phone_verified"] or (on("phone_auth_skippable") and agreed and (
                flow["choice"] == "card" or flow["email_verified"])),
        }[step]
        return flow if ok else None

    def start_flow(s: dict, acc: dict, mode: str) -> None:
        s["ap"] = {"account_id": acc["id"], "mode": mode, "agreed": False, "choice": None, "new_email": None,
                   "email_verified": False, "change_ok": False, "sms_sent": False, "voice_sent": False,
                   "phone_verified": False}
        s.pop("ap_done", None)

    # ---- verification codes
    def ttl() -> int:
        return 600 if on("code_ttl_10_minutes") else S.code_ttl_seconds

    def issue_code(acc: dict, channel: str, digits: int = 4) -> str:
        code = "".join(secrets.choice("0123456789") for _ in range(digits))
        entry = {"code": code, "issued_at": site.now(), "used": False}
        key = (acc["id"], channel)
        if on("resend_keeps_old_code"):
            site.store.codes.setdefault(key, []).append(entry)
        else:
            site.store.codes[key] = [entry]
        return code

    def code_lock_active(acc: dict) -> bool:
        until = acc["code_locked_until"]
        if until is None:
            return False
        if site.now() >= until and not on("code_lock_permanent"):
            acc["code_locked_until"] = None
            acc["code_failures"] = 0
            return False
        return True

    def check_code(acc: dict, channel: str, entered: str) -> str | None:
        """None when accepted, else the message to show."""
        if code_lock_active(acc):
            return MSG_CODE_LOCKED
        entered = entered.strip()
        if entered == "":
            return MSG_REQUIRED
        now = site.now()
        for entry in reversed(site.store.codes.get((acc["id"], channel), [])):
            if entry["code"] != entered or (entry["used"] and not on("code_reusable")):
                continue
            if (now - entry["issued_at"]).total_seconds() > ttl():
                return MSG_CODE_MISMATCH if on("expired_code_says_mismatch") else MSG_CODE_EXPIRED
            entry["used"] = True
            acc["code_failures"] = 0
            return None
        acc["code_failures"] += 1
        if not on("code_lock_never") and acc["code_failures"] >= S.code_lock_threshold:
            acc["code_locked_until"] = now + timedelta(minutes=S.code_lock_minutes)
            return MSG_CODE_LOCKED
        return "認証コードが正しくありません" if on("code_mismatch_reworded") else MSG_CODE_MISMATCH

    # ---- lock mails
    async def lock_mail(to: str, the_id: str, kind: str) -> None:
        subject = "【My APLUS】アカウント停止のご連絡" if on("lock_mail_subject_reworded") else LOCK_SUBJECT
        body = (f"My APLUSをご利用いただき、ありがとうございます。\n\n"
                f"パスワードの入力誤りが一定回数を超えたため、セキュリティ保護のため下記IDのご利用を停止いたしました。\n\n"
                f"  {kind}：{the_id}\n  停止日時：{site.now().strftime('%Y年%m月%d日 %H:%M')}\n\n"
                f"My APLUS IDをお持ちの方は、ログイン画面内の「パスワードを忘れた方はこちら」よりパスワード再発行をお試しください。\n"
                f"NETstation*APLUS IDをご利用の方は、ログイン画面内の「My APLUS ID作成はこちら」より"
                f"My APLUS IDの新規登録を行ってください。\n\n※本メールは送信専用です。\n株式会社アプラス My APLUS事務局\n")
        await site.send_mail(S.mail_from_myaplus, to, subject, body)

    # ---------------------------------------------------------------- ① / ⑩ / ⑫ login
    def login_page(message: str = "", lock_block: bool = False, user_id: str = "", info: str = "") -> HTMLResponse:
        alert = ""
        if lock_block:
            alert = (f'<div class="ap-alert" id="lock-message"><p>パスワードを一定回数以上誤って入力されたため、IDが無効となっています。</p>'
                     f'<p>旧NETstation*APLUS IDを入力されていた方、初回IDを入力されていた方は、<a href="{P["entry"]}">こちら</a>'
                     f'よりMy APLUS IDの新規作成をしてください。</p>'
                     f'<p>My APLUS IDを入力されていた方は、<a href="{P["reminder"]}">パスワードを忘れた方はこちら</a>をクリックしてください。</p></div>')
        elif message:
            alert = f'<div class="ap-alert" id="login-error">{message}</div>'
        if info:
            alert = f'<div class="ap-info">{e(info)}</div>' + alert
        links = []
        links.append('<p class="ap-note">新しいメールアドレスをMy APLUS IDとして新規登録したい場合、My APLUSのログインIDがわからない場合</p>')
        if not on("register_link_missing"):
            links.append(f'<p>→ <a href="{P["entry"]}">My APLUS ID作成はこちら</a></p>')
        links.append('<p class="ap-note">My APLUS IDに登録されていて、パスワードを忘れた場合</p>')
        if not on("forgot_link_missing"):
            links.append(f'<p>→ <a href="{P["reminder"]}">パスワードを忘れた方はこちら</a></p>')
        links.append(f'<p><a href="{P["help"]}">ログインにお困りの方はこちら</a></p>')
        body = f"""
<h1>My APLUS ログイン</h1>
{alert}
<div class="ap-cols">
<section>
<form method="post" action="{P['signin']}" autocomplete="off" novalidate>
  <div class="ap-row"><label for="ap-login-id">My APLUS ID</label>
    <input type="text" id="ap-login-id" name="login_name" value="{e(user_id)}" placeholder="ID" inputmode="email"></div>
  <div class="ap-row"><label for="ap-login-pw">パスワード</label>
    <input type="password" id="ap-login-pw" name="login_secret" placeholder="パスワード"></div>
  <p class="ap-note">※間違えやすい英数字・アルファベットにご注意ください。(数字の「1」、大文字「I」(アイ)、小文字「l」等)<br>
  ※ID・パスワードは半角英数字記号で入力してください。<br>
  ※コピー&amp;ペースト機能では空白や改行コードが混入する場合がございますので、直接入力をお試しください。</p>
  <div class="ap-actions"><button class="ap-primary" type="submit">ログイン</button></div>
</form>
{''.join(links)}
</section>
<aside class="ap-side">
  <h2>NETstation*APLUSをご利用いただいていた方</h2>
  <p>My APLUSではログインに利用するID・パスワードが異なります。NETstation*APLUSをご利用いただいていた方は、以前使われていたログインID・パスワードをご入力ください。ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。</p>
  <p>初めてログインする際には、ご登録された電話番号(SMSまたは音声)での認証が必要となります。</p>
  <h2>初めてご利用される方</h2>
  <p>My APLUS(または旧NETstation*APLUS)をご利用されたことのない方は、カード発行時に送付される初期ID・パスワードをご入力いただくか、<a href="{P['entry']}">こちら</a>より新規会員登録を行ってください。</p>
</aside>
</div>"""
        return page("ログイン", body)

    async def signin(request: Request) -> Response:
        s = site.session(request)
        if request.method == "GET":
            info = ""
            if request.query_params.get("m") == "restart":
                info = "お手続きの途中で画面が切り替わったため、最初からお手続きください。"
            return login_page(info=info)
        f = await site.form(request)
        login_id, secret = f.get("login_name", ""), f.get("login_secret", "")
        if login_id == "" or secret == "":
            return login_page("My APLUS IDとパスワードを入力してください。", user_id=login_id)
        if not ASCII_PRINTABLE.fullmatch(login_id) or not ASCII_PRINTABLE.fullmatch(secret):
            return login_page(MSG_HALFWIDTH, user_id=login_id)
        generic = MSG_LOGIN_FAIL + ("でした。" if on("login_error_reworded") else "")
        accounts = site.store.accounts.values()
        acc = next((a for a in accounts if a["myaplus_id"] and a["myaplus_id"].lower() == login_id.lower()), None)
        if acc is not None:
            if acc["locked"]:
                return login_page(lock_block=True)
            if secret != acc["password"]:
                acc["failures"] += 1
                limit = S.account_lock_threshold + (1 if on("account_lock_late") else 0)
                if not on("account_lock_never") and acc["failures"] >= limit:
                    acc["locked"] = 1
                    if not on("account_lock_mail_missing"):
                        to = acc["card_email"] if on("account_lock_mail_to_card_email") else acc["myaplus_id"]
                        await lock_mail(to, acc["myaplus_id"], "My APLUS ID")
                    return login_page(lock_block=True)
                return login_page(generic + '<br>My APLUS ID(メールアドレス)とパスワードの正しい組み合わせでの入力をお願いいたします。',
                                  user_id=login_id)
            acc["failures"] = 0
            acc["previous_login_at"] = acc["last_login_at"]
            acc["last_login_at"] = site.now()
            s.pop("ap", None)
            s["ap_user"] = acc["id"]
            return go("home")
        acc = next((a for a in accounts if a["old_id"] == login_id or (
            on("old_id_works_after_migration") and a["retired_old_id"] == login_id)), None)
        if acc is None:
            return login_page(generic, user_id=login_id)
        if acc["old_locked"]:
            return login_page(MSG_OLD_LOCKED + '<br>セキュリティ保護のためロックさせていただいております。'
                              f'ログイン画面内の「<a href="{P["entry"]}">My APLUS ID作成はこちら</a>」からMy APLUS IDの新規登録を行ってください。',
                              user_id=login_id)
        expected = acc["old_password"] if acc["old_id"] == login_id else acc.get("retired_old_password")
        if secret != expected:
            acc["old_failures"] += 1
            limit = S.old_id_lock_threshold + (1 if on("old_id_lock_late") else 0)
            if not on("old_id_lock_never") and acc["old_failures"] >= limit:
                acc["old_locked"] = 1
                if not on("old_id_lock_mail_missing"):
                    await lock_mail(acc["card_email"], login_id, "NETstation*APLUS ID")
                return login_page(MSG_OLD_LOCKED + '<br>セキュリティ保護のためロックさせていただいております。'
                                  f'ログイン画面内の「<a href="{P["entry"]}">My APLUS ID作成はこちら</a>」からMy APLUS IDの新規登録を行ってください。',
                                  user_id=login_id)
            return login_page(generic, user_id=login_id)
        acc["old_failures"] = 0
        s.pop("ap_user", None)
        start_flow(s, acc, "migrate")
        return go("terms")

    def restart() -> RedirectResponse:
        return go("signin", "?m=restart")

    # ---------------------------------------------------------------- ② terms
    async def terms(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "terms")
        if flow is None:
            return restart()
        if request.method == "POST":
            f = await site.form(request)
            if f.get("op") == "agree":
                flow["agreed"] = True
                return go("mail_new" if flow["mode"] == "register" else "mail_choice")
            if not on("terms_cancel_keeps_progress"):
                s.pop("ap", None)
            return go("signin")
        body = f"""
<h1>My APLUS会員規約</h1>
<p>以下、My APLUS会員規約をよくお読みのうえ「同意して進む」ボタンをクリックしてお進みください。</p>
<section class="ap-terms" tabindex="0" aria-label="My APLUS会員規約本文">
<h2>My APLUS会員規約</h2>
<p>第1条（目的）本規約は、株式会社アプラス（以下「当社」）が提供するインターネットサービス「My APLUS」（以下「本サービス」）の利用条件を定めるものです。</p>
<p>第2条（会員）会員とは、本規約に同意のうえ当社所定の手続きによりMy APLUS IDを登録した方をいいます。</p>
<p>第3条（ID・パスワードの管理）会員は、My APLUS IDおよびパスワードを自己の責任で管理し、第三者に使用させてはなりません。</p>
<p>第4条（登録情報の変更）会員は、登録したメールアドレス等に変更があった場合、速やかに変更の手続きを行うものとします。</p>
<p>第5条（利用停止）当社は、パスワードの入力誤りが一定回数を超えた場合その他当社が必要と認めた場合、本サービスの利用を停止することがあります。</p>
<p>第6条（規約の変更）当社は、本規約を変更することがあります。変更後の規約は本サービス上に掲示した時点から効力を生じます。</p>
</section>
<form method="post" action="{P['terms']}">
<div class="ap-actions"><button class="ap-secondary" type="submit" name="op" value="cancel">キャンセル</button>
<button class="ap-primary" type="submit" name="op" value="agree">同意して進む</button></div></form>"""
        return page("My APLUS会員規約", body)

    # ---------------------------------------------------------------- ③ card e-mail as My APLUS ID?
    def email_taken(addr: str, acc: dict, mode: str) -> bool:
        for other in site.store.accounts.values():
            if other["myaplus_id"] and other["myaplus_id"].lower() == addr.lower():
                if other["id"] == acc["id"] and mode == "migrate":
                    continue
                return True
        return False

    async def mail_choice(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "mail_choice")
        if flow is None:
            return restart()
        acc = account_of(flow)
        message = ""
        if request.method == "POST":
            f = await site.form(request)
            if f.get("op") == "yes":
                if email_taken(acc["card_email"], acc, "migrate"):
                    message = ("クレジットカードに登録されているメールアドレスは、既にMy APLUS IDとして登録されています。"
                               "「いいえ」を押し、ご自身のみが使用しているメールアドレスをご登録ください。")
                else:
                    flow.update(choice="card", new_email=None, email_verified=False, change_ok=False)
                    return go("tel")
            elif f.get("op") == "no":
                flow.update(choice="new")
                return go("mail_new")
        body = f"""
<h1>メールアドレス登録</h1>
{f'<div class="ap-alert">{e(message)}</div>' if message else ''}
<p class="ap-info">複数のクレジットカードをお持ちで同一メールアドレスを登録されている方は、自動的に1つのアカウントに複数のカード情報が紐づく場合がございます。</p>
<p>My APLUSでは、お客さまのメールアドレスがログインIDとなります。</p>
<p><strong>クレジットカードに登録されているメールアドレス (<span class="ap-masked">{e(mask_email(acc['card_email']))}</span>)をMy APLUS IDとして登録しますか?</strong></p>
<p>表示のものとは異なるメールアドレスを希望される場合は「いいえ」を押してください。</p>
<p>この場合、クレジットカードに登録されているメールアドレスも変更となります。</p>
<form method="post" action="{P['mail_choice']}"><div class="ap-actions">
<button class="ap-secondary" type="submit" name="op" value="no">いいえ</button>
<button class="ap-primary" type="submit" name="op" value="yes">はい</button></div></form>"""
        return page("メールアドレス登録", body)

    # ---------------------------------------------------------------- ④ new e-mail
    async def mail_new(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "mail_new")
        if flow is None:
            return restart()
        acc = account_of(flow)
        message, value = "", ""
        if request.method == "POST":
            f = await site.form(request)
            if f.get("op") == "back":
                s.pop("ap", None)
                return go("signin")
            value = f.get("new_mail_addr", "")
            message = email_problem(value, site.defects) or ""
            skip_taken = on("register_same_email_allowed") if flow["mode"] == "register" else on("email_taken_accepted")
            if not message and not skip_taken and email_taken(value, acc, flow["mode"]):
                message = MSG_EMAIL_TAKEN
            if not message:
                code = issue_code(acc, "mail")
                sent = await site.send_mail(S.mail_from_myaplus, value, CODE_MAIL_SUBJECT, code_mail_body(code))
                if sent:
                    flow.update(new_email=value, email_verified=False, change_ok=False)
                    return go("mail_verify")
                site.store.codes.pop((acc["id"], "mail"), None)
                message = "認証コードのメール送信に失敗しました。お手数ですが、しばらくしてから再度お試しください。"
        body = f"""
<h1>メールアドレス登録</h1>
{f'<div class="ap-alert" id="mail-error">{e(message)}</div>' if message else ''}
<p class="ap-info">クレジットカードに登録されているメールアドレスが既にMy APLUS IDとして登録されていることがございます。お手数ですが、ご自身のみが使用しているメールアドレスでMy APLUS IDを登録していただけますようお願いいたします。</p>
<form method="post" action="{P['mail_new']}" novalidate>
<div class="ap-row"><label for="ap-new-mail"><span class="ap-req">必須</span>My APLUS IDとして登録するメールアドレス</label>
<input type="email" id="ap-new-mail" name="new_mail_addr" value="{e(value)}" placeholder="例:abc@aplus.jp" autocomplete="email">
<p class="ap-note">例:abc@aplus.jp</p></div>
<div class="ap-actions"><button class="ap-secondary" type="submit" name="op" value="back" formnovalidate>ログインへ戻る</button>
<button class="ap-primary" type="submit" name="op" value="register">登録</button></div></form>"""
        return page("メールアドレス登録", body)

    def code_mail_body(code: str) -> str:
        return (f"My APLUSをご利用いただき、ありがとうございます。\n\n"
                f"メールアドレス確認のための認証コードをお送りします。\n\n  認証コード：{code}\n\n"
                f"認証コード入力画面にて上記の数字をご入力ください。\n"
                f"※認証コードの有効期限は発行から5分となります。\n"
                f"※本メールにお心当たりのない場合は、破棄してください。\n\n株式会社アプラス My APLUS事務局\n")

    # ---------------------------------------------------------------- ⑤ e-mail code
    async def mail_verify(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "mail_verify")
        if flow is None:
            return restart()
        acc = account_of(flow)
        message, info = "", ""
        if request.method == "POST":
            f = await site.form(request)
            if f.get("op") == "resend":
                if code_lock_active(acc):
                    message = MSG_CODE_LOCKED
                else:
                    code = issue_code(acc, "mail")
                    if await site.send_mail(S.mail_from_myaplus, flow["new_email"], CODE_MAIL_SUBJECT, code_mail_body(code)):
                        info = "認証コードを再送信しました。新たに送信された認証コードを入力してください。"
                    else:
                        site.store.codes.pop((acc["id"], "mail"), None)
                        message = "認証コードのメール送信に失敗しました。お手数ですが、しばらくしてから再度お試しください。"
            else:
                problem = check_code(acc, "mail", f.get("mail_pin", ""))
                if problem is None:
                    flow["email_verified"] = True
                    return go("tel" if flow["mode"] == "register" else "mail_confirm")
                message = problem
        body = f"""
<h1>認証コード入力画面</h1>
{f'<div class="ap-info">{e(info)}</div>' if info else ''}
{f'<div class="ap-alert" id="code-error">{e(message)}</div>' if message else ''}
<p>入力していただいたメールアドレスで本人確認をさせていただきます。<br>メールアドレスにお届けする数字4桁の認証コードを入力してください。</p>
<p class="ap-note">送信先：{e(flow['new_email'])}</p>
<form method="post" action="{P['mail_verify']}" novalidate>
<div class="ap-row"><label for="ap-mail-pin"><span class="ap-req">必須</span>メールアドレスに送信された認証コードを入力してください。</label>
<p class="ap-note">※認証コードの有効期限は発行から5分となります。</p>
<input type="text" id="ap-mail-pin" name="mail_pin" inputmode="numeric" maxlength="4" placeholder="例:1234" autocomplete="one-time-code">
<p class="ap-note">例:1234 入力必須項目です。</p></div>
<div class="ap-actions"><button class="ap-primary" type="submit" name="op" value="verify">認証する</button></div>
</form>
<h2>※認証コードが届かない場合はこちら</h2>
<form method="post" action="{P['mail_verify']}">
<p><span class="ap-opt">任意</span>メールアドレスで再度認証コードを受け取る場合</p>
<div class="ap-actions"><button class="ap-secondary" type="submit" name="op" value="resend">認証コードを再送信する</button></div></form>"""
        return page("認証コード入力画面", body)

    # ---------------------------------------------------------------- ⑥ confirm changing the card e-mail
    async def mail_confirm(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "mail_confirm")
        if flow is None:
            return restart()
        if request.method == "POST":
            f = await site.form(request)
            if f.get("op") == "yes":
                flow["change_ok"] = True
                return go("tel")
            if not on("change_no_keeps_progress"):
                s.pop("ap", None)
            else:
                flow["change_ok"] = True
            return go("signin")
        body = f"""
<h1>メールアドレス登録</h1>
<p>入力いただいたメールアドレスをMy APLUS IDとして登録しますか?<br>続いて本人確認のため、登録済の電話番号に対して認証を行います。</p>
<dl class="ap-info"><dt>新しいMy APLUS ID(メールアドレス)</dt><dd id="ap-chosen-mail">{e(flow['new_email'])}</dd></dl>
<p class="ap-note">※「はい」を押すと、クレジットカードに登録されているメールアドレスも上記のメールアドレスに変更となります。</p>
<form method="post" action="{P['mail_confirm']}"><div class="ap-actions">
<button class="ap-secondary" type="submit" name="op" value="no">いいえ</button>
<button class="ap-primary" type="submit" name="op" value="yes">はい</button></div></form>"""
        return page("メールアドレス登録", body)

    # ---------------------------------------------------------------- ⑦ phone code (SMS / voice)
    def sms_body(code: str) -> str:
        return f"【My APLUS】認証コード {code} を画面に入力してください。有効期限は発行から5分です。"

    def spoken(code: str) -> str:
        return "マイアプラスです。認証コードをお知らせします。認証コードは、" + "、".join(code) + "、です。"

    async def send_phone_code(acc: dict, via: str) -> bool:
        if via == "voice":
            code = issue_code(acc, "phone", 6 if on("voice_code_six_digits") else 4)
            ok = await site.place_call(to_e164(acc["phone"]), spoken(code))
        else:
            code = issue_code(acc, "phone")
            if on("phone_code_by_mail"):
                ok = await site.send_mail(S.mail_from_myaplus, acc["card_email"], "【My APLUS】認証コードのお知らせ", sms_body(code))
            else:
                ok = await site.send_sms(to_e164(acc["phone"]), sms_body(code))
        if not ok:
            site.store.codes.pop((acc["id"], "phone"), None)
        return ok

    async def tel(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "tel")
        if flow is None:
            return restart()
        acc = account_of(flow)
        mobile = phone_kind(acc["phone"]) == "mobile" or on("sms_to_landline")
        message, info = "", ""
        if request.method == "GET" and mobile and not flow["sms_sent"]:
            if code_lock_active(acc):
                message = MSG_CODE_LOCKED
            elif await send_phone_code(acc, "sms"):
                flow["sms_sent"] = True
            else:
                message = "SMSの送信に失敗しました。お手数ですが、しばらくしてから「認証コードを再送信する」を押してください。"
        if request.method == "POST":
            f = await site.form(request)
            op = f.get("op")
            if op in ("resend", "voice"):
                via = "sms" if op == "resend" else "voice"
                if op == "resend" and not mobile:
                    via = "voice"
                if via == "voice" and not mobile and f.get("tel_target") != "registered":
                    message = "電話番号を選択してください。"
                elif code_lock_active(acc):
                    message = MSG_CODE_LOCKED
                elif await send_phone_code(acc, via):
                    flow["sms_sent" if via == "sms" else "voice_sent"] = True
                    info = ("認証コードをSMSで再送信しました。" if via == "sms"
                            else "ご登録の電話番号に自動音声でお電話しています。案内される認証コードを入力してください。")
                else:
                    message = ("SMSの送信に失敗しました。" if via == "sms" else "音声電話の発信に失敗しました。") + \
                              "お手数ですが、しばらくしてから再度お試しください。"
            else:
                problem = check_code(acc, "phone", f.get("tel_pin", ""))
                if problem is None:
                    flow["phone_verified"] = True
                    return go("password")
                message = problem
        masked = e(mask_phone(acc["phone"]))
        alerts = (f'<div class="ap-info">{e(info)}</div>' if info else '') + \
                 (f'<div class="ap-alert" id="code-error">{e(message)}</div>' if message else '')
        if mobile:
            voice = "" if on("voice_button_missing") else f"""
<form method="post" action="{P['tel']}">
<p><span class="ap-opt">任意</span>認証コードが届かない場合</p>
<p class="ap-note">※ カードに登録されている電話番号に自動音声にて認証コードを案内します。</p>
<div class="ap-actions"><button class="ap-secondary" type="submit" name="op" value="voice">音声電話で認証コードを送信</button></div></form>"""
            body = f"""
<h1>認証コード入力画面</h1>{alerts}
<p>ご登録いただいているお電話番号で本人確認をさせていただきます。<br>携帯電話はSMS、それ以外は音声電話でお送りする数字4桁の認証コードを入力してください。</p>
<form method="post" action="{P['tel']}" novalidate>
<div class="ap-row"><label for="ap-tel-pin"><span class="ap-req">必須</span>登録電話番号 <span class="ap-masked">{masked}</span> へSMSにて送信された認証コードを入力してください</label>
<input type="text" id="ap-tel-pin" name="tel_pin" inputmode="numeric" maxlength="6" placeholder="例:1234" autocomplete="one-time-code">
<p class="ap-note">例:1234 入力必須項目です。</p></div>
<div class="ap-actions"><button class="ap-primary" type="submit" name="op" value="verify">認証する</button></div>
<p class="ap-note">※認証コードの有効期限は発行から5分となります。</p>
</form>
<h2>※認証コードが届かない場合はこちら</h2>
<form method="post" action="{P['tel']}">
<p>SMSで再度認証コードを受け取る場合</p>
<div class="ap-actions"><button class="ap-secondary" type="submit" name="op" value="resend">認証コードを再送信する</button></div></form>
{voice}"""
        else:
            body = f"""
<h1>認証コード入力画面</h1>{alerts}
<p>ご登録いただいているお電話番号で本人確認をさせていただきます。<br>携帯電話はSMS、それ以外は音声電話でお送りする数字4桁の認証コードを入力してください。</p>
<form method="post" action="{P['tel']}">
<fieldset><legend><span class="ap-req">必須</span>登録電話番号に自動音声でコードを送信します。電話番号を選択して送信ボタンを押してください。</legend>
<input type="radio" id="ap-tel-target" name="tel_target" value="registered" checked>
<label for="ap-tel-target">登録電話番号:<span class="ap-masked">{masked}</span></label></fieldset>
<div class="ap-actions"><button class="ap-secondary" type="submit" name="op" value="voice">音声電話で認証コードを送信</button></div>
<p class="ap-note">※認証コードの有効期限は上記「音声電話で認証コードを送信」を押して発行されてから5分となります。</p>
</form>
<form method="post" action="{P['tel']}" novalidate>
<div class="ap-row"><label for="ap-tel-pin"><span class="ap-req">必須</span>自動音声で受け取った認証コードを入力してください</label>
<input type="text" id="ap-tel-pin" name="tel_pin" inputmode="numeric" maxlength="6" placeholder="例:1234" autocomplete="one-time-code">
<p class="ap-note">例:1234</p></div>
<p class="ap-note">※認証コードが届かない場合は、再度「音声電話で認証コードを送信」を押してください。</p>
<div class="ap-actions"><button class="ap-primary" type="submit" name="op" value="verify">認証する</button></div></form>"""
        return page("認証コード入力画面", body)

    # ---------------------------------------------------------------- ⑧ password
    def password_form(action: str, messages: list[str], heading: str, submit: str, cancel: bool, hidden: str = "") -> str:
        alert = "".join(f'<li>{e(m)}</li>' for m in messages)
        return f"""
<h1>{heading}</h1>
{f'<ul class="ap-alert" id="password-error">{alert}</ul>' if alert else ''}
<form method="post" action="{action}" novalidate>{hidden}
<fieldset><legend><span class="ap-req">必須</span>新しいパスワード</legend>
<p class="ap-note">※ 生年月日、電話番号、お名前、カード番号などに関する数字・アルファベット等の第三者に容易にわかるものは使用しないでください。<br>
※ 任意の8~20文字の半角英数字・記号でご登録ください。(アルファベットの大文字・小文字にご注意ください)。<br>
※ パスワードはアルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。</p>
<div class="ap-row"><label for="ap-pw1">パスワード</label><input type="password" id="ap-pw1" name="pw_new" autocomplete="new-password"></div>
<div class="ap-row"><label for="ap-pw2">確認のため、もう一度入力してください。</label><input type="password" id="ap-pw2" name="pw_again" autocomplete="new-password"></div>
</fieldset>
<div class="ap-actions">{'<button class="ap-secondary" type="submit" name="op" value="cancel" formnovalidate>キャンセル</button>' if cancel else ''}
<button class="ap-primary" type="submit" name="op" value="save">{submit}</button></div></form>"""

    async def password(request: Request) -> Response:
        s = site.session(request)
        flow = flow_ok(s, "password")
        if flow is None:
            return restart()
        acc = account_of(flow)
        messages: list[str] = []
        if request.method == "POST":
            f = await site.form(request)
            if f.get("op") == "cancel":
                if not on("password_cancel_keeps_progress"):
                    s.pop("ap", None)
                return go("signin")
            pw, again = f.get("pw_new", ""), f.get("pw_again", "")
            messages = password_problems(pw, again, acc, defects=site.defects)
            new_id = acc["card_email"] if flow["choice"] == "card" else flow["new_email"]
            if not messages and new_id and any(o["id"] != acc["id"] and o["myaplus_id"] and o["myaplus_id"].lower() == new_id.lower()
                                               for o in site.store.accounts.values()) and not (
                    on("email_taken_accepted") or on("register_same_email_allowed")):
                messages = [MSG_EMAIL_TAKEN]
            if not messages:
                now = site.now()
                if acc["old_id"]:
                    acc["retired_old_id"], acc["retired_old_password"] = acc["old_id"], acc["old_password"]
                acc["old_id"], acc["old_password"] = None, None
                acc["myaplus_id"], acc["password"] = new_id, pw
                if flow["mode"] == "migrate" and flow["choice"] == "new" and not on("card_email_not_changed"):
                    acc["card_email"] = new_id
                acc["failures"], acc["locked"] = 0, 0
                acc["migrated_at"] = acc["migrated_at"] if flow["mode"] == "register" and acc["migrated_at"] else now
                s.pop("ap", None)
                s["ap_done"] = True
                return go("done")
        return page("パスワード入力", password_form(P["password"], messages, "パスワード入力", "登録する", True))

    # ---------------------------------------------------------------- ⑨ completion
    async def done(request: Request) -> Response:
        s = site.session(request)
        if not s.get("ap_done"):
            return restart()
        button = "" if on("completion_button_missing") else \
            f'<p class="ap-actions"><a class="ap-cta" href="{P["signin"]}" style="background:#d4001a;color:#fff;padding:12px 24px;text-decoration:none">My APLUSにログインする &gt;</a></p>'
        body = f"""
<h1>My APLUS登録完了</h1>
<p class="ap-info">My APLUSの利用登録が正常に完了しました。</p>
{button}
<p>ご登録いただき、ありがとうございます。</p>
<p>※ご登録いただいたMy APLUS ID(メールアドレス)とパスワードはお忘れないようにご注意ください。<br>
※My APLUS IDとパスワードはMy APLUSからいつでも変更が可能です。</p>
<p>My APLUSでは、下記のサービスがご利用になれます。</p>
<ul><li>最新のご利用明細をいつでもWEBで確認</li><li>ポイントの確認や交換</li>
<li>1回払いから分割払い・リボ払いへお支払方法の変更</li><li>お得なキャンペーンにエントリー</li></ul>
<p>ログインして、My APLUSを引き続きお楽しみください。</p>"""
        return page("My APLUS登録完了", body)

    # ---------------------------------------------------------------- ⑪ top page
    async def home(request: Request) -> Response:
        s = site.session(request)
        acc = site.store.accounts.get(s.get("ap_user"))
        if acc is None or acc["locked"]:
            s.pop("ap_user", None)
            return go("signin")
        shown = acc["last_login_at"] if on("previous_login_shows_current") else acc["previous_login_at"]
        when = shown.strftime("%Y年%m月%d日 %H:%M") if shown else "初めてのログインです"
        pay = (site.now().date().replace(day=27)).strftime("%Y/%m/%d")
        nav = "".join(f'<a href="{P["home"]}">{t}</a>' for t in (
            "トップページ", "利用明細・利用可能額照会", "お支払い方法変更", "お借入れ(キャッシング)", "ポイント照会・交換",
            "キャンペーン", "各種変更・申請手続き", "お客さまサポート"))
        body = f"""
<nav class="ap-nav" aria-label="メインメニュー">{nav}</nav>
<p class="ap-last">前回ログイン日時 :<span id="ap-last-login">{e(when)}</span></p>
<h1>トップページ</h1>
<p>{e(acc['name_kanji'])} 様</p>
<div class="ap-tiles">
<div><h2>お支払い日</h2><p>{pay}</p><p>確定 0円</p></div>
<div><h2>交換可能ポイント</h2><p>0 ポイント</p></div>
<div><h2>ご登録情報</h2><p>My APLUS ID：{e(acc['myaplus_id'])}</p></div>
</div>
<h2>キャンペーン・優待情報</h2><p>現在ご案内できるキャンペーンはありません。</p>"""
        return page("トップページ", body, logged_in=True)

    async def signout(request: Request) -> Response:
        s = site.session(request)
        s.pop("ap_user", None)
        return go("signin")

    # ---------------------------------------------------------------- password reissue
    async def reminder(request: Request) -> Response:
        message, value, sent = "", "", False
        if request.method == "POST":
            f = await site.form(request)
            value = f.get("reminder_mail", "")
            acc = next((a for a in site.store.accounts.values()
                        if a["myaplus_id"] and a["myaplus_id"].lower() == value.lower()), None)
            if value == "":
                message = MSG_REQUIRED
            elif email_problem(value, set()) or acc is None:
                message = MSG_EMAIL_BAD
            else:
                token = new_token()
                site.store.reset_tokens[token] = {"account_id": acc["id"], "issued_at": site.now(), "used": False}
                link = str(request.base_url).rstrip("/") + P["reminder_reset"] + "?t=" + token
                body = (f"My APLUSをご利用いただき、ありがとうございます。\n\nパスワード再設定のお手続きを受け付けました。\n"
                        f"下記URLにアクセスし、新しいパスワードを設定してください。\n\n{link}\n\n"
                        f"※URLの有効期限は{S.reset_token_ttl_seconds // 60}分です。\n"
                        f"My APLUS ID：{acc['myaplus_id']}\n\n株式会社アプラス My APLUS事務局\n")
                if await site.send_mail(S.mail_from_myaplus, acc["myaplus_id"], RESET_SUBJECT, body):
                    sent = True
                else:
                    message = "メールの送信に失敗しました。お手数ですが、しばらくしてから再度お試しください。"
        if sent:
            body = ('<h1>パスワード再発行</h1><p class="ap-info">パスワード再設定用のURLをご登録のメールアドレスに送信しました。'
                    'メールに記載のURLから新しいパスワードを設定してください。</p>'
                    f'<p><a href="{P["signin"]}">ログイン画面へ戻る</a></p>')
            return page("パスワード再発行", body)
        body = f"""
<h1>パスワード再発行</h1>
{f'<div class="ap-alert" id="reminder-error">{e(message)}</div>' if message else ''}
<p>ご登録のMy APLUS ID(メールアドレス)を入力してください。パスワード再設定用のURLをお送りします。</p>
<form method="post" action="{P['reminder']}" novalidate>
<div class="ap-row"><label for="ap-reminder-mail"><span class="ap-req">必須</span>My APLUS ID(メールアドレス)</label>
<input type="email" id="ap-reminder-mail" name="reminder_mail" value="{e(value)}" autocomplete="email"></div>
<div class="ap-actions"><button class="ap-primary" type="submit">送信する</button></div></form>
<p class="ap-note">※通知メールが届かない、または「メールアドレスの入力に誤りがあります。」と表示されパスワードの再発行ができない場合は、<a href="{P['entry']}">My APLUS ID作成はこちら</a>より別のメールアドレスでMy APLUS IDの新規登録を行ってください。</p>
<p><a href="{P['signin']}">ログイン画面へ戻る</a></p>"""
        return page("パスワード再発行", body)

    async def reminder_reset(request: Request) -> Response:
        f = await site.form(request) if request.method == "POST" else {}
        token = f.get("t") or request.query_params.get("t", "")
        entry = site.store.reset_tokens.get(token)
        valid = entry and not entry["used"] and (site.now() - entry["issued_at"]).total_seconds() <= S.reset_token_ttl_seconds
        acc = site.store.accounts.get(entry["account_id"]) if valid else None
        if acc is None:
            return page("パスワード再設定", '<h1>パスワード再設定</h1><p class="ap-alert">このURLは無効か、有効期限が切れています。'
                        f'お手数ですが、<a href="{P["reminder"]}">パスワードを忘れた方はこちら</a>から再度お手続きください。</p>')
        messages: list[str] = []
        if request.method == "POST":
            messages = password_problems(f.get("pw_new", ""), f.get("pw_again", ""), acc, defects=site.defects)
            if not messages:
                acc["password"] = f.get("pw_new", "")
                entry["used"] = True
                if not on("reissue_keeps_lock"):
                    acc["locked"], acc["failures"] = 0, 0
                return page("パスワード再設定完了", '<h1>パスワード再設定完了</h1><p class="ap-info">パスワードの再設定が完了しました。</p>'
                            f'<p><a href="{P["signin"]}">ログイン画面へ</a></p>')
        hidden = f'<input type="hidden" name="t" value="{e(token)}"><p>My APLUS ID：{e(acc["myaplus_id"])}</p>'
        return page("パスワード再設定", password_form(P["reminder_reset"], messages, "パスワード再設定", "再設定する", False, hidden))

    # ---------------------------------------------------------------- new registration (My APLUS ID作成)
    async def entry(request: Request) -> Response:
        s = site.session(request)
        message, card, birth = "", "", ""
        if request.method == "POST":
            f = await site.form(request)
            card = f.get("card_no", "").replace(" ", "").replace("-", "")
            birth = f.get("birth_ymd", "")
            if not card or not birth:
                message = "カード番号と生年月日を入力してください。"
            elif not re.fullmatch(r"\d{14,16}", card) or not re.fullmatch(r"\d{8}", birth):
                message = "カード番号は半角数字14~16桁、生年月日は半角数字8桁(例:19800715)で入力してください。"
            else:
                iso_birth = f"{birth[:4]}-{birth[4:6]}-{birth[6:]}"
                acc = next((a for a in site.store.accounts.values()
                            if a["card_number"] == card and a["birth_date"] == iso_birth), None)
                if acc is None:
                    message = "ご入力いただいたカード情報ではご本人さまを確認できませんでした。"
                else:
                    s.pop("ap_user", None)
                    start_flow(s, acc, "register")
                    return go("terms")
        body = f"""
<h1>My APLUS ID新規登録</h1>
{f'<div class="ap-alert" id="entry-error">{e(message)}</div>' if message else ''}
<p>お手持ちのアプラスカードの情報を入力してください。ご本人さま確認ののち、My APLUS IDとして登録するメールアドレスとパスワードを設定していただきます。</p>
<p class="ap-note">※同一のメールアドレスではMy APLUS IDの新規登録はできませんのでご注意ください。</p>
<form method="post" action="{P['entry']}" novalidate>
<div class="ap-row"><label for="ap-entry-card"><span class="ap-req">必須</span>カード番号(ハイフンなし)</label>
<input type="text" id="ap-entry-card" name="card_no" value="{e(card)}" inputmode="numeric" autocomplete="cc-number"></div>
<div class="ap-row"><label for="ap-entry-birth"><span class="ap-req">必須</span>生年月日(西暦8桁 例:19800715)</label>
<input type="text" id="ap-entry-birth" name="birth_ymd" value="{e(birth)}" inputmode="numeric" maxlength="8"></div>
<div class="ap-actions"><button class="ap-primary" type="submit">次へ進む</button></div></form>
<p><a href="{P['signin']}">ログイン画面へ戻る</a></p>"""
        return page("My APLUS ID新規登録", body)

    async def help_page(request: Request) -> Response:
        body = f"""
<h1>ログインにお困りの方</h1>
<h2>「入力されたIDとパスワードではログインできません」と表示される場合</h2>
<ul><li>入力されたNSA ID、またはパスワードが登録されているものと異なる可能性がございますので、ログイン画面内の「<a href="{P['entry']}">My APLUS ID作成はこちら</a>」からMy APLUS IDの新規登録を行ってください。</li>
<li>既にMy APLUS IDに移行されている可能性がございますので、ログイン画面内の「<a href="{P['reminder']}">パスワードを忘れた方はこちら</a>」からパスワードの再発行を行っていただくか、「My APLUS ID作成はこちら」からMy APLUS IDの新規登録を行ってください。</li></ul>
<h2>「入力されたIDはロックされているためログインできません」と表示される場合</h2>
<p>セキュリティ保護のためロックさせていただいております。ログイン画面内の「My APLUS ID作成はこちら」からMy APLUS IDの新規登録を行ってください。</p>
<p>(※一定回数パスワードの入力が失敗された場合「【My APLUS】アカウント停止のお知らせ」がクレジットカードに登録されたメールアドレスに送られます。)</p>
<h2>アカウントロック時</h2>
<p>パスワードの入力を一定回数以上失敗された場合、セキュリティ保護のためMy APLUSのアカウントを停止させていただきます。アカウント停止時には、「【My APLUS】アカウント停止のお知らせ」を、My APLUSに登録いただいたメールアドレスにお送りさせていただきます。</p>
<p>※同一のメールアドレスではMy APLUS IDの新規登録はできませんのでご注意ください。</p>
<p><a href="{P['signin']}">ログイン画面へ戻る</a></p>"""
        return page("ログインにお困りの方", body)

    gp = ["GET", "POST"]
    return [
        Route("/ap", lambda r: RedirectResponse(P["signin"], status_code=303)),
        Route("/ap/", lambda r: RedirectResponse(P["signin"], status_code=303)),
        Route(P["signin"], signin, methods=gp),
        Route(P["terms"], terms, methods=gp),
        Route(P["mail_choice"], mail_choice, methods=gp),
        Route(P["mail_new"], mail_new, methods=gp),
        Route(P["mail_verify"], mail_verify, methods=gp),
        Route(P["mail_confirm"], mail_confirm, methods=gp),
        Route(P["tel"], tel, methods=gp),
        Route(P["password"], password, methods=gp),
        Route(P["done"], done, methods=["GET"]),
        Route(P["home"], home, methods=["GET"]),
        Route(P["signout"], signout, methods=gp),
        Route(P["reminder"], reminder, methods=gp),
        Route(P["reminder_reset"], reminder_reset, methods=gp),
        Route(P["entry"], entry, methods=gp),
        Route(P["help"], help_page, methods=["GET"]),
    ]
