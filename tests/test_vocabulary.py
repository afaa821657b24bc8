"""A target's vocabulary: every mistake named at start-up; an override replaces the default way of finding a word."""
import pytest
import yaml

from steps.target.profile import ProfileError, load
from steps.target.vocabulary import Vocabulary, VocabularyError, validate


def test_every_mistake_is_named():
    with pytest.raises(VocabularyError) as err:
        validate({"myaplus": {"ログイン": {"role": "button", "nam": "x"}, "ID": {"label": "ID", "css": "#id"}},
                  "shop": {}}, "v.yaml")
    text = str(err.value)
    assert "3 mistake(s)" in text and "unknown site 'shop'" in text and "['nam']" in text and "exactly one" in text


def test_site_words_win_over_every_site_words():
    words = Vocabulary(validate({"*": {"ID": {"label": "ログインID"}}, "myaplus": {"ID": [{"test_id": "uid"}]}}, "v"))
    assert words.for_site("myaplus").spec("field", "ID")["how"] == [{"test_id": "uid"}]
    assert words.for_site("fanclub").spec("field", "ID")["how"] == [{"label": "ログインID"}]
    assert words.for_site("fanclub").spec("button", "送信")["how"] == []


def test_a_profile_reads_its_vocabulary_file_beside_it(tmp_path):
    (tmp_path / "words.yaml").write_text(yaml.safe_dump({"fanclub": {"確認用": {"absent": True}}}, allow_unicode=True),
                                         encoding="utf-8")
    profile = {"name": "v", "control_url": "http://h/_control", "stubs_url": "http://h:1", "vocabulary": "words.yaml",
               "sites": {"fanclub": {"base_url": "http://h"}}}
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    assert Vocabulary(load(str(tmp_path / "p.yaml")).vocabulary).for_site("fanclub").absent("確認用")


def test_a_broken_vocabulary_is_a_profile_mistake(tmp_path):
    profile = {"name": "v", "control_url": "http://h/_control", "stubs_url": "http://h:1", "vocabulary": {"myaplus": {"ID": "label"}},
               "sites": {"myaplus": {"base_url": "http://h"}}}
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProfileError, match="exactly one"):
        load(str(tmp_path / "p.yaml"))
