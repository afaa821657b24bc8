"""Evidence for the Allure report, as hooks (catalogue IDs are registered as markers by steps/spec_tags.py): each
scenario labelled (epic = site, feature = file, story = the document's section, severity) and linked to the
statements it cites; the mails / SMS / calls the stubs received attached to every scenario; on failure a
screenshot, the page's HTML and a Playwright trace; environment.properties at the end of the run."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import allure
import allure_commons
import attr
import pytest
from allure_commons.types import AttachmentType

from ..reporting import catalogue as spec
from ..reporting import environment

FAILED = pytest.StashKey[bool]()
KINDS = {"mails": "メール", "sms": "SMS", "calls": "音声電話"}
OTHER_EPICS = {"browsers": "対応環境: ブラウザとアプリ内ブラウザ",
               "security": "セキュリティ (参考: ADVISORY、適合率とゲートの外)"}  # feature folders that are not a document's site
SEVERITY_RANK = ["trivial", "minor", "normal", "critical", "blocker"]


def pytest_addoption(parser):
    group = parser.getgroup("harness")
    # Measured on the shared 2-core machine: tracing (screenshots + DOM snapshots) adds ~0.7-1.2 s to a scenario
    # of three page loads (~20-50 %), so plain runs do without; `make report` turns it on for the evidence.
    # The names and values of pytest-playwright; the harness's first names (--pw-trace, --screenshots) still work.
    group.addoption("--tracing", "--pw-trace", dest="tracing", choices=("on", "off", "retain-on-failure"), default="off",
                    help="record a Playwright trace per scenario: on (attach every trace), retain-on-failure (attach "
                         "it when the scenario fails: make report), off (default)")
    group.addoption("--screenshot", "--screenshots", dest="screenshot", default="only-on-failure",
                    choices=("on", "off", "only-on-failure", "always", "on-failure"),
                    help="attach the last screen of every scenario (on: the evidence of a conformance run), of failed "
                         "ones only (only-on-failure, the default) or none (off); --screenshots always|on-failure = on|only-on-failure")
    group.addoption("--video", choices=("on", "off", "retain-on-failure"), default="off",
                    help="record a video of every scenario (Playwright engines) and attach it: on, retain-on-failure, off")
    group.addoption("--output", default="reports/test-results",
                    help="where videos and kept traces are written, one folder per scenario (default reports/test-results)")
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
    # pytest -n N --dist loadgroup: a feature file's scenarios go to one worker, in file order (each worker has its
    # own simulator, stubs and browser: the session fixtures; nothing mutable is shared between workers)
    grouped = config.pluginmanager.hasplugin("xdist")
    twins = Counter(_history_key(item) for item in items if getattr(item, "callspec", None) is not None)
    for item in items:
        template = _template(item)
        if template is None:  # a plain unit test
            _mark_if_collapsing(item, twins)
            module = item.module.__name__ if getattr(item, "module", None) else item.nodeid
            item.add_marker(pytest.mark.allure_label("ハーネスの単体テスト", label_type="epic"))
            item.add_marker(pytest.mark.allure_label(module.rsplit(".", 1)[-1], label_type="feature"))
            item.add_marker(pytest.mark.allure_label("harness", label_type="site"))
            continue
        site = Path(template.feature.filename).parent.name
        if grouped:
            item.add_marker(pytest.mark.xdist_group(template.feature.rel_filename))
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


# history ids: distinct tests keep distinct ones -------------------------------------------------------
# allure-pytest hashes a test's full name with its parameter *values*: two cases of one parametrized test whose
# values are equal (examples of the OpenAPI document with the same schema and body) got one historyId, so the
# report showed one test retried. Such cases get their pytest id as one more Allure parameter ("case"), which
# takes part in the hash; every other test keeps the historyId it had.
CASE = pytest.StashKey[str]()


def _history_key(item) -> tuple:
    params = getattr(item, "callspec").params
    return (item.nodeid.split("[", 1)[0], tuple((k, repr(params[k])) for k in sorted(params)))


def _mark_if_collapsing(item, twins: Counter) -> None:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and twins[_history_key(item)] > 1:
        item.stash[CASE] = callspec.id


def pytest_runtest_setup(item):
    """Inside allure-pytest's setup wrapper, so its test result is open."""
    case = item.stash.get(CASE, None)
    if case is not None and item.config.pluginmanager.get_plugin("allure_listener") is not None:
        allure.dynamic.parameter("case", case)


