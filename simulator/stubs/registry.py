"""The stubs' memory: recorded calls, seeded canned data and injected faults, behind one lock.

With a ``path`` (an SQLite file, e.g. the simulator's own store) everything is also written there and read back
at start, so a restart keeps what the stubs received, the charges seeded and the faults armed.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

from ..web import clean_text

KINDS = ("mail", "sms", "call")
FAULT_MODES = ("status", "delay", "timeout", "drop")
SCHEMA = """
CREATE TABLE IF NOT EXISTS stubs_records (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stubs_canned (bucket TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (bucket, key));
CREATE TABLE IF NOT EXISTS stubs_faults (service TEXT PRIMARY KEY, data TEXT NOT NULL);
"""


def _clean(value):
    """Text made storable and answerable in UTF-8 (lone surrogates replaced), recursively."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


class Registry:
    def __init__(self, path: str | None = None, max_delay_seconds: float = 30.0) -> None:
        self._lock = threading.RLock()
        self.max_delay_seconds = max_delay_seconds  # the longest a delay / timeout fault holds a call
        self._db = None
        self.records: dict[str, list[dict]] = {}
        self.faults: dict[str, dict] = {}
        self.canned: dict[str, dict] = {}
        self._holds: set[tuple] = set()  # (event loop, asyncio.Event) of the calls a delay / timeout fault holds
        first_id = 1
        if path:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
            self._db.executescript(SCHEMA)
            for row_id, kind, data in self._db.execute("SELECT id, kind, data FROM stubs_records ORDER BY id"):
                self.records.setdefault(kind, []).append(json.loads(data))
                first_id = row_id + 1
            for bucket, key, data in self._db.execute("SELECT bucket, key, data FROM stubs_canned"):
                self.canned.setdefault(bucket, {})[key] = json.loads(data)
            for service, data in self._db.execute("SELECT service, data FROM stubs_faults"):
                self.faults[service] = json.loads(data)
        self._ids = itertools.count(first_id)

    def _write(self, sql: str, params=()) -> None:
        if self._db is not None:
            self._db.execute(sql, params)

    def reset(self) -> None:
        with self._lock:
            self.records, self.faults, self.canned = {}, {}, {}
            for table in ("stubs_records", "stubs_canned", "stubs_faults"):
                self._write(f"DELETE FROM {table}")
        self.release()

    def record(self, kind: str, **fields) -> dict:
        with self._lock:
            entry = {"id": next(self._ids), "kind": kind, "received_at": datetime.now(timezone.utc).isoformat(),
                     **_clean(fields)}
            self.records.setdefault(kind, []).append(entry)
            self._write("INSERT INTO stubs_records (id, kind, data) VALUES (?, ?, ?)",
                        (entry["id"], kind, json.dumps(entry, ensure_ascii=False)))
        return entry

    def list(self, kind: str, **filters) -> list[dict]:
        with self._lock:
            items = list(self.records.get(kind, []))
        for key, value in filters.items():
            if value is not None:
                items = [i for i in items if str(i.get(key, "")) == str(value)]
        return items

    # faults -------------------------------------------------------------------------------------
    def set_fault(self, service: str, status: int = 503, times: int = 1, mode: str = "status", skip: int = 0,
                  delay_ms: int = 1000) -> dict:
        fault = {"service": service, "mode": mode, "status": status, "times": times, "skip": skip, "delay_ms": delay_ms}
        with self._lock:
            self.faults[service] = dict(fault)
            self._write("INSERT OR REPLACE INTO stubs_faults (service, data) VALUES (?, ?)", (service, json.dumps(fault)))
        return fault

    def take(self, service: str) -> dict | None:
        """The fault this call meets, if one is armed for the service and its turn has come (``skip`` calls
        pass first, then ``times`` calls meet it)."""
        with self._lock:
            fault = self.faults.get(service)
            if not fault:
                return None
            if fault.get("skip", 0) > 0:
                fault["skip"] -= 1
                met = None
            else:
                fault["times"] -= 1
                met = dict(fault)
            if fault["times"] <= 0:
                del self.faults[service]
                self._write("DELETE FROM stubs_faults WHERE service = ?", (service,))
            else:
                self._write("UPDATE stubs_faults SET data = ? WHERE service = ?", (json.dumps(fault), service))
            return met

    def take_fault(self, service: str) -> int | None:
        """The status to fail this call with (mode ``status`` only; kept for callers that know nothing else)."""
        fault = self.take(service)
        return fault["status"] if fault else None

    async def hold(self, fault: dict, until=None) -> None:
        """Hold a call for the fault's time: no sleep, a wait that ends at the first of ``hold_seconds``, a
        ``release()`` (``DELETE /_stubs``: the scenario is over) or ``until`` (an awaitable: the caller hung up)."""
        released = asyncio.Event()
        entry = (asyncio.get_running_loop(), released)
        with self._lock:
            self._holds.add(entry)
        waits = [asyncio.ensure_future(released.wait())] + ([asyncio.ensure_future(until)] if until else [])
        try:
            await asyncio.wait(waits, timeout=self.hold_seconds(fault), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()
            with self._lock:
                self._holds.discard(entry)

    def release(self) -> None:
        """End every held call now (from any thread: the HTTP stubs and the SMTP sink run their own loops)."""
        with self._lock:
            holds = list(self._holds)
        for loop, event in holds:
            if not loop.is_closed():
                loop.call_soon_threadsafe(event.set)

    def hold_seconds(self, fault: dict) -> float:
        if fault["mode"] == "delay":
            return min(fault.get("delay_ms", 0) / 1000, self.max_delay_seconds)
        return self.max_delay_seconds

    # canned data ------------------------------------------------------------------------------------
    def put(self, bucket: str, key: str, value: dict) -> None:
        value, key = _clean(value), clean_text(key)
        with self._lock:
            self.canned.setdefault(bucket, {})[key] = value
            self._write("INSERT OR REPLACE INTO stubs_canned (bucket, key, data) VALUES (?, ?, ?)",
                        (bucket, key, json.dumps(value, ensure_ascii=False)))

    def get(self, bucket: str, key: str) -> dict | None:
        with self._lock:
            return self.canned.get(bucket, {}).get(key)

    def bucket(self, bucket: str) -> dict:
        with self._lock:
            return dict(self.canned.get(bucket, {}))

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
                self._db = None
