"""The fan club after its renewal: first login STEP1–STEP7 (document 000)."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from .core import new_token, random_digits
from .markup import e, fc_page

P = {  # our own URL scheme
    "top": "/fc/", "signin": "/fc/signin", "step2": "/fc/first-login", "step3": "/fc/first-login/mail",
    "step3_sent": "/fc/first-login/mail/sent", "step4": "/fc/first-login/link", "step5_pw": "/fc/first-login/plus-password",
    "step5_new": "/fc/first-login/plus-register", "step6": "/fc/first-login/confirm", "step7": "/fc/first-login/complete",
    "mypage": "/fc/mypage", "join": "/fc/join", "logout": "/fc/logout", "help": "/fc/support/first-login",
    "help_q": "/fc/support/first-login/q", "steps": "/fc/support/first-login/steps", "billing": "/fc/support/billing-id",
}
SUBJECT_NEW = "会員登録URLのお知らせ"
SUBJECT_EXISTING = "取得済IDのお知らせ"
INQUIRY_SUBJECT = "【STEP2】初回ログイン認証エラー"
CARRIER_LABEL = {"docomo": "docomo", "au": "au", "softbank": "SoftBank"}

RELATED = [  # (slug, question, our answer)
    ("what", "「初回ログイン」とはなんですか?",
     "サイトリニューアル前からの会員の方が、新しいサイトで会員情報を引き継ぐために一度だけ行っていただくお手続きです。"
     "会員番号と生年月日8桁で認証後、Plus member IDと会員情報を連携します。"),
    ("caution", "「初回ログイン」の注意点を教えてください。",
     "初回ログインは会員ご本人さま1名につき1回のみです。ご家族のPlus member ID・メールアドレスは使用できません。"
     "また、決済を求められる画面が表示された場合は、お支払いをせずにお問い合わせください。"),
    ("plus-member-id", "「Plus member ID」について教えてください。",
     "Plus member IDは、本ファンクラブを含むPlus memberの各サービスで共通に使えるIDです。ご登録のメールアドレスがIDとなります。"
     "取得済みの方は、マイページの「会員情報」でご確認いただけます。"),
    ("required", "「初回ログイン」は必ずやらないといけませんか?",
     "はい。リニューアル後のサイトで会員サービスをご利用いただくには、初回ログインが必要です。"
     "初回ログインを行わないまま会員情報を引き継ぐことはできません。"),
    ("forgot-number", "初回ログインに必要な会員番号を忘れてしまいました。",
     "会員証・会報の送付時の宛名シール、入会時のメールなどに記載されています。ご確認いただけない場合は、"
     "【STEP2】初回ログイン認証エラーのお問い合わせ先へ必須事項を記載のうえメールでお問い合わせください。"),
    ("password", "初回ログイン時のパスワードがわかりません。",
     "初回ログイン時のパスワードは、お客様のご生年月日8桁(西暦表記)です。例:1980年7月15日生まれの方は「19800715」。"),
    ("step3-mail", "【STEP3】で入力するメールアドレスはなんでもいいですか?",
     "ご本人さまのみが使用し、メールを受信できるアドレスを入力してください。入力したメールアドレスがPlus member IDになります。"
     "ご家族のメールアドレスは使用できません。"),
    ("step3-no-mail", "【STEP3】のメールアドレス認証後、「会員登録URLのお知らせメール」が届きません。",
     "迷惑メールフォルダをご確認のうえ、ドメイン指定受信を設定している場合は「plusmember.jp」からのメールを受信できるよう設定し、"
     "【STEP3】からやり直してください。"),
    ("step4-existing", "【STEP4】で「取得済IDのお知らせ」というメールが届きました。どうすればよいですか?",
     "入力されたメールアドレスで既にPlus member IDを取得済みの方に届くメールです。メールに記載のURLにアクセスし、"
     "【STEP5】で取得済みのPlus member IDのパスワードを入力してください。"),
    ("step5-password", "【STEP5】でパスワード入力を求められました。(すでにPlus member IDをお持ちの方)",
     "取得済みのPlus member IDのパスワードを入力してください。初回ログイン時のパスワード(生年月日8桁)ではありません。"),
    ("family", "家族のPlus member ID・メールアドレスで初回ログインはできますか?",
     "できません。Plus member IDは会員ご本人さま1名につき1つです。ご家族のPlus member ID・メールアドレスで初回ログインを行うと、"
     "正しく会員情報を引き継げません。"),
    ("step7-check", "【STEP7】初回ログインが完了しているか、自分で確認できますか?",
     "ログイン後、マイページの「会員情報」に新しい会員番号と入会日、「初回ログイン：完了」が表示されていれば完了しています。"),
    ("cannot-login", "初回ログインは完了したはずですが、ログインができません。",
     "初回ログイン完了後は、会員番号ではなくPlus member ID(メールアドレス)とそのパスワードでログインしてください。"),
    ("message-stays", "初回ログインは完了したはずですが、ログインページ内のメッセージが消えません。",
     "ログインページの初回ログインのご案内は、すべての方に表示しているものです。初回ログインが完了していれば、対応は不要です。"),
    ("number-changed", "リニューアル後、初回ログインをしたら会員番号が変わってしまいました。",
     "リニューアルに伴い、初回ログイン完了時に新しい会員番号を発行しています。入会日などの会員情報は引き継がれています。"),
    ("check-new-registration", "初回ログインではなく新規登録をしてしまったか、確認してほしいです。",
     "マイページの「会員情報」で入会日をご確認ください。入会日が新規登録した日になっている場合は、新規登録となっています。"
     "ご不明な場合はお問い合わせください。"),
    ("join-date", "初回ログインをしたはずですが、入会日が引き継がれていません。",
     "初回ログインではなく新規登録を行った可能性があります。必須事項を記載のうえ、メールでお問い合わせください。"),
    ("refund", "初回ログインと誤って新規登録をしてしまいました。会費は返金してもらえますか?",
     "お支払い済みの会費の返金はいたしかねます。会員情報の統合についてはお問い合わせください。"),
    ("withdraw", "初回ログインをせずに退会はできますか?",
     "リニューアル前からの会員の方で、月会費のご請求が発生していない方は退会手続きは不要です。"
     "ご請求が発生している場合はお問い合わせください。"),
]

UNSUPPORTED = [  # (statement, user-agent markers)
    ("Yahoo! JAPANアプリ", ("YJApp", "YJTOP", "Yahoo! JAPAN")),
    ("Googleアプリ", ("GSA/",)),
    ("Galaxyブラウザ(Samsung Internet Browser)", ("SamsungBrowser",)),
    ("X(旧Twitter)、Instagram、LINEなどの各種SNSアプリ経由でのサイト閲覧",
     ("Twitter", "Instagram", " Line/", "FBAN", "FBAV", "TikTok")),
]


def fanclub_routes(site) -> list[Route]:
    S = site.settings

    def on(name: str) -> bool:
        return site.on(name)

    def go(key: str, query: str = "") -> RedirectResponse:
        return RedirectResponse(P[key] + query, status_code=303)

    def renewal_text() -> str:
        return "2025年10月31日(金)" if on("fc_renewal_date_wrong") else "2025年10月30日(木)"

    def fee() -> str:
        return "300円(税込)" if on("fc_fee_wrong") else "330円(税込)"

    def caution() -> str:
        return f"""<section class="fc-caution" aria-labelledby="fc-caution-h"><h2 id="fc-caution-h">&lt;ご注意&gt;</h2>
