"""The fan club's support desk (secure_lunasea@cc.plusmember.jp): answers every inquiry mail automatically.

A mail missing a mandatory item (【必須事項】), leaving one blank, or giving a billing ID of the wrong shape
for its carrier gets a reply listing what to fix (documented: 必須事項が不足している・空欄の場合、回答を差し上げる
ことができません). A complete one gets an acknowledgement (documented: ご返信には1週間程). The reply is recorded
as a mail to the sender, like every other mail the stubs see. Old and new surnames (【旧姓・新姓】) are accepted
in the name items, e.g. 「佐藤 花子(旧姓:鈴木)」 or 「旧姓:鈴木 新姓:佐藤 花子」.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import defects
from .carrier import billing_id_problem
from .registry import Registry

DESK_ADDRESS = "secure_lunasea@cc.plusmember.jp"
REPLY_SUBJECT = "【自動返信】【STEP2】初回ログイン認証エラー"
# (label as the page writes it, the prefix that finds it in a mail once NFKC-normalised)
ITEMS = (
    ("ご契約の携帯会社【docomo/au/SoftBank】", "ご契約の携帯会社"),
    ("各キャリアの決済情報", "各キャリアの決済情報"),
    ("ログイン時に入力した会員番号", "ログイン時に入力した会員番号"),
    ("ログイン時に入力したパスワード8桁", "ログイン時に入力したパスワード"),
    ("氏名フルネーム(漢字)", "氏名フルネーム(漢字)"),
    ("氏名フルネーム(カナ)", "氏名フルネーム(カナ)"),
    ("ご設定にお心当たりのあるニックネーム", "ご設定にお心当たりのあるニックネーム"),
    ("ご生年月日(西暦表記8桁)", "ご生年月日"),
    ("お持ちのメールアドレス全て", "お持ちのメールアドレス"),
    ("お電話番号", "お電話番号"),
    ("ご住所", "ご住所"),
    ("Plus member ID(取得済の場合)", "Plus member ID"),
)
CARRIER_NAMES = {"docomo": "docomo", "au": "au", "softbank": "SoftBank", "ソフトバンク": "SoftBank", "ドコモ": "docomo"}
PHONE_LIKE = re.compile(r"0[5789]0\d{8}")
OLD_NAME = re.compile(r"旧姓\s*[:]\s*([^\s()/、,]+)")
NEW_NAME = re.compile(r"新姓\s*[:]\s*([^()/、,]+)")
ACK = ("お問い合わせを受け付けました。回答まで1週間程お待ちください。\n"
       "個別に調査が必要となりますので、ご返信には1週間程お時間をいただく場合があります。\n"
       "複数アドレスからのお問い合わせ・連続投稿はお控えいただき、回答をお待ちください。\n")
INCOMPLETE = ("必須事項が不足している・空欄の場合、回答を差し上げることができません。\n"
              "下記をご確認のうえ、必須事項をすべてご記入いただき、あらためてお送りください。\n")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def parse(body: str) -> dict[str, str]:
    """The value written after each mandatory item; continuation lines join the item above."""
    found: dict[str, str] = {}
    current = None
    for raw in _norm(body).splitlines():
        line = raw.strip().lstrip("・").strip()
        item = next((label for label, prefix in ITEMS if line.startswith(prefix)), None)
        if item is not None:
            current = item
            found[item] = line.split(":", 1)[1].strip() if ":" in line else ""
        elif current is not None and line and not line.startswith("▼"):
            found[current] = f"{found[current]} {line}".strip()
    return found


@dataclass(frozen=True)
class Verdict:
    problems: tuple[str, ...]
    surnames: tuple[str, str] | None  # (旧姓, 新姓) when a change of surname was written


def carrier_key(value: str) -> str | None:
    for word, name in CARRIER_NAMES.items():
        if word.lower() == value.strip().lower():
            return name
    return None


def billing_problem(carrier: str, billing_id: str, where=None) -> str | None:
    """``where``: the registry, whose ``defects`` python -m simulator sets (simulator/defects.py)."""
    compact = re.sub(r"[\s-]", "", billing_id) if carrier in ("docomo", "au") else billing_id
    if defects.on(where, "desk_docomo_any_length") and carrier == "docomo" and compact.isdigit():
        return None
    if defects.on(where, "desk_au_short_id_accepted") and carrier == "au" and compact.isdigit() and len(compact) == 10:
        return None
    if defects.on(where, "desk_au_long_id_accepted") and carrier == "au" and compact.isdigit() and len(compact) > 11:
        return None
    if defects.on(where, "desk_softbank_any_text") and carrier == "SoftBank" and compact.strip():
        return None
    if carrier == "au" and PHONE_LIKE.fullmatch(compact) and not defects.on(where, "desk_au_phone_accepted"):
        return "au: 「端末のお電話番号」では調査できません。【11桁の継続課金ID】をご記入ください。"
    return billing_id_problem(carrier, compact)


def surnames(name: str) -> tuple[str, str] | None:
    old = OLD_NAME.search(name)
    if not old and "旧姓" not in name:
        return None
    new = NEW_NAME.search(name)
    current = new.group(1).strip() if new else OLD_NAME.sub("", name).replace("()", "").strip()
    return (old.group(1) if old else "", current.split()[0] if current else "")


def judge(body: str, where=None) -> Verdict:
    values = parse(body)
    blank_ok = defects.on(where, "desk_blank_items_accepted")  # only a missing line counts
    problems = [f"・{label}:未記入" for label, _ in ITEMS if (label not in values if blank_ok else not values.get(label))]
    carrier = carrier_key(values.get(ITEMS[0][0], ""))
    if values.get(ITEMS[0][0]) and carrier is None:
        problems.append("・ご契約の携帯会社は【docomo/au/SoftBank】のいずれかをご記入ください。")
    billing = values.get(ITEMS[1][0], "")
    if carrier and billing and (problem := billing_problem(carrier, billing, where)):
        problems.append(f"・各キャリアの決済情報:{problem}")
    names = None if defects.on(where, "desk_old_surname_ignored") else surnames(values.get(ITEMS[4][0], ""))
    if names and not all(names):
        problems.append("・ご結婚などにより名字変更をされている場合は、【旧姓・新姓】を両方お知らせください。")
    return Verdict(tuple(problems), names)


def reply_body(verdict: Verdict) -> str:
    if verdict.problems:
        return INCOMPLETE + "\n".join(verdict.problems) + "\n"
    text = ACK
    if verdict.surnames:
        text += f"旧姓・新姓の両方を承りました(旧姓:{verdict.surnames[0]} / 新姓:{verdict.surnames[1]})。\n"
    return text


def answer(registry: Registry, sender: str, recipient: str, body: str) -> dict | None:
    """Record the desk's automatic reply to ``sender`` when the mail was addressed to the desk."""
    if recipient.strip().lower() != DESK_ADDRESS or not sender:
        return None
    verdict = judge(body, registry)
    return registry.record("mail", to=sender, sender=DESK_ADDRESS, subject=REPLY_SUBJECT, body=reply_body(verdict),
                           headers={"Auto-Submitted": "auto-replied"}, auto_reply=True, complete=not verdict.problems)