# progress: one line per feature file ------------------------------------------------------------------
_FEATURE_OF: dict[str, tuple[str, str, str]] = {}  # nodeid -> (feature file, feature title, scenario): progress, JUnit
_CURRENT: list[str] = []
_SEEN: set[str] = set()  # under xdist: the feature files the controller has announced
FEATURE_ATTR = "harness_feature"  # on a scenario's reports: [feature file, title, scenario], carried from a worker


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def _distributed(config) -> bool:
    """The controller of an xdist run (``-n N``): it collects nothing, its workers run the scenarios."""
    return not _is_worker(config) and getattr(config.option, "dist", "no") != "no" and bool(
        getattr(config.option, "tx", None) or getattr(config.option, "numprocesses", None))


def _say(config, line: str) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_line(line, bold=True)


def pytest_runtest_logstart(nodeid, location):
    """Outside output capture: a line when the run moves on to the next feature file (--feature-progress)."""
    feature = _FEATURE_OF.get(nodeid)
    if feature is None or not _REPORTER or (_CURRENT and _CURRENT[-1] == feature[0]):
        return
    _CURRENT.append(feature[0])
    _REPORTER[0].ensure_newline()
    _REPORTER[0].write_line(f"▶ features/{feature[0]} — {feature[1]}", bold=True)


_REPORTER: list = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under xdist the controller never sees the items: the reports carry the scenario's feature file to it."""
    outcome = yield
    if item.nodeid in _FEATURE_OF:  # also read by the JUnit names (_junit_names), in one process or under xdist
        setattr(outcome.get_result(), FEATURE_ATTR, list(_FEATURE_OF[item.nodeid]))


@pytest.hookimpl(tryfirst=True)  # before the junitxml plugin records the report
def pytest_runtest_logreport(report):
    """The JUnit names of a scenario; on the controller of ``-n N`` a progress line the first time a worker starts a
    scenario of a feature file."""
    feature = getattr(report, FEATURE_ATTR, None)
    config = _CONFIG[0] if _CONFIG else None
    if feature and config is not None and not _is_worker(config):
        _junit_names(config, report, feature)
    if (not feature or report.when != "setup" or config is None or _is_worker(config) or feature[0] in _SEEN
            or not config.getoption("--feature-progress", default=False) or not _distributed(config)):
        return
    _SEEN.add(feature[0])
    node = getattr(report, "node", None)
    worker = getattr(getattr(node, "gateway", None), "id", None) or getattr(report, "worker_id", None)
    _say(config, f"▶ features/{feature[0]} — {feature[1]}" + (f"  [{worker}]" if worker else ""))


_CONFIG: list = []


def _junit_names(config, report, feature) -> None:
    """--junitxml: a scenario's test case is named by its scenario and the spec IDs it cites, in the class of its
    feature file, so CI test tabs (GitLab, dorny/test-reporter, Jenkins) show which statement broke."""
    from _pytest.junitxml import xml_key
    xml = config.stash.get(xml_key, None)
    if xml is None:
        return
    ids = sorted(k for k in report.keywords if spec.ID_TAG.match(k))
    example = report.nodeid.partition("[")[2].rstrip("]")
    name = feature[2] + (f" [{example}]" if example else "") + (f" ({' '.join(ids)})" if ids else "")
    reporter = xml.node_reporter(report)
    reporter.add_attribute("name", name)
    reporter.add_attribute("classname", "features." + feature[0].removesuffix(".feature").replace("/", "."))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    progress = session.config.getoption("--feature-progress", default=False)
    if progress:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None and not _is_worker(session.config):
            _REPORTER.append(reporter)
    for item in session.items:
        template = _template(item)
        if template is not None:
            _FEATURE_OF[item.nodeid] = (template.feature.rel_filename, template.feature.name, template.name)