<p>{renewal_text()}以前よりご入会済みでご登録が有効な方は、月会費のお支払いは不要です。</p>
<p>万が一、決済を求められる画面が表示された場合でも、絶対にお支払いはしないでください。</p>
<p>決済画面が出る=既に退会済、もしくは初回ログイン手続きに誤りがあります。</p></section>"""

    def unsupported() -> list:
        return [u for u in UNSUPPORTED if not (on("fc_env_galaxy_missing") and u[1] == ("SamsungBrowser",))]

    def environment() -> str:
        items = "".join(f"<li>{e(name)}</li>" for name, _ in unsupported())
        return f"""<section class="fc-env" aria-labelledby="fc-env-h"><h2 id="fc-env-h">■お手続きの環境について</h2>
<p>サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。</p>
<p>※下記の環境は動作保証外となります。</p><ul>{items}</ul></section>"""

    def env_warning(request: Request) -> str:
        ua = request.headers.get("user-agent", "")
        for name, markers in unsupported():
            if on("fc_in_app_browser_not_warned") and "SNS" in name:
                continue
            if any(m in ua for m in markers):
                return (f'<div class="fc-envwarn" id="fc-env-warning"><strong>お使いの環境は動作保証外です。</strong>'
                        f'<p>検出された環境：{e(name)}</p><p>サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。</p></div>')
        return ""

    def page(request: Request, title: str, body: str) -> HTMLResponse:
        s = site.session(request)
        return HTMLResponse(fc_page(title, body, env_warning=env_warning(request), user=s.get("fc_user")))

    def err(msg: str) -> str:
        return f'<div class="fc-error" id="fc-error">{msg}</div>' if msg else ""

    def member(mid) -> dict | None:
        return site.store.members.get(mid)

    def membership_of(plus_id: str) -> dict | None:
        low = plus_id.lower()
        for m in site.store.members.values():
            if m["plus_member_id"] and m["plus_member_id"].lower() == low and m["status"] == "active":
                return m
        return None

    def step_badge(n: int) -> str:
        return f'<span class="fc-step">STEP{n}</span>'

    def ymd(text: str | None) -> str:
        if not text:
            return "―"
        d = date.fromisoformat(text)
        return f"{d.year}年{d.month}月{d.day}日"

    # ---------------------------------------------------------------- inquiry (mailto)
    ITEMS = ["ご契約の携帯会社【docomo/au/SoftBank】", "各キャリアの決済情報 ★1", "ログイン時に入力した会員番号",
             "ログイン時に入力したパスワード8桁", "氏名フルネーム(漢字)", "氏名フルネーム(カナ)",
             "ご設定にお心当たりのあるニックネーム", "ご生年月日(西暦表記8桁)", "お持ちのメールアドレス全て",
             "お電話番号", "ご住所", "Plus member ID(取得済の場合)★2"]

    def items() -> list[str]:
        return [i for i in ITEMS if not (on("fc_inquiry_item_missing") and i.startswith("ご生年月日"))]

    def billing_hint(carrier: str) -> str:
        if carrier == "docomo":
            return "11桁の決済番号" if on("fc_docomo_billing_11_digits") else "12桁の決済番号"
        if carrier == "au":
            return "12桁の継続課金ID" if on("fc_au_billing_12_digits") else "11桁の継続課金ID"
        return "注文番号"

    def mailto(carrier: str, billing_id: str = "") -> str:
        address = "secure-lunasea@cc.plusmember.jp" if on("fc_inquiry_address_wrong") else S.fc_inquiry_address
        subject = "初回ログイン認証エラー" if on("fc_inquiry_subject_wrong") else INQUIRY_SUBJECT
        lines = ["▼本文【必須事項】"]
        for item in items():
            value = ""
            if item.startswith("ご契約の携帯会社"):
                value = CARRIER_LABEL[carrier]
            elif item.startswith("各キャリアの決済情報"):
                item = f"{item}({billing_hint(carrier)})"
                value = billing_id
            lines.append(f"・{item}：{value}")
        lines += ["", "※ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。"]
        return f"mailto:{address}?subject={quote(subject)}&body={quote(chr(10).join(lines))}"

    def inquiry_block() -> str:
        address = "secure-lunasea@cc.plusmember.jp" if on("fc_inquiry_address_wrong") else S.fc_inquiry_address
        subject = "初回ログイン認証エラー" if on("fc_inquiry_subject_wrong") else INQUIRY_SUBJECT
        links = "".join(f'<li><a class="fc-mailto" href="{e(mailto(c))}">»【STEP2】初回ログイン認証エラー({CARRIER_LABEL[c]}の方)</a></li>'
                        for c in ("docomo", "au", "softbank"))
        body_items = "".join(f"<li>{e(i)}</li>" for i in items())
        return f"""<section id="inquiry" aria-labelledby="fc-inq-h"><h2 id="fc-inq-h">&lt;解決しない場合&gt;</h2>
