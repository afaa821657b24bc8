"""Switchable defects: the simulator broken on purpose, one documented rule at a time, the way a careless vendor
might break it (issue 11, part 5). ``python -m simulator --defect NAME`` (repeatable) switches one on;
``make mutants`` / ``python -m tests.vendor_proof.mutants --target simulator`` runs the scenarios citing its
statements against it and expects one of them to fail: a defect no scenario notices *survives*, and names a gap.

``DEFECTS[name]``:

* ``ids``: the catalogue statements (fixtures/spec/*.yaml) it breaks; the sweep calls the defect *named* when one of
  them comes out FAILED or WARNING.
* ``description``: one line, what goes wrong.
* ``note`` (optional): how it is meant.
* ``inferred`` (optional): the behaviour it breaks is one the document is silent on (a flow detail, a count the
  document leaves open): no documented statement can fail on it, and the sweep expects an @推定 scenario citing
  ``ids`` to flag it for REVIEW instead (``ids`` then names the nearest statements, whose scenarios are run).
* ``equivalent`` (optional): why no browser can observe it on this site (an *equivalent mutant*): not run.
* ``text`` (optional): ``[(documented words, words shown instead), ...]``: a wording defect, applied by one hook to
  every page the sites render (``web.render_page``) and every mail they send (``outbound.Mailer.send``). Rules,
  causes and steps are judged by their outcome, so a slight rewording of one is PASSED by design: their wording
  defects *remove* the sentence (a documented notice missing); messages (errors, mails) are *reworded* slightly.

The code asks ``on(where, name)``: ``where`` is the settings, a SiteContext, a request, the stubs' registry, or
None (never on). Every other defect is one ``if defects.on(...)`` at the place the rule is enforced; with no defect
switched on the simulator behaves exactly as without this module.
"""
from __future__ import annotations

import html
from urllib.parse import quote

_INQUIRY_SUBJECT = "【STEP2】初回ログイン認証エラー"
_NOTE_PW_PERSONAL = ("the document asks members not to use their birth date, phone number, name or card number "
                     "(使用しないでください); it never says the site refuses such a password: "
                     "features/myaplus/08_password.feature checks it @推定")
_NOTE_PAYMENT = ("the document warns never to pay on its help page (<ご注意>, checked there); the payment screen, its fee "
                 "and a warning on it are inferred: features/fanclub/04_never_pay.feature checks them @推定")
_NOTE_DESK = ("the document says what to write in the inquiry, never what the support desk answers: its automatic reply "
              "is inferred (features/fanclub/13_support_desk.feature is all @推定); the documented statement is killed by "
              "its ★1 / <お願い> wording defect")


def _missing(*texts: str) -> list[tuple[str, str]]:
    return [(t, "") for t in texts]


