"""The bad-input families of tests/fuzz/run.py on a small budget (``make fuzz`` runs ≥ 10,000 inputs): no 5xx
from any form, control or stub endpoint or the SMTP sink, and the records seeded before are intact after. Every odd
method and Host header is tried, each on a quarter of the paths (``thin=4``; ``make fuzz``: on every path)."""
from __future__ import annotations

import pytest

from .run import HOSTS, METHODS, run

pytestmark = pytest.mark.slow


def test_bad_inputs_answer_below_500_and_keep_the_records():
    report = run(inputs=400, seed=1, schemathesis=False, thin=4)
    assert report.ok, report.text()
    assert report.tally.total >= 400
    assert report.tally.inputs["odd methods"] >= len(METHODS) and report.tally.inputs["odd Host headers"] >= len(HOSTS)
