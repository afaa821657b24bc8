"""Switchable defects: each breaks exactly one documented rule, the way a careless vendor might ship it."""

DEFECTS: dict[str, dict[str, str]] = {}


def _d(name: str, sentence: str, description: str, site: str) -> None:
    DEFECTS[name] = {"site": site, "sentence": sentence, "description": description}


# ---------------------------------------------------------------- My APLUS (document 003)
A = "myaplus"
_d("old_id_lock_never",
   "〈NETstation*APLUSのIDとパスワードを入力して「入力されたIDはロックされているためログインできません」と表示される場合〉",
   "An old NETstation*APLUS ID is never locked, however many wrong passwords are typed.", A)
_d("old_id_lock_late",
   "(※一定回数パスワードの入力が失敗された場合「【My APLUS】アカウント停止のお知らせ」が クレジットカードに登録されたメールアドレスに送られます。)",
   "The old-ID lock triggers one wrong password later than old_id_lock_threshold.", A)
_d("old_id_lock_mail_missing",
   "(※一定回数パスワードの入力が失敗された場合「【My APLUS】アカウント停止のお知らせ」が クレジットカードに登録されたメールアドレスに送られます。)",
   "The old ID is locked but no lock mail is sent.", A)
_d("account_lock_never",
   "パスワードの入力を一定回数以上失敗された場合、セキュリティ保護のためMy APLUSのアカウントを停止させていただきます。",
   "A My APLUS account is never stopped, however many wrong passwords are typed.", A)
_d("account_lock_late",
   "パスワードの入力を一定回数以上失敗された場合、セキュリティ保護のためMy APLUSのアカウントを停止させていただきます。",
   "The account lock triggers one wrong password later than account_lock_threshold.", A)
_d("account_lock_mail_missing",
   "アカウント停止時には、「【My APLUS】アカウント停止のお知らせ」を、My APLUSに登録いただいたメールアドレスにお送りさせていただきます。",
   "The account is stopped but no lock mail is sent.", A)
_d("account_lock_mail_to_card_email",
   "アカウント停止時には、「【My APLUS】アカウント停止のお知らせ」を、My APLUSに登録いただいたメールアドレスにお送りさせていただきます。",
   "The account lock mail goes to the card's e-mail address instead of the registered My APLUS ID.", A)
_d("lock_mail_subject_reworded",
   "「【My APLUS】アカウント停止のお知らせ」",
   "The lock mail's subject reads 【My APLUS】アカウント停止のご連絡.", A)
_d("login_error_reworded",
   "〈「入力されたIDとパスワードではログインできません」と表示される場合〉",
   "The login error reads 入力されたIDとパスワードではログインできませんでした。", A)
_d("old_id_works_after_migration",
   "My APLUSではログインに利用するID・パスワードが異なります。",
   "After the migration the old NETstation*APLUS ID and password still start a migration.", A)
_d("terms_cancel_keeps_progress",
   "(「キャンセル」を押すとログイン画面(①)から再度お手続きが必要です。)",
   "キャンセル on the terms (②) shows the login page but keeps the migration; typing ③'s URL resumes it.", A)
_d("terms_skippable",
   "②:My APLUS会員規約を確認後、「同意して進む」を押してください。",
   "③ opens by typing its URL without agreeing to the terms.", A)
_d("phone_auth_skippable",
   "初めてログインする際には、ご登録された電話番号 (SMSまたは音声) での認証が必要となります。",
   "⑧ (password) opens by typing its URL without the phone verification of ⑦.", A)
_d("change_no_keeps_progress",
   "(「いいえ」を押すとログイン画面(①)から再度お手続きが必要です。)",
   "いいえ on ⑥ shows the login page but keeps the migration; typing ⑦'s URL resumes it.", A)
_d("email_taken_accepted",
   "〈「ご入力いただいたメールアドレスはご利用いただけません。」と表示される場合〉 入力されたメールアドレスが既にMy APLUS IDとして利用されている可能性があります。",
   "④ accepts an address that is already another member's My APLUS ID.", A)
_d("email_fullwidth_accepted",
   "・全角の文字が入っている ※半角でも一部使用できない記号があります",
   "④ accepts an address containing full-width characters.", A)
_d("email_edge_at_accepted",
   "・アドレスの先頭もしくは最後が@になっている",
   "④ accepts an address that starts or ends with @.", A)
_d("code_ttl_10_minutes",
   "※認証コードの有効期限は発行から5分となります。",
   "Verification codes stay valid for 10 minutes instead of 5.", A)
