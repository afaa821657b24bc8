# language: ja
@security @myaplus
機能: セキュリティ(参考): 文書のパスワード条件
  文書(⑧)は「任意の8~20文字の半角英数字・記号」「アルファベット、数字、記号の3種類すべてを組み合わせて」と求める。
  NIST SP 800-63B §5.1.1.2 は64文字以上を認め、文字種の組み合わせを求めないよう勧める。ここでの所見は
  文書そのものへの指摘(文書の指摘)で、文書どおりの実装はこの所見を受ける。

  背景:
    前提 状態が「移行前」の会員がいる
    かつ 会員が「パスワード入力画面」まで進んでいる

  @NIST-800-63B-5.1.1.2 @ASVS-V6.2.5
  シナリオ: 1種類の文字だけの長いパスワード
    もし パスワード「correcthorsebatterystaple」と確認用「correcthorsebatterystaple」を入力して「登録する」を押す
    ならば そのパスワードは受け付けられる(ASVS-V6.2.5)

  @NIST-800-63B-5.1.1.2 @ASVS-V6.2.9
  シナリオ: 64文字のパスワード
    もし パスワード「Aq7#correct-horse-battery-staple-and-a-long-passphrase-of-64-cha」と確認用「Aq7#correct-horse-battery-staple-and-a-long-passphrase-of-64-cha」を入力して「登録する」を押す
    ならば そのパスワードは受け付けられる(NIST-800-63B-5.1.1.2)
