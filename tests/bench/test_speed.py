"""Speed targets of the simulator (pytest-benchmark; compare runs with ``make bench``). Not timed asserts:
the numbers are read, not enforced, so a loaded CI machine never fails the build."""
from __future__ import annotations

import pytest

from simulator.settings import Settings
from simulator.sites.myaplus.rules import Personal, email_is_valid, password_problems

from ..myaplus_driver import codes_for_one_member, heading

pytestmark = pytest.mark.benchmark


def test_login_page_render(benchmark, site):
    resp = benchmark(site.client.get, "/myaplus/login")
    assert heading(resp) == "My APLUS ログイン"


def test_full_http_migration(benchmark, site):
    """① → ② → ③ はい → ⑦ SMS code (through the HTTP stub) → ⑧ → ⑨, one seeded member per round."""
    def fresh_member():
        member = site.seed(phone="mobile", phone_number="090-5678-1234")
        site.registry.reset()
        return (member,), {}

    def migrate(member):
        site.to_password(member, "+819056781234")
        return site.set_password("Speed!2346x")

    resp = benchmark.pedantic(migrate, setup=fresh_member, rounds=5, warmup_rounds=1)
    assert heading(resp) == "My APLUS登録完了"


@pytest.fixture
def codes():
    codes, _, account, store = codes_for_one_member(Settings(db_path=":memory:"))
    yield codes, account
    store.close()


def test_code_issue_and_verify(benchmark, codes):
    codes, account = codes

    def issue_and_verify():
        _, code = codes.issue(account, "phone", "sms")
        return codes.verify(account, "phone", code)

    assert benchmark(issue_and_verify).ok


def test_rules_check(benchmark):
    personal = Personal("1980-07-15", "090-1234-5678", ("Tanaka", "Hanako"), "4111111111119999")

    def check():
        return email_is_valid("taro.yamada+aplus@mail.example.co.jp"), password_problems("Good!pw2346", "Good!pw2346", personal)

    assert benchmark(check) == (True, [])


def test_control_reset(benchmark, site):
    for _ in range(20):
        site.seed()
    assert benchmark(site.client.post, "/_control/reset").status_code == 200
