"""4-digit verification codes (⑤ e-mail, ⑦ SMS / voice): valid for the TTL from issue, one use,
a new one voids the old once it has been delivered (a failed send leaves the member's code as it was),
M wrong entries lock the verification function for a while, and at most ``code_send_limit`` codes are sent
per member and purpose within ``code_lock_minutes`` (推定: against SMS pumping)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ... import defects
from ...clock import Clock, later
from ...security import new_code
from ...settings import Settings
from ...store import Store
from . import messages as msg


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str | None = None
    # the right code once more, just after it was used (a double click, a second tab): no failure counted, and
    # the screen shows where the migration went on to
    repeated: bool = field(default=False, compare=False)


class Codes:
    def __init__(self, store: Store, clock: Clock, settings: Settings) -> None:
        self.store, self.clock, self.settings = store, clock, settings

    def locked(self, account_id: int) -> bool:
        row = self.store.one("SELECT code_locked_until FROM myaplus_accounts WHERE id = ?", (account_id,))
        if row is None or not row["code_locked_until"]:
            return False
        if self.clock.now() < datetime.fromisoformat(row["code_locked_until"]) or defects.on(self.settings, "code_lock_never_lifts"):
            return True
        self.store.execute("UPDATE myaplus_accounts SET code_failures = 0, code_locked_until = NULL WHERE id = ?", (account_id,))
        return False

    def issue(self, account_id: int, purpose: str, channel: str) -> tuple[int, str]:
        """A new active code; earlier ones for the same purpose become void."""
        code_id, code = self.prepare(account_id, purpose, channel)
        self.activate(code_id)
        return code_id, code

    def prepare(self, account_id: int, purpose: str, channel: str) -> tuple[int, str]:
        """A new code, not yet valid: ``activate`` it once delivered, ``withdraw`` it if the delivery failed."""
        six = defects.on(self.settings, "email_code_six_digits" if purpose == "email" else "phone_code_six_digits")
        code = new_code(6 if six else 4)
        code_id = self.store.execute(
            "INSERT INTO myaplus_codes (account_id, purpose, channel, code, issued_at, state) VALUES (?, ?, ?, ?, ?, 'pending')",
            (account_id, purpose, channel, code, self.clock.now().isoformat()))
        return code_id, code

    def activate(self, code_id: int) -> None:
        """The delivered code becomes the one to enter; earlier ones for the same purpose become void. Its
        validity runs from now (it was just handed over)."""
        with self.store.transaction() as conn:
            row = conn.execute("SELECT account_id, purpose FROM myaplus_codes WHERE id = ?", (code_id,)).fetchone()
            if row is None:
                return
            if not defects.on(self.settings, "old_code_valid_after_resend"):
                conn.execute("UPDATE myaplus_codes SET state = 'void' WHERE account_id = ? AND purpose = ? AND state = 'active'",
                             (row[0], row[1]))
            conn.execute("UPDATE myaplus_codes SET state = 'active', issued_at = ? WHERE id = ?",
                         (self.clock.now().isoformat(), code_id))

    def withdraw(self, code_id: int) -> None:
        """A code that could not be delivered never counts, and the code the member already has stays valid."""
        self.store.execute("DELETE FROM myaplus_codes WHERE id = ? AND state = 'pending'", (code_id,))
        self.store.execute("UPDATE myaplus_codes SET state = 'void' WHERE id = ? AND state = 'active'", (code_id,))

    def sends_left(self, account_id: int, purpose: str) -> int:
        """How many more codes may be sent for this purpose now (limit per code_lock_minutes window)."""
        since = later(self.clock.now(), -timedelta(minutes=self.settings.code_lock_minutes))
        sent = [r["issued_at"] for r in self.store.all(
            "SELECT issued_at FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state != 'pending'",
            (account_id, purpose))]
        recent = sum(1 for at in sent if datetime.fromisoformat(at) > since)
        return max(0, self.settings.code_send_limit - recent)

    def has_active(self, account_id: int, purpose: str) -> bool:
        return self.store.one("SELECT 1 FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active'", (account_id, purpose)) is not None

    def verify(self, account_id: int, purpose: str, entered: str) -> Verdict:
        if self.locked(account_id):
            return Verdict(False, msg.CODE_LOCKED)
        if not entered and not defects.on(
                self.settings, "email_code_empty_not_required" if purpose == "email" else "phone_code_empty_not_required"):
            return Verdict(False, msg.REQUIRED)
        if defects.on(self.settings, "old_code_valid_after_resend"):  # any unused code of the purpose, not the latest
            active = self.store.one("SELECT * FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active'"
                                    " AND code = ? ORDER BY id DESC LIMIT 1", (account_id, purpose, entered))
        else:
            active = self.store.one(
                "SELECT * FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state = 'active' ORDER BY id DESC LIMIT 1",
                (account_id, purpose),
            )
        if active is None or active["code"] != entered:
            if self._just_used(account_id, purpose, entered):
                return Verdict(False, msg.CODE_MISMATCH, repeated=True)  # one use only, but not a wrong guess
            return self._wrong(account_id)
        issued = datetime.fromisoformat(active["issued_at"])
        ttl = self.settings.code_ttl_seconds
        if defects.on(self.settings, {"mail": "email_code_ttl_10_minutes", "sms": "sms_code_ttl_10_minutes"}.get(
                active["channel"], "voice_code_ttl_10_minutes")):
            ttl = 600
        if self.clock.now() - issued > timedelta(seconds=ttl):
            return Verdict(False, msg.CODE_EXPIRED)
        if not defects.on(self.settings, "code_reusable"):
            self.store.execute("UPDATE myaplus_codes SET state = 'used' WHERE id = ?", (active["id"],))
        self.store.execute("UPDATE myaplus_accounts SET code_failures = 0 WHERE id = ?", (account_id,))
        return Verdict(True)

    def _just_used(self, account_id: int, purpose: str, entered: str) -> bool:
        latest = self.store.one(
            "SELECT * FROM myaplus_codes WHERE account_id = ? AND purpose = ? AND state != 'pending' ORDER BY id DESC LIMIT 1",
            (account_id, purpose))
        return (latest is not None and latest["state"] == "used" and latest["code"] == entered
                and self.clock.now() - datetime.fromisoformat(latest["issued_at"]) <= timedelta(seconds=self.settings.code_ttl_seconds))

    def _wrong(self, account_id: int) -> Verdict:
        with self.store.transaction() as conn:
            conn.execute("UPDATE myaplus_accounts SET code_failures = code_failures + 1 WHERE id = ?", (account_id,))
            failures = conn.execute("SELECT code_failures FROM myaplus_accounts WHERE id = ?", (account_id,)).fetchone()[0]
            if failures >= defects.threshold(self.settings, self.settings.code_lock_threshold,
                                             never="code_never_locks", late="code_lock_one_late"):
                until = later(self.clock.now(), timedelta(minutes=self.settings.code_lock_minutes))
                conn.execute("UPDATE myaplus_accounts SET code_locked_until = ? WHERE id = ?", (until.isoformat(), account_id))
                return Verdict(False, msg.CODE_LOCKED)
        return Verdict(False, msg.CODE_MISMATCH)
