"""The conventions other tools expect, on a small project of their own (no browser): pytest-playwright's option
names with the old ones as aliases, JUnit test cases named by scenario and spec IDs, retries marked flaky (never a
plain pass), distinct history ids for parametrized tests with equal values, the GitHub job summary."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest

from steps.evidence import allure_hooks
from steps.reporting import results, summary
from tests.lean import LEAN

ROOT = Path(__file__).resolve().parents[1]
FEATURE = """Feature: demo
  @MYAPLUS-01-R1
  Scenario: fails the first time only
    Given a step that fails the first time
"""
TESTS = '''
import os
import pytest
from pytest_bdd import scenarios, given

scenarios("features/demo/x.feature")


@given("a step that fails the first time")
def _():
    marker = os.path.join(os.path.dirname(__file__), "ran-once")
    if not os.path.exists(marker):
        open(marker, "w").close()
        assert False, "first attempt fails"


def test_options(request):
    opt = request.config.getoption
    names = ("tracing", "screenshot", "video", "browser_channel", "device")
    assert tuple(str(opt(n)) for n in names) == tuple(os.environ["EXPECTED"].split(","))


@pytest.mark.parametrize("value", [pytest.param({"a": 1}, id="first"), pytest.param({"a": 1}, id="second")])
def test_equal_values(value):
    assert value
'''


def run(project: Path, *args: str, expected: str = "off,only-on-failure,off,None,None") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EXPECTED": expected}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *LEAN, "-p", "no:first_login_harness",
                           "-p", "no:cacheprovider", "-p", "steps.harness.options", "-p", "steps.evidence.allure_hooks", *args],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def project(tmp_path: Path) -> Path:
    (tmp_path / "features" / "demo").mkdir(parents=True)
    (tmp_path / "features" / "demo" / "x.feature").write_text(FEATURE, encoding="utf-8")
    (tmp_path / "test_x.py").write_text(TESTS, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -p no:allure_pytest\n", encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_old_option_names_are_aliases_of_pytest_playwrights(tmp_path):
    p = project(tmp_path)
    for args, expected in ((["--pw-trace=retain-on-failure", "--screenshots=always"], "retain-on-failure,on,off,None,None"),
                           (["--tracing=on", "--screenshot=off", "--video=off", "--browser-channel=chrome",
                             "--device=Pixel 7"], "on,off,off,chrome,Pixel 7"),
                           ([], "off,only-on-failure,off,None,None")):
        done = run(p, "-k", "options", *args, expected=expected)
        assert done.returncode == 0, done.stdout[-2000:]
    video = run(p, "-k", "options", "--video=retain-on-failure", expected="off,only-on-failure,retain-on-failure,None,None")
    if not allure_hooks._ffmpeg():  # Playwright records videos with its own ffmpeg build: said at start-up, not per scenario
        assert video.returncode == 4 and "playwright install ffmpeg" in video.stderr, video.stdout + video.stderr
    else:
        assert video.returncode == 0, video.stdout[-2000:]


def test_a_retried_scenario_is_flaky_never_a_plain_pass_and_junit_names_carry_spec_ids(tmp_path):
    p = project(tmp_path)
    done = run(p, "-k", "first_time", "--reruns", "1", "--alluredir", "res", "--junitxml", "junit.xml")
    assert done.returncode == 0 and "1 rerun" in done.stdout, done.stdout[-2000:]
    attempts = results.read(p / "res", attempts=True)
    assert sorted(r.status for r in attempts) == ["failed", "passed"]
    (last,) = results.read(p / "res")
    assert last.status == "passed" and last.flaky and last.failed  # counts as not passed in the summary
    written = [json.loads(f.read_text(encoding="utf-8")) for f in (p / "res").glob("*-result.json")]
    passed = next(d for d in written if d["status"] == "passed")
    assert passed["statusDetails"]["flaky"] is True and {"name": "tag", "value": "flaky"} in passed["labels"]
    assert results.verdict([last]) == "failed"
    case = xml.dom.minidom.parse(str(p / "junit.xml")).getElementsByTagName("testcase")[-1]
    assert case.getAttribute("name") == "fails the first time only (MYAPLUS-01-R1)"
    assert case.getAttribute("classname") == "features.demo.x"


def test_parametrized_cases_with_equal_values_keep_distinct_history_ids(tmp_path):
    p = project(tmp_path)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *LEAN, "-p", "no:first_login_harness",
                           "-p", "no:cacheprovider", "-p", "no:allure_pytest_bdd", "-p", "allure_pytest",
                           "-p", "steps.harness.options", "-p", "steps.evidence.allure_hooks", "-k", "equal_values",
                           "--alluredir", "res", "-o", "addopts="],
                          cwd=p, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    ids = [json.loads(f.read_text(encoding="utf-8"))["historyId"] for f in (p / "res").glob("*-result.json")]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_the_summary_goes_into_the_github_job_summary(tmp_path, monkeypatch):
    target = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    summary.step_summary("━━ My APLUS\n ✓ screen  passed 1")
    assert "```\n━━ My APLUS\n ✓ screen  passed 1\n```" in target.read_text(encoding="utf-8")


def test_a_trace_keeps_dom_snapshots_and_records_the_screencast_only_when_asked():
    class Tracing:
        def start(self, **kwargs):
            self.started = kwargs

    class Config:
        def __init__(self, **options):
            self.options = options

        def getoption(self, name, default=None):
            return self.options.get(name, default)

    for options, screenshots in (({"tracing": "retain-on-failure"}, False),
                                 ({"tracing": "on", "trace_screenshots": "on"}, True)):
        context = type("Context", (), {"tracing": Tracing()})()
        allure_hooks.begin_tracing(context, Config(**options))
        assert context.tracing.started == {"screenshots": screenshots, "snapshots": True, "sources": False}
    context = type("Context", (), {"tracing": Tracing()})()
    allure_hooks.begin_tracing(context, Config(tracing="off"))
    assert not hasattr(context.tracing, "started")