_d("resend_keeps_old_code",
   "「認証コードを再送信する」を押し、新たに送信された認証コードでお試しください。",
   "After 認証コードを再送信する the previously sent code is still accepted.", A)
_d("code_reusable",
   "認証コードが正しく入力されていないか、認証コードの有効期限が切れている可能性がございます。",
   "A code that was already used is accepted again (within its validity).", A)
_d("code_lock_never",
   "〈「一定回数以上入力に誤りがあったため、My APLUSの認証機能がロックされました」と表示される場合〉 一定回数認証コードの入力が失敗されましたので、 セキュリティ保護のためロックさせていただいております。",
   "Wrong codes never lock the verification function.", A)
_d("code_lock_permanent",
   "しばらく時間をおいて再度お試しください。",
   "The verification lock never ends (waiting does not help).", A)
_d("expired_code_says_mismatch",
   "〈「認証コードが一致しません」「認証コードの有効期限が切れています」と表示される場合〉",
   "An expired code is reported as 認証コードが一致しません instead of 認証コードの有効期限が切れています.", A)
_d("code_mismatch_reworded",
   "〈「認証コードが一致しません」「認証コードの有効期限が切れています」と表示される場合〉",
   "A wrong code is reported as 認証コードが正しくありません.", A)
_d("sms_to_landline",
   "携帯電話はSMS、それ以外は音声電話でお送りする数字4桁の認証コードを入力してください。",
   "A landline gets the ⑦-1 screen and an SMS is sent to it.", A)
_d("phone_code_by_mail",
   "SMSで届いた認証コード数字4桁を入力し、「認証する」を押してください。",
   "The ⑦-1 phone code is sent by e-mail instead of SMS.", A)
_d("voice_button_missing",
   "※ カードに登録されている電話番号に自動音声にて認証コードを案内します。",
   "⑦-1 lacks the 音声電話で認証コードを送信 button.", A)
_d("voice_code_six_digits",
   "その後、自動音声で確認した認証コード数字4桁を入力し「認証する」を押してください。",
   "The voice call speaks (and the site expects) a 6-digit code.", A)
_d("password_min_length_7",
   "※ 任意の8~20文字の半角英数字・記号でご登録ください。",
   "⑧ accepts a 7-character password.", A)
_d("password_max_length_unenforced",
   "※ 任意の8~20文字の半角英数字・記号でご登録ください。",
   "⑧ accepts passwords longer than 20 characters.", A)
_d("password_fullwidth_accepted",
   "※ 任意の8~20文字の半角英数字・記号でご登録ください。",
   "⑧ accepts full-width characters in the password.", A)
_d("password_symbol_not_required",
   "※ パスワードはアルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。",
   "⑧ accepts a password of letters and digits only.", A)
_d("password_personal_data_accepted",
   "※ 生年月日、電話番号、お名前、カード番号などに関する数字・アルファベット等の第三者に容易にわかるものは使用しないでください。",
   "⑧ accepts a password containing the birth date, phone number, name or card number.", A)
_d("password_confirmation_ignored",
   "確認のため、もう一度入力してください。",
   "⑧ ignores the confirmation field (different values are accepted).", A)
_d("password_cancel_keeps_progress",
   "(「キャンセル」を押すとログイン画面(①)から再度お手続きが必要です。)",
   "キャンセル on ⑧ shows the login page but keeps the migration; typing ⑧'s URL resumes it.", A)
_d("card_email_not_changed",
   "この場合、クレジットカードに登録されているメールアドレスも変更となります。",
   "With いいえ at ③ the new address becomes the My APLUS ID but the card's e-mail is left unchanged.", A)
_d("completion_button_missing",
   "「My APLUSにログインする」を押し、次にお進みください。",
   "⑨ lacks the My APLUSにログインする button.", A)
_d("previous_login_shows_current",
   "前回ログイン日時",
   "⑪ shows the current login's time as 前回ログイン日時.", A)
_d("forgot_link_missing",
   "ログイン画面内の「パスワードを忘れた方はこちら」より**パスワード再発行**をお試しください。",
   "The login page lacks the パスワードを忘れた方はこちら link.", A)
_d("register_link_missing",
   "ログイン画面内の「My APLUS ID作成はこちら」からMy APLUS IDの新規登録を行ってください。",
   "The login page lacks the My APLUS ID作成はこちら link.", A)
_d("register_same_email_allowed",
   "※同一のメールアドレスではMy APLUS IDの新規登録はできませんのでご注意ください。",
   "New registration accepts the address of an existing (e.g. stopped) My APLUS ID.", A)