<p>毎月{fee()}のご請求が発生している方は、下記よりメールにてお問い合わせください。</p>
<ul>{links}</ul>
<p>お使いの環境によっては、上記リンクのメールが立ち上がらない場合がございます。下記の専用アドレス宛にメールをお送りください。</p>
<div class="fc-mailbox"><dl><dt>▼宛先</dt><dd id="fc-inquiry-address">{e(address)}</dd>
<dt>▼件名</dt><dd id="fc-inquiry-subject">{e(subject)}</dd>
<dt>▼本文【必須事項】</dt><dd><ul id="fc-inquiry-items">{body_items}</ul></dd></dl></div>
<h3>★1:決済情報の確認手順はこちら(携帯会社の情報だけではご照会できません)</h3>
<h4>■docomoコンテンツ決済(旧:spモードコンテンツ決済)・d払い:【{billing_hint('docomo')}】</h4>
<p>https://smt.docomo.ne.jp/</p><ol><li>dメニュー&gt;My docomo&gt;ログインする</li><li>ネットワーク暗証番号入力&gt;暗証番号確認を選択</li>
<li>「ご利用料金」&gt;「詳細を確認」を選択</li><li>「関連メニュー」の「d払い等のご利用料金の確認」を選択</li>
<li>「電話料金合算払い【ご利用履歴・お支払い明細】」を選択</li></ol>
<h4>■auかんたん決済の場合:【{billing_hint('au')}】</h4>
<p>https://id.auone.jp/</p><ol><li>au ID TOPからログイン</li><li>auかんたん決済メニュー&gt;[継続利用サービス一覧]&gt;継続課金ID</li></ol>
<p>✓「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。<br>✓au IDサイトへは、アプリではなくブラウザでアクセスしてください。</p>
<h4>■ソフトバンクまとめて支払の場合:【注文番号】</h4>
<p>https://www.softbank.jp/mysoftbank/</p><ol><li>My Softbankにログイン</li>
<li>[メニュー]&gt;「料金・支払い管理」&gt;[まとめて支払い]&gt;[ご利用履歴]&gt;当サイトの項目の[確認する]</li></ol>
<p><a href="{P['billing']}">お手元の決済情報でご請求を確認する</a></p>
<p>★2:Plus member IDは<a href="{P['help_q']}/plus-member-id">《こちら》</a>からご確認ください。</p>
<h3>&lt;お願い&gt;</h3>
<ul><li>ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。</li>
<li>個別に調査が必要となりますので、ご返信には1週間程お時間をいただく場合があります。</li>
<li>複数アドレスからのお問い合わせ・連続投稿はお控えいただき、回答をお待ちください。</li>
<li>必須事項が不足している・空欄の場合、回答を差し上げることができません。</li></ul></section>"""

    # ---------------------------------------------------------------- STEP1: top and login page
    async def top(request: Request) -> Response:
        body = f"""<h1>OFFICIAL FAN CLUB</h1>
<section class="fc-ok"><h2>サイトリニューアルのお知らせ</h2>
<p>リニューアル前からの会員の方は、<a href="{P['step2']}">初回ログイン</a>を行ってください。</p></section>
<p><a class="fc-btn" href="{P['signin']}">ログイン</a> <a class="fc-btn-sub" href="{P['join']}">新規入会</a></p>
<p><a href="{P['help']}">サイトリニューアル後の初回ログインについて</a></p>"""
        return page(request, "トップ", body)

    async def signin(request: Request) -> Response:
        s = site.session(request)
        message, value = "", ""
        if request.method == "POST":
            f = await site.form(request)
            value, secret = f.get("pmid", "").strip(), f.get("pmpass", "")
            account = site.store.plus_ids.get(value.lower()) if value else None
            if not value or not secret:
                message = "Plus member IDとパスワードを入力してください。"
            elif re.fullmatch(r"\d{6,10}", value) and account is None:
                message = ("リニューアル前の会員番号ではログインできません。リニューアル前からの会員の方は、"
                           f'<a href="{P["step2"]}">初回ログイン</a>を行ってください。')
            elif account is None or account["password"] != secret:
                message = "Plus member IDまたはパスワードが正しくありません。"
            else:
                s["fc_user"] = account["id"]
                return go("mypage") if membership_of(account["id"]) else go("join")
        body = f"""<h1>ログイン</h1>
