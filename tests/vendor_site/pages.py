"""Markup of the vendor site: deliberately unlike the simulator's (wrapping labels, input buttons,
other URLs and field names), with the documents' wording."""
from __future__ import annotations

from html import escape

MENU = ("トップページ", "利用明細・利用可能額照会", "お支払い方法変更", "お借入れ(キャッシング)", "ポイント照会・交換",
        "キャンペーン", "各種変更・申請手続き", "お客さまサポート")


def page(title: str, body: str, errors=(), info=()) -> str:
    errs = "".join(f'<li role="alert">{escape(e)}</li>' for e in errors)
    notes = "".join(f'<li role="status">{escape(i)}</li>' for i in info)
    return (f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body><div id="app"><div class="hdr">MY APLUS (vendor build)</div>'
            f'<ul class="msgs">{errs}{notes}</ul><h1>{escape(title)}</h1>{body}</div></body></html>')


def form(action: str, inner: str, token: str) -> str:
    return f'<form method="post" action="{action}"><input type="hidden" name="_t" value="{token}">{inner}</form>'


def button(value: str, name: str = "op") -> str:
    return f'<input type="submit" name="{name}" value="{escape(value)}">'


def field(label: str, name: str, kind: str = "text", example: str = "") -> str:
    hint = f' placeholder="{escape(example)}"' if example else ""
    return f'<div class="row"><label>{escape(label)}<br><input type="{kind}" name="{name}"{hint}></label></div>'


def signin(token: str) -> str:
    return form("/ma/signin", field("My APLUS ID", "uid") + field("パスワード", "upw", "password") +
                "<p>※間違えやすい英数字・アルファベットにご注意ください。(数字の「1」、大文字「I」(アイ)、小文字「l」等)</p>"
                "<p>※ID・パスワードは半角英数字記号で入力してください。</p>" + button("ログイン"), token) + (
        "<aside><p>My APLUSではログインに利用するID・パスワードが異なります。</p>"
        "<p>NETstation*APLUSをご利用いただいていた方は、以前使われていたログインID・パスワードをご入力ください。</p>"
        "<p>ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。</p>"
        "<p>初めてログインする際には、ご登録された電話番号(SMSまたは音声)での認証が必要となります。</p>"
        "<p>My APLUS(または旧NETstation*APLUS)をご利用されたことのない方は、カード発行時に送付される初期ID・パスワードを"
        "ご入力いただくか、こちらより新規会員登録を行ってください。</p></aside>")


def terms(token: str) -> str:
    return ("<p>以下、My APLUS会員規約をよくお読みのうえ「同意して進む」ボタンをクリックしてお進みください。</p>"
            "<pre>第1条 (vendor terms)</pre>" + form("/ma/kiyaku", button("キャンセル") + button("同意して進む"), token))


def mail_select(masked: str, token: str) -> str:
    return ("<p>複数のクレジットカードをお持ちで同一メールアドレスを登録されている方は、自動的に1つのアカウントに複数のカード情報が紐づく場合がございます。</p>"
            "<p>My APLUSでは、お客さまのメールアドレスがログインIDとなります。</p>"
            f"<p>クレジットカードに登録されているメールアドレス({escape(masked)})をMy APLUS IDとして登録しますか?</p>"
            "<p>表示のものとは異なるメールアドレスを希望される場合は「いいえ」を押してください。</p>"
            "<p>この場合、クレジットカードに登録されているメールアドレスも変更となります。</p>"
            + form("/ma/mail-select", button("いいえ") + button("はい"), token))


def tel_verify(mobile: bool, masked: str, token: str) -> str:
    if mobile:
        inner = ("<p>ご登録いただいているお電話番号で本人確認をさせていただきます。携帯電話はSMS、それ以外は音声電話でお送りする数字4桁の認証コードを入力してください。</p>"
                 + field(f"登録電話番号 {masked} へSMSにて送信された認証コードを入力してください", "otp", example="例:1234") + button("認証する")
                 + "<p>※認証コードの有効期限は発行から5分となります。</p><p>※認証コードが届かない場合はこちら</p>"
                 "<p>SMSで再度認証コードを受け取る場合</p>" + button("認証コードを再送信する")
                 + "<p>任意 認証コードが届かない場合</p><p>※ カードに登録されている電話番号に自動音声にて認証コードを案内します。</p>"
                 + button("音声電話で認証コードを送信"))
    else:
        inner = ("<p>登録電話番号に自動音声でコードを送信します。電話番号を選択して送信ボタンを押してください。</p>"
                 f"<p>登録電話番号:{escape(masked)}</p>" + button("音声電話で認証コードを送信")
                 + "<p>※認証コードの有効期限は上記「音声電話で認証コードを送信」を押して発行されてから5分となります。</p>"
                 + field("自動音声で受け取った認証コードを入力してください", "otp", example="例:1234")
                 + "<p>※認証コードが届かない場合はこちら</p>" + button("認証する"))
    return form("/ma/tel-verify", inner, token)


def password(token: str) -> str:
    return form("/ma/pw", field("新しいパスワード", "p1", "password")
                + "<p>※ 生年月日、電話番号、お名前、カード番号などに関する数字・アルファベット等の第三者に容易にわかるものは使用しないでください。</p>"
                "<p>※ 任意の8~20文字の半角英数字・記号でご登録ください。(アルファベットの大文字・小文字にご注意ください)。</p>"
                "<p>※ パスワードはアルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。</p>"
                + field("確認のため、もう一度入力してください。", "p2", "password") + button("キャンセル") + button("登録する"), token)


def done() -> str:
    return '<p>My APLUSの利用登録が正常に完了しました。</p><a href="/ma/signin">My APLUSにログインする</a>'


def home(previous: str, token: str) -> str:
    links = "".join(f'<a href="#">{escape(m)}</a> ' for m in MENU)
    return (f'<div class="top"><a href="#">Q&amp;A</a> <a href="#">お知らせ</a></div><div class="nav">{links}</div><p>前回ログイン日時 :{escape(previous)}</p>'
            + form("/ma/signout", button("ログアウト"), token))
