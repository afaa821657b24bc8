"""Tests for simulator.browser_support against fixtures/user_agents.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.browser_support import (
    NOTICE_LINES,
    Environment,
    classify,
    guidance,
)

CATALOGUE_PATH = Path(__file__).parents[1] / "fixtures" / "user_agents.yaml"
ROWS = yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))

REQUIRED_FIELDS = {"id", "label_ja", "os", "supported", "expected_key", "user_agent", "source"}
DOCUMENT_LABELS = {
    "Safari",
    "Chrome",
    "Yahoo! JAPANアプリ",
    "Googleアプリ",
    "Galaxyブラウザ(Samsung Internet Browser)",
    "X(旧Twitter)",
    "Instagram",
    "LINE",
    "Facebook",  # not named in the document; covered by 「など」
}


def test_catalogue_shape():
    assert isinstance(ROWS, list) and ROWS
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for row in ROWS:
        assert REQUIRED_FIELDS <= set(row), row.get("id")
        assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", row["id"]), row["id"]
        assert row["os"] in {"ios", "android", "macos", "windows"}
        assert isinstance(row["supported"], bool)
        assert row["label_ja"] in DOCUMENT_LABELS
        assert row["user_agent"].startswith("Mozilla/5.0 (")
        assert row["source"].strip()


def test_catalogue_covers_required_environments():
    pairs = {(row["expected_key"], row["os"]) for row in ROWS}
    required = {
        ("safari", "ios"), ("safari", "macos"),
        ("chrome", "android"), ("chrome", "windows"), ("chrome", "macos"), ("chrome", "ios"),
        ("yahoo_japan_app", "ios"), ("yahoo_japan_app", "android"),
        ("google_app", "ios"), ("google_app", "android"),
        ("samsung_internet", "android"),
        ("x_twitter", "ios"), ("x_twitter", "android"),
        ("instagram", "ios"), ("instagram", "android"),
        ("line", "ios"), ("line", "android"),
        ("facebook", "ios"), ("facebook", "android"),
    }
    assert required <= pairs, sorted(required - pairs)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_catalogue_row_classifies(row):
    env = classify(row["user_agent"])
    assert isinstance(env, Environment)
    assert env.key == row["expected_key"]
    assert env.supported is row["supported"]
    assert env.label_ja == row["label_ja"]


@pytest.mark.parametrize(
    "ua",
    [
        "",
        "   ",
        "garbage",
        "curl/8.5.0",
        "Mozilla/5.0",
        "日本語のユーザーエージェント",
        "\x00\x01\ud800",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/138.0.7204.157 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/140.0 Mobile/15E148 Safari/605.1.15",
        "x" * 1_000_000,
    ],
    ids=lambda ua: repr(ua[:30]),
)
def test_unknown_inputs_are_supported_unknown(ua):
    env = classify(ua)
    assert env == Environment(True, "unknown", env.label_ja)
    assert guidance(env) == ""


@pytest.mark.parametrize(
    "value", [None, 0, b"", b"\xff\xfe", object()], ids=["none", "int", "empty_bytes", "bad_bytes", "object"]
)
def test_non_string_input_does_not_crash(value):
    assert classify(value).key == "unknown"  # type: ignore[arg-type]


def test_environment_is_frozen():
    env = classify("")
    with pytest.raises(Exception):
        env.key = "x"  # type: ignore[misc]


def test_notice_lines_match_document_wording():
    assert NOTICE_LINES == (
        "サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。",
        "※下記の環境は動作保証外となります。",
        "・Yahoo! JAPANアプリ",
        "・Googleアプリ",
        "・Galaxyブラウザ(Samsung Internet Browser)",
        "・X(旧Twitter)、Instagram、LINEなどの各種SNSアプリ経由でのサイト閲覧",
    )


def test_guidance_for_unsupported_rows():
    for row in ROWS:
        env = classify(row["user_agent"])
        text = guidance(env)
        if row["supported"]:
            assert text == ""
        else:
            assert text == (
                f"ご利用の環境（{row['label_ja']}）は動作保証外です。"
                "SafariまたはChromeでこのページを開き直してください。"
            )


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_classify_never_raises_on_arbitrary_text(text):
    env = classify(text)
    assert isinstance(env, Environment)
    assert isinstance(env.supported, bool)
    assert env.key and env.label_ja


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([row["user_agent"] for row in ROWS]),
    st.text(max_size=50),
    st.text(max_size=50),
)
def test_classify_never_raises_with_noise_around_real_agents(ua, prefix, suffix):
    assert isinstance(classify(prefix + ua + suffix), Environment)
