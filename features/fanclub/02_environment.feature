# language: ja
@fanclub
機能: ■お手続きの環境について
  サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。
  ※下記の環境は動作保証外となります。
  この案内はヘルプページ「サイトリニューアル後の初回ログインについて」の一節。ログイン画面や【STEP2】の画面にも
  同じ案内を載せることは推定 (@推定)。行頭の「・」は箇条書きの記号なので、比べる文言には含めない。

  @FANCLUB-ENV-V1 @FANCLUB-ENV-R1 @FANCLUB-ENV-V2 @FANCLUB-ENV-V3 @FANCLUB-ENV-V4 @FANCLUB-ENV-V5
  シナリオ: ヘルプページに対応環境と動作保証外の環境が掲載されている
    もし 「よくある質問画面」を開く
    ならば 画面に「サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。」と表示される
    かつ 画面に「※下記の環境は動作保証外となります。」と表示される
    かつ 画面に「Yahoo! JAPANアプリ」と表示される
    かつ 画面に「Googleアプリ」と表示される
    かつ 画面に「Galaxyブラウザ(Samsung Internet Browser)」と表示される
    かつ 画面に「X(旧Twitter)、Instagram、LINEなどの各種SNSアプリ経由でのサイト閲覧」と表示される

  @推定 @FANCLUB-ENV-V1 @FANCLUB-ENV-R1 @FANCLUB-ENV-V2 @FANCLUB-ENV-V3 @FANCLUB-ENV-V4 @FANCLUB-ENV-V5
  シナリオアウトライン: <画面>にも対応環境と動作保証外の環境が表示される
    もし 「<画面>」を開く
    ならば 画面に「サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。」と表示される
    かつ 画面に「※下記の環境は動作保証外となります。」と表示される
    かつ 画面に「Yahoo! JAPANアプリ」と表示される
    かつ 画面に「Googleアプリ」と表示される
    かつ 画面に「Galaxyブラウザ(Samsung Internet Browser)」と表示される
    かつ 画面に「X(旧Twitter)、Instagram、LINEなどの各種SNSアプリ経由でのサイト閲覧」と表示される

    例:
      | 画面                       |
      | 【STEP2】初回ログイン画面  |
      | ファンクラブログイン画面   |
