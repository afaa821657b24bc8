# language: ja
@fanclub
機能: ヘルプページ「サイトリニューアル後の初回ログインについて」
  【STEP2】の回答(原因・確認事項・ご注意・環境・問い合わせ・決済情報の確認手順)と、初回ログインに関する他の質問を掲載する。

  背景:
    前提 「よくある質問画面」を開いている

  @FANCLUB-STEP2-Q1 @FANCLUB-STEP2-R1 @FANCLUB-STEP2-C1 @FANCLUB-STEP2-C2 @FANCLUB-STEP2-C3 @FANCLUB-STEP2-C4 @FANCLUB-CHECK-S1 @FANCLUB-CHECK-R1 @FANCLUB-CHECK-N1 @FANCLUB-NOTICE-R1 @FANCLUB-NOTICE-N1 @FANCLUB-NOTICE-R2 @FANCLUB-PROCEDURE-S1 @FANCLUB-PROCEDURE-B1
  シナリオ: 【STEP2】の質問と回答が掲載されている
    ならば 画面に「Q.【STEP2】初回ログイン時、会員番号・生年月日8桁で認証されません。」と表示される
    かつ 画面に「初回ログインの認証不可は、下記が主な原因となります。」と表示される
    かつ 画面に「・生年月日の情報を誤って登録」と表示される
    かつ 画面に「・既に退会済み」と表示される
    かつ 画面に「※《こちら》もご一読ください。」と表示される
    かつ 画面に「2025年10月30日(木)以前よりご入会済みでご登録が有効な方は、月会費のお支払いは不要です。」と表示される
    かつ 画面に「決済画面が出る=既に退会済、もしくは初回ログイン手続きに誤りがあります。」と表示される
    かつ 画面に「《こちら》を参照の上、お手続きください。」と表示される

  @推定 @FANCLUB-CHECK-B1
  シナリオ: ●会員番号の《こちら》は、同じページのお問い合わせ(<解決しない場合>)へ移動する
    ならば 「リニューアル前にお控え忘れた場合は、《こちら》よりお問い合わせください。」の《こちら》は、同じページの「secure_lunasea@cc.plusmember.jp」がある箇所へ移動する
    かつ 「リニューアル前にお控え忘れた場合は、《こちら》よりお問い合わせください。」の《こちら》は、同じページの「【STEP2】初回ログイン認証エラー」がある箇所へ移動する

  @推定 @FANCLUB-CHECK-B2
  シナリオ: ●パスワードの《こちら》は、同じページの質問「初回ログイン時のパスワードがわかりません。」へ移動する
    ならば 「※《こちら》もご一読ください。」の《こちら》は、同じページの「初回ログイン時のパスワードがわかりません。」がある箇所へ移動する

  @FANCLUB-BILLING-R1 @FANCLUB-BILLING-R2 @FANCLUB-BILLING-B1 @FANCLUB-BILLING-S1 @FANCLUB-BILLING-S2 @FANCLUB-BILLING-S3 @FANCLUB-BILLING-S4 @FANCLUB-BILLING-S5 @FANCLUB-BILLING-N1 @FANCLUB-BILLING-B2 @FANCLUB-BILLING-R3 @FANCLUB-BILLING-B3 @FANCLUB-BILLING-S6 @FANCLUB-BILLING-S7 @FANCLUB-BILLING-R4 @FANCLUB-BILLING-V1 @FANCLUB-BILLING-R5 @FANCLUB-BILLING-B4 @FANCLUB-BILLING-S8 @FANCLUB-BILLING-S9
  シナリオアウトライン: ★1 <携帯会社>の決済情報の確認手順が掲載されている
    ならば 画面に「★1:決済情報の確認手順はこちら(携帯会社の情報だけではご照会できません)」と表示される
    かつ 画面に「<見出し>」と表示される
    かつ リンク「<確認先>」がある
    かつ 画面に「<手順>」と表示される

    例:
      | 携帯会社 | 見出し                                                                   | 確認先                               | 手順                                                                          |
      | docomo   | ■docomoコンテンツ決済(旧:spモードコンテンツ決済)・d払い:【12桁の決済番号】 | https://smt.docomo.ne.jp/            | ・「電話料金合算払い【ご利用履歴・お支払い明細】」を選択                      |
      | au       | ■auかんたん決済の場合:【11桁の継続課金ID】                               | https://id.auone.jp/                 | ✓「11桁以上の決済情報番号」や「端末のお電話番号」では調査できません。         |
      | SoftBank | ■ソフトバンクまとめて支払の場合:【注文番号】                             | https://www.softbank.jp/mysoftbank/  | ・[メニュー]>「料金・支払い管理」>[まとめて支払い]>[ご利用履歴]>当サイトの項目の[確認する] |

  @FANCLUB-BILLING-V1 @FANCLUB-BILLING-S1 @FANCLUB-BILLING-S2 @FANCLUB-BILLING-S3 @FANCLUB-BILLING-S4 @FANCLUB-BILLING-S6 @FANCLUB-BILLING-S7 @FANCLUB-BILLING-S8 @FANCLUB-BILLING-N1 @FANCLUB-PMID-S1 @FANCLUB-PMID-B1
  シナリオ: 各キャリアの確認手順の細目と★2が掲載されている
    ならば 画面に「・dメニュー>My docomo>ログインする」と表示される
    かつ 画面に「・ネットワーク暗証番号入力>暗証番号確認を選択」と表示される
    かつ 画面に「・「ご利用料金」>「詳細を確認」を選択」と表示される
    かつ 画面に「・「関連メニュー」の「d払い等のご利用料金の確認」を選択」と表示される
    かつ リンク「こちら(docomo様サイト)」がある
    かつ 画面に「・au ID TOPからログイン」と表示される
    かつ 画面に「・auかんたん決済メニュー>[継続利用サービス一覧]>継続課金ID」と表示される
    かつ 画面に「✓au IDサイトへは、アプリではなくブラウザでアクセスしてください。」と表示される
    かつ 画面に「・My Softbankにログイン」と表示される
    かつ 画面に「★2:Plus member IDは《こちら》からご確認ください。」と表示される

  @FANCLUB-QUESTIONS-Q1 @FANCLUB-QUESTIONS-Q2 @FANCLUB-QUESTIONS-Q3 @FANCLUB-QUESTIONS-Q4 @FANCLUB-QUESTIONS-Q5 @FANCLUB-QUESTIONS-Q6 @FANCLUB-QUESTIONS-Q7 @FANCLUB-QUESTIONS-Q8 @FANCLUB-QUESTIONS-Q9 @FANCLUB-QUESTIONS-Q10 @FANCLUB-QUESTIONS-Q11 @FANCLUB-QUESTIONS-Q12 @FANCLUB-QUESTIONS-Q13 @FANCLUB-QUESTIONS-Q14 @FANCLUB-QUESTIONS-Q15 @FANCLUB-QUESTIONS-Q16 @FANCLUB-QUESTIONS-Q17 @FANCLUB-QUESTIONS-Q18 @FANCLUB-QUESTIONS-Q19 @FANCLUB-QUESTIONS-N1
  シナリオ: 初回ログインに関する他の質問が掲載されている
    ならば 画面に「「サイトリニューアル後の初回ログインについて」に関する他の質問」と表示される
    かつ 画面に「「初回ログイン」とはなんですか?」と表示される
    かつ 画面に「「初回ログイン」の注意点を教えてください。」と表示される
    かつ 画面に「「Plus member ID」について教えてください。」と表示される
    かつ 画面に「「初回ログイン」は必ずやらないといけませんか?」と表示される
    かつ 画面に「初回ログインに必要な会員番号を忘れてしまいました。」と表示される
    かつ 画面に「初回ログイン時のパスワードがわかりません。」と表示される
    かつ 画面に「【STEP3】で入力するメールアドレスはなんでもいいですか?」と表示される
    かつ 画面に「【STEP3】のメールアドレス認証後、「会員登録URLのお知らせメール」が届きません。」と表示される
    かつ 画面に「【STEP4】で「取得済IDのお知らせ」というメールが届きました。どうすればよいですか?」と表示される
    かつ 画面に「【STEP5】でパスワード入力を求められました。(すでにPlus member IDをお持ちの方)」と表示される
    かつ 画面に「家族のPlus member ID・メールアドレスで初回ログインはできますか?」と表示される
    かつ 画面に「【STEP7】初回ログインが完了しているか、自分で確認できますか?」と表示される
    かつ 画面に「初回ログインは完了したはずですが、ログインができません。」と表示される
    かつ 画面に「初回ログインは完了したはずですが、ログインページ内のメッセージが消えません。」と表示される
    かつ 画面に「リニューアル後、初回ログインをしたら会員番号が変わってしまいました。」と表示される
    かつ 画面に「初回ログインではなく新規登録をしてしまったか、確認してほしいです。」と表示される
    かつ 画面に「初回ログインをしたはずですが、入会日が引き継がれていません。」と表示される
    かつ 画面に「初回ログインと誤って新規登録をしてしまいました。会費は返金してもらえますか?」と表示される
    かつ 画面に「初回ログインをせずに退会はできますか?」と表示される
    かつ 画面に「上記の例で解決しない場合は下記よりお問い合わせください。」と表示される
