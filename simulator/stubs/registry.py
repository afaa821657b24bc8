"""The stubs' memory: recorded calls, seeded canned data and injected faults, behind one lock."""
from __future__ import annotations

import itertools
import threading
from datetime import datetime, timezone

KINDS = ("mail", "sms", "call")


class Registry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        with getattr(self, "_lock", threading.Lock()):
            self.records: dict[str, list[dict]] = {}
            self.faults: dict[str, dict] = {}
            self.canned: dict[str, dict] = {}

    def record(self, kind: str, **fields) -> dict:
        entry = {"id": next(self._ids), "kind": kind, "received_at": datetime.now(timezone.utc).isoformat(), **fields}
        with self._lock:
            self.records.setdefault(kind, []).append(entry)
        return entry

    def list(self, kind: str, **filters) -> list[dict]:
        with self._lock:
            items = list(self.records.get(kind, []))
        for key, value in filters.items():
            if value is not None:
                items = [i for i in items if str(i.get(key, "")) == str(value)]
        return items

    def set_fault(self, service: str, status: int, times: int) -> None:
        with self._lock:
            self.faults[service] = {"status": status, "times": times}

    def take_fault(self, service: str) -> int | None:
        """The status to fail this call with, if a fault is armed for the service."""
        with self._lock:
            fault = self.faults.get(service)
            if not fault:
                return None
            fault["times"] -= 1
            if fault["times"] <= 0:
                del self.faults[service]
            return fault["status"]

    def put(self, bucket: str, key: str, value: dict) -> None:
        with self._lock:
            self.canned.setdefault(bucket, {})[key] = value

    def get(self, bucket: str, key: str) -> dict | None:
        with self._lock:
            return self.canned.get(bucket, {}).get(key)

    def bucket(self, bucket: str) -> dict:
        with self._lock:
            return dict(self.canned.get(bucket, {}))
