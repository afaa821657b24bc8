"""A near miss of a documented message is a wording deviation (WARNING); an unrelated message is not."""
import pytest

from steps.evidence.wording import WordingDeviation, check_wording

DOCUMENTED = "入力されたIDとパスワードではログインできません"


def test_a_near_miss_is_a_wording_deviation():
    with pytest.raises(WordingDeviation, match="expected 「入力されたID"):
        check_wording(DOCUMENTED, ["入力されたIDまたはパスワードではログインできません"])


def test_an_unrelated_message_is_left_to_the_ordinary_failure():
    check_wording(DOCUMENTED, ["入力必須項目です。"])
    check_wording(DOCUMENTED, [])


def test_the_exact_message_is_no_deviation():
    check_wording(DOCUMENTED, [DOCUMENTED])


def test_other_figures_are_never_a_rewording():
    from steps.evidence.wording import near_miss
    assert near_miss("au: 11桁の継続課金ID", ["au: 12桁の継続課金ID"]) is None
    assert near_miss("※認証コードの有効期限は発行から5分となります。", ["※認証コードの有効期限は発行から10分となります。"]) is None
    assert near_miss("※認証コードの有効期限は発行から5分となります。", ["※認証コードの有効期限は発行から5分です。"]) is not None


def test_a_message_that_goes_on_with_the_sentence_is_another_sentence():
    from steps.evidence.wording import continued
    assert continued("入力されたIDとパスワードではログインできません", "入力されたIDとパスワードではログインできませんでした。")
    assert not continued("入力されたIDとパスワードではログインできません", "入力されたIDとパスワードではログインできません。")
    assert not continued("認証コードが一致しません", "エラー: 認証コードが一致しません 再度お試しください")
    assert not continued("入力必須項目です。", "入力必須項目です。")
