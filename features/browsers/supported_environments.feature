# language: ja
@browsers
機能: 動作保証外の環境で開いた人に、SafariかChromeで開き直すよう案内する
  ヘルプページ「■お手続きの環境について」より:
    サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。
    ※下記の環境は動作保証外となります。
  サイトはUser-Agentヘッダで環境を見分け、動作保証外の環境にだけ案内(role=note、エラーではない)を出す。
  例は fixtures/user_agents.yaml の全行 (ID・環境・OS)。エンジンは --browser のまま、名乗るUser-Agentだけを変える。
  見分けること・案内の見出しと「開き直してください」の文言は推定 (@推定)。

  @推定 @FANCLUB-ENV-R1
  シナリオアウトライン: 動作保証外の<環境>(<OS>)で【STEP2】を開くと、SafariかChromeで開き直すよう案内される
    もし カタログ「<ID>」のブラウザで「【STEP2】初回ログイン画面」を開く
    ならば ブラウザはカタログ「<ID>」のユーザーエージェントを名乗っている
    かつ 「<環境>」向けの動作保証外の案内が表示される
    かつ 案内に「SafariまたはChromeでこのページを開き直してください。」と表示される
    かつ 案内に「サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。」と表示される
    かつ 案内に「※下記の環境は動作保証外となります。」と表示される
    かつ エラーは表示されない

    @FANCLUB-ENV-V2
    例: Yahoo! JAPANアプリ
      | ID                      | 環境              | OS      |
      | yahoo_japan_app_ios     | Yahoo! JAPANアプリ | ios     |
      | yahoo_japan_app_android | Yahoo! JAPANアプリ | android |

    @FANCLUB-ENV-V3
    例: Googleアプリ
      | ID                 | 環境        | OS      |
      | google_app_ios     | Googleアプリ | ios     |
      | google_app_android | Googleアプリ | android |

    @FANCLUB-ENV-V4
    例: Galaxyブラウザ(Samsung Internet Browser)
      | ID                       | 環境                                   | OS      |
      | samsung_internet_android | Galaxyブラウザ(Samsung Internet Browser) | android |

    @FANCLUB-ENV-V5
    例: X(旧Twitter)、Instagram、LINE
      | ID                | 環境          | OS      |
      | x_twitter_ios     | X(旧Twitter) | ios     |
      | x_twitter_android | X(旧Twitter) | android |
      | instagram_ios     | Instagram   | ios     |
      | instagram_android | Instagram   | android |
      | line_ios          | LINE        | ios     |
      | line_android      | LINE        | android |

    @FANCLUB-ENV-V5 @推定
    例: 「など」の各種SNSアプリ (Facebook)
      | ID               | 環境       | OS      |
      | facebook_ios     | Facebook | ios     |
      | facebook_android | Facebook | android |

  @推定 @FANCLUB-ENV-V1
  シナリオアウトライン: 対応ブラウザの<環境>(<OS>)で【STEP2】を開いても、案内は出ない
    もし カタログ「<ID>」のブラウザで「【STEP2】初回ログイン画面」を開く
    ならば ブラウザはカタログ「<ID>」のユーザーエージェントを名乗っている
    かつ 動作保証外の案内は表示されない
    かつ 画面に「サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。」と表示される

    例: Safari と Chrome
      | ID             | 環境     | OS      |
      | safari_ios     | Safari | ios     |
      | safari_macos   | Safari | macos   |
      | chrome_android | Chrome | android |
      | chrome_windows | Chrome | windows |
      | chrome_macos   | Chrome | macos   |
      | chrome_ios     | Chrome | ios     |

  @推定 @FANCLUB-ENV-R1 @FANCLUB-ENV-V1
  シナリオアウトライン: ファンクラブログイン画面でも、<環境>(<OS>)なら案内が<有無>
    もし カタログ「<ID>」のブラウザで「ファンクラブログイン画面」を開く
    ならば ブラウザはカタログ「<ID>」のユーザーエージェントを名乗っている
    かつ 「<環境>」向けの動作保証外の案内が<有無>

    例:
      | ID                | 環境      | OS      | 有無         |
      | instagram_android | Instagram | android | 表示される   |
      | safari_ios        | Safari    | ios     | 表示されない |

  @推定
  シナリオ: カタログにないブラウザ(このエンジンそのもの)には案内は出ない
    もし 「【STEP2】初回ログイン画面」を開く
    ならば 動作保証外の案内は表示されない
