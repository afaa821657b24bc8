"""Browser-environment check for the 「■お手続きの環境について」 notice.

Source: fan club help page (/work/shared/seeds/000_e4c64a5ee4639c6e.txt). The document
says the site must be opened with a web browser (Safari/Chrome) and lists environments
that are not guaranteed to work: the Yahoo! JAPAN app, the Google app, Galaxy's browser
(Samsung Internet) and SNS apps such as X, Instagram and LINE (「など」, so other SNS
in-app browsers such as Facebook are treated the same way).

``classify`` is a pure function of the User-Agent header. In-app browsers and Samsung
Internet also carry "Safari/" and/or "Chrome/" tokens, so the unsupported environments
are detected first and the supported browsers last. Anything unrecognised (empty,
garbage, other browsers, unidentified WebViews) is "supported-unknown": the document only
names what is *not* guaranteed, so an unknown client is not blocked.

No third-party imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Environment",
    "NOTICE_LINES",
    "SAFARI",
    "CHROME",
    "UNKNOWN",
    "YAHOO_JAPAN_APP",
    "GOOGLE_APP",
    "SAMSUNG_INTERNET",
    "X_TWITTER",
    "INSTAGRAM",
    "LINE",
    "FACEBOOK",
    "classify",
    "guidance",
]

# Exact wording of the document (lines under 「■お手続きの環境について」), bullets included.
NOTICE_LINES: tuple[str, ...] = (
    "サイトへは、必ずWebブラウザ(Safari/Chrome)でアクセスしてください。",
    "※下記の環境は動作保証外となります。",
    "・Yahoo! JAPANアプリ",
    "・Googleアプリ",
    "・Galaxyブラウザ(Samsung Internet Browser)",
    "・X(旧Twitter)、Instagram、LINEなどの各種SNSアプリ経由でのサイト閲覧",
)

# Only this many leading characters are inspected (real UAs are well under 1 KB).
MAX_UA_CHARS = 8192


@dataclass(frozen=True)
class Environment:
    supported: bool
    key: str
    label_ja: str


SAFARI = Environment(True, "safari", "Safari")
CHROME = Environment(True, "chrome", "Chrome")
UNKNOWN = Environment(True, "unknown", "不明な環境")

YAHOO_JAPAN_APP = Environment(False, "yahoo_japan_app", "Yahoo! JAPANアプリ")
GOOGLE_APP = Environment(False, "google_app", "Googleアプリ")
SAMSUNG_INTERNET = Environment(False, "samsung_internet", "Galaxyブラウザ(Samsung Internet Browser)")
X_TWITTER = Environment(False, "x_twitter", "X(旧Twitter)")
INSTAGRAM = Environment(False, "instagram", "Instagram")
LINE = Environment(False, "line", "LINE")
FACEBOOK = Environment(False, "facebook", "Facebook")  # inferred from 「など」

# Unsupported environments, checked in this order before any Safari/Chrome test.
_UNSUPPORTED_RULES: tuple[tuple[re.Pattern[str], Environment], ...] = (
    (re.compile(r"YJApp-", re.IGNORECASE), YAHOO_JAPAN_APP),
    (re.compile(r"\bLine/\d", re.IGNORECASE), LINE),
    (re.compile(r"\bInstagram\s\d"), INSTAGRAM),
    (re.compile(r"FBAN/|FBAV/|FB_IAB/|\[FBAN|FBIOS|FB4A"), FACEBOOK),
    (re.compile(r"Twitter for (?:iPhone|iPad|Android)|TwitterAndroid"), X_TWITTER),
    (re.compile(r"\bGSA/\d"), GOOGLE_APP),
    (re.compile(r"SamsungBrowser/", re.IGNORECASE), SAMSUNG_INTERNET),
)

# Chrome on iOS (supported even though it has no "Chrome/" token).
_CRIOS = re.compile(r"\bCriOS/\d")

# Other browsers / shells that also carry Safari or Chrome tokens but are neither.
_OTHER_BROWSER = re.compile(
    r"\b(?:Edg|EdgA|EdgiOS|OPR|OPT|OPiOS|FxiOS|Firefox|YaBrowser|UCBrowser|MiuiBrowser|"
    r"HuaweiBrowser|HeyTapBrowser|DuckDuckGo|Chromium|Silk|Vivaldi|Whale|"
    r"Electron|HeadlessChrome)/"
)
# Android WebView (some app's in-app browser not recognised above) -> not Chrome.
_ANDROID_WEBVIEW = re.compile(r"; wv\)|Version/\d+(?:\.\d+)* Chrome/")
_CHROME = re.compile(r"\bChrome/\d")
_APPLE_DEVICE = re.compile(r"\((?:iPhone|iPad|iPod|Macintosh)\b")
_SAFARI = re.compile(r"\bVersion/\d[\d.]*(?: Mobile/\w+)? Safari/\d")


def _normalise(user_agent: object) -> str:
    if isinstance(user_agent, str):
        text = user_agent
    elif isinstance(user_agent, (bytes, bytearray)):
        text = bytes(user_agent).decode("utf-8", errors="replace")
    else:
        return ""
    return text[:MAX_UA_CHARS]


def classify(user_agent: str) -> Environment:
    """Classify a User-Agent header. Never raises; unknown input -> ``UNKNOWN``."""
    try:
        ua = _normalise(user_agent)
        if not ua.strip():
            return UNKNOWN
        for pattern, env in _UNSUPPORTED_RULES:
            if pattern.search(ua):
                return env
        if _CRIOS.search(ua):
            return CHROME
        if _OTHER_BROWSER.search(ua):
            return UNKNOWN
        if _CHROME.search(ua):
            if _ANDROID_WEBVIEW.search(ua):
                return UNKNOWN
            return CHROME
        if _APPLE_DEVICE.search(ua) and _SAFARI.search(ua):
            return SAFARI
        return UNKNOWN
    except Exception:  # pragma: no cover - defensive: the checks above should not raise
        return UNKNOWN


def guidance(env: Environment) -> str:
    """Inferred guidance text (not from the document) for an unsupported environment.

    Returns an empty string for supported or unknown environments.
    """
    if env.supported:
        return ""
    return (
        f"ご利用の環境（{env.label_ja}）は動作保証外です。"
        "SafariまたはChromeでこのページを開き直してください。"
    )
