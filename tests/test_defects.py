"""The simulator's switchable defects (simulator/defects.py, issue 11 part 5): a well-formed registry whose statements
exist, one that covers every testable rule, cause, error, mail and step of both catalogues, a hook in the code for
every defect, ``python -m simulator --list-defects`` / ``--defect``, and a few defects shown to change behaviour."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import defects
from simulator.settings import Settings
from simulator.sites.myaplus import messages as msg
from simulator.sites.myaplus.rules import Personal, password_problems
from simulator.stubs import support_desk as desk
from steps.reporting.catalogue import load, statements

from .myaplus_driver import alerts, codes_for_one_member
from .test_fanclub_support_desk import written

ROOT = Path(__file__).resolve().parents[1]
SIMULATOR = ROOT / "simulator"
COVERED_KINDS = ("rule", "cause", "error", "mail", "step")
# testable statements of those kinds no defect breaks, with why (none at present)
NOT_COVERED: dict[str, str] = {}


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SIMULATOR.rglob("*"))
                     if p.suffix in (".py", ".html") and p.name != "defects.py")


def test_every_name_is_an_identifier_with_a_one_line_description():
    assert defects.DEFECTS
    for name, d in defects.DEFECTS.items():
        assert name.isidentifier() and name == name.lower(), name
        assert set(d) <= {"ids", "description", "note", "text", "inferred", "equivalent"}, name
        assert not (d.get("inferred") and d.get("equivalent")), name
        assert not (d.get("inferred") or d.get("equivalent")) or d.get("note") or d.get("equivalent"), \
            f"{name}: say why the document does not decide it"
        assert d["description"].strip() and "\n" not in d["description"], name
        assert d["ids"] and len(set(d["ids"])) == len(d["ids"]), name


def test_every_id_is_a_statement_of_the_catalogue():
    known = statements()
    for name, d in defects.DEFECTS.items():
        assert not [i for i in d["ids"] if i not in known], name


def test_every_testable_rule_cause_error_mail_and_step_is_broken_by_some_defect():
    # by a defect the document decides: an inferred or unobservable one does not count
    broken = {i for d in defects.DEFECTS.values() if not (d.get("inferred") or d.get("equivalent")) for i in d["ids"]}
    wanted = {s.id for site in ("myaplus", "fanclub") for s in load(site).statements
              if s.testable and s.kind in COVERED_KINDS}
    assert sorted(wanted - broken - set(NOT_COVERED)) == []


def test_every_defect_has_a_hook_and_every_hook_a_defect():
    code = _sources()
    literals = set(re.findall(r"""["']([a-z][a-z0-9_]+)["']""", code))
    for name, d in defects.DEFECTS.items():
        assert "text" in d or name in literals, f"{name}: no hook names it in simulator/"
    hooked = set(re.findall(r"""defects\.on\(\s*[\w.]+\s*,\s*["'](\w+)["']""", code))
    hooked |= set(re.findall(r"""defect\(request,\s*["'](\w+)["']\)""", code))
    hooked |= set(re.findall(r"""(?:never|late|early)=["'](\w+)["']""", code))
    assert hooked and not hooked - set(defects.DEFECTS)


def test_the_documented_words_of_every_wording_defect_are_on_the_sites():
    code = _sources()
    from simulator.browser_support import NOTICE_LINES
    from simulator.sites.fanclub.inquiry import links
    rendered = code + "\n".join(NOTICE_LINES) + "\n".join(url for _, url in links())
    for name, d in defects.DEFECTS.items():
        for documented, shown in d.get("text", ()):
            assert documented != shown, name
            assert documented in rendered or html.escape(documented, quote=False) in rendered, (name, documented)


def test_on_refuses_an_unknown_name_and_is_never_on_without_settings():
    with pytest.raises(KeyError):
        defects.on(Settings(), "no_such_defect")
    assert not defects.on(None, "code_reusable")
    assert not defects.on(Settings(), "code_reusable")
    assert defects.on(Settings(defects="code_reusable,terms_skipped"), "terms_skipped")
    with pytest.raises(defects.UnknownDefect, match="known: terms_skipped"):
        defects.names(["terms_skipped", "nope"])


def _simulator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "simulator", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_list_defects_prints_the_registry_as_json():
    done = _simulator("--list-defects")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert list(listed) == list(defects.DEFECTS)
    assert listed["code_reusable"]["ids"] == defects.DEFECTS["code_reusable"]["ids"]


def test_an_unknown_defect_is_a_usage_error_naming_the_known_ones():
    done = _simulator("--defect", "no_such_defect", "--port", "0")
    assert done.returncode == 2
    assert "no_such_defect" in done.stderr and "code_reusable" in done.stderr


def test_health_lists_the_active_defects_only_when_there_are_some(make_site):
    assert "defects" not in make_site().client.get("/_control/health").json()
    broken = make_site(defects="terms_skipped,code_reusable")
    assert broken.client.get("/_control/health").json()["defects"] == ["code_reusable", "terms_skipped"]


# A few defects, shown to change what the site does --------------------------------------------------------------

def test_code_reusable_accepts_a_used_code_again():
    for switched, second_ok in (("", False), ("code_reusable", True)):
        codes, _clock, account, store = codes_for_one_member(Settings(db_path=":memory:", defects=switched))
        try:
            _, code = codes.issue(account, "email", "mail")
            assert codes.verify(account, "email", code).ok
            assert codes.verify(account, "email", code).ok is second_ok
        finally:
            store.close()


def test_each_password_rule_has_its_own_defect():
    personal = Personal("1980-07-15", "090-1234-5678", ("yamada", "taro"), "4000555566667777")
    for password, defect in (("abcdefgh1", "pw_symbol_not_required"), ("abcdefgh!", "pw_digit_not_required"),
                             ("1234567!", "pw_letter_not_required"), ("Ab1!xyz", "pw_min_length_not_enforced"),
                             ("Ab1!taro99", "pw_name_allowed"), ("Ab1!0715zz", "pw_birth_date_allowed")):
        assert password_problems(password, password, personal), password
        assert password_problems(password, password, personal, settings=Settings(defects=defect)) == [], password
        others = Settings(defects=",".join(d for d in defects.DEFECTS if d.startswith("pw_") and d != defect))
        assert password_problems(password, password, personal, settings=others), (password, "only its own defect")


def test_old_id_never_locks_and_sends_no_mail(make_site):
    site = make_site(defects="old_id_never_locks")
    member = site.seed(state="unmigrated")
    threshold = site.client.get("/_control/config").json()["old_id_lock_threshold"]
    for _ in range(threshold + 2):
        resp = site.login(member["old_id"], "Wrong-password1!")
    assert alerts(resp) == [msg.LOGIN_FAILED]
    assert site.account(member["id"])["old_locked"] == 0
    assert site.mails(member["card_email"]) == []
    site.login(member["old_id"], member["old_password"])
    assert site.last.url.path == "/myaplus/migration/terms"


def test_a_wording_defect_changes_the_page_and_a_link_defect_the_mailto(make_site):
    site = make_site(defects="login_error_reworded,inquiry_address_wrong")
    assert alerts(site.login("nsa-unknown", "Whatever1!")) == ["入力されたIDまたはパスワードではログインできません"]
    faq = site.client.get("/fanclub/faq").text
    assert "mailto:secure-lunasea@cc.plusmember.jp" in faq and "mailto:secure_lunasea@" not in faq
    assert "secure_lunasea@cc.plusmember.jp" in faq  # the address written on the page is still the right one
    correct = make_site()
    assert alerts(correct.login("nsa-unknown", "Whatever1!")) == [msg.LOGIN_FAILED]
    assert "mailto:secure_lunasea@cc.plusmember.jp" in correct.client.get("/fanclub/faq").text


def test_the_support_desk_takes_its_defects_from_the_registry():
    class Registry:
        defects = "desk_au_phone_accepted"

    body = written("au", 各キャリアの決済情報="09012345678")
    assert desk.judge(body).problems
    assert desk.judge(body, Registry()).problems == ()


@pytest.mark.parametrize("name", list(defects.DEFECTS))
def test_no_defect_makes_the_site_crash(make_site, name):
    """Each defect, switched on alone, along the main paths of both sites: the site answers, never a 5xx."""
    site = make_site(defects=name)
    seen = []

    def keep(resp):
        seen.append((resp.request.method, resp.request.url.path, resp.status_code))
        return resp

    member = site.seed(state="unmigrated", phone="mobile")
    keep(site.get("/myaplus/login"))
    keep(site.login(member["old_id"], "Wrong-password1!"))
    keep(site.login(member["old_id"], member["old_password"]))
    keep(site.post("/myaplus/migration/terms", action="agree"))
    keep(site.post("/myaplus/migration/email", action="no"))
    keep(site.post("/myaplus/migration/email/new", action="register", email="taro(x)@example.jp"))
    keep(site.post("/myaplus/migration/email/new", action="register", email=f"new{member['id']}@example.jp"))
    mails = site.mails(f"new{member['id']}@example.jp") or site.mails(member["card_email"])
    code = (re.search(r"認証コード[：:]\s*(\d{4,6})", mails[-1]["body"]).group(1) if mails else "0000")
    keep(site.post("/myaplus/migration/email/code", action="verify", code=""))
    keep(site.post("/myaplus/migration/email/code", action="resend"))
    keep(site.post("/myaplus/migration/email/code", action="verify", code=code))
    keep(site.post("/myaplus/migration/email/confirm", action="yes"))
    keep(site.post("/myaplus/migration/phone", action="voice"))
    keep(site.post("/myaplus/migration/phone", action="verify", code="0000"))
    keep(site.get("/myaplus/migration/password"))
    keep(site.post("/myaplus/migration/password", action="register", password="Qz7!mK2#vX", password_confirm="Qz7!mK2#vX"))
    keep(site.get("/myaplus/migration/complete"))
    migrated = site.seed(state="migrated")
    keep(site.login(migrated["myaplus_id"], "Wrong-password1!"))
    keep(site.login(migrated["myaplus_id"], migrated["password"]))
    keep(site.get("/myaplus/top"))
    keep(site.post("/myaplus/password/forgot", email="member@@example"))
    keep(site.post("/myaplus/register", email=migrated["myaplus_id"]))
    fan = site.client.post("/_control/fanclub/members", json={"state": "withdrawn"}).json()
    for path in ("/fanclub/faq", "/fanclub/first-login", "/fanclub/join", "/fanclub/login"):
        keep(site.get(path))
    keep(site.post("/fanclub/first-login", member_number=fan["member_number"], password="19000101"))
    keep(site.post("/fanclub/first-login", member_number=fan["member_number"], password=fan["password"]))
    assert not [s for s in seen if s[2] >= 500], seen
