"""④ メールアドレス登録 against the site's actual answers: 「メールアドレスの入力に誤りがあります。」 appears exactly
when the address breaks one of the documented 取り扱い不可パターン (003: 全角の文字が入っている, 一部使用できない記号,
アドレスの先頭もしくは最後が@, @がない); a well-formed address gets its 4-digit code by mail and ⑤ instead."""
from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.sites.myaplus import messages as msg

from .myaplus_driver import alerts, heading

INVALID = msg.EMAIL_INVALID
FULL_WIDTH = "あア漢ａＺ０＠．＿ー　"  # 全角: kana, kanji, full-width letters, digits, @, dot, underscore, space
FORBIDDEN = sorted(set(string.punctuation) - set("._+-@"))  # 半角でも一部使用できない記号 (the site's choice)

_atom = st.text(string.ascii_letters + string.digits + "_+-", min_size=1, max_size=10)
_local = st.lists(_atom, min_size=1, max_size=3).map(".".join)
_label = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9-]{0,8}[A-Za-z0-9])?", fullmatch=True)
_domain = st.lists(_label, min_size=2, max_size=4).map(".".join)
well_formed = st.builds("{}@{}".format, _local, _domain)


def _insert(address: str, char: str, where: int) -> str:
    at = where % (len(address) + 1)
    return address[:at] + char + address[at:]


@st.composite
def addresses(draw) -> tuple[str, str | None]:
    """(address, the documented pattern it breaks or None)."""
    address = draw(well_formed)
    broken = draw(st.sampled_from([None, None, "全角", "記号", "先頭@", "最後@", "@なし"]))
    where = draw(st.integers(0, 300))
    if broken == "全角":
        address = _insert(address, draw(st.sampled_from(FULL_WIDTH)), where)
    elif broken == "記号":
        local, domain = address.split("@")
        address = _insert(local, draw(st.sampled_from(FORBIDDEN)), where) + "@" + domain
    elif broken == "先頭@":
        address = "@" + draw(st.sampled_from([address, address.split("@")[1]]))
    elif broken == "最後@":
        address = draw(st.sampled_from([address, address.split("@")[0]])) + "@"
    elif broken == "@なし":
        address = address.replace("@", draw(st.sampled_from(["", ".", "-"])))
    return address, broken


@pytest.fixture
def at_new_email(make_site):
    """A driver standing on ④; ``ensure()`` walks back to ④ after an address was accepted. One member sends a
    code to every well-formed address, so the send limit (code_send_limit) is lifted."""
    site = make_site(code_send_limit=10**6)
    member = site.seed(phone="mobile")
    state = {"on_form": False}

    def ensure():
        if not state["on_form"]:
            assert heading(site.to_new_email(member)) == "メールアドレス登録"
            state["on_form"] = True
        return state

    return site, ensure


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=addresses())
def test_invalid_message_appears_exactly_for_documented_patterns(at_new_email, case):
    site, ensure = at_new_email
    address, broken = case
    state = ensure()
    resp = site.post("/myaplus/migration/email/new", action="register", email=address)
    if broken:
        assert resp.status_code == 422 and alerts(resp) == [INVALID], f"{address!r} breaks {broken}"
        assert not site.mails(address)
    else:
        state["on_form"] = False
        assert INVALID not in alerts(resp), f"{address!r} is well formed"
        assert heading(resp) == "認証コード入力画面" and site.latest_mail_code(address).isdigit()


@pytest.mark.parametrize("address", ["", "@", "abc", "＠aplus.jp", "abc＠aplus.jp", "@aplus.jp", "abc@",
                                     "abc@aplus.jp@", "ab c@aplus.jp", "ab(c)@aplus.jp", "ab,c@aplus.jp",
                                     "tarō@aplus.jp"])
def test_documented_examples_are_refused(at_new_email, address):
    site, ensure = at_new_email
    ensure()
    resp = site.post("/myaplus/migration/email/new", action="register", email=address)
    assert resp.status_code == 422
    assert alerts(resp) == [msg.REQUIRED if not address else INVALID]


def test_address_already_used_as_an_id_is_unavailable(at_new_email):
    site, ensure = at_new_email
    taken = site.seed(state="migrated")["myaplus_id"]
    ensure()
    resp = site.post("/myaplus/migration/email/new", action="register", email=taken.upper())
    assert alerts(resp) == [msg.EMAIL_UNAVAILABLE]


def test_every_forbidden_symbol_and_full_width_character_is_refused(at_new_email):
    """Exhaustive over the two character classes, anywhere in the address (the property samples them)."""
    site, ensure = at_new_email
    ensure()
    for char in FORBIDDEN + list(FULL_WIDTH):
        for address in (f"ab{char}c@aplus.jp", f"{char}abc@aplus.jp", f"abc@ap{char}lus.jp"):
            resp = site.post("/myaplus/migration/email/new", action="register", email=address)
            assert alerts(resp) == [INVALID], f"{address!r} was not refused"
