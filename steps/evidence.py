"""Evidence for the Allure report, as hooks (catalogue IDs are registered as markers by steps/spec_tags.py): each
scenario labelled (epic = site, feature = file, story = the document's section, severity) and linked to the
statements it cites; the mails / SMS / calls the stubs received attached to every scenario; on failure a
screenshot, the page's HTML and a Playwright trace; environment.properties at the end of the run."""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import allure
import allure_commons
import attr
import pytest
from allure_commons.types import AttachmentType

from .reporting import catalogue as spec
from .reporting import environment

FAILED = pytest.StashKey[bool]()
KINDS = {"mails": "メール", "sms": "SMS", "calls": "音声電話"}
OTHER_EPICS = {"browsers": "対応環境: ブラウザとアプリ内ブラウザ"}  # feature folders that are not a document's site
SEVERITY_RANK = ["trivial", "minor", "normal", "critical", "blocker"]


def pytest_addoption(parser):
    group = parser.getgroup("harness")
    # Measured on the shared 2-core machine: tracing (screenshots + DOM snapshots) adds ~0.7-1.2 s to a scenario
    # of three page loads (~20-50 %), so plain runs do without; `make report` turns it on for the evidence.
    group.addoption("--pw-trace", choices=("retain-on-failure", "off"), default="off",
                    help="record a Playwright trace per scenario and attach it when the scenario fails (make report)")
    group.addoption("--screenshots", choices=("on-failure", "always"), default="on-failure",
                    help="attach the last screen of every scenario (always: the evidence of a conformance run) "
                         "or only of failed ones (default)")
    group.addoption("--feature-progress", action="store_true", default=False,
                    help="print a line when the run moves on to the next feature file")


# labels and links, at collection: allure-pytest-bdd reads allure_label / allure_link marks ------------------
def _template(item):
    try:
        from pytest_bdd.scenario import scenario_wrapper_template_registry
    except ImportError:  # pragma: no cover
        return None
    return scenario_wrapper_template_registry.get(getattr(item, "obj", None))


def _severity(item, cited) -> str:
    if item.get_closest_marker("推定"):
        return "minor"
    ranks = [SEVERITY_RANK.index(spec.SEVERITY_BY_KIND.get(s.kind, "normal")) for s in cited]
    return SEVERITY_RANK[max(ranks)] if ranks else "normal"


def pytest_collection_modifyitems(config, items):
    known = spec.statements()
    for item in items:
        template = _template(item)
        if template is None:  # a plain unit test
            module = item.module.__name__ if getattr(item, "module", None) else item.nodeid
            item.add_marker(pytest.mark.allure_label("ハーネスの単体テスト", label_type="epic"))
            item.add_marker(pytest.mark.allure_label(module.rsplit(".", 1)[-1], label_type="feature"))
            item.add_marker(pytest.mark.allure_label("harness", label_type="site"))
            continue
        site = Path(template.feature.filename).parent.name
        cited = [known[m.name] for m in item.iter_markers() if m.name in known]
        catalogue = spec.load(site) if site in spec.SITES else None
        item.add_marker(pytest.mark.allure_label(
            f"{catalogue.name}: {catalogue.title}" if catalogue else OTHER_EPICS.get(site, site), label_type="epic"))
        item.add_marker(pytest.mark.allure_label(site, label_type="site"))
        sections = Counter(s.section_title for s in cited if s.site == site)
        story = sections.most_common(1)[0][0] if sections else (template.rule.name if template.rule else template.feature.name)
        item.add_marker(pytest.mark.allure_label(story, label_type="story"))
        item.add_marker(pytest.mark.allure_label(_severity(item, cited), label_type="severity"))
        for statement in sorted(set(cited), key=lambda s: s.id):
            item.add_marker(pytest.mark.allure_link(statement.link, name=f"{statement.id} {statement.text[:40]}",
                                                    link_type="tms"))


# progress: one line per feature file ------------------------------------------------------------------
_FEATURE_OF: dict[str, tuple[str, str]] = {}  # nodeid -> (feature file, feature title), for the progress lines
_CURRENT: list[str] = []


def pytest_runtest_logstart(nodeid, location):
    """Outside output capture: a line when the run moves on to the next feature file (--feature-progress)."""
    feature = _FEATURE_OF.get(nodeid)
    if feature is None or (_CURRENT and _CURRENT[-1] == feature[0]):
        return
    _CURRENT.append(feature[0])
    reporter = _REPORTER[0] if _REPORTER else None
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_line(f"▶ features/{feature[0]} — {feature[1]}", bold=True)


_REPORTER: list = []


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    if session.config.getoption("--feature-progress", default=False):
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            _REPORTER.append(reporter)
        for item in session.items:
            template = _template(item)
            if template is not None:
                _FEATURE_OF[item.nodeid] = (template.feature.rel_filename, template.feature.name)


# tracing, started by the ui fixture -------------------------------------------------------------------
def begin_tracing(context, config) -> None:
    """Called by the ``ui`` fixture for each new browser context."""
    if config.getoption("--pw-trace", default="off") != "off":
        context.tracing.start(screenshots=True, snapshots=True, sources=False)