# tracing, started by the ui fixture -------------------------------------------------------------------
def begin_tracing(context, config) -> None:
    """Called by the ``ui`` fixture for each new browser context: DOM snapshots before and after every action, the
    screencast only with ``--trace-screenshots on`` (it cost the My APLUS features 72 s against 46 s without it)."""
    if _tracing(config) != "off":
        context.tracing.start(screenshots=config.getoption("trace_screenshots", default="off") == "on", snapshots=True,
                              sources=False)


def _tracing(config) -> str:
    return config.getoption("tracing", default="off") or "off"


def _screenshot(config) -> str:
    """on / off / only-on-failure, from --screenshot or its old spelling --screenshots always / on-failure."""
    value = config.getoption("screenshot", default="only-on-failure") or "only-on-failure"
    return {"always": "on", "on-failure": "only-on-failure"}.get(value, value)


def _artifacts_dir(request) -> Path:
    """--output/<scenario>: one folder per scenario, as pytest-playwright names them."""
    slug = "".join(c if c.isalnum() or c in "-_." else "-" for c in request.node.nodeid.split("::")[-1])[:120]
    return Path(request.config.getoption("output", default=None) or "reports/test-results") / slug


# video (--video), started and finished by the ui fixture ------------------------------------------------
def begin_video(options: dict, config) -> dict:
    """The browser context's options with ``record_video_dir`` when --video is on or retain-on-failure."""
    if (config.getoption("video", default="off") or "off") != "off":
        return {**options, "record_video_dir": str(Path(config.getoption("output", default=None) or "reports/test-results") / ".videos"),
                "record_video_size": options.get("viewport") or {"width": 1000, "height": 900}}
    return options


def _ffmpeg() -> bool:
    """Playwright records videos with its own ffmpeg build (``playwright install ffmpeg``)."""
    import glob
    browsers = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or os.path.expanduser("~/.cache/ms-playwright")
    return bool(glob.glob(os.path.join(browsers, "ffmpeg-*", "ffmpeg-*")))


def end_video(page, request) -> None:
    """After the context is closed (the file is complete then): keep and attach the video, or delete it."""
    mode = request.config.getoption("video", default="off") or "off"
    video = getattr(page, "video", None)
    if mode == "off" or video is None:
        return
    path = Path(_quietly(video.path) or "")
    if not path.is_file():
        return
    if mode == "on" or request.node.stash.get(FAILED, False):
        kept = _artifacts_dir(request) / "video.webm"
        kept.parent.mkdir(parents=True, exist_ok=True)
        path.replace(kept)
        allure.attach.file(str(kept), name="動画 (video)", extension="webm")
    else:
        path.unlink(missing_ok=True)


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
        failed = request.node.stash.get(FAILED, False)
        if failed:
            _attach_page(ui, request)
        elif _screenshot(request.config) == "on":
            shot = _quietly(ui.screenshot)
            if shot:
                allure.attach(shot, name="最終画面", attachment_type=AttachmentType.PNG)
        if hasattr(ui, "page") and _tracing(request.config) != "off" and not failed:
            if _tracing(request.config) == "on":
                _attach_trace(ui, request)
            else:
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


def _attach_page(ui, request) -> None:
    if _screenshot(request.config) != "off":
        shot = _quietly(ui.screenshot)
        if shot:
            allure.attach(shot, name="失敗時の画面", attachment_type=AttachmentType.PNG)
    content = _quietly(ui.html)
    if content:
        allure.attach(content, name="失敗時のHTML", attachment_type=AttachmentType.HTML)
    if hasattr(ui, "page") and _tracing(request.config) != "off":
        _attach_trace(ui, request)


