"""A controllable clock: real time by default, frozen or moved by the control API."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9), "JST")


class Clock:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frozen: datetime | None = None
        self._offset = timedelta()

    def now(self) -> datetime:
        with self._lock:
            if self._frozen is not None:
                return self._frozen
            return datetime.now(JST) + self._offset

    def freeze(self, at: datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=JST)
        with self._lock:
            self._frozen = at.astimezone(JST)

    def advance(self, seconds: float) -> datetime:
        if not seconds >= 0:  # also refuses NaN
            raise ValueError("the clock only moves forward")
        with self._lock:
            try:
                step = timedelta(seconds=seconds)
                if self._frozen is not None:
                    self._frozen += step
                else:
                    datetime.now(JST) + self._offset + step  # would it still be a date?
                    self._offset += step
            except OverflowError as exc:
                raise ValueError("the clock cannot move past the year 9999") from exc
        return self.now()

    def resume(self) -> None:
        """Let time run again: back to real time, or on from the frozen moment if that is later (never backwards)."""
        with self._lock:
            if self._frozen is not None:
                self._offset = max(timedelta(), self._frozen - datetime.now(JST))
            self._frozen = None

    @property
    def frozen(self) -> bool:
        return self._frozen is not None
