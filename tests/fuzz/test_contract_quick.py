"""simulator/openapi.yaml says exactly what the simulator does: schemathesis (all checks, examples / coverage /
fuzzing / stateful phases) over the control API and the stubs of a live simulator finds no mismatch. Quick
budget here (``make test``); ``make fuzz`` runs the same with a large one (tests/fuzz/run.py)."""
from __future__ import annotations

import pytest

from .schemathesis_run import run_schemathesis

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live():
    from .live import start_live
    running = start_live()
    yield running
    running.stop()


@pytest.mark.parametrize("part", ["control", "stubs"])
def test_schemathesis_finds_no_mismatch(live, part):
    result = run_schemathesis(live, part, max_examples=5, seed=1)
    assert result.ok, result.output[-4000:]
    assert result.cases > 0
