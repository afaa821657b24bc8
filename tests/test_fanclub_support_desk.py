"""The support desk stub: what it accepts, what it asks for again, and that it answers over SMTP."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from simulator.sites.fanclub.inquiry import body_template
from simulator.stubs import support_desk as desk

ANSWERS = {
    "各キャリアの決済情報": "123456789012", "ログイン時に入力した会員番号": "1234567", "ログイン時に入力したパスワード8桁": "19900123",
    "氏名フルネーム(漢字)": "佐藤 花子", "氏名フルネーム(カナ)": "サトウ ハナコ", "ご設定にお心当たりのあるニックネーム": "はな",
    "ご生年月日(西暦表記8桁)": "19900123", "お持ちのメールアドレス全て": "hana@example.jp", "お電話番号": "090-1111-2222",
    "ご住所": "東京都千代田区千代田1-1", "Plus member ID(取得済の場合)": "なし",
}


def written(carrier: str = "docomo", **changes) -> str:
    answers = {**ANSWERS, **{k.replace("_", " "): v for k, v in changes.items()}}
    lines = []
    for line in body_template(carrier).splitlines():
        key = next((k for k in answers if line.startswith("・" + k)), None)
        lines.append(line + answers[key] if key else line)
    return "\n".join(lines)


def test_the_site_template_lists_exactly_the_items_the_desk_requires():
    items = [line for line in body_template("docomo").splitlines() if line.startswith("・")]
    assert len(items) == len(desk.ITEMS) == 12
    assert desk.judge(body_template("docomo")).problems  # an unfilled template is never complete


def test_a_complete_inquiry_is_acknowledged():
    verdict = desk.judge(written())
    assert verdict.problems == ()
    assert "回答まで1週間程" in desk.reply_body(verdict)


@pytest.mark.parametrize("label", [label for label, _ in desk.ITEMS[1:]])
def test_each_blank_item_is_named_in_the_reply(label):
    key = next(k for k in ANSWERS if label.startswith(k) or k.startswith(label))
    body = written(**{key: ""})
    assert f"・{label}:未記入" in desk.reply_body(desk.judge(body))


def test_values_may_continue_on_the_next_line_and_use_half_width_colons():
    body = written().replace("・ご住所：東京都千代田区千代田1-1", "・ご住所:\n東京都千代田区\n千代田1-1")
    assert desk.parse(body)["ご住所"] == "東京都千代田区 千代田1-1"
    assert desk.judge(body).problems == ()


@pytest.mark.parametrize("name, surnames", [
    ("佐藤 花子(旧姓:鈴木)", ("鈴木", "佐藤")), ("佐藤 花子（旧姓：鈴木）", ("鈴木", "佐藤")),
    ("旧姓:鈴木 新姓:佐藤 花子", ("鈴木", "佐藤")), ("佐藤 花子", None),
])
def test_old_and_new_surnames_are_both_accepted(name, surnames):
    verdict = desk.judge(written(**{"氏名フルネーム(漢字)": name}))
    assert (verdict.problems, verdict.surnames) == ((), surnames)


def test_an_old_surname_without_a_name_asks_for_both():
    verdict = desk.judge(written(**{"氏名フルネーム(漢字)": "旧姓:鈴木"}))
    assert any("【旧姓・新姓】" in p for p in verdict.problems)


def test_mails_to_other_addresses_get_no_reply():
    from simulator.stubs.registry import Registry
    registry = Registry()
    assert desk.answer(registry, "fan@example.jp", "someone@example.jp", written()) is None
    assert registry.list("mail") == []


def test_the_desk_answers_a_mail_sent_over_smtp(stub_services):
    stub_services.registry.reset()
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "fan@example.jp", desk.DESK_ADDRESS, "【STEP2】初回ログイン認証エラー"
    msg.set_content(written("au", **{"各キャリアの決済情報": "09012345678"}))
    with smtplib.SMTP(stub_services.smtp_host, stub_services.smtp_port, timeout=10) as smtp:
        smtp.send_message(msg)
    replies = [m for m in stub_services.registry.list("mail", to="fan@example.jp") if m.get("auto_reply")]
    assert len(replies) == 1
    assert "「端末のお電話番号」では調査できません。" in replies[0]["body"]
    assert stub_services.registry.list("mail", to=desk.DESK_ADDRESS)  # the inquiry itself is recorded too