<section class="fc-ok" aria-labelledby="fc-renewal-h"><h2 id="fc-renewal-h">リニューアル前からの会員の方へ</h2>
<p>{renewal_text()}以前にご入会の方は、新しいサイトをご利用いただく前に初回ログインが必要です。</p>
<p><a class="fc-btn" href="{P['step2']}">初回ログインはこちら</a></p>
<p><a href="{P['help']}">初回ログインで認証されない場合</a> / <a href="{P['steps']}">初回ログイン手順</a></p></section>
{err(message)}
<form method="post" action="{P['signin']}" novalidate>
<div class="fc-field"><label for="fc-pmid">Plus member ID(メールアドレス)</label>
<input type="email" id="fc-pmid" name="pmid" value="{e(value)}" autocomplete="username"></div>
<div class="fc-field"><label for="fc-pmpass">パスワード</label>
<input type="password" id="fc-pmpass" name="pmpass" autocomplete="current-password"></div>
<p><button class="fc-btn" type="submit">ログイン</button></p></form>
<p>まだ会員でない方は<a href="{P['join']}">新規入会</a></p>
{caution()}{environment()}"""
        return page(request, "ログイン", body)

    async def logout(request: Request) -> Response:
        s = site.session(request)
        s.pop("fc_user", None)
        s.pop("fc", None)
        return go("signin")

    # ---------------------------------------------------------------- STEP2
    def step2_form(request, message: str, number: str) -> HTMLResponse:
        digits = "6" if on("fc_password_six_digits") else "8"
        body = f"""<h1>{step_badge(2)}初回ログイン</h1>
<p>リニューアル前の会員番号と、パスワード(お客様のご生年月日{digits}桁・西暦表記)を入力してください。</p>
{err(message)}
<form method="post" action="{P['step2']}" novalidate>
<div class="fc-field"><label for="fc-old-no">会員番号</label>
<input type="text" id="fc-old-no" name="old_no" value="{e(number)}" inputmode="numeric" autocomplete="off"></div>
<div class="fc-field"><label for="fc-birth-pw">パスワード(生年月日{digits}桁)</label>
<input type="password" id="fc-birth-pw" name="birth_pw" inputmode="numeric" maxlength="{digits}" autocomplete="off">
<p><small>例:1980年7月15日生まれの方は「{'800715' if digits == '6' else '19800715'}」</small></p></div>
<p><button class="fc-btn" type="submit">認証する</button></p></form>
<p><a href="{P['help_q']}/forgot-number">会員番号を忘れた方</a> / <a href="{P['help_q']}/password">パスワードがわからない方</a></p>
{caution()}{environment()}"""
        return page(request, "初回ログイン", body)

    async def step2(request: Request) -> Response:
        s = site.session(request)
        if request.method == "GET":
            return step2_form(request, "", "")
        f = await site.form(request)
        number, pw = f.get("old_no", "").strip(), f.get("birth_pw", "").strip()
        six = on("fc_password_six_digits")
        if not number or not pw:
            return step2_form(request, "会員番号とパスワードを入力してください。", number)
        if not re.fullmatch(r"\d{6}" if six else r"\d{8}", pw):
            return step2_form(request, "パスワードは生年月日8桁(西暦表記)の半角数字で入力してください。", number)
        fail = ("会員番号またはパスワード(生年月日8桁)の認証ができませんでした。入力内容をご確認ください。"
                f'<br><a href="{P["help"]}">初回ログイン時、会員番号・生年月日8桁で認証されない場合</a>')
        m = next((x for x in site.store.members.values()
                  if x["member_number"] == number and x["registered_via"] == "renewal"), None)
        if m is None:
            return step2_form(request, fail, number)
        if m["status"] != "active" and not on("fc_withdrawn_accepted"):
            return step2_form(request, fail, number)
        registered = (m["birth_date"] or "").replace("-", "")
        if not registered:
            if not on("fc_missing_birth_date_accepted"):
                return step2_form(request, fail, number)
        elif not on("fc_wrong_birth_date_accepted"):
            if (registered[2:] if six else registered) != pw:
                return step2_form(request, fail, number)
        if m["new_member_number"]:
            return step2_form(request, "この会員番号は初回ログインが完了しています。Plus member ID(メールアドレス)と"
                              f'パスワードで<a href="{P["signin"]}">ログイン</a>してください。', number)
        s["fc"] = {"member_id": m["id"], "stage": 2}
        return go("step3")

    # ---------------------------------------------------------------- STEP3
    def linked_conflict(addr: str, m: dict | None) -> str:
        other = membership_of(addr)
        if other is None or (m is not None and other["id"] == m["id"]):
            return ""
        same_person = m is not None and other["name_kanji"] == m["name_kanji"] and other.get("real_birth_date") == m.get("real_birth_date")
        if other["registered_via"] == "new" and same_person:
            return ("このPlus member IDは、新規入会の会員として既に登録されています。初回ログインで会員情報を引き継ぐことはできません。"
                    f'お手数ですが、<a href="{P["help"]}#inquiry">お問い合わせ</a>ください。')
        if on("fc_family_plus_id_accepted"):
            return ""
        return ("このメールアドレス(Plus member ID)は、既に別の会員の方の会員情報と連携されています。"
                "ご家族のPlus member ID・メールアドレスでは初回ログインできません。ご本人さまのメールアドレスを入力してください。")

    async def step3(request: Request) -> Response:
        s = site.session(request)
        fc = s.get("fc") or {}
        m = member(fc.get("member_id"))
        if m is None and not on("fc_step3_skippable"):
            return go("step2")
        message, value = "", ""
        if request.method == "POST":
            if m is None:
                return go("step2")
            f = await site.form(request)
            value = f.get("reg_mail", "").strip()
            if not value:
                message = "メールアドレスを入力してください。"
            elif not re.fullmatch(r"[A-Za-z0-9._+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", value):
                message = "メールアドレスの形式が正しくありません。"
            else:
                message = linked_conflict(value, m)
            if not message:
                existing = value.lower() in site.store.plus_ids and not on("fc_existing_id_gets_register_mail")
                token = new_token()
                site.store.fc_links[token] = {"member_id": m["id"], "email": value, "kind": "existing" if existing else "new",
                                              "issued_at": site.now(), "used": False}
                link = str(request.base_url).rstrip("/") + P["step4"] + "?t=" + token
                hours = S.fc_link_ttl_seconds // 3600
                if existing:
                    subject = SUBJECT_EXISTING
                    text = (f"ご入力いただいたメールアドレスは、既にPlus member IDとして取得済みです。\n\n"
                            f"Plus member ID：{value}\n\n下記URLにアクセスし、取得済みのPlus member IDのパスワードを入力して"
                            f"初回ログインを続けてください。\n{link}\n\n※URLの有効期限は{hours}時間です。\n")
                else:
                    subject = SUBJECT_NEW
                    text = (f"初回ログインのお手続きをいただき、ありがとうございます。\n\n下記URLにアクセスし、"
                            f"会員登録(Plus member IDの登録)を続けてください。\n{link}\n\n※URLの有効期限は{hours}時間です。\n")
                text += "\n※本メールは送信専用です。\nOFFICIAL FAN CLUB 事務局\n"
                if await site.send_mail(S.mail_from_fanclub, value, subject, text):
                    fc.update(stage=3, email=value)
                    return go("step3_sent")
                del site.store.fc_links[token]
                message = "メールの送信に失敗しました。お手数ですが、しばらくしてから再度お試しください。"
        body = f"""<h1>{step_badge(3)}メールアドレスの登録</h1>