DEFECTS: dict[str, dict] = {
    # ① old-ID login --------------------------------------------------------------------------------------------
    "terms_skipped": {
        "ids": ["MYAPLUS-01-S1", "MYAPLUS-02-S1"],
        "description": "the old-ID login goes straight to ③, the terms (②) are never shown"},
    "old_login_any_password": {
        "ids": ["MYAPLUS-01-E1"],
        "description": "an old NETstation*APLUS ID logs in with any password"},
    "old_id_never_locks": {
        "ids": ["MYAPLUS-01-R6", "MYAPLUS-01-E2", "MYAPLUS-01-C3"],
        "description": "wrong old passwords are counted but never lock the old ID"},
    "old_id_lock_one_late": {
        "ids": ["MYAPLUS-01-R6", "MYAPLUS-01-E2", "MYAPLUS-01-R7"],
        "description": "the old ID locks one wrong password after the threshold, not at it"},
    "old_id_lock_one_early": {
        "ids": ["MYAPLUS-01-R7"],
        "description": "the old ID locks one wrong password before the threshold",
        "inferred": True, "note": "the document gives no number (「一定回数」): locking one earlier than the site declares is "
                                  "a difference from the site's own figure, not from the document"},
    "old_id_lock_ignored": {
        "ids": ["MYAPLUS-01-R6", "MYAPLUS-01-E2", "MYAPLUS-01-C3"],
        "description": "a locked old ID still logs in with its right password"},
    "old_lock_mail_missing": {
        "ids": ["MYAPLUS-01-R7", "MYAPLUS-01-M1"],
        "description": "locking the old ID sends no 「アカウント停止のお知らせ」"},
    "old_lock_mail_wrong_address": {
        "ids": ["MYAPLUS-01-R7", "MYAPLUS-01-M2"],
        "description": "the old-ID lock mail goes to an address made from the ID, not the card's e-mail"},
    "lock_mail_subject_reworded": {
        "ids": ["MYAPLUS-01-M1", "MYAPLUS-12-M1"],
        "description": "the lock mail's subject reads 「【My APLUS】アカウントロックのお知らせ」",
        "text": [("【My APLUS】アカウント停止のお知らせ", "【My APLUS】アカウントロックのお知らせ")]},
    "login_error_reworded": {
        "ids": ["MYAPLUS-01-E1"],
        "description": "the login error reads 「入力されたIDまたはパスワードではログインできません」",
        "text": [("入力されたIDとパスワードではログインできません", "入力されたIDまたはパスワードではログインできません")]},
    "old_id_locked_error_reworded": {
        "ids": ["MYAPLUS-01-E2"],
        "description": "the old-ID lock error reads 「入力されたIDはロックされているためログインできません。」 with a stop",
        "text": [("入力されたIDはロックされているためログインできません", "入力されたIDはロックされているため、ログインできません。")]},
    "register_link_wrong_target": {
        "ids": ["MYAPLUS-01-C1", "MYAPLUS-01-S3", "MYAPLUS-12-S2"],
        "description": "「My APLUS ID作成はこちら」 on the login screen leads to the password reissue"},
    "forgot_link_wrong_target": {
        "ids": ["MYAPLUS-01-C2", "MYAPLUS-12-S1"],
        "description": "「パスワードを忘れた方はこちら」 on the login screen leads to the new registration"},
    "old_id_survives_migration": {
        "ids": ["MYAPLUS-01-C2"],
        "description": "after the migration the old NETstation*APLUS ID and password still log in (and start it again)"},
    "halfwidth_notice_missing": {
        "ids": ["MYAPLUS-01-R1", "MYAPLUS-10-R2"],
        "description": "the login screen lacks 「※ID・パスワードは半角英数字記号で入力してください。」",
        "text": _missing("※ID・パスワードは半角英数字記号で入力してください。")},
    "login_different_ids_notice_missing": {
        "ids": ["MYAPLUS-01-R2"],
        "description": "the login screen lacks 「My APLUSではログインに利用するID・パスワードが異なります。」",
        "text": _missing("My APLUSではログインに利用するID・パスワードが異なります。")},
    "login_old_id_notice_missing": {
        "ids": ["MYAPLUS-01-S2"],
        "description": "the login screen lacks the sentence asking NETstation*APLUS users for their former ID and password",
        "text": _missing("NETstation*APLUSをご利用いただいていた方は、以前使われていたログインID・パスワードをご入力ください。")},
    "login_new_id_notice_missing": {
        "ids": ["MYAPLUS-01-R3"],
        "description": "the login screen lacks 「ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。」",
        "text": _missing("ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。")},
    "login_phone_notice_missing": {
        "ids": ["MYAPLUS-01-R4"],
        "description": "the login screen lacks the notice that the first login needs a phone verification",
        "text": _missing("初めてログインする際には、ご登録された電話番号(SMSまたは音声)での認証が必要となります。")},
    "login_first_use_notice_missing": {
        "ids": ["MYAPLUS-01-R5"],
        "description": "the login screen lacks the notice for first-time users (初期ID・パスワード / 新規会員登録)",
        "text": _missing("My APLUS(または旧NETstation*APLUS)をご利用されたことのない方は、カード発行時に送付される初期ID・パスワードを"
                         "ご入力いただくか、こちらより新規会員登録を行ってください。")},
    "login_typo_notice_missing": {
        "ids": ["MYAPLUS-01-N2", "MYAPLUS-10-N1"],
        "description": "the login screen lacks the notice about easily confused characters (1 / I / l)",
        "text": _missing("※間違えやすい英数字・アルファベットにご注意ください。(数字の「1」、大文字「I」(アイ)、小文字「l」等)")},
    # ② terms -----------------------------------------------------------------------------------------------------
    "terms_cancel_proceeds": {
        "ids": ["MYAPLUS-02-R1"],
        "description": "「キャンセル」 on the terms goes on like 「同意して進む」"},
    "terms_cancel_keeps_progress": {
        "ids": ["MYAPLUS-02-R1"],
        "description": "「キャンセル」 shows the login screen but keeps the migration: its later screens still open",
},
    "terms_cancel_button_missing": {
        "ids": ["MYAPLUS-02-B2", "MYAPLUS-02-R1"],
        "description": "the terms screen has no 「キャンセル」 button"},
    # ③ card e-mail as ID? ---------------------------------------------------------------------------------------
    "email_choice_skipped": {
        "ids": ["MYAPLUS-02-S1", "MYAPLUS-03-S1"],
        "description": "「同意して進む」 goes straight to ④: the member is never asked about the card's e-mail"},
    "email_choice_yes_asks_new_email": {
        "ids": ["MYAPLUS-03-R1"],
        "description": "「はい」 on ③ still asks for a new e-mail address (④) instead of going to ⑦"},
    "email_choice_yes_skips_phone": {
        "ids": ["MYAPLUS-03-R1", "MYAPLUS-01-R4"],
        "description": "「はい」 on ③ goes straight to ⑧: no phone verification"},
    "email_choice_no_goes_to_phone": {
        "ids": ["MYAPLUS-03-R2", "MYAPLUS-04-R1"],
        "description": "「いいえ」 on ③ goes to ⑦ with the card's e-mail, ④–⑥ are never shown"},
    "card_email_unmasked": {
        "ids": ["MYAPLUS-03-S2"],
        "description": "③ shows the card's e-mail address in full instead of masked (*********@co.jp)"},
    "multiple_cards_notice_missing": {
        "ids": ["MYAPLUS-03-R3"],
        "description": "③ lacks the notice that several cards with one e-mail may be joined in one account",
        "text": _missing("複数のクレジットカードをお持ちで同一メールアドレスを登録されている方は、自動的に1つのアカウントに複数のカード情報が"
                         "紐づく場合がございます。")},
    "email_is_id_notice_missing": {
        "ids": ["MYAPLUS-03-R4"],
        "description": "③ lacks 「My APLUSでは、お客さまのメールアドレスがログインIDとなります。」",
        "text": _missing("My APLUSでは、お客さまのメールアドレスがログインIDとなります。")},
    "other_email_notice_missing": {
        "ids": ["MYAPLUS-03-R5"],
        "description": "③ lacks the notice to press 「いいえ」 for another e-mail address",
        "text": _missing("表示のものとは異なるメールアドレスを希望される場合は「いいえ」を押してください。")},
    # ④ new e-mail ------------------------------------------------------------------------------------------------
    "new_email_back_stays": {
        "ids": ["MYAPLUS-04-R2"],
        "description": "「ログインへ戻る」 on ④ submits the form (入力必須項目です。) instead of returning to ①"},
    "own_email_notice_missing": {
        "ids": ["MYAPLUS-04-R3"],
        "description": "④ lacks the request to use an e-mail address only the member uses",
        "text": _missing("お手数ですが、ご自身のみが使用しているメールアドレスでMy APLUS IDを登録していただけますようお願いいたします。")},
    "duplicate_email_accepted": {
        "ids": ["MYAPLUS-04-E1", "MYAPLUS-04-C1"],
        "description": "④ accepts an e-mail address that is already a My APLUS ID"},
    "email_refusal_ends_migration": {
        "ids": ["MYAPLUS-04-S2"],
        "description": "after 「ご利用いただけません」 on ④ the migration is over: another address sends the member back to ①"},
    "email_unavailable_reworded": {
        "ids": ["MYAPLUS-04-E1"],
        "description": "the taken-address error reads 「ご入力いただいたメールアドレスはご利用になれません。」",
        "text": [("ご入力いただいたメールアドレスはご利用いただけません。", "ご入力いただいたメールアドレスはご利用になれません。")]},
    "email_invalid_reworded": {
        "ids": ["MYAPLUS-04-E2", "MYAPLUS-04-S3", "MYAPLUS-12-E1"],
        "description": "the invalid-address error reads 「メールアドレスの入力に誤りがございます。」",
        "text": [("メールアドレスの入力に誤りがあります。", "メールアドレスの入力に誤りがございます。")]},
    "email_fullwidth_accepted": {
        "ids": ["MYAPLUS-04-R4", "MYAPLUS-04-S3"],
        "description": "④ accepts e-mail addresses with full-width characters"},
    "email_symbols_accepted": {
        "ids": ["MYAPLUS-04-R5", "MYAPLUS-04-S3"],
        "description": "④ accepts any half-width symbol in the local part ( ( ) , < > )"},
    "email_edge_at_accepted": {
        "ids": ["MYAPLUS-04-R6", "MYAPLUS-04-S3"],
        "description": "④ accepts an address that begins or ends with @"},
    "email_without_at_accepted": {
        "ids": ["MYAPLUS-04-R7", "MYAPLUS-04-S3"],
        "description": "④ accepts an address without @ (only a dot is checked)"},
    "code_mail_to_card_email": {
        "ids": ["MYAPLUS-04-S1", "MYAPLUS-05-R1"],
        "description": "the ⑤ code goes to the card's e-mail address, not the new address entered on ④"},
    # ⑤ e-mail code -----------------------------------------------------------------------------------------------
    "email_verification_notice_missing": {
        "ids": ["MYAPLUS-05-R1"],
        "description": "⑤ lacks 「入力していただいたメールアドレスで本人確認をさせていただきます。」",
        "text": _missing("入力していただいたメールアドレスで本人確認をさせていただきます。")},
    "email_code_six_digits": {
        "ids": ["MYAPLUS-05-S1"],
        "description": "the e-mail code has 6 digits, not 4"},
    "email_code_ttl_10_minutes": {
        "ids": ["MYAPLUS-05-R2", "MYAPLUS-05-E3", "MYAPLUS-05-C1"],
        "description": "an e-mail code stays valid 10 minutes, not 5"},
    "email_code_empty_not_required": {
        "ids": ["MYAPLUS-05-E1"],
        "description": "an empty e-mail code is a wrong code (認証コードが一致しません, counted), not 入力必須項目です。"},
    "code_mismatch_reworded": {
        "ids": ["MYAPLUS-05-E2", "MYAPLUS-07-E2"],
        "description": "the wrong-code error reads 「認証コードが一致していません」",
        "text": [("認証コードが一致しません", "認証コードが一致していません")]},
    "code_expired_reworded": {
        "ids": ["MYAPLUS-05-E3", "MYAPLUS-07-E3"],
        "description": "the expired-code error reads 「認証コードの有効期限が切れました」",
        "text": [("認証コードの有効期限が切れています", "認証コードの有効期限が切れました")]},
    "code_locked_reworded": {
        "ids": ["MYAPLUS-05-E4", "MYAPLUS-07-E4"],
        "description": "the code-lock error reads 「…My APLUSの認証機能をロックしました」",
        "text": [("一定回数以上入力に誤りがあったため、My APLUSの認証機能がロックされました",
                  "一定回数以上入力に誤りがあったため、My APLUSの認証機能をロックしました")]},
    "code_reusable": {
        "ids": ["MYAPLUS-05-E2", "MYAPLUS-07-E2"],
        "description": "a code stays valid after it was used: entering it again is accepted",
        "equivalent": "once a code is accepted the migration moves past ⑤/⑦ and their screens send the member back to ①; "
                      "a later attempt mails a new code, so the used one is never the current one: no browser can "
                      "enter it again (and the document never says a code serves once)"},
    "email_resend_keeps_old_code": {
        "ids": ["MYAPLUS-05-S2"],
        "description": "「認証コードを再送信する」 on ⑤ mails the old code again, with its old validity"},
    "old_code_valid_after_resend": {
        "ids": ["MYAPLUS-05-S2", "MYAPLUS-07-S4"],
        "description": "a new code does not void the previous one: both are accepted",
        "inferred": True, "note": "the document says to try the newly sent code (「新たに送信された認証コードでお試しください」), "
                                  "never that the previous one stops working"},
    "email_resend_button_missing": {
        "ids": ["MYAPLUS-05-B3", "MYAPLUS-05-S2"],
        "description": "⑤ has no 「認証コードを再送信する」 button"},
    "code_never_locks": {
        "ids": ["MYAPLUS-05-E4", "MYAPLUS-05-C2", "MYAPLUS-07-E4", "MYAPLUS-07-C2"],
        "description": "wrong codes never lock the verification function"},
    "code_lock_one_late": {
        "ids": ["MYAPLUS-05-E4", "MYAPLUS-05-C2", "MYAPLUS-07-E4", "MYAPLUS-07-C2"],
        "description": "the verification function locks one wrong code after the threshold"},
    "code_lock_never_lifts": {
        "ids": ["MYAPLUS-05-S3", "MYAPLUS-07-S5"],
        "description": "the verification lock never ends: しばらく時間をおいて再度お試しください is a dead end"},
    "email_resend_while_code_locked": {
        "ids": ["MYAPLUS-05-E4"],
        "description": "while the verification function is locked, ⑤ still sends a new code on 「認証コードを再送信する」"},
    # ⑥ confirm changing the card's e-mail -------------------------------------------------------------------------
    "confirm_no_back_to_new_email": {
        "ids": ["MYAPLUS-06-R1"],
        "description": "「いいえ」 on ⑥ goes back to ④ keeping the progress, not to the login screen"},
    "confirm_no_keeps_progress": {
        "ids": ["MYAPLUS-06-R1"],
        "description": "「いいえ」 on ⑥ shows the login screen but keeps the migration: its later screens still open",
},
    "card_email_not_changed": {
        "ids": ["MYAPLUS-06-S1", "MYAPLUS-03-N2"],
        "description": "migrating with a new e-mail (④) leaves the card's e-mail address as it was"},
    "confirm_yes_skips_phone": {
        "ids": ["MYAPLUS-06-S1", "MYAPLUS-06-R2"],
        "description": "「はい」 on ⑥ goes straight to ⑧: no phone verification"},
    "confirm_question_missing": {
        "ids": ["MYAPLUS-06-S2"],
        "description": "⑥ lacks the question 「入力いただいたメールアドレスをMy APLUS IDとして登録しますか?」",
        "text": _missing("入力いただいたメールアドレスをMy APLUS IDとして登録しますか?")},
    "confirm_phone_notice_missing": {
        "ids": ["MYAPLUS-06-R2"],
        "description": "⑥ lacks 「続いて本人確認のため、登録済の電話番号に対して認証を行います。」",
        "text": _missing("続いて本人確認のため、登録済の電話番号に対して認証を行います。")},
    # ⑦ phone code --------------------------------------------------------------------------------------------------
    "mobile_gets_no_sms": {
        "ids": ["MYAPLUS-07-R1", "MYAPLUS-07-R3", "MYAPLUS-01-R4"],
        "description": "a mobile phone gets no SMS on arrival at ⑦ (treated as a landline)"},
    "sms_to_landline": {
        "ids": ["MYAPLUS-07-R5", "MYAPLUS-07-R3"],
        "description": "a landline is sent an SMS on arrival at ⑦"},
    "sms_number_not_e164": {
        "ids": ["MYAPLUS-07-S1", "MYAPLUS-07-R2"],
        "description": "the SMS goes to the number as stored (090-…), not to the registered phone in E.164: wrong target"},
    "voice_button_sends_sms": {
        "ids": ["MYAPLUS-07-S2", "MYAPLUS-07-S3"],
        "description": "「音声電話で認証コードを送信」 sends an SMS instead of placing a voice call"},
    "phone_code_six_digits": {
        "ids": ["MYAPLUS-07-S1", "MYAPLUS-07-S3"],
        "description": "phone codes (SMS and voice) have 6 digits, not 4"},
    "phone_code_empty_not_required": {
        "ids": ["MYAPLUS-07-E1"],
        "description": "an empty phone code is a wrong code (認証コードが一致しません, counted), not 入力必須項目です。"},
    "sms_code_ttl_10_minutes": {
        "ids": ["MYAPLUS-07-R4", "MYAPLUS-07-E3", "MYAPLUS-07-C1"],
        "description": "an SMS code stays valid 10 minutes, not 5"},
    "voice_code_ttl_10_minutes": {
        "ids": ["MYAPLUS-07-R6", "MYAPLUS-07-E3", "MYAPLUS-07-C1"],
        "description": "a voice-call code stays valid 10 minutes, not 5"},
    "phone_resend_keeps_old_code": {
        "ids": ["MYAPLUS-07-S4"],
        "description": "resending on ⑦ (SMS or voice) sends the old code again, with its old validity"},
    "phone_verification_notice_missing": {
        "ids": ["MYAPLUS-07-R2"],
        "description": "⑦-1 lacks 「ご登録いただいているお電話番号で本人確認をさせていただきます。」",
        "text": _missing("ご登録いただいているお電話番号で本人確認をさせていただきます。")},
    "sms_or_voice_notice_missing": {
        "ids": ["MYAPLUS-07-R3"],
        "description": "⑦-1 lacks 「携帯電話はSMS、それ以外は音声電話でお送りする数字4桁の認証コードを入力してください。」",
        "text": _missing("携帯電話はSMS、それ以外は音声電話でお送りする数字4桁の認証コードを入力してください。")},
    "voice_ttl_notice_missing": {
        "ids": ["MYAPLUS-07-R6"],
        "description": "⑦-2 lacks the notice that the voice code is valid 5 minutes from pressing the button",
        "text": _missing("※認証コードの有効期限は上記「音声電話で認証コードを送信」を押して発行されてから5分となります。")},
    "phone_step_reachable_by_url": {
        "ids": ["MYAPLUS-01-R4"],
        "description": "⑧ opens by URL from any step of the migration: the phone verification can be skipped"},
    # ⑧ password ----------------------------------------------------------------------------------------------------
    "password_cancel_validates": {
        "ids": ["MYAPLUS-08-R1"],
        "description": "「キャンセル」 on ⑧ is taken as 「登録する」 (the password rules answer), not back to ①"},
    "password_cancel_keeps_progress": {
        "ids": ["MYAPLUS-08-R1"],
        "description": "「キャンセル」 on ⑧ shows the login screen but keeps the migration: ⑧ still opens"},
    "pw_birth_date_allowed": {
        "ids": ["MYAPLUS-08-R2"],
        "description": "a password containing the birth date is accepted",
        "inferred": True, "note": _NOTE_PW_PERSONAL},
    "pw_phone_allowed": {
        "ids": ["MYAPLUS-08-R2"],
        "description": "a password containing the phone number is accepted",
        "inferred": True, "note": _NOTE_PW_PERSONAL},
    "pw_name_allowed": {
        "ids": ["MYAPLUS-08-R2"],
        "description": "a password containing the member's name is accepted",
        "inferred": True, "note": _NOTE_PW_PERSONAL},
    "pw_card_number_allowed": {
        "ids": ["MYAPLUS-08-R2"],
        "description": "a password containing the card number is accepted",
        "inferred": True, "note": _NOTE_PW_PERSONAL},
    "pw_personal_notice_missing": {
        "ids": ["MYAPLUS-08-R2"],
        "description": "⑧ lacks the request not to use the birth date, phone number, name or card number",
        "text": _missing("※ 生年月日、電話番号、お名前、カード番号などに関する数字・アルファベット等の第三者に容易にわかるものは使用しないでください。")},
    "pw_min_length_not_enforced": {
        "ids": ["MYAPLUS-08-R3"],
        "description": "passwords shorter than 8 characters are accepted"},
    "pw_max_length_not_enforced": {
        "ids": ["MYAPLUS-08-R3"],
        "description": "passwords longer than 20 characters are accepted"},
    "pw_charset_not_enforced": {
        "ids": ["MYAPLUS-08-R3"],
        "description": "passwords with full-width characters or spaces are accepted"},
    "pw_letter_not_required": {
        "ids": ["MYAPLUS-08-R5"],
        "description": "a password without a letter is accepted"},
    "pw_digit_not_required": {
        "ids": ["MYAPLUS-08-R5"],
        "description": "a password without a digit is accepted"},
    "pw_symbol_not_required": {
        "ids": ["MYAPLUS-08-R5"],
        "description": "a password without a symbol is accepted"},
    "pw_case_notice_missing": {
        "ids": ["MYAPLUS-08-R4"],
        "description": "⑧ lacks 「(アルファベットの大文字・小文字にご注意ください)」",
        "text": _missing("(アルファベットの大文字・小文字にご注意ください)")},
    "complete_page_skipped": {
        "ids": ["MYAPLUS-08-S1", "MYAPLUS-09-R1"],
        "description": "「登録する」 on ⑧ completes the migration but shows the login screen, not ⑨"},
    # ⑨ / ⑩ / ⑪ ------------------------------------------------------------------------------------------------------
    "migration_not_completed": {
        "ids": ["MYAPLUS-09-R1", "MYAPLUS-10-S1"],
        "description": "⑨ is shown but nothing is registered: the new My APLUS ID and password do not log in"},
    "complete_notice_missing": {
        "ids": ["MYAPLUS-09-R1"],
        "description": "⑨ lacks 「My APLUSの利用登録が正常に完了しました。」",
        "text": _missing("My APLUSの利用登録が正常に完了しました。")},
    "complete_login_link_wrong": {
        "ids": ["MYAPLUS-09-S1"],
        "description": "「My APLUSにログインする」 on ⑨ leads to the site index, not the login screen"},
    "new_email_not_used_as_id": {
        "ids": ["MYAPLUS-10-S1", "MYAPLUS-04-S1"],
        "description": "the migration registers the card's e-mail as My APLUS ID even when a new one was entered on ④"},
    "myaplus_login_any_password": {
        "ids": ["MYAPLUS-10-R1"],
        "description": "a My APLUS ID logs in with any password"},
    "myaplus_login_not_kept": {
        "ids": ["MYAPLUS-11-S1", "MYAPLUS-10-S1"],
        "description": "a right My APLUS login is not kept in the session: the top screen sends the member back to ①"},
    # ⑫ account lock --------------------------------------------------------------------------------------------------
    "account_never_locks": {
        "ids": ["MYAPLUS-12-R1", "MYAPLUS-12-E2"],
        "description": "wrong My APLUS passwords never stop the account"},
    "account_lock_one_late": {
        "ids": ["MYAPLUS-12-R1", "MYAPLUS-12-E2"],
        "description": "the account stops one wrong password after the threshold"},
    "account_lock_ignored": {
        "ids": ["MYAPLUS-12-R1", "MYAPLUS-12-E2"],
        "description": "a stopped account still logs in with its right password"},
    "account_lock_mail_missing": {
        "ids": ["MYAPLUS-12-R2", "MYAPLUS-12-M1"],
        "description": "stopping the account sends no 「アカウント停止のお知らせ」"},
    "account_lock_mail_to_card_email": {
        "ids": ["MYAPLUS-12-R2", "MYAPLUS-12-M2"],
        "description": "the account lock mail goes to the card's e-mail, not the My APLUS ID's address"},
    "lock_mail_reissue_hint_missing": {
        "ids": ["MYAPLUS-12-S1"],
        "description": "the lock mail does not point to 「パスワードを忘れた方はこちら」",
        "text": [("ログイン画面内の「パスワードを忘れた方はこちら」より", "ログイン画面より")],
        "inferred": True, "note": "the document says the lock mail carries the ID; 「パスワードを忘れた方はこちら」 is on the "
                                  "login screen (12-S1), so the mail's hint is inferred: its check is a (推定) step"},
    "reset_does_not_unlock": {
        "ids": ["MYAPLUS-12-S1"],
        "description": "a password reissue sets the new password but the account stays stopped"},
    "reissue_email_unchecked": {
        "ids": ["MYAPLUS-12-S2", "MYAPLUS-12-E1"],
        "description": "the reissue form accepts a malformed e-mail address (member@@example) as if it were known"},
    "register_same_email_accepted": {
        "ids": ["MYAPLUS-12-R3"],
        "description": "「My APLUS ID作成はこちら」 accepts an address that is already a My APLUS ID"},
    "account_locked_error_reworded": {
        "ids": ["MYAPLUS-12-E2"],
        "description": "the stopped-account error reads 「…IDが無効になっています。」",
        "text": [("パスワードを一定回数以上誤って入力されたため、IDが無効となっています。",
                  "パスワードを一定回数以上誤って入力されたため、IDが無効になっています。")]},
    "account_locked_old_id_hint_reworded": {
        "ids": ["MYAPLUS-12-E3"],
        "description": "the stopped-account hint for old IDs reads 「…こちらよりMy APLUS IDを新規作成してください。」",
        "text": [("こちらよりMy APLUS IDの新規作成をしてください。", "こちらよりMy APLUS IDを新規作成してください。")]},
    "account_locked_reissue_hint_reworded": {
        "ids": ["MYAPLUS-12-E4"],
        "description": "the stopped-account hint for My APLUS IDs reads 「…パスワードを忘れた方はこちらを押してください。」",
        "text": [("パスワードを忘れた方はこちらをクリックしてください。", "パスワードを忘れた方はこちらを押してください。")]},

    # Fan club: STEP2 ------------------------------------------------------------------------------------------------
    "step2_causes_missing": {
        "ids": ["FANCLUB-STEP2-R1"],
        "description": "a failed STEP2 login shows no list of the main causes",
        "inferred": True, "note": "the document lists the causes on its help page (checked there, 14_help_page); that the "
                                  "STEP2 screen repeats them after a failure is inferred (03_step2_login, @推定)"},
    "step2_wrong_birth_accepted": {
        "ids": ["FANCLUB-STEP2-C1", "FANCLUB-STEP2-C2"],
        "description": "STEP2 accepts any valid birth date for a known member number"},
    "step2_missing_birth_accepts_any": {
        "ids": ["FANCLUB-STEP2-C3"],
        "description": "a member without a registered birth date passes STEP2 with any birth date"},
    "step2_withdrawn_treated_as_active": {
        "ids": ["FANCLUB-STEP2-C4", "FANCLUB-NOTICE-R2"],
        "description": "a withdrawn member passes STEP2 on to STEP3 instead of the payment screen"},
    "step2_birth_read_as_ddmmyyyy": {
        "ids": ["FANCLUB-CHECK-R1"],
        "description": "STEP2 reads the 8 digits as DDMMYYYY, not the documented 西暦 YYYYMMDD"},
    "step2_causes_lead_missing": {
        "ids": ["FANCLUB-STEP2-R1"],
        "description": "「初回ログインの認証不可は、下記が主な原因となります。」 is missing (STEP2 page and help page)",
        "text": _missing("初回ログインの認証不可は、下記が主な原因となります。")},
    "cause_input_error_missing": {
        "ids": ["FANCLUB-STEP2-C1"],
        "description": "the cause 「ログイン情報(会員番号/生年月日8桁)の入力誤り」 is missing from the list",
        "text": _missing("ログイン情報(会員番号/生年月日8桁)の入力誤り")},
    "cause_wrong_birth_missing": {
        "ids": ["FANCLUB-STEP2-C2"],
        "description": "the cause 「生年月日の情報を誤って登録」 is missing from the list",
        "text": _missing("生年月日の情報を誤って登録")},
    "cause_no_birth_missing": {
        "ids": ["FANCLUB-STEP2-C3"],
        "description": "the cause 「生年月日の情報が未登録」 is missing from the list",
        "text": _missing("生年月日の情報が未登録")},
    "cause_withdrawn_missing": {
        "ids": ["FANCLUB-STEP2-C4"],
        "description": "the cause 「既に退会済み」 is missing from the list",
        "text": _missing("既に退会済み")},
    "check_lead_missing": {
        "ids": ["FANCLUB-CHECK-S1"],
        "description": "「お問い合わせいただく前に、今一度下記をご確認ください。」 is missing",
        "text": _missing("お問い合わせいただく前に、今一度下記をご確認ください。")},
    "check_number_notice_missing": {
        "ids": ["FANCLUB-CHECK-S2"],
        "description": "●会員番号 lacks 「リニューアル前にお控え忘れた場合は、《こちら》よりお問い合わせください。」",
        "text": _missing("リニューアル前にお控え忘れた場合は、")},
    "check_password_notice_missing": {
        "ids": ["FANCLUB-CHECK-R1"],
        "description": "「【お客様のご生年月日8桁(西暦表記)】です。」 is missing",
        "text": _missing("【お客様のご生年月日8桁(西暦表記)】です。")},
    # <ご注意> -----------------------------------------------------------------------------------------------------------
    "valid_member_sent_to_payment": {
        "ids": ["FANCLUB-NOTICE-R1"],
        "description": "a valid member who joined before 2025-10-30 is shown the payment screen after STEP2"},
    "payment_never_pay_notice_missing": {
        "ids": ["FANCLUB-NOTICE-R1", "FANCLUB-NOTICE-R2", "FANCLUB-NOTICE-N1"],
        "description": "the payment screen has no <ご注意> (never pay) warning",
        "inferred": True, "note": _NOTE_PAYMENT},
    "no_fee_notice_missing": {
        "ids": ["FANCLUB-NOTICE-R1"],
        "description": "「2025年10月30日(木)以前よりご入会済みでご登録が有効な方は、月会費のお支払いは不要です。」 is missing",
        "text": _missing("2025年10月30日(木)以前よりご入会済みでご登録が有効な方は、月会費のお支払いは不要です。")},
    "payment_means_error_notice_missing": {
        "ids": ["FANCLUB-NOTICE-R2"],
        "description": "「決済画面が出る=既に退会済、もしくは初回ログイン手続きに誤りがあります。」 is missing",
        "text": _missing("決済画面が出る=既に退会済、もしくは初回ログイン手続きに誤りがあります。")},
    "monthly_fee_wrong": {
        "ids": ["FANCLUB-INQUIRY-N1", "FANCLUB-STEP2-C4", "FANCLUB-NOTICE-R2"],
        "description": "the payment screen asks 月会費 300円(税込), not the documented 330円",
        "text": [("月会費 330円(税込)", "月会費 300円(税込)")], "inferred": True, "note": _NOTE_PAYMENT},
    # environment, procedure ------------------------------------------------------------------------------------------
    "environment_notice_missing": {
        "ids": ["FANCLUB-ENV-R1"],
        "description": "「※下記の環境は動作保証外となります。」 is missing",
        "text": _missing("※下記の環境は動作保証外となります。")},
    "procedure_link_notice_missing": {
        "ids": ["FANCLUB-PROCEDURE-S1"],
        "description": "■初回ログイン手順について lacks 「《こちら》を参照の上、お手続きください。」",
        "text": _missing("を参照の上、お手続きください。")},
    # <解決しない場合> inquiry ----------------------------------------------------------------------------------------
    "inquiry_fallback_notice_missing": {
        "ids": ["FANCLUB-INQUIRY-S1"],
        "description": "「下記の専用アドレス宛にメールをお送りください。」 is missing",
        "text": _missing("下記の専用アドレス宛にメールをお送りください。")},
    "inquiry_address_wrong": {
        "ids": ["FANCLUB-INQUIRY-M1"],
        "description": "the inquiry links write to secure-lunasea@cc.plusmember.jp (a hyphen for the underscore)",
        "text": [("mailto:secure_lunasea@cc.plusmember.jp", "mailto:secure-lunasea@cc.plusmember.jp")]},
    "inquiry_subject_wrong": {
        "ids": ["FANCLUB-INQUIRY-M2"],
        "description": "the inquiry links' subject is 「【STEP2】ログイン認証エラー」",
        "text": [("subject=" + quote(_INQUIRY_SUBJECT), "subject=" + quote("【STEP2】ログイン認証エラー"))]},
    "inquiry_body_item_missing": {
        "ids": ["FANCLUB-INQUIRY-R1"],
        "description": "the inquiry links' mail body lacks the mandatory item お電話番号",
        "text": [(quote("\n・お電話番号："), "")], "inferred": True,
        "note": "the document lists the mandatory items on its page (checked there); that the mailto link pre-fills them in "
                "the body is inferred: a (推定) step of 12_inquiry_link.feature"},
    "inquiry_items_heading_missing": {
        "ids": ["FANCLUB-INQUIRY-R1"],
        "description": "the inquiry section lacks the heading 「▼本文【必須事項】」 (page and mail body)",
        "text": _missing("▼本文【必須事項】") + [(quote("▼本文【必須事項】\n"), "")]},
    # ★1 billing information --------------------------------------------------------------------------------------
    "billing_heading_missing": {
        "ids": ["FANCLUB-BILLING-R1"],
        "description": "★1 lacks 「(携帯会社の情報だけではご照会できません)」",
        "text": _missing("(携帯会社の情報だけではご照会できません)")},
    "billing_docomo_heading_missing": {
        "ids": ["FANCLUB-BILLING-R2"],
        "description": "★1 lacks the docomo heading with 【12桁の決済番号】",
        "text": _missing("■docomoコンテンツ決済(旧:spモードコンテンツ決済)・d払い:【12桁の決済番号】")},
    "billing_au_heading_missing": {
        "ids": ["FANCLUB-BILLING-R3"],
        "description": "★1 lacks the au heading with 【11桁の継続課金ID】",
        "text": _missing("■auかんたん決済の場合:【11桁の継続課金ID】")},
    "billing_au_caveat_missing": {
        "ids": ["FANCLUB-BILLING-R4"],
        "description": "★1 lacks 「✓「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。」",
        "text": _missing("✓「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。")},
    "billing_softbank_heading_missing": {
        "ids": ["FANCLUB-BILLING-R5"],
        "description": "★1 lacks the SoftBank heading with 【注文番号】",
        "text": _missing("■ソフトバンクまとめて支払の場合:【注文番号】")},
    "billing_docomo_step1_missing": {
        "ids": ["FANCLUB-BILLING-S1"], "description": "★1 lacks the docomo step 「dメニュー>My docomo>ログインする」",
        "text": _missing("・dメニュー>My docomo>ログインする")},
    "billing_docomo_step2_missing": {
        "ids": ["FANCLUB-BILLING-S2"], "description": "★1 lacks the docomo step 「ネットワーク暗証番号入力>暗証番号確認を選択」",
        "text": _missing("・ネットワーク暗証番号入力>暗証番号確認を選択")},
    "billing_docomo_step3_missing": {
        "ids": ["FANCLUB-BILLING-S3"], "description": "★1 lacks the docomo step 「「ご利用料金」>「詳細を確認」を選択」",
        "text": _missing("・「ご利用料金」>「詳細を確認」を選択")},
    "billing_docomo_step4_missing": {
        "ids": ["FANCLUB-BILLING-S4"], "description": "★1 lacks the docomo step 「「関連メニュー」の「d払い等のご利用料金の確認」を選択」",
        "text": _missing("・「関連メニュー」の「d払い等のご利用料金の確認」を選択")},
    "billing_docomo_step5_missing": {
        "ids": ["FANCLUB-BILLING-S5"], "description": "★1 lacks the docomo step 「「電話料金合算払い【ご利用履歴・お支払い明細】」を選択」",
        "text": _missing("・「電話料金合算払い【ご利用履歴・お支払い明細】」を選択")},
    "billing_au_step1_missing": {
        "ids": ["FANCLUB-BILLING-S6"], "description": "★1 lacks the au step 「au ID TOPからログイン」",
        "text": _missing("・au ID TOPからログイン")},
    "billing_au_step2_missing": {
        "ids": ["FANCLUB-BILLING-S7"], "description": "★1 lacks the au step 「auかんたん決済メニュー>[継続利用サービス一覧]>継続課金ID」",
        "text": _missing("・auかんたん決済メニュー>[継続利用サービス一覧]>継続課金ID")},
    "billing_softbank_step1_missing": {
        "ids": ["FANCLUB-BILLING-S8"], "description": "★1 lacks the SoftBank step 「My Softbankにログイン」",
        "text": _missing("・My Softbankにログイン")},
    "billing_softbank_step2_missing": {
        "ids": ["FANCLUB-BILLING-S9"], "description": "★1 lacks the SoftBank step 「[メニュー]>…>当サイトの項目の[確認する]」",
        "text": _missing("・[メニュー]>「料金・支払い管理」>[まとめて支払い]>[ご利用履歴]>当サイトの項目の[確認する]")},
    "plus_id_hint_missing": {
        "ids": ["FANCLUB-PMID-S1"],
        "description": "★2 lacks 「★2:Plus member IDは《こちら》からご確認ください。」",
        "text": [("★2:Plus member IDは", ""), ("》</a>からご確認ください。", "》</a>")]},
    # the support desk (the stubs' automatic reply to inquiry mails) -------------------------------------------------
    "desk_docomo_any_length": {
        "ids": ["FANCLUB-BILLING-R2"],
        "description": "the support desk accepts a docomo 決済番号 of any number of digits, not only 12",
        "inferred": True, "note": _NOTE_DESK},
    "desk_au_short_id_accepted": {
        "ids": ["FANCLUB-BILLING-R3"],
        "description": "the support desk accepts an au 継続課金ID of 10 digits",
        "inferred": True, "note": _NOTE_DESK},
    "desk_au_long_id_accepted": {
        "ids": ["FANCLUB-BILLING-R4"],
        "description": "the support desk accepts an au ID of 12 digits (「11桁以上の決済情報番号」)",
        "inferred": True, "note": _NOTE_DESK},
    "desk_au_phone_accepted": {
        "ids": ["FANCLUB-BILLING-R4"],
        "description": "the support desk accepts a mobile phone number as the au 継続課金ID",
        "inferred": True, "note": _NOTE_DESK},
    "desk_softbank_any_text": {
        "ids": ["FANCLUB-BILLING-R5"],
        "description": "the support desk accepts any text as a SoftBank 注文番号",
        "inferred": True, "note": _NOTE_DESK},
    "desk_blank_items_accepted": {
        "ids": ["FANCLUB-REQUEST-R3"],
        "description": "the support desk acknowledges an inquiry whose mandatory items are present but blank",
        "inferred": True, "note": _NOTE_DESK},
    "desk_old_surname_ignored": {
        "ids": ["FANCLUB-REQUEST-R1"],
        "description": "the support desk does not take the 旧姓 written with the name",
        "inferred": True, "note": _NOTE_DESK},
    "surname_request_missing": {
        "ids": ["FANCLUB-REQUEST-R1"],
        "description": "<お願い> lacks 「ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。」",
        "text": _missing("ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。")},
    "repeat_request_missing": {
        "ids": ["FANCLUB-REQUEST-R2"],
        "description": "<お願い> lacks 「複数アドレスからのお問い合わせ・連続投稿はお控えいただき、回答をお待ちください。」",
        "text": _missing("複数アドレスからのお問い合わせ・連続投稿はお控えいただき、回答をお待ちください。")},
    "blank_items_request_missing": {
        "ids": ["FANCLUB-REQUEST-R3"],
        "description": "<お願い> lacks 「必須事項が不足している・空欄の場合、回答を差し上げることができません。」",
        "text": _missing("必須事項が不足している・空欄の場合、回答を差し上げることができません。")},
}