_d("reissue_keeps_lock",
   "ログイン画面内の「パスワードを忘れた方はこちら」より**パスワード再発行**をお試しください。",
   "A password reissue sets the new password but leaves the account stopped.", A)

# ---------------------------------------------------------------- fan club (document 000)
F = "fanclub"
_d("fc_wrong_birth_date_accepted",
   "・ログイン情報(会員番号/生年月日8桁)の入力誤り",
   "STEP2 accepts any 8-digit date as the password for an existing member number.", F)
_d("fc_missing_birth_date_accepted",
   "・生年月日の情報が未登録",
   "STEP2 lets a member with no registered birth date in with any date.", F)
_d("fc_withdrawn_accepted",
   "・既に退会済み",
   "STEP2 lets a withdrawn (退会済) member in.", F)
_d("fc_password_six_digits",
   "【お客様のご生年月日8桁(西暦表記)】です。",
   "STEP2 expects the birth date as 6 digits (YYMMDD) and refuses the 8-digit one.", F)
_d("fc_never_pay_warning_missing",
   "万が一、決済を求められる画面が表示された場合でも、絶対にお支払いはしないでください。",
   "The payment (入会) screen lacks the never-pay warning.", F)
_d("fc_renewal_date_wrong",
   "2025年10月30日(木)以前よりご入会済みでご登録が有効な方は、月会費のお支払いは不要です。",
   "The warning names 2025年10月31日(金) instead of 2025年10月30日(木).", F)
_d("fc_fee_wrong",
   "毎月330円(税込)のご請求が発生している方は、下記よりメールにてお問い合わせください。",
   "The fee is shown as 300円 instead of 330円(税込).", F)
_d("fc_inquiry_item_missing",
   "・ご生年月日(西暦表記8桁)",
   "The inquiry mail (mailto) body lacks the mandatory item ご生年月日(西暦表記8桁).", F)
_d("fc_inquiry_subject_wrong",
   "▼件名 【STEP2】初回ログイン認証エラー",
   "The inquiry mailto's subject lacks 【STEP2】.", F)
_d("fc_inquiry_address_wrong",
   "▼宛先 secure_lunasea@cc.plusmember.jp",
   "The inquiry mailto goes to secure-lunasea@cc.plusmember.jp (hyphen instead of underscore).", F)
_d("fc_au_billing_12_digits",
   "■auかんたん決済の場合:【11桁の継続課金ID】",
   "The billing check asks au members for a 12-digit ID and refuses the 11-digit 継続課金ID.", F)
_d("fc_au_phone_number_accepted",
   "✓「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。",
   "The billing check accepts an au phone number (090...) as a 継続課金ID and looks it up.", F)
_d("fc_docomo_billing_11_digits",
   "■docomoコンテンツ決済(旧:spモードコンテンツ決済)・d払い:【12桁の決済番号】",
   "The billing check asks docomo members for an 11-digit number.", F)
_d("fc_env_galaxy_missing",
   "・Galaxyブラウザ(Samsung Internet Browser)",
   "The supported-environment statement omits the Galaxy browser (and does not warn its users).", F)
_d("fc_in_app_browser_not_warned",
   "・X(旧Twitter)、Instagram、LINEなどの各種SNSアプリ経由でのサイト閲覧",
   "Visitors in an SNS app's in-app browser are not warned.", F)
_d("fc_family_plus_id_accepted",
   "家族のPlus member ID・メールアドレスで初回ログインはできますか？",
   "STEP3 accepts a Plus member ID already linked to another member (a family member's).", F)
_d("fc_join_date_not_carried",
   "初回ログインをしたはずですが、入会日が引き継がれていません。",
   "The first login replaces 入会日 with today's date.", F)
_d("fc_step5_password_skipped",
   "【STEP5】でパスワード入力を求められました。(すでにPlus member IDをお持ちの方)",
   "An existing Plus member ID is linked without asking for its password.", F)
_d("fc_existing_id_gets_register_mail",
   "【STEP4】で「取得済IDのお知らせ」というメールが届きました。どうすればよいですか?",
   "An address that is already a Plus member ID gets 会員登録URLのお知らせ instead of 取得済IDのお知らせ.", F)
_d("fc_step3_skippable",
   "【STEP2】初回ログイン時、会員番号・生年月日8桁で認証されません。",
   "STEP3 (e-mail registration) opens by typing its URL without passing STEP2.", F)
_d("fc_related_question_missing",
   "「サイトリニューアル後の初回ログインについて」に関する他の質問",
   "The help page's related questions omit 「初回ログイン」は必ずやらないといけませんか?.", F)
