"""The simulator's clock: frozen, moved forward only, resumed without going back; and its control API."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.clock import EARLIEST, JST, LATEST, Clock
from simulator.control import DEFAULT_EPOCH

AT = datetime(2026, 4, 1, 10, 0, tzinfo=JST)


def test_a_frozen_clock_stands_still_and_reads_jst():
    clock = Clock()
    clock.freeze(datetime(2026, 4, 1, 10, 0))  # naive times are read as JST
    assert clock.frozen and clock.now() == AT == clock.now()
    assert clock.now().utcoffset() == timedelta(hours=9)


def test_advance_moves_a_frozen_clock_exactly():
    clock = Clock()
    clock.freeze(AT)
    assert clock.advance(300) == AT + timedelta(seconds=300)
    assert clock.advance(0.5) == AT + timedelta(seconds=300.5)


def test_advance_moves_a_running_clock_ahead_of_real_time():
    clock = Clock()
    before = datetime.now(JST)
    clock.advance(3600)
    assert clock.now() >= before + timedelta(seconds=3600)


@pytest.mark.parametrize("seconds", [-1, -0.001])
def test_the_clock_never_moves_backwards(seconds):
    clock = Clock()
    clock.freeze(AT)
    with pytest.raises(ValueError):
        clock.advance(seconds)
    assert clock.now() == AT


@given(st.lists(st.floats(0, 10**6, allow_nan=False), max_size=20))
def test_readings_never_decrease_whatever_the_steps(steps):
    clock = Clock()
    clock.freeze(AT)
    readings = [clock.now()] + [clock.advance(s) for s in steps]
    assert readings == sorted(readings)


def test_resume_after_a_past_freeze_returns_to_real_time():
    clock = Clock()
    clock.freeze(datetime(2020, 1, 1, tzinfo=JST))
    clock.resume()
    assert not clock.frozen and abs(clock.now() - datetime.now(JST)) < timedelta(seconds=5)


def test_resume_after_a_future_freeze_runs_on_from_there():
    clock = Clock()
    future = datetime.now(JST) + timedelta(days=400)
    clock.freeze(future)
    clock.resume()
    assert not clock.frozen and future <= clock.now() < future + timedelta(seconds=5)


def test_control_api_moves_the_clock(site):
    http = site.client
    assert http.post("/_control/reset").json()["clock"] == {"now": DEFAULT_EPOCH.isoformat(), "frozen": True}
    assert http.post("/_control/clock", json={"advance_seconds": 301}).json()["now"] == (
        DEFAULT_EPOCH + timedelta(seconds=301)).isoformat()
    assert http.post("/_control/clock", json={"set": "2026-05-01T09:00:00+09:00"}).json()["now"] == "2026-05-01T09:00:00+09:00"
    assert http.get("/_control/clock").json() == {"now": "2026-05-01T09:00:00+09:00", "frozen": True}


@pytest.mark.parametrize("body", [{"advance_seconds": -1}, {"advance_seconds": "60"}, {"advance_seconds": True},
                                  {"set": "tomorrow"}, {"set": None}, {"advance_seconds": None}, {"resume": "yes"}, {}, [],
                                  {"set": "2026-05-01T00:00:00+09:00", "advance_seconds": -1},
                                  {"set": "2026-05-01T00:00:00+09:00", "resume": 1}])
def test_control_api_refuses_impossible_moves_and_changes_nothing(site, body):
    http = site.client
    http.post("/_control/reset")
    resp = http.post("/_control/clock", json=body)
    assert resp.status_code == 400 and resp.json()["error"]
    assert http.get("/_control/clock").json() == {"now": DEFAULT_EPOCH.isoformat(), "frozen": True}  # nothing half done


@pytest.mark.parametrize("body", [{"advance_seconds": 1e300}, {"advance_seconds": 10**12},
                                  {"set": "9999-12-31T23:59:59+09:00", "advance_seconds": 86400},
                                  {"set": "9999-12-31T23:59:59-14:00"}])
def test_moves_past_the_clocks_range_stop_at_its_end(site, body):
    """Changed (issue 13): these were refused with 400 (or answered 500 for a `set` beyond datetime's range);
    every move the contract allows is now carried out, and the clock stops at the end of its range."""
    http = site.client
    http.post("/_control/reset")
    resp = http.post("/_control/clock", json=body)
    assert resp.status_code == 200, resp.text
    assert resp.json()["now"] == LATEST.isoformat()


def test_a_set_before_the_clocks_range_stops_at_its_start(site):
    resp = site.client.post("/_control/clock", json={"set": "0001-01-01T00:00:00+14:00"})
    assert resp.status_code == 200 and resp.json()["now"] == EARLIEST.isoformat()
