"""Every word My APLUS shows or sends, in one place. Documented wording is quoted from
003_1521dc9f51224c26.txt; entries marked (推定) are our choice where the document is silent."""

# ① / ⑩ / ⑫ login
LOGIN_FAILED = "入力されたIDとパスワードではログインできません"
OLD_ID_LOCKED = "入力されたIDはロックされているためログインできません"
ACCOUNT_LOCKED = (
    "パスワードを一定回数以上誤って入力されたため、IDが無効となっています。",
    "旧NETstation*APLUS IDを入力されていた方は、初回IDを入力されていた方は、こちらよりMy APLUS IDの新規作成をしてください。",
    "My APLUS IDを入力されていた方は、パスワードを忘れた方はこちらをクリックしてください。",
)
REQUIRED = "入力必須項目です。"
LOCK_MAIL_SUBJECT = "【My APLUS】アカウント停止のお知らせ"
START_OVER = "お手続きの有効期限が切れました。お手数ですが、ログイン画面から再度お手続きください。"  # (推定)

# ④ e-mail
EMAIL_INVALID = "メールアドレスの入力に誤りがあります。"
EMAIL_UNAVAILABLE = "ご入力いただいたメールアドレスはご利用いただけません。"

# ⑤ / ⑦ codes
CODE_MISMATCH = "認証コードが一致しません"
CODE_EXPIRED = "認証コードの有効期限が切れています"
CODE_LOCKED = "一定回数以上入力に誤りがあったため、My APLUSの認証機能がロックされました"
CODE_RESENT = "認証コードを再送信しました。"  # (推定)
CODE_CALLED = "ご登録の電話番号へ自動音声でお電話しています。"  # (推定)
CODE_SEND_LIMIT = "認証コードの送信回数が上限に達しました。しばらくしてから再度お試しください。"  # (推定)
DELIVERY_FAILED = "認証コードを送信できませんでした。しばらくしてから再度お試しください。"  # (推定)
CODE_MAIL_SUBJECT = "【My APLUS】認証コードのお知らせ"  # (推定)

# ⑧ password rules (the rules are documented; the sentences are ours (推定))
PW_LENGTH = "パスワードは8~20文字でご登録ください。"
PW_CHARSET = "パスワードは半角英数字・記号でご登録ください。"
PW_KINDS = "パスワードはアルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。"
PW_PERSONAL = "生年月日、電話番号、お名前、カード番号などに関する数字・アルファベット等の第三者に容易にわかるものは使用しないでください。"
PW_CONFIRM = "確認のために入力されたパスワードが一致しません。"

# password reissue and new registration (推定 except the e-mail errors)
RESET_MAIL_SUBJECT = "【My APLUS】パスワード再発行のお知らせ"
RESET_SENT = "ご入力いただいたメールアドレスにパスワード再発行のご案内をお送りしました。"
RESET_LINK_INVALID = "パスワード再発行のURLが無効です。お手数ですが、再度お手続きください。"
RESET_DONE = "パスワードの再設定が完了しました。"
REGISTER_MAIL_SUBJECT = "【My APLUS】新規会員登録のご案内"
REGISTER_SENT = "ご入力いただいたメールアドレスに新規会員登録のご案内をお送りしました。"

# 403 / 404 / 500 (推定)
CSRF_FAILED = "画面の有効期限が切れました。お手数ですが、最初からやり直してください。"
NOT_FOUND = "お探しのページは見つかりませんでした。"
SERVER_ERROR = "ただいまシステムが混み合っています。しばらくしてから再度お試しください。"
