"""The harness against a bare Playwright script doing the same work (issue 12: harness ≤ 1.25× the bare script).

The same four scenarios two ways, alternating in one run so both see the same machine load:
* through the harness: the feature scenarios, one pytest run (``scenario_runs``), each scenario timed whole;
* as a bare script: plain Playwright calls on this simulator's own markup (its labels and headings, which a
  hand-written test would hard-code), with the same work per scenario: the site reset and its stubs emptied through
  the control API, the member seeded, the clicks, the same texts checked, and the browser's cookies forgotten after
  (one context and one tab for all, as the harness keeps in Chromium).
Prints each scenario's median both ways and the ratio harness ÷ bare. ``make bench``: 3 rounds; a plain ``pytest``
run (``make test``): 1 round, a smoke test of both paths."""
from __future__ import annotations

import statistics
import time

import pytest
from playwright.sync_api import expect, sync_playwright

from steps.drivers.engines import playwright_launcher
from steps.harness.fixtures import CHROMIUM_ARGS
from steps.target.clients import ControlClient, StubsClient
from steps.target.launch import start_embedded

from .scenario_runs import run_scenarios

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]
LOGIN_ERROR = "入力されたIDとパスワードではログインできません"


def _wrong_password(page, control, stubs):
    member = control.create("myaplus", "accounts", state="unmigrated", phone="mobile")
    _log_in(page, member["old_id"], member["old_password"] + "x")
    expect(page.get_by_text(LOGIN_ERROR)).to_be_visible()
    expect(page.get_by_role("heading", name="My APLUS ログイン")).to_be_visible()


def _unknown_id(page, control, stubs):
    _log_in(page, "nsa-unknown", "Whatever1!")
    expect(page.get_by_text(LOGIN_ERROR)).to_be_visible()


def _old_id_locked(page, control, stubs):
    member = control.create("myaplus", "accounts", state="unmigrated", phone="mobile")
    for _ in range(control.config()["old_id_lock_threshold"]):
        _log_in(page, member["old_id"], member["old_password"] + "x")
        expect(page.get_by_role("heading", name="My APLUS ログイン")).to_be_visible()
    expect(page.get_by_text("入力されたIDはロックされているためログインできません")).to_be_visible()
    subjects = [m["subject"] for m in stubs.received("mails", member["card_email"])]
    assert "【My APLUS】アカウント停止のお知らせ" in subjects, subjects


def _fanclub_step2(page, control, stubs):
    member = control.create("fanclub", "members", state="valid")
    page.goto(page.base + "/fanclub/first-login")
    expect(page.get_by_role("heading", name="初回ログイン")).to_be_visible()
    page.get_by_label("会員番号").fill(member["member_number"])
    page.get_by_label("パスワード").fill(member["registered_birth_date"].replace("-", ""))
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("button", name="認証する").click()
    expect(page.get_by_role("heading", name="メールアドレス入力")).to_be_visible()
    expect(page.get_by_text("330円")).to_have_count(0)


def _log_in(page, login_id: str, password: str) -> None:
    page.goto(page.base + "/myaplus/login")
    expect(page.get_by_role("heading", name="My APLUS ログイン")).to_be_visible()
    page.get_by_label("My APLUS ID").fill(login_id)
    page.get_by_label("パスワード").fill(password)
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("button", name="ログイン").click()


# the feature scenario (its name as the JUnit report spells it, and a pytest -k expression that selects it alone)
# -> the same work as a bare script. Not the first scenario of a feature file: that one is run_scenarios' warm-up.
SCENARIOS = {
    "誤ったパスワードではログインできない": ("(誤ったパスワードではログインできない and not my_aplus_id)", _wrong_password),
    "登録されていないIDではログインできない": ("登録されていないidではログインできない", _unknown_id),
    "一定回数パスワードを誤ると旧IDがロックされ": ("一定回数パスワードを誤ると旧idがロックされ", _old_id_locked),
    "有効な会員は会員番号と生年月日8桁で認証され": ("有効な会員は会員番号と生年月日8桁で認証され", _fanclub_step2),
}
def _bare(browser, target) -> dict[str, float]:
    control = ControlClient(target.control_url, token=target.control_token)
    stubs = StubsClient(target.stubs_url, token=target.stubs_token)
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport={"width": 1000, "height": 900})
    context.set_default_timeout(5000)
    page = context.new_page()
    page.base = target.site_url
    seconds = {}
    try:
        for name, (_, script) in SCENARIOS.items():
            started = time.perf_counter()
            control.reset()
            stubs.reset()
            script(page, control, stubs)
            context.clear_cookies()
            seconds[name] = time.perf_counter() - started
    finally:
        context.close()
    return seconds


def _matching(junit_times: dict[str, float], name: str) -> float:
    """The scenario's time, by the start of its JUnit name (the scenario's own words, then its spec IDs)."""
    hits = [t for n, t in junit_times.items() if n.startswith(name)]
    assert len(hits) == 1, f"{name!r} matched {len(hits)} of {sorted(junit_times)}"
    return hits[0]


def test_harness_vs_bare_script(benchmark, request, tmp_path, capsys):
    rounds = 1 if benchmark.disabled else 3
    times: dict[str, list[dict[str, float]]] = {"harness": [], "bare": []}
    target = start_embedded(str(tmp_path))
    try:
        with sync_playwright() as pw:
            kind, extra = playwright_launcher(pw, "chromium", request.config.getoption("--chromium-path", default=None))
            browser = kind.launch(args=CHROMIUM_ARGS, **extra)
            _bare(browser, target)  # warm-up, as the harness's first scenario is

            def interleaved():
                for n in range(rounds):
                    for way in ("harness", "bare") if n % 2 == 0 else ("bare", "harness"):
                        if way == "bare":
                            times["bare"].append(_bare(browser, target))
                        else:
                            run = run_scenarios(tuple(k for k, _ in SCENARIOS.values()), "chromium", tmp_path / f"{n}.xml")
                            times["harness"].append({name: _matching(run, name) for name in SCENARIOS})

            benchmark.pedantic(interleaved, rounds=1, iterations=1)
            browser.close()
    finally:
        target.stop()
    rows, harness_total, bare_total = [], 0.0, 0.0
    for name in SCENARIOS:
        harness = statistics.median(t[name] for t in times["harness"])
        bare = statistics.median(t[name] for t in times["bare"])
        harness_total, bare_total = harness_total + harness, bare_total + bare
        rows.append(f"  {harness:6.2f} s harness  {bare:6.2f} s bare  {harness / bare:5.2f}×  {name}")
    ratio = harness_total / bare_total
    benchmark.extra_info.update(harness_seconds=round(harness_total, 2), bare_seconds=round(bare_total, 2),
                                ratio=round(ratio, 2), rounds=rounds)
    with capsys.disabled():
        print(f"\nharness vs bare Playwright script (chromium, median of {rounds} interleaved round(s), per scenario):")
        print("\n".join(rows))
        print(f"  {harness_total:6.2f} s harness  {bare_total:6.2f} s bare  {ratio:5.2f}×  all (target ≤ 1.25×)")
    assert bare_total > 0 and harness_total > 0