class UnknownDefect(ValueError):
    pass


def names(value) -> tuple[str, ...]:
    """The defect names in ``value`` (a comma-separated string or an iterable), each checked."""
    items = [v.strip() for v in (value.split(",") if isinstance(value, str) else value or ()) if v and v.strip()]
    unknown = [v for v in items if v not in DEFECTS]
    if unknown:
        raise UnknownDefect(f"unknown defect(s) {', '.join(unknown)}; known: {', '.join(DEFECTS)}")
    return tuple(dict.fromkeys(items))


def active(where) -> frozenset[str]:
    """The defects switched on for ``where``: Settings (``.defects``), a SiteContext (``.settings``), a request
    (its app's context), the stubs' Registry (``.defects``, set by ``python -m simulator``), or None."""
    if where is None:
        return frozenset()
    if hasattr(where, "scope") and hasattr(where, "app"):  # a starlette Request
        ctx = getattr(getattr(where.app, "state", None), "ctx", None)
        where = getattr(ctx, "settings", None)
    elif not hasattr(where, "defects") and hasattr(where, "settings"):
        where = where.settings
    raw = getattr(where, "defects", "") or ""
    if not raw:
        return frozenset()
    return frozenset(raw.split(",") if isinstance(raw, str) else raw)


def on(where, name: str) -> bool:
    """Is defect ``name`` switched on for ``where``? An unknown name is a programming error (KeyError)."""
    if name not in DEFECTS:
        raise KeyError(f"unknown defect {name!r}")
    return name in active(where)


