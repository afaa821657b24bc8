"""4-digit verification codes (⑤ e-mail, ⑦ SMS / voice): valid for the TTL from issue, one use,
a new one voids the old, M wrong entries lock the verification function for a while."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ...clock import Clock
from ...security import new_code
from ...settings import Settings
from ...store import Store
from . import messages as msg


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str | None = None


class Codes:
    def __init__(self, store: Store, clock: Clock, settings: Settings) -> None:
        self.store, self.clock, self.settings = store, clock, settings

    def locked(self, account_id: int) -> bool:
        row = self.store.one("SELECT code_locked_until FROM myaplus_accounts WHERE id = ?", (account_id,))
        if row is None or not row["code_locked_until"]:
            return False
        if self.clock.now() < datetime.fromisoformat(row["code_locked_until"]):
            return True
        self.store.execute("UPDATE myaplus_accounts SET code_failures = 0, code_locked_until = NULL WHERE id = ?", (account_id,))
        return False

    def issue(self, account_id: int, purpose: str, channel: str) -> tuple[int, str]:
        """A new active code; earlier ones for the same purpose become void."""
        code = new_code()
        with self.store.transaction() as conn:
            conn.execute("UPDATE myaplus_codes SET state = 'void' WHERE account_id = ? AND purpose = ? AND state = 'active'", (account_id, purpose))
            cur = conn.execute(
                "INSERT INTO myaplus_codes (account_id, purpose, channel, code, issued_at) VALUES (?, ?, ?, ?, ?)",
                (account_id, purpose, channel, code, self.clock.now().isoformat()),
            )
        return cur.lastrowid, code

    def withdraw(self, code_id: int) -> None:
        """A code that could not be delivered never counts (the previous one stays void)."""
        self.store.execute("UPDATE myaplus_codes SET state = 'void' WHERE id = ?", (code_id,))

    def has_active(self, account_id: int, purpose: str) -> bool:
        return self.store.one("SELECT 1 FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active'", (account_id, purpose)) is not None

    def verify(self, account_id: int, purpose: str, entered: str) -> Verdict:
        if self.locked(account_id):
            return Verdict(False, msg.CODE_LOCKED)
        if not entered:
            return Verdict(False, msg.REQUIRED)
        active = self.store.one(
            "SELECT * FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active' ORDER BY id DESC LIMIT 1",
            (account_id, purpose),
        )
        if active is None or active["code"] != entered:
            return self._wrong(account_id)
        issued = datetime.fromisoformat(active["issued_at"])
        if self.clock.now() - issued > timedelta(seconds=self.settings.code_ttl_seconds):
            return Verdict(False, msg.CODE_EXPIRED)
        self.store.execute("UPDATE myaplus_codes SET state = 'used' WHERE id = ?", (active["id"],))
        self.store.execute("UPDATE myaplus_accounts SET code_failures = 0 WHERE id = ?", (account_id,))
        return Verdict(True)

    def _wrong(self, account_id: int) -> Verdict:
        with self.store.transaction() as conn:
            conn.execute("UPDATE myaplus_accounts SET code_failures = code_failures + 1 WHERE id = ?", (account_id,))
            failures = conn.execute("SELECT code_failures FROM myaplus_accounts WHERE id = ?", (account_id,)).fetchone()[0]
            if failures >= self.settings.code_lock_threshold:
                until = self.clock.now() + timedelta(minutes=self.settings.code_lock_minutes)
                conn.execute("UPDATE myaplus_accounts SET code_locked_until = ? WHERE id = ?", (until.isoformat(), account_id))
                return Verdict(False, msg.CODE_LOCKED)
        return Verdict(False, msg.CODE_MISMATCH)
