"""Generated personal data (matching kanji / kana / romanized names) for seeded members."""
from __future__ import annotations

import random
from datetime import date, timedelta

FAMILY = [("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"),
          ("田中", "タナカ", "Tanaka"), ("伊藤", "イトウ", "Ito"), ("渡辺", "ワタナベ", "Watanabe"),
          ("山本", "ヤマモト", "Yamamoto"), ("中村", "ナカムラ", "Nakamura"), ("小林", "コバヤシ", "Kobayashi"),
          ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"), ("山田", "ヤマダ", "Yamada"),
          ("松本", "マツモト", "Matsumoto"), ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"),
          ("清水", "シミズ", "Shimizu"), ("森", "モリ", "Mori"), ("池田", "イケダ", "Ikeda")]
GIVEN = [("花子", "ハナコ", "Hanako"), ("太郎", "タロウ", "Taro"), ("美加子", "ミカコ", "Mikako"),
         ("英樹", "ヒデキ", "Hideki"), ("舞", "マイ", "Mai"), ("明美", "アケミ", "Akemi"),
         ("健太", "ケンタ", "Kenta"), ("直子", "ナオコ", "Naoko"), ("翔", "ショウ", "Sho"),
         ("陽子", "ヨウコ", "Yoko"), ("大輔", "ダイスケ", "Daisuke"), ("由美", "ユミ", "Yumi"),
         ("誠", "マコト", "Makoto"), ("恵", "メグミ", "Megumi"), ("拓也", "タクヤ", "Takuya")]

_KANA = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho", "チャ": "cha",
    "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo", "ヒャ": "hya", "ヒュ": "hyu",
    "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo", "リャ": "rya", "リュ": "ryu", "リョ": "ryo",
    "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo", "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ビャ": "bya",
    "ビュ": "byu", "ビョ": "byo", "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
}
_KANA1 = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu",
     "te", "to", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo",
     "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "o", "n", "ga", "gi", "gu", "ge", "go", "za", "ji",
     "zu", "ze", "zo", "da", "ji", "zu", "de", "do", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe",
     "po"]))


def romanize(kana: str) -> str:
    out, i = "", 0
    while i < len(kana):
        pair = kana[i:i + 2]
        ch = kana[i]
        if pair in _KANA:
            out += _KANA[pair]; i += 2; continue
        if ch == "ッ" and i + 1 < len(kana):
            nxt = _KANA.get(kana[i + 1:i + 3]) or _KANA1.get(kana[i + 1], "")
            out += nxt[:1]; i += 1; continue
        if ch == "ー":
            i += 1; continue
        out += _KANA1.get(ch, ""); i += 1
    out = out.replace("ou", "o").replace("uu", "u")
    return out.capitalize() or "X"


def roman_from_kana(kana_full: str) -> str:
    parts = kana_full.replace("\u3000", " ").split()
    if len(parts) >= 2:
        return f"{romanize(parts[0])} {romanize(parts[1])}"
    return f"{romanize(kana_full)} X"


def person(rng: random.Random) -> dict:
    f, g = rng.choice(FAMILY), rng.choice(GIVEN)
    return {"name_kanji": f"{f[0]} {g[0]}", "name_kana": f"{f[1]} {g[1]}", "name_roman": f"{f[2]} {g[2]}"}


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))
