"""The generated bad-input suite (issue 13): every form, control and stub endpoint and the SMTP sink of a live
simulator, fed families of bad input (hypothesis and hand-written), then schemathesis over simulator/openapi.yaml.

    python -m tests.fuzz.run [--inputs 10000] [--seed N]      # make fuzz

Prints the inputs tried per family, the statuses seen and every 5xx; exits 1 on any 5xx (an armed stub fault's
answer is not one), on a schemathesis mismatch, or when a record seeded before the run is not intact after it.

Families: encodings (UTF-8, Shift_JIS, Latin-1, broken UTF-8), surrogates (raw_unicode_escape multipart, %ED%A0%80,
\\ud800 in JSON), control characters, huge and empty values, wrong types (files for fields, JSON for forms, forms
for JSON, arrays, numbers), duplicate fields, wrong content types, odd methods and odd Host headers; SMTP messages
in odd charsets, encodings and structures.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import smtplib
import sys
import time
from dataclasses import dataclass, field

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .live import Live, start_live

CSRF = "csrf_token"
FORMS = {  # path: the fields its form has
    "/myaplus/login": ["login_id", "password"], "/myaplus/logout": [],
    "/myaplus/migration/terms": ["action"], "/myaplus/migration/email": ["action"],
    "/myaplus/migration/email/new": ["action", "email"], "/myaplus/migration/email/code": ["action", "code"],
    "/myaplus/migration/email/confirm": ["action"], "/myaplus/migration/phone": ["action", "code"],
    "/myaplus/migration/password": ["action", "password", "password_confirm"],
    "/myaplus/password/forgot": ["email"], "/myaplus/password/reset": ["token", "password", "password_confirm"],
    "/myaplus/register": ["email"], "/fanclub/first-login": ["member_number", "password"],
    "/fanclub/first-login/email": ["email", "email_confirm"], "/fanclub/login": ["login_id", "password"],
    "/fanclub/logout": [], "/fanclub/first-login/existing/nope": ["password"],
    "/fanclub/first-login/register/nope": ["password", "password_confirm"],
}
PAGES = ["/", "/myaplus/login", "/myaplus/top", "/myaplus/migration/terms", "/myaplus/migration/complete",
         "/myaplus/password/forgot", "/myaplus/password/reset", "/myaplus/register", "/fanclub/first-login",
         "/fanclub/login", "/fanclub/mypage", "/fanclub/faq", "/fanclub/payment", "/fanclub/first-login/email/sent"]
CONTROL = ["/_control/health", "/_control/config", "/_control/reset", "/_control/clock", "/_control/openapi.json",
           "/_control/myaplus/accounts", "/_control/myaplus/accounts/1", "/_control/fanclub/members",
           "/_control/fanclub/members/1", "/_control/fanclub/config", "/_control/nowhere"]
STUBS = ["/_stubs", "/_stubs/mails", "/_stubs/sms", "/_stubs/calls", "/_stubs/carrier-lookups", "/_stubs/faults",
         "/_stubs/carrier/docomo/charges", "/_stubs/carrier/x/charges", "/2010-04-01/Accounts/AC1/Messages.json",
         "/2010-04-01/Accounts/AC1/Calls.json", "/carrier/au/charges/12345678901", "/carrier/x/charges/1"]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO"]
HOSTS = ["evil.example", "", "127.0.0.1:99999", "[::1]", "[::1", "localhost:abc", "a" * 300, "xn--fiq228c.example",
         "127.0.0.1, evil.example", "ＬＯＣＡＬＨＯＳＴ", "localhost\t", "127.0.0.1 "]
CONTENT_TYPES = ["text/plain", "application/json", "application/x-www-form-urlencoded", "multipart/form-data",
                 "multipart/form-data; boundary=", "application/xml", "application/json; charset=shift_jis",
                 "application/x-www-form-urlencoded; charset=rot13", "", "*/*", "application/json\x00"]
ARMED = ("simulated",)
WIPES = {("POST", "/_control/reset"), ("DELETE", "/_stubs")}  # an armed stub fault answers with this in its message: not a server error

# value families ------------------------------------------------------------------------------------------------
SURROGATE = "\ud800"
SPECIAL = ["", " ", "\x00", "\x1b[31m", "\r\n\r\n", "\u202e", "\ufeff", "ｔｅｓｔ", "１２３４", "🙂" * 50,
           "'; DROP TABLE sessions; --", "<script>alert(1)</script>", "{{7*7}}", "%s%n", "../../etc/passwd",
           "a" * 100_000, "9" * 5_000, "Ａ" * 600, "\u0000" * 10, "\t\v\f", "null", "[]", "{}"]
text = st.one_of(st.text(max_size=60), st.sampled_from(SPECIAL),
                 st.text(st.characters(categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Mn")), max_size=30))
json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text,
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                          max_leaves=10)


@dataclass
class Tally:
    inputs: collections.Counter = field(default_factory=collections.Counter)
    statuses: collections.Counter = field(default_factory=collections.Counter)
    armed: int = 0
    errors: list = field(default_factory=list)

    def note(self, family: str, method: str, url: str, resp=None, exc: Exception | None = None, what: str = "") -> None:
        self.inputs[family] += 1
        if exc is not None:
            self.statuses["no answer"] += 1
            self.errors.append((family, method, url, f"no answer: {exc!r}"[:300], what[:200]))
            return
        self.statuses[resp.status_code] += 1
        if resp.status_code >= 500:
            if any(word in resp.text for word in ARMED) and "/_control" not in url:
                self.armed += 1
            else:
                self.errors.append((family, method, url, f"{resp.status_code}: {resp.text[:200]}", what[:200]))

    @property
    def total(self) -> int:
        return sum(self.inputs.values())


class Fuzzer:
    def __init__(self, live: Live, tally: Tally, rng: random.Random, thin: int = 1) -> None:
        """``thin``: odd methods and Host headers go to every path (1), or each to one path in ``thin`` in turn
        (every method and every header still tried, on fewer paths: the quick run's budget)."""
        self.live, self.tally, self.rng, self.thin = live, tally, rng, thin
        self.http = requests.Session()
        self.token = ""

    def send(self, family: str, method: str, url: str, what: str = "", **kwargs) -> requests.Response | None:
        try:
            resp = self.http.request(method, url, timeout=30, allow_redirects=False, **kwargs)
        except (ValueError, requests.exceptions.InvalidHeader, requests.exceptions.InvalidURL,
                requests.exceptions.InvalidJSONError):
            self.tally.statuses["not sent (the client refused it)"] += 1
            return None
        except requests.RequestException as exc:
            self.tally.note(family, method, url, exc=exc, what=what)
            self.http = requests.Session()
            return None
        self.tally.note(family, method, url, resp, what=what)
        return resp

    def refresh_csrf(self) -> None:
        resp = self.send("pages", "GET", self.live.site_url + "/myaplus/login")
        if resp is not None and 'name="csrf_token" value="' in resp.text:
            self.token = resp.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]

    # families ------------------------------------------------------------------------------------------------
    def forms(self, budget: int) -> None:
        """Every form with hypothesis text, encodings, surrogates, huge / empty values, files, duplicates."""
        site = self.live.site_url
        paths = list(FORMS)
        per = max(1, budget // (len(paths) * 2))

        @settings(max_examples=per, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(values=st.dictionaries(st.sampled_from(["login_id", "password", "email", "code", "action", "token",
                                                       "password_confirm", "email_confirm", "member_number"]),
                                      text, max_size=5))
        def typed(values):
            for path in paths:
                self.refresh_csrf() if self.rng.random() < 0.05 else None
                self.send("forms: hypothesis text", "POST", site + path, data={CSRF: self.token, **values},
                          what=repr(values))

        typed()
        for path in paths:
            for name, kwargs in self._form_bodies(path):
                self.send(f"forms: {name}", "POST", site + path, what=name, **kwargs)

    def _form_bodies(self, path: str):
        token = self.token
        fields = FORMS[path] or ["x"]
        b = "B0UNDARY"

        def multipart(value: str, charset: str = "utf-8", raw: bytes | None = None):
            body = (f"--{b}\r\nContent-Disposition: form-data; name=\"{CSRF}\"\r\n\r\n{token}\r\n").encode()
            for f in fields:
                body += f"--{b}\r\nContent-Disposition: form-data; name=\"{f}\"\r\n\r\n".encode()
                body += raw if raw is not None else value.encode("utf-8", "surrogatepass")
                body += b"\r\n"
            body += f"--{b}--\r\n".encode()
            return {"data": body, "headers": {"content-type": f"multipart/form-data; boundary={b}; charset={charset}"}}

        yield "surrogate (raw_unicode_escape)", multipart("\\ud800\\udfff", "raw_unicode_escape")
        yield "surrogate (%ED%A0%80)", {"data": f"{CSRF}={token}&" + "&".join(f"{f}=%ED%A0%80" for f in fields),
                                        "headers": {"content-type": "application/x-www-form-urlencoded"}}
        yield "unknown charset", multipart("x", "x-unknown")
        yield "charset hex", multipart("41", "hex")
        for enc in ("shift_jis", "euc-jp", "latin-1", "utf-16"):
            yield f"encoding {enc}", multipart("", enc, raw="テスト１２３".encode(enc, "replace"))
        yield "broken UTF-8", {"data": f"{CSRF}={token}&".encode() + b"&".join(f.encode() + b"=\xff\xfe\xc3(" for f in fields),
                               "headers": {"content-type": "application/x-www-form-urlencoded"}}
        yield "non-ASCII csrf", {"data": {CSRF: "トークン", **{f: "x" for f in fields}}}
        yield "control characters", {"data": {CSRF: token, **{f: "\x00\x01\x1b\x7f\u2028" for f in fields}}}
        yield "huge values", {"data": {CSRF: token, **{f: "A" * 300_000 for f in fields}}}
        yield "empty values", {"data": {CSRF: token, **{f: "" for f in fields}}}
        yield "files for fields", {"data": {CSRF: token}, "files": {f: ("f.bin", b"\x00\xff" * 100) for f in fields}}
        yield "JSON for a form", {"json": {CSRF: token, **{f: 1 for f in fields}}}
        yield "duplicate fields", {"data": f"{CSRF}={token}&{CSRF}=x&" + "&".join(f"{f}=a&{f}=b" for f in fields),
                                   "headers": {"content-type": "application/x-www-form-urlencoded"}}
        yield "many fields", {"data": "&".join(f"f{i}=v" for i in range(3000)),
                              "headers": {"content-type": "application/x-www-form-urlencoded"}}
        for ct in CONTENT_TYPES:
            yield f"content type {ct!r}", {"data": f"{CSRF}={token}".encode(), "headers": {"content-type": ct}}

    def pages(self, budget: int) -> None:
        site = self.live.site_url
        per = max(1, budget // len(PAGES))

        @settings(max_examples=per, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(query=st.dictionaries(text, text, max_size=3))
        def queried(query):
            for path in PAGES:
                self.send("pages: odd query strings", "GET", site + path, params=query, what=repr(query)[:200])
        queried()
        for path in PAGES:
            for token in ("%FF", "%00", "..%2F..%2F", "a" * 5000, "%ED%A0%80"):
                self.send("pages: odd paths", "GET", f"{site}{path}?token={token}")

    def methods_and_hosts(self) -> None:
        bases = [(self.live.site_url, p) for p in PAGES + list(FORMS) + CONTROL] + [(self.live.stubs_url, p) for p in STUBS]
        for i, (base, path) in enumerate(bases):
            for j, method in enumerate(METHODS):
                if (method, path) in WIPES or (i + j) % self.thin:
                    continue  # a valid wipe: the witnesses would go (the contract's own behaviour)
                self.send("odd methods", method, base + path, headers=self.live.auth)
            for j, host in enumerate(HOSTS):
                if (i + j) % self.thin == 0:
                    self.send("odd Host headers", "GET", base + path, headers={**self.live.auth, "Host": host})

    def json_api(self, budget: int) -> None:
        """The control API and the stubs with bad JSON, wrong types, surrogates, wrong content types, wrong auth."""
        targets = [(self.live.site_url, p) for p in CONTROL if p != "/_control/reset"] + [(self.live.stubs_url, p) for p in STUBS]
        raw = [b"{", b"[]", b'"x"', b"null", b"42", b"\xff\xfe", b'{"a": NaN}', b'{"set": "\\ud800"}',
               b'{"name_kanji": "\\udfff"}', b"[" * 3000 + b"]" * 3000, b'{"a":1,"a":2}', b"{}" * 1000,
               b'{"billing_id": "' + b"1" * 100_000 + b'"}', b'{"service": "sms", "status": 503, "times": true}']
        for base, path in targets + [(self.live.site_url, "/_control/reset")]:
            for body in raw:
                if path == "/_control/reset" and body in (b"{}",):
                    continue
                self.send("JSON: malformed and surrogates", "POST", base + path, content_type_json(body))
            for ct in CONTENT_TYPES:
                self.send("JSON: wrong content types", "POST", base + path, data=b'{"x": 1}',
                          headers={**self.live.auth, "content-type": ct})
            for auth in ("", "Bearer", "Bearer wrong", "Basic Zm9vOmJhcg==", "Bearer " + "x" * 10_000, "Bearer \u00e9"):
                self.send("JSON: wrong auth", "POST", base + path, json={}, headers={"Authorization": auth.encode("utf-8")} if auth else {})
        per = max(1, budget // len(targets))

        @settings(max_examples=per, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(body=st.dictionaries(st.sampled_from(["set", "advance_seconds", "resume", "state", "phone", "phone_number",
                                                     "birth_date", "name_roman", "old_id", "myaplus_id", "member_number",
                                                     "carrier", "billing_id", "joined_on", "service", "status", "times",
                                                     "mode", "skip", "delay_ms", "To", "Body", "Twiml"]) | text,
                                    json_value, max_size=5))
        def typed(body):
            if body.get("service") in ("mail", "sms", "voice", "carrier"):
                body["service"] = "fax"  # never arm a real fault here: it would fail the witnesses' calls
            for base, path in targets:
                self.send("JSON: hypothesis wrong types", "POST", base + path, json=body, headers=self.live.auth,
                          what=json.dumps(body, ensure_ascii=True)[:200])
        typed()

    def smtp(self, budget: int) -> None:
        """Raw messages to the SMTP sink: odd charsets and transfer encodings, broken MIME, binary, huge."""
        host, port = self.live.stubs.smtp_host, self.live.stubs.smtp_port
        charsets = ["utf-8", "x-unknown", "shift_jis", "iso-2022-jp", "hex", "rot13", "utf-16", "", "\"", "utf-8\x00"]
        encodings = ["base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "bogus"]

        @settings(max_examples=budget, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(charset=st.sampled_from(charsets), cte=st.sampled_from(encodings), subject=text, body=st.binary(max_size=300),
               multipart=st.booleans(), to=st.sampled_from(["fuzz@example.jp", "secure_lunasea@cc.plusmember.jp"]))
        def message(charset, cte, subject, body, multipart, to):
            subject_bytes = subject.encode("utf-8", "surrogatepass")[:200]
            head = (f"From: fuzz@example.jp\r\nTo: {to}\r\nSubject: =?{charset or 'x'}?B?").encode() + \
                subject_bytes.hex().encode()[:80] + b"?=\r\nMIME-Version: 1.0\r\n"
            if multipart:
                raw = head + b'Content-Type: multipart/alternative; boundary="zz"\r\n\r\n--zz\r\n' + \
                    f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode() + \
                    body + b"\r\n--zz--\r\n"
            else:
                raw = head + f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode() + body
            self.tally.inputs["SMTP: odd messages"] += 1
            try:
                with smtplib.SMTP(host, port, timeout=10) as smtp:
                    smtp.sendmail("fuzz@example.jp", [to], raw)
                self.tally.statuses["smtp 250"] += 1
            except smtplib.SMTPResponseException as exc:
                self.tally.statuses[f"smtp {exc.smtp_code}"] += 1
                if exc.smtp_code >= 500 and exc.smtp_code != 554:
                    self.tally.errors.append(("SMTP", "DATA", f"{host}:{port}", f"{exc.smtp_code} {exc.smtp_error!r}"[:200], repr(raw[:100])))
            except (OSError, smtplib.SMTPException) as exc:
                self.tally.statuses["smtp no answer"] += 1
                self.tally.errors.append(("SMTP", "DATA", f"{host}:{port}", repr(exc)[:200], repr(raw[:100])))
        message()
        self.send("SMTP: read back", "GET", self.live.stubs_url + "/_stubs/mails", headers=self.live.auth)


def content_type_json(body: bytes) -> dict:
    return {"data": body, "headers": {"content-type": "application/json"}}


# witnesses: records seeded before the run that must be intact after it -------------------------------------------
def seed_witnesses(live: Live) -> dict:
    http, auth = requests.Session(), live.auth
    seeded = {"myaplus": [], "fanclub": [], "charges": []}
    for state in ("unmigrated", "old_id_locked", "migrated", "account_locked"):
        for phone in ("mobile", "landline"):
            seeded["myaplus"].append(http.post(f"{live.site_url}/_control/myaplus/accounts", json={"state": state, "phone": phone},
                                               headers=auth, timeout=10).json()["id"])
    for state in ("valid", "birth_date_wrong", "birth_date_missing", "withdrawn", "has_plus_id", "new_registration", "completed"):
        seeded["fanclub"].append(http.post(f"{live.site_url}/_control/fanclub/members", json={"state": state},
                                           headers=auth, timeout=10).json()["id"])
    http.post(f"{live.stubs_url}/_stubs/carrier/docomo/charges", json={"billing_id": "123456789012"}, headers=auth, timeout=10)
    return seeded


def snapshot(live: Live, seeded: dict) -> dict:
    http, auth = requests.Session(), live.auth
    return {
        "myaplus": [http.get(f"{live.site_url}/_control/myaplus/accounts/{i}", headers=auth, timeout=10).json() for i in seeded["myaplus"]],
        "fanclub": [http.get(f"{live.site_url}/_control/fanclub/members/{i}", headers=auth, timeout=10).json() for i in seeded["fanclub"]],
        "charges": http.get(f"{live.stubs_url}/_stubs/carrier/docomo/charges", headers=auth, timeout=10).json(),
    }


@dataclass
class Report:
    tally: Tally
    schemathesis_cases: int
    schemathesis_ok: bool
    schemathesis_output: str
    intact: bool
    seconds: float

    @property
    def inputs(self) -> int:
        return self.tally.total + self.schemathesis_cases

    @property
    def ok(self) -> bool:
        return not self.tally.errors and self.schemathesis_ok and self.intact

    def text(self) -> str:
        lines = [f"bad inputs tried: {self.inputs} ({self.tally.total} by our families, {self.schemathesis_cases} by "
                 f"schemathesis) in {self.seconds:.0f} s"]
        lines += [f"  {n:6d}  {family}" for family, n in sorted(self.tally.inputs.items())]
        lines.append("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.tally.statuses.items(), key=lambda kv: str(kv[0]))))
        lines.append(f"armed stub faults answered (not server errors): {self.tally.armed}")
        lines.append(f"server errors (5xx or no answer): {len(self.tally.errors)}")
        lines += [f"  {family} {method} {url}: {problem}  input: {what}" for family, method, url, problem, what in self.tally.errors[:50]]
        lines.append(f"schemathesis over simulator/openapi.yaml: {'no mismatch' if self.schemathesis_ok else 'MISMATCHES (below)'}")
        if not self.schemathesis_ok:
            lines.append(self.schemathesis_output[-6000:])
        lines.append(f"seeded records intact afterwards: {'yes' if self.intact else 'NO'}")
        return "\n".join(lines)


def run(inputs: int = 10_000, seed: int = 0, st_examples: int | None = None, schemathesis: bool = True,
        thin: int = 1) -> Report:
    from .schemathesis_run import run_schemathesis

    started = time.monotonic()
    rng = random.Random(seed)
    live = start_live()
    tally = Tally()
    try:
        seeded = seed_witnesses(live)
        before = snapshot(live, seeded)
        fuzzer = Fuzzer(live, tally, rng, thin)
        fuzzer.refresh_csrf()
        ours = int(inputs * 0.8)  # the rest comes from schemathesis
        fuzzer.methods_and_hosts()
        fuzzer.pages(max(20, ours // 8))
        fuzzer.json_api(max(20, ours // 4))
        fuzzer.smtp(max(10, ours // 20))
        fuzzer.forms(max(20, ours - tally.total))
        after = snapshot(live, seeded)
        intact = before == after
    finally:
        live.stop()
    if not schemathesis:
        return Report(tally, 0, True, "", intact, time.monotonic() - started)
    # schemathesis on a live simulator of its own: it resets and seeds as the contract allows
    st_live = start_live()
    try:
        examples = st_examples or max(5, (inputs - tally.total) // 25)
        results = [run_schemathesis(st_live, part, max_examples=examples, seed=seed or None) for part in ("control", "stubs")]
    finally:
        st_live.stop()
    return Report(tally, sum(r.cases for r in results), all(r.ok for r in results),
                  "\n".join(r.output for r in results if not r.ok), intact, time.monotonic() - started)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz.run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000, help="at least this many bad inputs in all (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    report = run(args.inputs, args.seed)
    print(report.text(), flush=True)
    if report.inputs < args.inputs:
        print(f"fewer inputs than asked ({report.inputs} < {args.inputs})")
        return 1
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
