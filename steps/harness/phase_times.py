"""``--phase-times``: where a feature run's time goes, as a table at the end of the run.

Per scenario: *setup* (fixtures: the site's reset, the browser context or page), the *Given*, *When* and *Then* steps
(each step counted under the keyword it continues: an 「かつ」 after a Given is Given time; fixtures a step asks for
first, such as the browser page, count in that step), and *teardown* (evidence,
closing the page). Across the run: *start-up* (pytest start to the first scenario's start: plugins and collection;
the simulator and the browser start inside the first scenario's first step) and the wall-clock total. Under ``-n N`` the workers' scenario times are
summed (they overlap), so their sum exceeds the wall clock; the table says so. Then the steps that took longest in all.
A retried scenario (``--reruns``) counts its time once per attempt and as one scenario. README: Suite times."""
from __future__ import annotations

import time

import pytest

PHASES = ("setup", "given", "when", "then", "teardown")
_KEY = pytest.StashKey[dict]()
_PROPERTY = "phase-times"
SLOWEST = 12


def pytest_addoption(parser):
    parser.getgroup("harness").addoption(
        "--phase-times", action="store_true", default=False,
        help="print where the run's time went: start-up, and per scenario setup / Given / When / Then / teardown")


class _Totals:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.first_test: float | None = None
        self.seconds = dict.fromkeys(PHASES, 0.0)
        self.scenarios = 0
        self.workers: set[str] = set()
        self.steps: dict[str, tuple[int, float]] = {}  # "given: text" -> (scenarios, seconds)


_TOTALS: list[_Totals] = []


def _on(config) -> bool:
    return bool(config.getoption("--phase-times", default=False))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    if _on(config):
        _TOTALS[:] = [_Totals()]


def pytest_bdd_before_step(request, feature, scenario, step, step_func):
    if _on(request.config):
        request.node.stash.setdefault(_KEY, {})["_started"] = time.perf_counter()


def _step_done(request, step) -> None:
    if not _on(request.config):
        return
    times = request.node.stash.setdefault(_KEY, {})
    started = times.pop("_started", None)
    if started is not None:
        kind = step.type if step.type in ("given", "when", "then") else "then"
        seconds = time.perf_counter() - started
        times[kind] = times.get(kind, 0.0) + seconds
        steps = times.setdefault("_steps", {})
        steps[f"{kind}: {step.name}"] = steps.get(f"{kind}: {step.name}", 0.0) + seconds


def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    _step_done(request, step)


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    _step_done(request, step)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if call.when == "call" and _on(item.config):
        stash, item.stash[_KEY] = item.stash.get(_KEY, {}), {}  # a rerun starts from nothing
        times = {k: v for k, v in stash.items() if not k.startswith("_")}
        times["steps"] = stash.get("_steps", {})
        outcome.get_result().user_properties.append((_PROPERTY, times))  # travels to the xdist controller


def pytest_runtest_logreport(report):
    if not _TOTALS:
        return
    totals = _TOTALS[0]
    if totals.first_test is None:
        totals.first_test = time.perf_counter() - (report.duration if report.when == "setup" else 0.0)
    worker = getattr(report, "worker_id", None) or getattr(getattr(report, "node", None), "workerinput", {}).get("workerid")
    if worker:
        totals.workers.add(worker)
    if report.when in ("setup", "teardown"):
        totals.seconds[report.when] += report.duration
    elif report.when == "call":
        totals.scenarios += report.outcome != "rerun"
        for name, value in report.user_properties:
            if name == _PROPERTY:
                for kind, seconds in value.items():
                    if kind == "steps":
                        for text, step_seconds in seconds.items():
                            count, total = totals.steps.get(text, (0, 0.0))
                            totals.steps[text] = (count + 1, total + step_seconds)
                    else:
                        totals.seconds[kind] += seconds


def summary(totals: _Totals, now: float) -> list[str]:
    """The table's lines (a function of its own so that tests read it without a run)."""
    wall = now - totals.started
    startup = (totals.first_test - totals.started) if totals.first_test is not None else wall
    scenario_sum = sum(totals.seconds.values())
    lines = [f"start-up (before the first scenario) {startup:8.1f} s",
             f"{totals.scenarios} scenarios{f' on {len(totals.workers)} workers (times summed)' if totals.workers else ''}:"]
    for phase in PHASES:
        share = 100 * totals.seconds[phase] / scenario_sum if scenario_sum else 0.0
        per = 1000 * totals.seconds[phase] / totals.scenarios if totals.scenarios else 0.0
        lines.append(f"  {phase:<9} {totals.seconds[phase]:8.1f} s  {share:5.1f} %  {per:6.0f} ms a scenario")
    lines.append(f"wall clock {wall:8.1f} s")
    slowest = sorted(totals.steps.items(), key=lambda kv: -kv[1][1])[:SLOWEST]
    if slowest:
        lines.append(f"the {len(slowest)} steps that took longest in all (seconds, scenarios, ms each):")
        lines += [f"  {total:7.1f} s  {count:4d} × {1000 * total / count:6.0f} ms  {text}" for text, (count, total) in slowest]
    return lines


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _TOTALS or not _on(config) or hasattr(config, "workerinput"):
        return
    terminalreporter.section("where the time went (--phase-times)")
    for line in summary(_TOTALS[0], time.perf_counter()):
        terminalreporter.write_line(line)
