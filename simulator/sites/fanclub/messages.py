"""Every word the fan club site shows or sends, in one place. Documented wording is quoted from
000_e4c64a5ee4639c6e.txt; entries marked (推定) are our choice where the document is silent."""
from ...browser_support import NOTICE_LINES as ENVIRONMENT_NOTICE  # noqa: F401  (■お手続きの環境について, verbatim)

# STEP2 (documented)
STEP2_QUESTION = "【STEP2】初回ログイン時、会員番号・生年月日8桁で認証されません。"
CAUSES_LEAD = "初回ログインの認証不可は、下記が主な原因となります。"
CAUSES = (
    "ログイン情報(会員番号/生年月日8桁)の入力誤り",
    "生年月日の情報を誤って登録",
    "生年月日の情報が未登録",
    "既に退会済み",
)
# (推定) the heading of the notice a visitor in a 動作保証外 environment sees on every page (browser_support.guidance)
ENVIRONMENT_WARNING_TITLE = "ご利用の環境についてのご注意"
CHECK_LEAD = "お問い合わせいただく前に、今一度下記をご確認ください。"
CHECK_NUMBER = "リニューアル前にお控え忘れた場合は、《こちら》よりお問い合わせください。"
CHECK_PASSWORD = "【お客様のご生年月日8桁(西暦表記)】です。"

# <ご注意> (documented, verbatim) — shown on every payment screen
NEVER_PAY = (
    "2025年10月30日(木)以前よりご入会済みでご登録が有効な方は、月会費のお支払いは不要です。",
    "万が一、決済を求められる画面が表示された場合でも、絶対にお支払いはしないでください。",
    "決済画面が出る=既に退会済、もしくは初回ログイン手続きに誤りがあります。",
)
MONTHLY_FEE = "月会費 330円(税込)"  # documented amount: 毎月330円(税込)
CARRIERS = (("docomo", "docomo"), ("au", "au"), ("softbank", "SoftBank"))  # documented: docomo/au/SoftBank
PAYMENT_METHODS = {  # documented names of the carriers' billing services (★1)
    "docomo": "docomoコンテンツ決済(旧:spモードコンテンツ決済)・d払い",
    "au": "auかんたん決済",
    "softbank": "ソフトバンクまとめて支払",
}

# STEP2 answers (推定: the document lists causes, not the page's sentences)
LOGIN_FAILED = "会員番号またはパスワード(生年月日8桁)が正しくありません。"  # one message for every mismatch: no enumeration
NUMBER_REQUIRED = "会員番号を入力してください。"
NUMBER_FORMAT = "会員番号は半角数字で入力してください。"
BIRTH_REQUIRED = "パスワード(生年月日8桁)を入力してください。"
BIRTH_FORMAT = "パスワードはご生年月日を西暦8桁の半角数字で入力してください。(例:19900123)"
BIRTH_IMPOSSIBLE = "パスワード(生年月日8桁)に存在しない日付が入力されています。"
STEP2_LOCKED = "入力誤りが一定回数を超えたため、しばらくの間ログインできません。しばらくしてから再度お試しください。"  # (推定)
CARRIER_UNAVAILABLE = "ただいまご契約状況を確認できません。しばらくしてから再度お試しください。"
CHARGE_FOUND = "退会済みのご登録ですが、毎月330円(税込)のご請求が確認できました。お支払いはせず、下記よりメールにてお問い合わせください。"

# inquiry (documented)
INQUIRY_LEAD = "毎月330円(税込)のご請求が発生している方は、下記よりメールにてお問い合わせください。"
INQUIRY_ADDRESS = "secure_lunasea@cc.plusmember.jp"
INQUIRY_SUBJECT = "【STEP2】初回ログイン認証エラー"
INQUIRY_LINK = "»【STEP2】初回ログイン認証エラー({carrier}の方)"  # documented for docomo; au / SoftBank (推定)
INQUIRY_FALLBACK = ("お使いの環境によっては、上記リンクのメールが立ち上がらない場合がございます。",
                    "下記の専用アドレス宛にメールをお送りください。")
