"""Both browser drivers (steps/drivers/playwright_ui.py on Playwright Chromium, steps/drivers/webdriver_ui.py on WebKitGTK) find the same
elements by the same words on one small page; an engine this machine lacks is skipped."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from steps.drivers.engines import Unavailable, webkitgtk
from steps.drivers.playwright_ui import PlaywrightUI
from steps.drivers.webdriver_ui import WebDriverUI

from .static_site import serve

FORM = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>t</title></head><body><main>
<h1>入力画面</h1><h2>補足</h2>
<div role="alert">コードが違います</div><div role="alert" style="display:none">隠れた警告</div>
<form action="/next.html" method="get">
  <label for="code"><span>必須</span>登録電話番号へ送信された認証コード</label>
  <input id="code" name="code" placeholder="例:1234">
  <label><input type="radio" name="how" value="sms"> SMSで受け取る</label>
  <button type="submit" name="a" value="long">登録する</button>
  <button type="submit" name="a" value="short">登録</button>
</form>
<p>有効期限は <b>5分</b> です。</p><a href="/help?x=1">お困りの方はこちら</a>
</main></body></html>"""
HELP = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>h</title></head><body><main>
<aside role="note" aria-labelledby="n"><p id="n">ご注意</p><p>別のブラウザで開き直してください。</p></aside>
<h1>ヘルプ</h1><p>番号は<a href="#ask">《こちら》</a>よりお問い合わせください。</p>
<p>※<a href="#q2">《こちら》</a>もご一読ください。</p><p>IDは<a href="/login">《こちら》</a>からご確認ください。</p>
<ul><li id="q1">Q.一つ目</li><li id="q2">Q.二つ目の質問</li></ul><section id="ask"><h2>問い合わせ先</h2></section>
</main></body></html>"""
VENDOR = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>My APLUS ログイン | Vendor</title></head>
<body><div class="wrap"><div class="ttl">My APLUS ログイン</div>
<form action="/next.html" method="get"><fieldset><legend>My APLUS ID</legend>
  <p><label for="u">ID</label> <input id="u" name="u"></p>
  <p><label for="p">PW</label> <input id="p" name="p" type="password"></p></fieldset>
  <p class="errmsg">入力されたIDまたはパスワードではログインできません</p>
  <p>初めてログインする際には、ご登録された電話番号（SMSまたは音声）での認証が必要となります。</p>
  <input type="text" name="mail" aria-describedby="ex"><span id="ex">例:abc@aplus.jp</span>
  <a class="btn" href="/next.html?via=link">同意して進む</a>
  <button type="submit">ログインする</button>
</form></div></body></html>"""
CHECKS = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>c</title></head><body><main>
<h1>確認画面</h1><form action="/next.html" method="get">
  <label for="s">短い欄</label><input id="s" name="s" maxlength="5" value="old">
  <label for="r">読むだけの欄</label><input id="r" name="r" readonly value="fixed">
  <button type="button" disabled>押せないボタン</button>
  <div style="position:relative"><button type="button">隠れたボタン</button>
    <div style="position:absolute;inset:0;background:#fff">覆い</div></div>
  <div style="height:2000px"></div><button type="submit" name="a" value="far">下のボタン</button>
