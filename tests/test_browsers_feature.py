"""features/browsers/ stays in step with the user-agent catalogue (no browser): every row of
fixtures/user_agents.yaml is an 例 row with its own label and OS, in the outline for its direction (note shown
for 動作保証外 rows, not shown for Safari / Chrome). A row added to the catalogue without a scenario fails here."""
from __future__ import annotations

from pathlib import Path

import yaml
from pytest_bdd.parser import FeatureParser

ROOT = Path(__file__).resolve().parents[1]
ROWS = {r["id"]: r for r in yaml.safe_load((ROOT / "fixtures" / "user_agents.yaml").read_text(encoding="utf-8"))}
SHOWN, ABSENT = "向けの動作保証外の案内が表示される", "動作保証外の案内は表示されない"


def example_rows():
    """(an 例 row as a dict, the names of the outline's steps with that row filled in)."""
    feature = FeatureParser(str(ROOT / "features"), "browsers/supported_environments.feature").parse()
    for template in feature.scenarios.values():
        for examples in template.examples:
            for values in examples.as_contexts():
                yield values, [step.name for step in template.render(values).steps]


def test_every_catalogue_row_is_an_example():
    seen = {values["ID"] for values, _ in example_rows() if "ID" in values}
    assert sorted(set(ROWS) - seen) == [], "catalogue rows without a scenario"
    assert sorted(seen - set(ROWS)) == [], "example rows not in the catalogue"


def test_rows_carry_the_catalogue_label_and_os_and_the_right_direction():
    for values, steps in example_rows():
        if "ID" not in values:
            continue
        row = ROWS[values["ID"]]
        assert (values["環境"], values["OS"]) == (row["label_ja"], row["os"]), values
        shown = any(step.endswith(SHOWN) for step in steps)
        absent = any(step.endswith(ABSENT) or step.endswith(ABSENT.replace("は表示", "が表示")) for step in steps)
        assert (shown, absent) == ((False, True) if row["supported"] else (True, False)), (values["ID"], steps)
