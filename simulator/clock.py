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
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            if self._frozen is not None:
                self._frozen += timedelta(seconds=seconds)
            else:
                self._offset += timedelta(seconds=seconds)
        return self.now()

    def resume(self) -> None:
        """Back to real time (offset kept at zero)."""
        with self._lock:
            self._frozen = None
            self._offset = timedelta()

    @property
    def frozen(self) -> bool:
        return self._frozen is not None