</form></main></body></html>"""
DIALOG = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>d</title></head><body><main>
<h1>ダイアログの画面</h1><form action="/next.html" method="get" onsubmit="return confirm('登録してよろしいですか?')">
  <button type="button" onclick="alert('認証コードが一致しません')">認証する</button>
  <button type="submit" name="a" value="sent">登録</button>
</form></main></body></html>"""
NEXT = """<!doctype html><html><head><meta charset="utf-8"></head><body><main><h1>次の画面</h1>
<p id="q"></p><script>document.getElementById('q').textContent = location.search</script></main></body></html>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pages = {"form.html": FORM, "next.html": NEXT, "help.html": HELP, "vendor.html": VENDOR, "checks.html": CHECKS,
             "dialog.html": DIALOG}
    with serve(tmp_path_factory.mktemp("site"), pages) as url:
        yield url


@contextmanager
def briefly(ui, seconds: float = 0.5):
    """A shorter wait for what is not there (the page is static: nothing would appear later)."""
    saved, ui.timeout = ui.timeout, seconds
    try:
        yield
    finally:
        ui.timeout = saved


@pytest.fixture(scope="module", params=["chromium", "webkitgtk"])
def ui(request, site):
    if request.param == "webkitgtk":
        try:
            with webkitgtk(headed=False) as driver:
                yield WebDriverUI(driver, site)
        except Unavailable as why:
            pytest.skip(str(why))
        return
    if request.config.getoption("--browser") != "chromium":
        pytest.skip("the Playwright side runs in the chromium run (one Playwright per process)")
    # the run's own browser: a second sync Playwright in one process is refused once the features started theirs
    context = request.getfixturevalue("browser").new_context()
    page = context.new_page()
    page.set_default_timeout(5000)
    yield PlaywrightUI(page, site)
    context.close()


def test_same_words_find_the_same_elements(ui):
    ui.open("/form.html")
    ui.expect_heading("入力画面")
    ui.expect_alert("コードが違います")
    assert ui.alerts() == ["コードが違います"]  # the hidden alert is not on screen
    ui.expect_text("有効期限は 5分 です。")
    ui.expect_no_text("隠れていない警告")
    ui.expect_field("認証コード", placeholder="例:1234")
    ui.expect_button("登録")
    ui.expect_no_button("登")
    ui.expect_matching(r"有効期限は\s+5分")
    assert ui.link_href("お困りの方はこちら") == "/help?x=1"
    assert ui.screenshot().startswith(b"\x89PNG")
    assert "__harnessShotTick" not in ui.html(), "what the screenshot added to the page is gone"


def test_actions_fill_choose_press_and_back(ui):
    ui.open("/form.html")
    ui.fill("認証コード", "1234")
    ui.choose("SMSで受け取る")
    ui.press("登録")  # exactly 「登録」, not 「登録する」
    ui.expect_heading("次の画面")
    ui.expect_no_alert()
    ui.expect_text("?code=1234&how=sms&a=short")
    ui.back()
    ui.expect_heading("入力画面")
    ui.expect_alert("コードが違います")


def test_a_fill_replaces_the_old_value_within_maxlength_and_a_far_button_is_scrolled_to(ui):
    ui.open("/checks.html")
    ui.fill("短い欄", "123456789")  # typed over 「old」; the field takes five characters, as it would from a keyboard
    ui.press("下のボタン")
    ui.expect_text("?s=12345&r=fixed&a=far")


def test_playwright_clicks_only_what_a_person_could(ui):
    """The checks Playwright makes before an action, made in the page (steps/drivers/actions.js): a disabled button, a
    button under another element and a read-only field are refused with the reason, after the wait."""
    if not isinstance(ui, PlaywrightUI):
        pytest.skip("WebDriver's own click and typing make these checks (element click intercepted / not interactable)")
    ui.open("/checks.html")
    with briefly(ui, 0.3):
        for action, words in ((lambda: ui.press("押せないボタン"), "not enabled"),
                              (lambda: ui.press("隠れたボタン"), "would receive the click"),
                              (lambda: ui.fill("読むだけの欄", "x"), "not editable")):
            with pytest.raises(AssertionError, match=words):
                action()


def test_links_sharing_a_name_told_apart_by_their_sentence(ui):
    ui.open("/help.html")
    assert ui.link_href_within("番号は《こちら》よりお問い合わせください。", "《こちら》") == "#ask"
    assert ui.link_href_within("※《こちら》もご一読ください。", "《こちら》") == "#q2"
    ui.expect_fragment("q2", "二つ目の質問")
    ui.expect_fragment("ask", "問い合わせ先")
    with briefly(ui), pytest.raises(AssertionError):
        ui.expect_fragment("q1", "二つ目の質問")


def test_notes_by_name(ui):
    ui.open("/help.html")
    ui.expect_note("ご注意", "開き直してください")
    ui.expect_no_note("ご注意は無い")
    with briefly(ui), pytest.raises(AssertionError):
        ui.expect_note("ご注意", "書かれていない文")
    assert "Mozilla/5.0" in ui.user_agent()


# a site we did not write: other markup, other labels, the documented words around them ------------------------
def test_a_field_is_found_by_the_text_that_names_it(ui):
    ui.open("/vendor.html")
    ui.expect_heading("My APLUS ログイン")  # a styled div plus the page title, not an <h1>
    ui.fill("My APLUS ID", "nsa000001")  # the panel's legend names it, its own label says 「ID」
    ui.expect_text("ご登録された電話番号(SMSまたは音声)での認証")  # full-width （） read as the document's ()


def test_a_documented_button_may_be_a_link(ui):
    ui.open("/vendor.html")
    ui.press("同意して進む")
    ui.expect_text("?via=link")


def test_a_near_miss_is_noted_and_the_scenario_goes_on(ui):
    from steps.evidence import judgement
    judgement._RECORD[0] = judgement.Record()
    ui.open("/vendor.html")
    with briefly(ui):  # the documented words are waited for, then the nearest message is taken
        ui.expect_alert("入力されたIDとパスワードではログインできません")  # the vendor's words differ by one particle
    ui.press("ログイン")  # 「ログインする」: found by a name that contains the word
    ui.expect_heading("次の画面")
    [finding] = judgement.record().findings
    assert (finding.type, finding.expected, finding.shown) == ("wording", "入力されたIDとパスワードではログインできません",
                                                               "入力されたIDまたはパスワードではログインできません")


def test_an_absent_text_names_the_nearest_text_on_the_page(ui):
    ui.open("/vendor.html")
    with briefly(ui), pytest.raises(AssertionError, match="nearest on the page: 「.*認証が必要"):
        ui.expect_text("初めてログインする際には、カードの暗証番号での確認が必要です。")


def test_a_vocabulary_override_wins_over_the_default(ui):
    from steps.target.vocabulary import Vocabulary
    ui.vocabulary = Vocabulary({"*": {"パスワード": [{"css": "#p"}], "ログイン": [{"role": "button", "name": "ログインする"}]}})
    try:
        ui.open("/vendor.html")
        ui.fill("パスワード", "secret")
        ui.press("ログイン")
        ui.expect_text("p=secret")
    finally:
        ui.vocabulary = Vocabulary()


def test_a_message_shown_in_a_browser_dialog_is_shown_and_a_confirm_is_answered_ok(ui):
    ui.open("/dialog.html")
    ui.press("認証する")  # alert('認証コードが一致しません'): a person reads it there
    ui.expect_alert("認証コードが一致しません")
    assert ui.alerts() == ["認証コードが一致しません"]
    with briefly(ui), pytest.raises(AssertionError, match="no error message 「パスワードが違います」"):
        ui.expect_alert("パスワードが違います")
    from steps.evidence import judgement
    judgement._RECORD[0] = judgement.Record()
    with briefly(ui):  # the message with other words, in the dialog as on a page: noted, and the scenario goes on
        ui.expect_alert("認証コードは一致しません")
    [finding] = judgement.record().findings
    assert (finding.type, finding.shown) == ("wording", "認証コードが一致しません")
    ui.press("登録")  # confirm('登録してよろしいですか?') answered OK: the form is sent
    ui.expect_heading("次の画面")
    ui.expect_text("?a=sent")
    assert ui.dialogs() == ["登録してよろしいですか?"]  # only the dialogs since the last action
    ui.open("/form.html")
    assert ui.dialogs() == []