# evidence per scenario --------------------------------------------------------------------------------
@pytest.hookimpl(trylast=True)  # after allure-pytest-bdd has opened the scenario's result
def pytest_bdd_before_scenario(request, feature, scenario):
    request.node.stash[FAILED] = False
    # One run per engine writes into the same results directory (make test): the engine is a parameter, so it
    # takes part in Allure's historyId and a scenario's Chromium and WebKitGTK results stay two results.
    allure.dynamic.parameter("engine", request.config.getoption("--browser", default="chromium"))


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    request.node.stash[FAILED] = True


def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception):
    request.node.stash[FAILED] = True


def pytest_bdd_after_scenario(request, feature, scenario):
    active = set(request.fixturenames)
    if "stubs" in active:
        _attach_stubs(request.getfixturevalue("stubs"))
    if "ui" in active:
        ui = request.getfixturevalue("ui")
        if request.node.stash.get(FAILED, False):
            _attach_page(ui, request.config)
        elif request.config.getoption("--screenshots", default="on-failure") == "always":
            shot = _quietly(ui.screenshot)
            if shot:
                allure.attach(shot, name="最終画面", attachment_type=AttachmentType.PNG)
        elif hasattr(ui, "page") and request.config.getoption("--pw-trace", default="off") != "off":
            _quietly(ui.page.context.tracing.stop)  # passed: drop the trace


def attach_screenshot(ui, name: str) -> None:
    """For step modules: what the engine shows now, as evidence on the scenario (every engine, pass or fail)."""
    shot = _quietly(ui.screenshot)
    if shot:
        allure.attach(shot, name=name, attachment_type=AttachmentType.PNG)


def _quietly(action, *args, **kwargs):
    try:
        return action(*args, **kwargs)
    except Exception as exc:  # evidence must never hide the scenario's own result
        allure.attach(f"{type(exc).__name__}: {exc}", name="証跡の取得に失敗", attachment_type=AttachmentType.TEXT)
        return None


def _attach_stubs(stubs) -> None:
    for kind, label in KINDS.items():
        received = _quietly(stubs.received, kind)
        if received:
            allure.attach(json.dumps(received, ensure_ascii=False, indent=2), name=f"受信した{label} ({len(received)}件)",
                          attachment_type=AttachmentType.JSON)


def _attach_page(ui, config) -> None:
    shot = _quietly(ui.screenshot)
    if shot:
        allure.attach(shot, name="失敗時の画面", attachment_type=AttachmentType.PNG)
    content = _quietly(ui.html)
    if content:
        allure.attach(content, name="失敗時のHTML", attachment_type=AttachmentType.HTML)
    if hasattr(ui, "page") and config.getoption("--pw-trace", default="off") != "off":
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "trace.zip")
            _quietly(ui.page.context.tracing.stop, path=path)
            if os.path.exists(path):
                allure.attach.file(path, name="Playwright trace (npx playwright show-trace)", extension="zip")


# results that can always be written -----------------------------------------------------------------
class _Utf8Safe:
    """allure-commons writes each result as UTF-8 JSON, and a lone surrogate in it (a unit test parametrized with
    "\\ud800") stops the whole pytest run with an INTERNALERROR: escape such characters as ``\\ud800`` instead."""

    @allure_commons.hookimpl(hookwrapper=True)
    def report_result(self, result):
        _escape_surrogates(result)
        yield


def _escape_surrogates(node) -> None:
    if not attr.has(type(node)):
        return
    for f in attr.fields(type(node)):
        value = getattr(node, f.name)
        if isinstance(value, str):
            setattr(node, f.name, value.encode("utf-8", "backslashreplace").decode("utf-8"))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    value[i] = item.encode("utf-8", "backslashreplace").decode("utf-8")
                else:
                    _escape_surrogates(item)
        else:
            _escape_surrogates(value)


_UTF8_SAFE = _Utf8Safe()


@pytest.hookimpl(hookwrapper=True, trylast=True)  # inside allure-pytest's wrapper: runs before it hashes the params
def pytest_runtest_teardown(item):
    yield
    params = getattr(getattr(item, "callspec", None), "params", None)
    for name, value in (params or {}).items():
        if isinstance(value, str):
            params[name] = value.encode("utf-8", "backslashreplace").decode("utf-8")


def pytest_configure(config):
    if not allure_commons.plugin_manager.is_registered(_UTF8_SAFE):
        allure_commons.plugin_manager.register(_UTF8_SAFE)


def pytest_unconfigure(config):
    if allure_commons.plugin_manager.is_registered(_UTF8_SAFE):
        allure_commons.plugin_manager.unregister(_UTF8_SAFE)


# environment ------------------------------------------------------------------------------------------
_ENV: dict[str, str] = {}


def remember_environment(**values: str) -> None:
    """The harness fixtures tell what they started (target URL, browser version)."""
    _ENV.update({k: str(v) for k, v in values.items()})


def pytest_sessionfinish(session, exitstatus):
    alluredir = session.config.getoption("--alluredir", default=None)
    if alluredir and _ENV:
        environment.write(_ENV, Path(alluredir))