<p>会員番号の認証が完了しました。ご本人さまのみが使用しているメールアドレスを入力してください。入力したメールアドレスがPlus member IDとなります。</p>
<p><small>ご家族のPlus member ID・メールアドレスは使用できません。「plusmember.jp」からのメールを受信できるよう設定してください。</small></p>
{err(message)}
<form method="post" action="{P['step3']}" novalidate>
<div class="fc-field"><label for="fc-reg-mail">メールアドレス</label>
<input type="email" id="fc-reg-mail" name="reg_mail" value="{e(value)}" autocomplete="email"></div>
<p><button class="fc-btn" type="submit">確認メールを送信する</button></p></form>"""
        return page(request, "メールアドレスの登録", body)

    async def step3_sent(request: Request) -> Response:
        s = site.session(request)
        fc = s.get("fc") or {}
        if fc.get("stage", 0) < 3:
            return go("step2")
        body = f"""<h1>{step_badge(3)}メールを送信しました</h1>
<p class="fc-ok">{e(fc.get('email'))} 宛にメールを送信しました。メールに記載のURLから{step_badge(4)}以降のお手続きを続けてください。</p>
<p>「{SUBJECT_NEW}」または「{SUBJECT_EXISTING}」という件名のメールが届きます。URLの有効期限は{S.fc_link_ttl_seconds // 3600}時間です。</p>
<p><a href="{P['help_q']}/step3-no-mail">メールが届かない場合</a></p>"""
        return page(request, "メールを送信しました", body)

    # ---------------------------------------------------------------- STEP4 (the mail's link)
    def link_entry(token: str) -> dict | None:
        entry = site.store.fc_links.get(token)
        if not entry or entry["used"]:
            return None
        if (site.now() - entry["issued_at"]).total_seconds() > S.fc_link_ttl_seconds:
            return None
        return entry

    async def step4(request: Request) -> Response:
        s = site.session(request)
        token = request.query_params.get("t", "")
        entry = link_entry(token)
        if entry is None:
            body = (f'<h1>URLが無効です</h1>{err("URLの有効期限が切れているか、既に使用されたURLです。")}'
                    f'<p>お手数ですが、<a href="{P["step2"]}">初回ログイン</a>から再度お手続きください。</p>')
            return page(request, "URLが無効です", body)
        s["fc"] = {"member_id": entry["member_id"], "email": entry["email"], "kind": entry["kind"], "token": token,
                   "stage": 4, "plus_ok": False}
        if entry["kind"] == "existing":
            if on("fc_step5_password_skipped"):
                s["fc"].update(plus_ok=True, stage=5)
                return go("step6")
            return go("step5_pw")
        return go("step5_new")

    def flow_at(s: dict, stage: int) -> dict | None:
        fc = s.get("fc") or {}
        if fc.get("stage", 0) < stage or member(fc.get("member_id")) is None or not link_entry(fc.get("token", "")):
            return None
        return fc

    # ---------------------------------------------------------------- STEP5
    async def step5_pw(request: Request) -> Response:
        s = site.session(request)
        fc = flow_at(s, 4)
        if fc is None or fc.get("kind") != "existing":
            return go("step2")
        message = ""
        if request.method == "POST":
            f = await site.form(request)
            account = site.store.plus_ids.get(fc["email"].lower())
            if not f.get("plus_pw"):
                message = "パスワードを入力してください。"
            elif account is None or account["password"] != f.get("plus_pw"):
                message = "パスワードが正しくありません。取得済みのPlus member IDのパスワードを入力してください。"
            else:
                fc.update(plus_ok=True, stage=5)
                return go("step6")
        body = f"""<h1>{step_badge(5)}パスワードの入力</h1>
<p>すでにPlus member IDをお持ちの方は、取得済みのPlus member IDのパスワードを入力してください。</p>
{err(message)}
<form method="post" action="{P['step5_pw']}" novalidate>
<p>Plus member ID：<strong id="fc-plus-id">{e(fc['email'])}</strong></p>
<div class="fc-field"><label for="fc-plus-pw">パスワード</label>
<input type="password" id="fc-plus-pw" name="plus_pw" autocomplete="current-password"></div>
<p><button class="fc-btn" type="submit">次へ</button></p></form>
<p><small>※初回ログイン時のパスワード(生年月日8桁)ではありません。</small></p>"""
        return page(request, "パスワードの入力", body)

    async def step5_new(request: Request) -> Response:
        s = site.session(request)
        fc = flow_at(s, 4)
        if fc is None or fc.get("kind") != "new":
            return go("step2")
        message, nick = "", ""
        if request.method == "POST":
            f = await site.form(request)
            pw, again, nick = f.get("new_pw", ""), f.get("new_pw2", ""), f.get("nick", "").strip()
            if not pw or not nick:
                message = "ニックネームとパスワードを入力してください。"
            elif not re.fullmatch(r"[\x21-\x7e]{8,32}", pw) or not re.search(r"[A-Za-z]", pw) or not re.search(r"\d", pw):
                message = "パスワードは英字と数字を含む半角8~32文字で設定してください。"
            elif pw != again:
                message = "確認用パスワードが一致しません。"
            elif len(nick) > 20:
                message = "ニックネームは20文字以内で入力してください。"
            else:
                fc.update(new_password=pw, nickname=nick, plus_ok=True, stage=5)
                return go("step6")
        body = f"""<h1>{step_badge(5)}Plus member IDの登録</h1>
<p>Plus member ID(メールアドレス)：<strong id="fc-plus-id">{e(fc['email'])}</strong></p>
{err(message)}
<form method="post" action="{P['step5_new']}" novalidate>
<div class="fc-field"><label for="fc-nick">ニックネーム</label><input type="text" id="fc-nick" name="nick" value="{e(nick)}" maxlength="20"></div>
<div class="fc-field"><label for="fc-new-pw">パスワード(英字と数字を含む半角8~32文字)</label><input type="password" id="fc-new-pw" name="new_pw" autocomplete="new-password"></div>
<div class="fc-field"><label for="fc-new-pw2">パスワード(確認用)</label><input type="password" id="fc-new-pw2" name="new_pw2" autocomplete="new-password"></div>
<p><button class="fc-btn" type="submit">次へ</button></p></form>"""
        return page(request, "Plus member IDの登録", body)

    # ---------------------------------------------------------------- STEP6 / STEP7
    async def step6(request: Request) -> Response:
        s = site.session(request)
        fc = flow_at(s, 5)
        if fc is None or not fc.get("plus_ok"):
            return go("step2")
        m = member(fc["member_id"])
        message = ""
        if request.method == "POST":
            message = linked_conflict(fc["email"], m)
            if not message and m["new_member_number"]:
                message = "この会員番号は既に初回ログインが完了しています。"
            if not message:
                key = fc["email"].lower()
                if fc["kind"] == "new":
                    site.store.plus_ids[key] = {"id": fc["email"], "password": fc["new_password"],
                                                "nickname": fc.get("nickname"), "created_at": site.now()}
                m["plus_member_id"] = site.store.plus_ids[key]["id"]
                m["new_member_number"] = site._new_member_number()
                m["first_login_at"] = site.now()
                if on("fc_join_date_not_carried"):
                    m["joined_on"] = site.now().date().isoformat()
                site.store.fc_links[fc["token"]]["used"] = True
                s["fc"] = {"done_member_id": m["id"]}
                s["fc_user"] = m["plus_member_id"]
                return go("step7")
        body = f"""<h1>{step_badge(6)}登録内容の確認</h1>
<p>以下の内容で会員情報を引き継ぎます。よろしければ「初回ログインを完了する」を押してください。</p>
{err(message)}
<table><tbody>
<tr><th scope="row">会員番号(リニューアル前)</th><td>{e(m['member_number'])}</td></tr>
<tr><th scope="row">お名前</th><td>{e(m['name_kanji'])}</td></tr>
<tr><th scope="row">入会日</th><td>{e(ymd(m['joined_on']))}</td></tr>
<tr><th scope="row">Plus member ID</th><td>{e(fc['email'])}</td></tr></tbody></table>
<form method="post" action="{P['step6']}"><p><button class="fc-btn" type="submit">初回ログインを完了する</button></p></form>"""
        return page(request, "登録内容の確認", body)

    async def step7(request: Request) -> Response:
        s = site.session(request)
        m = member((s.get("fc") or {}).get("done_member_id"))
        if m is None:
            return go("step2")
        body = f"""<h1>{step_badge(7)}初回ログイン完了</h1>
<p class="fc-ok">初回ログインが完了しました。</p>
<table><tbody><tr><th scope="row">新しい会員番号</th><td id="fc-new-number">{e(m['new_member_number'])}</td></tr>
<tr><th scope="row">入会日</th><td>{e(ymd(m['joined_on']))}</td></tr>
<tr><th scope="row">Plus member ID</th><td>{e(m['plus_member_id'])}</td></tr></tbody></table>
<p>リニューアルに伴い会員番号が新しくなりました。今後はPlus member ID(メールアドレス)とパスワードでログインしてください。</p>
<p>初回ログインが完了しているかは、<a href="{P['mypage']}">マイページ</a>の「会員情報」でいつでもご確認いただけます。</p>"""
        return page(request, "初回ログイン完了", body)

    # ---------------------------------------------------------------- my page / join (payment screen)
    async def mypage(request: Request) -> Response:
        s = site.session(request)
        user = s.get("fc_user")
        if not user:
            return go("signin")
        m = membership_of(user)
        if m is None:
            return go("join")
        first = ("完了(" + m["first_login_at"].strftime("%Y年%m月%d日 %H:%M") + ")") if m["first_login_at"] else \
            ("対象外(新規入会)" if m["registered_via"] == "new" else "未完了")
        body = f"""<h1>マイページ</h1><h2>会員情報</h2>
<dl id="fc-member-info"><dt>会員番号</dt><dd>{e(m['new_member_number'] or m['member_number'])}</dd>
<dt>お名前</dt><dd>{e(m['name_kanji'])}</dd><dt>入会日</dt><dd>{e(ymd(m['joined_on']))}</dd>
<dt>初回ログイン</dt><dd id="fc-first-login-status">{e(first)}</dd>
<dt>Plus member ID</dt><dd>{e(m['plus_member_id'])}</dd></dl>"""
        return page(request, "マイページ", body)

    async def join(request: Request) -> Response:
        s = site.session(request)
        user = s.get("fc_user")
        warning = "" if on("fc_never_pay_warning_missing") else caution()
        message = ""
        if user and membership_of(user):
            return go("mypage")
        if request.method == "POST":
            f = await site.form(request)
            carrier = f.get("pay_carrier", "")
            if not user:
                return go("signin")
            if carrier not in CARRIER_LABEL:
                message = "お支払い方法を選択してください。"
            else:
                nid = site.store.next_id("member")
                number = site._new_member_number()
                shape = {"docomo": random_digits(12), "au": "7" + random_digits(10), "softbank": "SB" + random_digits(10)}
                site.store.members[nid] = {
                    "id": nid, "member_number": number, "new_member_number": number, "name_kanji": "", "name_kana": "",
                    "name_roman": "", "birth_date": None, "real_birth_date": None,
                    "joined_on": site.now().date().isoformat(), "status": "active", "registered_via": "new",
                    "carrier": carrier, "billing_id": shape[carrier], "plus_member_id": user, "first_login_at": None}
                return go("mypage")
        radios = "".join(f'<p><input type="radio" id="fc-pay-{c}" name="pay_carrier" value="{c}">'
                         f'<label for="fc-pay-{c}">{n}</label></p>' for c, n in
                         (("docomo", "docomo払い(d払い)"), ("au", "auかんたん決済"), ("softbank", "ソフトバンクまとめて支払い")))
        login_hint = "" if user else f'<p>新規入会のお手続きには<a href="{P["signin"]}">Plus member IDでのログイン</a>が必要です。</p>'
        body = f"""<h1>新規入会(月会費のお支払い)</h1>
{warning}{err(message)}
<p>月会費：<strong id="fc-fee">{fee()}</strong>(毎月)</p>
{login_hint}
<form method="post" action="{P['join']}"><fieldset><legend>お支払い方法</legend>{radios}</fieldset>
<p><button class="fc-btn" type="submit">お支払い手続きへ進む</button></p></form>
<p>リニューアル前からの会員の方は<a href="{P['step2']}">初回ログイン</a>を行ってください。</p>"""
        return page(request, "新規入会", body)

    # ---------------------------------------------------------------- help
    async def help_main(request: Request) -> Response:
        related = [r for r in RELATED if not (on("fc_related_question_missing") and r[0] == "required")]
        qs = "".join(f'<li><a href="{P["help_q"]}/{slug}">Q.{e(q)}</a></li>' for slug, q, _ in related)
        body = f"""<p><a href="{P['help']}">サイトリニューアル後の初回ログインについて</a></p>
<h1>Q.【STEP2】初回ログイン時、会員番号・生年月日8桁で認証されません。</h1>
<p>初回ログインの認証不可は、下記が主な原因となります。</p>
<ul id="fc-causes"><li>ログイン情報(会員番号/生年月日8桁)の入力誤り</li><li>生年月日の情報を誤って登録</li>
<li>生年月日の情報が未登録</li><li>既に退会済み</li></ul>
<p>お問い合わせいただく前に、今一度下記をご確認ください。</p>
<dl><dt>●会員番号</dt><dd>リニューアル前にお控え忘れた場合は、<a href="#inquiry">《こちら》</a>よりお問い合わせください。</dd>
<dt>●パスワード</dt><dd>【お客様のご生年月日8桁(西暦表記)】です。<br>※<a href="{P['help_q']}/password">《こちら》</a>もご一読ください。</dd></dl>
{caution()}{environment()}
<h2>■初回ログイン手順について</h2><p><a href="{P['steps']}">《こちら》</a>を参照の上、お手続きください。</p>
{inquiry_block()}
<section aria-labelledby="fc-related-h"><h2 id="fc-related-h">「サイトリニューアル後の初回ログインについて」に関する他の質問</h2>
<ul id="fc-related">{qs}</ul>
<p>上記の例で解決しない場合は<a href="#inquiry">下記よりお問い合わせください</a>。</p></section>"""
        return page(request, "【STEP2】初回ログイン時、会員番号・生年月日8桁で認証されません。", body)

    async def help_q(request: Request) -> Response:
        slug = request.path_params.get("slug", "")
        found = next((r for r in RELATED if r[0] == slug), None)
        if found is None:
            return HTMLResponse(fc_page("ページが見つかりません", "<h1>ページが見つかりません</h1>"), status_code=404)
        _, q, a = found
        body = f"""<p><a href="{P['help']}">サイトリニューアル後の初回ログインについて</a></p>
<h1>Q.{e(q)}</h1><section><h2>A.</h2><p>{e(a)}</p></section>
<p><a href="{P['help']}">【STEP2】初回ログイン時、会員番号・生年月日8桁で認証されません。</a></p>
<p><a href="{P['help']}#inquiry">上記の例で解決しない場合はお問い合わせください</a></p>"""
        return page(request, q, body)

    async def steps(request: Request) -> Response:
        body = f"""<h1>初回ログイン手順</h1><ol class="fc-qa">
<li>{step_badge(1)}<a href="{P['signin']}">ログインページ</a>の「初回ログインはこちら」を押します。</li>
<li>{step_badge(2)}会員番号と、パスワード(ご生年月日8桁・西暦表記)を入力し「認証する」を押します。</li>
<li>{step_badge(3)}ご本人さまのメールアドレスを入力し、確認メールを送信します。</li>
<li>{step_badge(4)}届いたメール(「{SUBJECT_NEW}」または「{SUBJECT_EXISTING}」)のURLにアクセスします。</li>
<li>{step_badge(5)}Plus member IDのパスワードを設定します(すでにPlus member IDをお持ちの方は、そのパスワードを入力します)。</li>
<li>{step_badge(6)}登録内容を確認し「初回ログインを完了する」を押します。</li>
<li>{step_badge(7)}初回ログイン完了です。新しい会員番号はマイページの「会員情報」で確認できます。</li></ol>
{environment()}{caution()}"""
        return page(request, "初回ログイン手順", body)

    # ---------------------------------------------------------------- billing ID check (carrier lookup)
    def billing_problem(carrier: str, raw: str) -> str:
        if carrier == "docomo":
            n = 11 if on("fc_docomo_billing_11_digits") else 12
            return "" if re.fullmatch(rf"\d{{{n}}}", raw) else f"docomoの方は【{n}桁の決済番号】を半角数字で入力してください。"
        if carrier == "au":
            n = 12 if on("fc_au_billing_12_digits") else 11
            if re.fullmatch(r"0[5-9]0\d{8}", raw) and not on("fc_au_phone_number_accepted"):
                return "「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。【11桁の継続課金ID】を入力してください。"
            if re.fullmatch(rf"\d{{{n}}}", raw):
                return ""
            if re.fullmatch(r"\d{12,}", raw) and n == 11:
                return "「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。【11桁の継続課金ID】を入力してください。"
            return f"auの方は【{n}桁の継続課金ID】を半角数字で入力してください。"
        return "" if re.fullmatch(r"SB\d{10}", raw) else "SoftBankの方は【注文番号】(SBから始まる12文字)を入力してください。"

    async def billing(request: Request) -> Response:
        message, result, carrier, raw = "", "", "", ""
        if request.method == "POST":
            f = await site.form(request)
            carrier = f.get("bill_carrier", "")
            raw = f.get("bill_ref", "").strip().replace("-", "")
            if carrier == "softbank":
                raw = raw.upper()
            if carrier not in CARRIER_LABEL:
                message = "ご契約の携帯会社を選択してください。"
            elif not raw:
                message = "決済情報を入力してください。"
            else:
                message = billing_problem(carrier, raw)
            if not message:
                status, charge = await site.carrier_lookup(carrier, raw)
                if status == "found":
                    amount = charge.get("amount_yen", "")
                    result = (f'<div class="fc-ok" id="fc-billing-result"><p>{CARRIER_LABEL[carrier]}のご請求を確認しました。</p>'
                              f'<p>決済情報：{e(raw)} / 月額：{e(amount)}円 / 状態：{e(charge.get("status", ""))}</p>'
                              f'<p>下記のリンクから、必須事項を記入のうえお問い合わせください。</p>'
                              f'<p><a class="fc-mailto" href="{e(mailto(carrier, raw))}">»【STEP2】初回ログイン認証エラー({CARRIER_LABEL[carrier]}の方)</a></p></div>')
                elif status == "none":
                    message = "ご入力の決済情報ではご請求を確認できませんでした。決済情報をご確認ください。"
                else:
                    message = "ただいま携帯会社への照会ができません。しばらくしてから再度お試しください。"
        opts = "".join(f'<option value="{c}"{" selected" if c == carrier else ""}>{n}</option>'
                       for c, n in (("docomo", "docomo"), ("au", "au"), ("softbank", "SoftBank")))
        body = f"""<h1>決済情報の確認</h1>
<p>毎月{fee()}のご請求が発生している方は、お手元の決済情報でご請求を確認できます。(携帯会社の情報だけではご照会できません)</p>
<ul><li>docomoコンテンツ決済・d払い:【{billing_hint('docomo')}】</li><li>auかんたん決済:【{billing_hint('au')}】</li>
<li>ソフトバンクまとめて支払い:【注文番号】</li></ul>
{err(e(message))}{result}
<form method="post" action="{P['billing']}" novalidate>
<div class="fc-field"><label for="fc-bill-carrier">ご契約の携帯会社</label>
<select id="fc-bill-carrier" name="bill_carrier"><option value="">選択してください</option>{opts}</select></div>
<div class="fc-field"><label for="fc-bill-ref">決済情報(決済番号・継続課金ID・注文番号)</label>
<input type="text" id="fc-bill-ref" name="bill_ref" value="{e(raw)}" autocomplete="off"></div>
<p><button class="fc-btn" type="submit">ご請求を確認する</button></p></form>
<p><a href="{P['help']}#inquiry">お問い合わせ方法に戻る</a></p>"""
        return page(request, "決済情報の確認", body)

    gp = ["GET", "POST"]
    return [
        Route("/fc", lambda r: RedirectResponse(P["top"], status_code=303)),
        Route(P["top"], top, methods=["GET"]),
        Route(P["signin"], signin, methods=gp),
        Route(P["logout"], logout, methods=gp),
        Route(P["step2"], step2, methods=gp),
        Route(P["step3"], step3, methods=gp),
        Route(P["step3_sent"], step3_sent, methods=["GET"]),
        Route(P["step4"], step4, methods=["GET"]),
        Route(P["step5_pw"], step5_pw, methods=gp),
        Route(P["step5_new"], step5_new, methods=gp),
        Route(P["step6"], step6, methods=gp),
        Route(P["step7"], step7, methods=["GET"]),
        Route(P["mypage"], mypage, methods=["GET"]),
        Route(P["join"], join, methods=gp),
        Route(P["help"], help_main, methods=["GET"]),
        Route(P["help_q"] + "/{slug}", help_q, methods=["GET"]),
        Route(P["steps"], steps, methods=["GET"]),
        Route(P["billing"], billing, methods=gp),
    ]