def threshold(where, value: int, *, never: str, late: str, early: str | None = None) -> int:
    """A lock threshold as a careless vendor applies it: never reached, one try late, or one try early."""
    if on(where, never):
        return 2**31
    if on(where, late):
        return value + 1
    if early and on(where, early):
        return max(1, value - 1)
    return value


def rewrite(where, text: str, markup: bool = False) -> str:
    """``text`` with the active wording defects applied (``markup``: also their HTML-escaped forms)."""
    for name in sorted(active(where)):
        for documented, shown in DEFECTS.get(name, {}).get("text", ()):
            text = text.replace(documented, shown)
            if markup and html.escape(documented, quote=False) != documented:
                text = text.replace(html.escape(documented, quote=False), html.escape(shown, quote=False))
    return text


def rewrite_response(request, response):
    """The rendered page with the active wording defects applied (its Content-Length updated)."""
    body = response.body.decode("utf-8")
    changed = rewrite(request, body, markup=True)
    if changed != body:
        response.body = changed.encode("utf-8")
        response.headers["content-length"] = str(len(response.body))
    return response


def listing() -> dict[str, dict]:
    """The registry as JSON-ready data (``python -m simulator --list-defects``)."""
    return {name: {k: (list(map(list, v)) if k == "text" else v) for k, v in d.items()} for name, d in DEFECTS.items()}
