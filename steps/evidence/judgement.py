"""What one scenario found besides pass or fail, kept per step so the conformance report can judge each statement
by the step that checks it:

* a **wording deviation**: the documented text, button or field is there with other words. The scenario goes on
  (the behaviour works) and fails at its end with a ``WordingDeviation``, unless something else failed first.
* an **inferred difference**: a check of something the document does not say (a mask's shape, a date's padding, an
  attribute kind) saw something else. It never fails the scenario; it is reported as REVIEW with what was seen.

Both are attached to the scenario's Allure result as one JSON 「判定の記録」 with every step, its type and status, so
``steps.reporting.conformance`` can tell which statement a failing step decides."""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import allure
import pytest
from allure_commons.types import AttachmentType

from .wording import WordingDeviation, deviation_message

RECORD_NAME = "判定の記録"
TYPES = {"given": "given", "when": "when", "then": "then"}


@dataclass
class Finding:
    type: str  # "wording" | "inferred"
    step: str  # the Gherkin line it happened in
    what: str
    expected: str
    shown: str
    similarity: float | None = None


@dataclass
class Record:
    steps: list[dict] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    failed: bool = False
    in_scenario: bool = False  # outside a scenario (a unit test, discovery) nothing is attached
    inferring: bool = False  # inside ``inferring()``: differences are inferred, never wording or failures
    at: int = -1  # index in ``steps`` of the step running now (every step of the scenario is listed from the start)

    @property
    def current(self) -> str:
        return self.steps[self.at]["name"] if 0 <= self.at < len(self.steps) else ""

    def start(self, name: str, kind: str) -> None:
        """The step ``name`` runs: the next listed step of that name, or a new entry if it was not listed."""
        index = next((i for i in range(self.at + 1, len(self.steps))
                      if self.steps[i]["name"] == name and self.steps[i]["status"] == "not run"), None)
        if index is None:
            self.steps.append({"name": name, "type": kind, "status": "running"})
            index = len(self.steps) - 1
        self.steps[index]["status"] = "running"
        self.at = index

    def finish(self, status: str) -> None:
        if 0 <= self.at < len(self.steps):
            self.steps[self.at]["status"] = status


_RECORD: list[Record] = [Record()]


def record() -> Record:
    return _RECORD[0]


def checks(text: str) -> None:
    """The running step checks this documented text although its name does not quote it (「…画面」が表示される checks
    the sentence that tells the screen apart): the conformance report ties the step to that sentence too."""
    rec = record()
    if 0 <= rec.at < len(rec.steps):
        rec.steps[rec.at].setdefault("checks", []).append(text)


def wording(what: str, expected: str, shown: str, similarity: float) -> None:
    """A documented text found with other words: note it, let the scenario go on."""
    rec = record()
    if rec.inferring:
        inferred(what, expected, f"{shown} (similarity {similarity:.2f})")
        return
    rec.findings.append(Finding("wording", rec.current, what, expected, shown, round(similarity, 2)))
    _attach(deviation_message(what, expected, shown, similarity), "文言の相違", AttachmentType.TEXT)


def inferred(what: str, expected: str, shown: str) -> None:
    """An inferred (@推定) detail differs from what the harness assumed: REVIEW, never a failure."""
    rec = record()
    rec.findings.append(Finding("inferred", rec.current, what, expected, shown))
    _attach(f"{what}: expected {expected!r}, the page shows {shown!r}", "推定との相違 (REVIEW)", AttachmentType.TEXT)


def shown_in_dialog(what: str, expected: str, message: str) -> None:
    """A documented text the site showed in a browser dialog (alert / confirm), not on the page: it is shown; said so."""
    _attach(f"{what} 「{expected}」 shown in a browser dialog: 「{message}」", "ダイアログで表示", AttachmentType.TEXT)


def _attach(body: str, name: str, kind) -> None:
    if record().in_scenario:
        allure.attach(body, name=name, attachment_type=kind)


@contextmanager
def inferring(what: str, expected: str):
    """Check something the documents do not say: a difference (or an absence) is noted as REVIEW and the scenario
    goes on, so an inferred detail can never fail a documented scenario."""
    rec = record()
    before, rec.inferring = rec.inferring, True
    try:
        yield
    except AssertionError as exc:
        inferred(what, expected, str(exc).splitlines()[0][:300])
    finally:
        rec.inferring = before


def check_inferred(ok: bool, what: str, expected: str, shown: str) -> None:
    if not ok:
        inferred(what, expected, shown)


# hooks -------------------------------------------------------------------------------------------------
def _line(step) -> dict:
    return {"name": f"{step.keyword} {step.name}", "type": TYPES.get(step.type, step.type), "status": "not run"}


def pytest_bdd_before_scenario(request, feature, scenario):
    # every step is listed before any runs, so a statement only a later step checks is "not reached" when an earlier
    # step fails, never "tied to no step" (which would let the scenario's failure decide it)
    _RECORD[0] = Record(in_scenario=True, steps=[_line(step) for step in getattr(scenario, "steps", [])])


def pytest_bdd_before_step(request, feature, scenario, step, step_func):
    line = _line(step)
    record().start(line["name"], line["type"])


def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    record().finish("passed")


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    rec = record()
    rec.failed = True
    rec.finish("failed" if isinstance(exception, AssertionError) else "broken")


@pytest.hookimpl(wrapper=True)
def pytest_bdd_after_scenario(request, feature, scenario):
    result = yield
    rec = record()
    if rec.steps or rec.findings:
        _attach(json.dumps({"steps": rec.steps, "findings": [asdict(f) for f in rec.findings]}, ensure_ascii=False, indent=1),
                RECORD_NAME, AttachmentType.JSON)
    _RECORD[0] = Record()
    words = [f for f in rec.findings if f.type == "wording"]  # rec: the scenario's record, kept above
    if words and not rec.failed:
        raise WordingDeviation("; ".join(deviation_message(f.what, f.expected, f.shown, f.similarity or 0) for f in words)
                               + f" (in: {', '.join(dict.fromkeys(f.step for f in words))})")
    return result