INQUIRY_ITEMS = (
    "ご契約の携帯会社【docomo/au/SoftBank】",
    "各キャリアの決済情報 ★1",
    "ログイン時に入力した会員番号",
    "ログイン時に入力したパスワード8桁",
    "氏名フルネーム(漢字)",
    "氏名フルネーム(カナ)",
    "ご設定にお心当たりのあるニックネーム",
    "ご生年月日(西暦表記8桁)",
    "お持ちのメールアドレス全て",
    "お電話番号",
    "ご住所",
    "Plus member ID(取得済の場合)★2",
)
REQUESTS = (
    "ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。",
    "個別に調査が必要となりますので、ご返信には1週間程お時間をいただく場合があります。",
    "複数アドレスからのお問い合わせ・連続投稿はお控えいただき、回答をお待ちください。",
    "必須事項が不足している・空欄の場合、回答を差し上げることができません。",
)

# STEP3–STEP7 (mail names documented; sentences 推定)
REGISTER_MAIL_SUBJECT = "【Plus member】会員登録URLのお知らせ"  # the document's 「会員登録URLのお知らせメール」
EXISTING_MAIL_SUBJECT = "【Plus member】取得済IDのお知らせ"  # documented name 「取得済IDのお知らせ」
MAIL_SENT = "入力されたメールアドレスにメールを送信しました。メールに記載のURLからお手続きを続けてください。"
EMAIL_REQUIRED = "メールアドレスを入力してください。"
EMAIL_INVALID = "メールアドレスの形式が正しくありません。"
EMAIL_MISMATCH = "確認用のメールアドレスが一致しません。"
FAMILY_REFUSED = ("ご入力のメールアドレス(Plus member ID)は、他の会員の方の初回ログインに使用されています。"
                  "ご家族のPlus member ID・メールアドレスでは初回ログインできません。ご本人のメールアドレスをご入力ください。")
MAIL_FAILED = "メールを送信できませんでした。しばらくしてから再度お試しください。"
LINK_INVALID = "URLの有効期限が切れているか、すでに使用されています。お手数ですが、初回ログインからやり直してください。"
START_OVER = "お手続きの有効期限が切れました。お手数ですが、初回ログインからやり直してください。"
PLUS_PASSWORD_WRONG = "Plus member IDのパスワードが正しくありません。"
PLUS_PASSWORD_REQUIRED = "パスワードを入力してください。"
PW_RULE = "パスワードは半角英字と数字を組み合わせた8~32文字でご登録ください。"
PW_CONFIRM = "確認用のパスワードが一致しません。"
COMPLETED = "初回ログインが完了しました。"
NUMBER_CHANGED = "リニューアルに伴い、初回ログイン後は新しい会員番号となります。入会日は引き継がれています。"
STATUS_DONE = "完了"
STATUS_NOT_YET = "未完了"
FIRST_LOGIN_NEEDED = "初回ログインがお済みでないため、会員サービスをご利用いただけません。「初回ログインはこちら」からお手続きください。"
NEW_REGISTRATION_NOTICE = ("こちらのご登録は「新規入会」です。リニューアル前からご入会済みの方で、初回ログインではなく新規登録をされた場合、"
                           "入会日は引き継がれません。下記よりメールにてお問い合わせください。")
PLUS_LOGIN_FAILED = "Plus member IDまたはパスワードが正しくありません。"
LOGIN_PAGE_MESSAGE = "リニューアル前からご入会済みの方は、「初回ログインはこちら」からお手続きください。"
ALREADY_DONE = "初回ログインはすでに完了しています。Plus member IDとパスワードでログインしてください。"  # (推定)
MAIL_FROM = "no-reply@plusmember.example"  # (推定) sender of STEP3/STEP4 mails
