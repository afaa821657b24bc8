"""The fan club pages read the User-Agent header (no browser): every catalogue row that is 動作保証外 gets the note
with its own label and the guidance; supported and unknown agents get none; the page says it varies by agent."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from .asgi_client import TestClient

from simulator.app import create_app
from simulator.browser_support import NOTICE_LINES, classify, guidance

ROWS = yaml.safe_load((Path(__file__).resolve().parents[1] / "fixtures" / "user_agents.yaml").read_text(encoding="utf-8"))
PAGES = ("/fanclub/first-login", "/fanclub/login", "/fanclub/faq")
NOTE = 'role="note"'


@pytest.fixture(scope="module")
def client():
    from simulator.settings import Settings
    with TestClient(create_app(Settings(db_path=":memory:"))) as c:
        yield c


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
@pytest.mark.parametrize("path", PAGES)
def test_note_follows_the_catalogue(client, row, path):
    page = client.get(path, headers={"User-Agent": row["user_agent"]})
    assert page.status_code == 200
    assert "User-Agent" in page.headers.get("vary", "")
    if row["supported"]:
        assert NOTE not in page.text
    else:
        note = page.text[page.text.index(NOTE):page.text.index("</aside>")]
        assert guidance(classify(row["user_agent"])) in note and f"（{row['label_ja']}）" in note
        assert all(line in note for line in NOTICE_LINES)
        assert 'role="alert"' not in page.text


@pytest.mark.parametrize("ua", ["", "curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)"])
def test_unknown_agents_get_no_note(client, ua):
    assert NOTE not in client.get("/fanclub/first-login", headers={"User-Agent": ua}).text
