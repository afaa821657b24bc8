"""Speed targets run measured only under ``make bench`` (``--benchmark-only``); in a plain ``pytest`` run each
benchmarked function runs once, as a smoke test, so ``make test`` stays fast."""
from __future__ import annotations

import pytest


@pytest.fixture
def benchmark(benchmark, request):
    options = request.config.option
    if not (getattr(options, "benchmark_only", False) or getattr(options, "benchmark_enable", False)):
        benchmark.disabled = True  # pytest-benchmark then calls the function once and records nothing
    return benchmark