def _attach_trace(ui, request) -> None:
    """Stop the context's trace, keep it in --output/<scenario>/trace.zip and attach it."""
    path = _artifacts_dir(request) / "trace.zip"
    path.parent.mkdir(parents=True, exist_ok=True)
    _quietly(ui.page.context.tracing.stop, path=str(path))
    if path.exists():
        allure.attach.file(str(path), name="Playwright trace (npx playwright show-trace)", extension="zip")


# results that can always be written -----------------------------------------------------------------
class _Utf8Safe:
    """allure-commons writes each result as UTF-8 JSON, and a lone surrogate in it (a unit test parametrized with
    "\\ud800") stops the whole pytest run with an INTERNALERROR: escape such characters as ``\\ud800`` instead."""

    @allure_commons.hookimpl(hookwrapper=True)
    def report_result(self, result):
        _escape_surrogates(result)
        _mark_retry(result)
        yield


# retries (pytest-rerunfailures, --reruns N): every attempt stays a result of its own (Allure shows the earlier ones
# as retries); an attempt after a failed one is marked flaky, so a pass on retry never reads as a plain pass.
_ATTEMPTS: dict[str, list[str]] = {}  # historyId -> statuses of the attempts so far in this process


def _mark_retry(result) -> None:
    history_id = getattr(result, "historyId", None)
    if not history_id or not hasattr(result, "status"):
        return
    earlier = _ATTEMPTS.setdefault(history_id, [])
    if any(status in ("failed", "broken") for status in earlier):
        from allure_commons.model2 import Label, StatusDetails
        result.statusDetails = result.statusDetails or StatusDetails()
        result.statusDetails.flaky = True
        result.labels.append(Label(name="tag", value="flaky"))
        if result.status == "passed":
            result.statusDetails.message = (f"flaky: passed on attempt {len(earlier) + 1} after "
                                            f"{', '.join(earlier)}; the earlier attempts are its retries")
    earlier.append(result.status)


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
    _CONFIG[:] = [config]
    if (getattr(config.option, "video", "off") or "off") != "off" and not _ffmpeg():
        raise pytest.UsageError("--video needs Playwright's ffmpeg build, which is not installed: run "
                                "`python -m playwright install ffmpeg` where downloads work, or use --video=off")
    screenshot = getattr(config.option, "screenshot", None)  # the old spelling (--screenshots always|on-failure)
    if screenshot in ("always", "on-failure"):
        config.option.screenshot = {"always": "on", "on-failure": "only-on-failure"}[screenshot]
    if not allure_commons.plugin_manager.is_registered(_UTF8_SAFE):
        allure_commons.plugin_manager.register(_UTF8_SAFE)


def pytest_unconfigure(config):
    if allure_commons.plugin_manager.is_registered(_UTF8_SAFE):
        allure_commons.plugin_manager.unregister(_UTF8_SAFE)


# environment ------------------------------------------------------------------------------------------
_ENV: dict[str, str] = {}
ENV_KEY = "harness_environment"  # a worker's _ENV, handed to the controller in workeroutput


def remember_environment(**values: str) -> None:
    """The harness fixtures tell what they started (target URL, browser version)."""
    _ENV.update({k: str(v) for k, v in values.items()})


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist controller: what a worker started (its browser, its simulator's version)."""
    _ENV.update((getattr(node, "workeroutput", None) or {}).get(ENV_KEY, {}))


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if _is_worker(config):  # workers never write the file: the controller writes it once
        config.workeroutput[ENV_KEY] = dict(_ENV)
        return
    alluredir = config.getoption("--alluredir", default=None)
    if alluredir and _ENV:
        environment.write(environment.per_engine(_ENV, config.getoption("--browser", default="chromium")), Path(alluredir))
