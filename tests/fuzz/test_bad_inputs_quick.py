"""The bad-input families of tests/fuzz/run.py on a small budget (``make fuzz`` runs ≥ 10,000 inputs): no 5xx
from any form, control or stub endpoint or the SMTP sink, and the records seeded before are intact after."""
from __future__ import annotations

from .run import run


def test_bad_inputs_answer_below_500_and_keep_the_records():
    report = run(inputs=400, seed=1, schemathesis=False)
    assert report.ok, report.text()
    assert report.tally.total >= 400
