"""Coverage of the two documents by the features (no browser): every testable statement of the catalogue is cited
by at least one scenario tag, and every ID-shaped tag names a statement that exists. Removing a scenario, or
mistyping a tag, fails here with the list of IDs."""
from __future__ import annotations

import pytest

from steps.reporting.catalogue import SITES, load
from steps.reporting.coverage import coverage, explain
from steps.reporting.features import FEATURES_DIR


@pytest.mark.parametrize("site", SITES)
def test_every_testable_statement_has_a_scenario(site):
    cov = coverage(site)
    if cov.untagged:
        pytest.fail(explain(cov), pytrace=False)


@pytest.mark.parametrize("site", SITES)
def test_every_id_tag_names_a_statement(site):
    cov = coverage(site)
    if cov.unknown:
        pytest.fail(explain(cov), pytrace=False)


@pytest.mark.parametrize("site", SITES)
def test_untestable_statements_say_why(site):
    silent = [s.id for s in load(site).statements if not s.testable and not s.reason.strip()]
    assert not silent, f"testable: false without a reason: {silent}"


def test_features_exist_for_every_site():
    assert all(any((FEATURES_DIR / site).glob("*.feature")) for site in SITES)


def test_coverage_notices_a_removed_scenario(monkeypatch):
    """The check itself: drop the only scenario citing a statement and it reports that statement."""
    import steps.reporting.coverage as module
    real = module.scan
    victim = next(s.id for s in load("myaplus").statements if s.testable)

    def without_victim(site):
        refs = real(site)
        for ref in refs:
            ref.ids.discard(victim)
            for ids in ref.example_ids.values():
                ids.discard(victim)
        return refs

    monkeypatch.setattr(module, "scan", without_victim)
    assert victim in coverage("myaplus").untagged
