"""A controllable clock: real time by default, frozen or moved by the control API.

The clock has a range, ``EARLIEST`` .. ``LATEST`` (the years 1 to 9999 less a day each side, so that any
offset a site adds to "now", such as a lock window, still reads as a date). A move that would leave the range
stops at its edge instead of failing: every request the contract allows is carried out. Its state can be
persisted (``bind``), so a restart keeps a frozen or moved clock.
"""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from typing import Callable

JST = timezone(timedelta(hours=9), "JST")
EARLIEST = datetime(1, 1, 3, tzinfo=JST)
LATEST = datetime(9999, 12, 30, tzinfo=JST)


def clamp(moment: datetime) -> datetime:
    return min(max(moment, EARLIEST), LATEST)


def later(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta``, stopping at the end of the clock's range rather than raising OverflowError."""
    try:
        return clamp(moment + delta)
    except OverflowError:
        return LATEST if delta > timedelta() else EARLIEST


def parse_moment(text: str) -> datetime:
    """An ISO-8601 / RFC 3339 time (JST when it has no offset), brought into the clock's range.

    Raises ValueError when it is not a time. RFC 3339 forms Python's parser refuses are taken too: a lower-case
    ``t`` / ``z`` and a leap second (read as second 59)."""
    if not isinstance(text, str) or not 10 <= len(text) <= 64 or not text.isascii():
        raise ValueError("set must be an ISO-8601 time such as 2026-04-01T10:00:00+09:00")
    text = text.upper()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    if len(text) >= 19 and text[16:19] == ":60":
        text = text[:17] + "59" + text[19:]
    try:
        at = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"set is not an ISO-8601 time: {exc}") from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=JST)
    try:
        return clamp(at.astimezone(JST))
    except OverflowError:  # beyond year 1 / 9999 once in JST
        return EARLIEST if at.year < 5000 else LATEST


class Clock:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frozen: datetime | None = None
        self._offset = timedelta()
        self._on_change: Callable[[dict], None] | None = None

    # reading -------------------------------------------------------------------
    def now(self) -> datetime:
        with self._lock:
            return self._now()

    def _now(self) -> datetime:
        if self._frozen is not None:
            return self._frozen
        return later(datetime.now(JST), self._offset)

    @property
    def frozen(self) -> bool:
        return self._frozen is not None

    # moving --------------------------------------------------------------------
    def freeze(self, at: datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=JST)
        try:
            at = clamp(at.astimezone(JST))
        except OverflowError:
            at = EARLIEST if at.year < 5000 else LATEST
        with self._lock:
            self._frozen = at
        self._changed()

    def advance(self, seconds: float) -> datetime:
        check_seconds(seconds)
        with self._lock:
            self._advance(seconds)
        self._changed()
        return self.now()

    def _advance(self, seconds: float) -> None:
        try:
            step = timedelta(seconds=seconds)
        except OverflowError:
            step = LATEST - EARLIEST
        if self._frozen is not None:
            self._frozen = later(self._frozen, step)
        else:
            real = datetime.now(JST)
            self._offset = later(later(real, self._offset), step) - real

    def resume(self) -> None:
        """Let time run again: back to real time, or on from the frozen moment if that is later (never backwards)."""
        with self._lock:
            self._resume()
        self._changed()

    def _resume(self) -> None:
        if self._frozen is not None:
            self._offset = max(timedelta(), self._frozen - datetime.now(JST))
        self._frozen = None

    def move(self, set_at: datetime | None = None, advance_seconds: float | None = None, resume: bool = False) -> datetime:
        """The control API's move, all of it or nothing: check first, then set, advance, resume (in that order)."""
        if advance_seconds is not None:
            check_seconds(advance_seconds)
        with self._lock:
            if set_at is not None:
                self._frozen = clamp(set_at)
            if advance_seconds is not None:
                self._advance(advance_seconds)
            if resume:
                self._resume()
            now = self._now()
        self._changed()
        return now

    # persistence ---------------------------------------------------------------
    def state(self) -> dict:
        with self._lock:
            return {"frozen": self._frozen.isoformat() if self._frozen is not None else None,
                    "offset_seconds": self._offset.total_seconds()}

    def restore(self, state: dict) -> None:
        with self._lock:
            self._frozen = datetime.fromisoformat(state["frozen"]) if state.get("frozen") else None
            self._offset = timedelta(seconds=float(state.get("offset_seconds") or 0))

    def bind(self, on_change: Callable[[dict], None]) -> None:
        """Call ``on_change(state)`` after every move (the app persists it in the store)."""
        self._on_change = on_change

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.state())


def check_seconds(seconds) -> None:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise ValueError("advance_seconds must be a number")
    if not seconds >= 0:  # also refuses NaN
        raise ValueError("the clock only moves forward")
