"""Security checks whose results are ADVISORY (features/security/): what a scenario found, per check, with the clause
it measures against (ASVS 5, NIST SP 800-63B, OWASP).

A check never fails the scenario (the documents are the only oracle for FAILED): ``check()`` notes PASSED or
ADVISORY with what was seen and the scenario goes on. A finding where the document itself asks for the weaker thing
(a 4-digit code, a 20-character maximum) is marked ``on_document``: a finding on the document, not on the target.

At the end of a scenario the checks are attached as JSON 「セキュリティ所見」 (read by steps/reporting/advisory.py);
the Allure result gets the label ``verdict`` = PASSED / ADVISORY, a tag ``ADVISORY`` and a severity of its own,
and, with a finding, the status *failed* with a message starting ``ADVISORY`` (its own category in allurerc.mjs).
The pytest outcome stays passed, so ``make test`` and the gate never fail on advice; the terminal summary of the
run lists every finding."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import allure
import allure_commons
import pytest
from allure_commons.types import AttachmentType

from .clauses import CLAUSES, text as clause_text

RECORD_NAME = "セキュリティ所見"
MARKER = "security"
SEVERITY = {"target": "normal", "document": "minor", "none": "trivial"}  # a finding on the target outranks one on the document


@dataclass
class Check:
    clause: str  # e.g. "ASVS-V7.2.4"
    what: str
    expected: str
    seen: str
    verdict: str  # PASSED | ADVISORY
    on_document: bool = False  # the document itself asks for something weaker

    def line(self) -> str:
        where = " (finding on the document)" if self.on_document else ""
        return (f"ADVISORY [{self.clause}] {self.what}{where}: expected {self.expected}; seen {self.seen}"
                f" — {CLAUSES.get(self.clause, self.clause)}")


@dataclass
class Scenario:
    name: str = ""
    active: bool = False
    checks: list[Check] = field(default_factory=list)

    @property
    def findings(self) -> list[Check]:
        return [c for c in self.checks if c.verdict == "ADVISORY"]


_NOW: list[Scenario] = [Scenario()]
_RUN: list[tuple[str, Check]] = []  # every finding of this process, for the terminal summary
_PENDING: list[str] = []  # the message of the scenario just finished, for its Allure result


def current() -> Scenario:
    return _NOW[0]


def check(ok: bool, clause: str, what: str, expected: str, seen: str, on_document: bool = False) -> Check:
    """Note one check: PASSED when ``ok``, else ADVISORY. Never raises."""
    clause_text(clause)  # an unknown clause is a mistake in the step, not a finding
    entry = Check(clause, what, expected, str(seen)[:400], "PASSED" if ok else "ADVISORY", on_document and not ok)
    scenario = current()
    scenario.checks.append(entry)
    if not ok:
        _RUN.append((scenario.name, entry))
        if scenario.active:
            allure.attach(entry.line(), name=f"ADVISORY {clause}", attachment_type=AttachmentType.TEXT)
    return entry


def verdict(checks: list[Check]) -> str:
    return "ADVISORY" if any(c.verdict == "ADVISORY" for c in checks) else "PASSED"


def severity(checks: list[Check]) -> str:
    findings = [c for c in checks if c.verdict == "ADVISORY"]
    if not findings:
        return SEVERITY["none"]
    return SEVERITY["target"] if any(not c.on_document for c in findings) else SEVERITY["document"]


def message(checks: list[Check]) -> str:
    return "\n".join(c.line() for c in checks if c.verdict == "ADVISORY")


# hooks ------------------------------------------------------------------------------------------------------
def _security(request) -> bool:
    return request.node.get_closest_marker(MARKER) is not None


def pytest_bdd_before_scenario(request, feature, scenario):
    _NOW[0] = Scenario(name=scenario.name, active=_security(request))


def pytest_bdd_after_scenario(request, feature, scenario):
    done, _NOW[0] = current(), Scenario()
    if not done.active:
        return
    allure.attach(json.dumps({"verdict": verdict(done.checks), "checks": [asdict(c) for c in done.checks]},
                             ensure_ascii=False, indent=1), name=RECORD_NAME, attachment_type=AttachmentType.JSON)
    allure.dynamic.label("verdict", verdict(done.checks))
    allure.dynamic.label("severity", severity(done.checks))
    for clause in dict.fromkeys(c.clause for c in done.checks):
        allure.dynamic.label("clause", clause)
    if done.findings:
        allure.dynamic.tag("ADVISORY")
        if any(c.on_document for c in done.findings):
            allure.dynamic.tag("文書の指摘")
        _PENDING[:] = [message(done.checks)]


def finish_result(result) -> None:
    """An advisory scenario's Allure result: one severity (its own), and with a finding the status *failed* with
    the ADVISORY message, unless the scenario broke for another reason (then that reason stays)."""
    labels = getattr(result, "labels", None)
    if not labels or not any(l.name == "verdict" for l in labels):
        return
    severities = [l for l in labels if l.name == "severity"]
    for extra in severities[:-1]:  # the collection's default, replaced by the advisory one added at the end
        labels.remove(extra)
    pending, _PENDING[:] = list(_PENDING), []
    if pending and getattr(result, "status", None) == "passed":
        from allure_commons.model2 import StatusDetails
        result.status = "failed"
        result.statusDetails = StatusDetails(message=pending[0])


class _AdvisoryResults:
    @allure_commons.hookimpl(hookwrapper=True)
    def report_result(self, result):
        finish_result(result)
        yield


_PLUGIN = _AdvisoryResults()


def pytest_configure(config):
    config.addinivalue_line("markers", f"{MARKER}: security checks whose results are ADVISORY (features/security/)")
    for clause, description in CLAUSES.items():
        config.addinivalue_line("markers", f"{clause}: {description}")
    if not allure_commons.plugin_manager.is_registered(_PLUGIN):
        allure_commons.plugin_manager.register(_PLUGIN)


def pytest_unconfigure(config):
    if allure_commons.plugin_manager.is_registered(_PLUGIN):
        allure_commons.plugin_manager.unregister(_PLUGIN)


def pytest_terminal_summary(terminalreporter):
    if not _RUN:
        return
    terminalreporter.section("Security (advisory): findings, never failures")
    for name, entry in _RUN:
        terminalreporter.write_line(f"{name}: {entry.line()}")
