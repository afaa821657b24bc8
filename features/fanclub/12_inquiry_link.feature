# language: ja
@fanclub
機能: <解決しない場合> お問い合わせメールのリンク
  毎月330円(税込)のご請求が発生している方は、下記よりメールにてお問い合わせください。
  リンクは専用アドレス secure_lunasea@cc.plusmember.jp 宛て、件名「【STEP2】初回ログイン認証エラー」のメールを作成し、
  本文には【必須事項】がすべて並ぶ。docomoの方のリンクが記載されており、au・SoftBankの方のリンクも同様に用意する(推定)。

  背景:
    前提 状態が「有効」のファンクラブ会員がいる
    かつ 「【STEP2】初回ログイン画面」を開いている
    もし 会員番号と本人のものではない生年月日8桁で初回ログインする

  @FANCLUB-INQUIRY-N1 @FANCLUB-INQUIRY-B1 @FANCLUB-INQUIRY-M1 @FANCLUB-INQUIRY-M2 @FANCLUB-INQUIRY-R1 @FANCLUB-INQUIRY-F1 @FANCLUB-INQUIRY-F2 @FANCLUB-INQUIRY-F3 @FANCLUB-INQUIRY-F4 @FANCLUB-INQUIRY-F5 @FANCLUB-INQUIRY-F6 @FANCLUB-INQUIRY-F7 @FANCLUB-INQUIRY-F8 @FANCLUB-INQUIRY-F9 @FANCLUB-INQUIRY-F10 @FANCLUB-INQUIRY-F11 @FANCLUB-INQUIRY-F12
  シナリオ: 「(docomoの方)」のリンクは専用アドレス宛てに件名と必須事項を入れたメールを作成する
    ならば 画面に「毎月330円(税込)のご請求が発生している方は、下記よりメールにてお問い合わせください。」と表示される
    かつ リンク「»【STEP2】初回ログイン認証エラー(docomoの方)」は宛先「secure_lunasea@cc.plusmember.jp」件名「【STEP2】初回ログイン認証エラー」のメールを作成する
    かつ その本文には次の必須事項が順に並んでいる
      | 必須事項                               |
      | ご契約の携帯会社【docomo/au/SoftBank】 |
      | 各キャリアの決済情報 ★1               |
      | ログイン時に入力した会員番号           |
      | ログイン時に入力したパスワード8桁      |
      | 氏名フルネーム(漢字)                   |
      | 氏名フルネーム(カナ)                   |
      | ご設定にお心当たりのあるニックネーム   |
      | ご生年月日(西暦表記8桁)                |
      | お持ちのメールアドレス全て             |
      | お電話番号                             |
      | ご住所                                 |
      | Plus member ID(取得済の場合)★2        |
    かつ その本文の携帯会社には「docomo」と記入されている

  @推定 @FANCLUB-INQUIRY-B1 @FANCLUB-INQUIRY-M1 @FANCLUB-INQUIRY-M2
  シナリオアウトライン: <携帯会社>の方のリンクも同じ宛先・件名で、携帯会社が記入されている
    ならば リンク「»【STEP2】初回ログイン認証エラー(<携帯会社>の方)」は宛先「secure_lunasea@cc.plusmember.jp」件名「【STEP2】初回ログイン認証エラー」のメールを作成する
    かつ その本文の携帯会社には「<携帯会社>」と記入されている

    例:
      | 携帯会社 |
      | au       |
      | SoftBank |

  @FANCLUB-INQUIRY-N2 @FANCLUB-INQUIRY-S1 @FANCLUB-INQUIRY-M1 @FANCLUB-INQUIRY-M2 @FANCLUB-REQUEST-R1 @FANCLUB-REQUEST-N1 @FANCLUB-REQUEST-R2 @FANCLUB-REQUEST-R3
  シナリオ: メールが立ち上がらない環境のために専用アドレス・件名と<お願い>が書かれている
    ならば 画面に「お使いの環境によっては、上記リンクのメールが立ち上がらない場合がございます。」と表示される
    かつ 画面に「下記の専用アドレス宛にメールをお送りください。」と表示される
    かつ 画面に「secure_lunasea@cc.plusmember.jp」と表示される
    かつ 画面に「【STEP2】初回ログイン認証エラー」と表示される
    かつ 画面に「ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。」と表示される
    かつ 画面に「個別に調査が必要となりますので、ご返信には1週間程お時間をいただく場合があります。」と表示される
    かつ 画面に「複数アドレスからのお問い合わせ・連続投稿はお控えいただき、回答をお待ちください。」と表示される
    かつ 画面に「必須事項が不足している・空欄の場合、回答を差し上げることができません。」と表示される
