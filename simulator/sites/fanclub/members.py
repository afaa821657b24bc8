"""Fan club member records, Plus member IDs and the one-time links of STEP3/STEP4."""
from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime, timedelta

from ...clock import later
from ...security import DEFAULT_LOG2_N, hash_password, new_token, verify_password
from ...store import Store

LINK_TTL = timedelta(hours=24)  # (推定) how long the URL in a STEP3/STEP4 mail stays valid


class Members:
    def __init__(self, store: Store, log2_n: int = DEFAULT_LOG2_N) -> None:
        self.store, self.log2_n = store, log2_n

    def get(self, member_id: int) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM fanclub_members WHERE id = ?", (member_id,))

    def by_number(self, number: str) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM fanclub_members WHERE member_number = ?", (number,))

    def by_plus_id(self, email: str) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM fanclub_members WHERE plus_member_id = ? COLLATE NOCASE"
                              " ORDER BY registered_via = 'renewal' DESC LIMIT 1", (email,))

    def create(self, **fields) -> int:
        cols, marks = ", ".join(fields), ", ".join("?" for _ in fields)
        return self.store.execute(f"INSERT INTO fanclub_members ({cols}) VALUES ({marks})", tuple(fields.values()))

    def unmigrated_twin(self, row: sqlite3.Row) -> sqlite3.Row | None:
        """A renewal membership of the same person (kana name + birth date) whose first login is not done."""
        return self.store.one(
            "SELECT * FROM fanclub_members WHERE id != ? AND registered_via = 'renewal' AND first_login_at IS NULL"
            " AND name_kana = ? AND birth_date IS ?", (row["id"], row["name_kana"], row["birth_date"]))

    # STEP2 attempt limit (推定) -------------------------------------------------
    def step2_locked(self, number: str, now: datetime) -> bool:
        row = self.store.one("SELECT locked_until FROM fanclub_step2_failures WHERE member_number = ?", (number,))
        if row is None or not row["locked_until"]:
            return False
        if now < datetime.fromisoformat(row["locked_until"]):
            return True
        self.store.execute("DELETE FROM fanclub_step2_failures WHERE member_number = ?", (number,))
        return False

    def step2_failure(self, number: str, now: datetime, limit: int, minutes: int) -> bool:
        """Count a wrong STEP2 login for the number typed; True when this one reaches the limit (then locked)."""
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO fanclub_step2_failures (member_number, failures) VALUES (?, 1) "
                         "ON CONFLICT(member_number) DO UPDATE SET failures = failures + 1", (number,))
            failures = conn.execute("SELECT failures FROM fanclub_step2_failures WHERE member_number = ?", (number,)).fetchone()[0]
            if failures >= limit:
                conn.execute("UPDATE fanclub_step2_failures SET locked_until = ? WHERE member_number = ?",
                             (later(now, timedelta(minutes=minutes)).isoformat(), number))
                return True
        return False

    def step2_success(self, number: str) -> None:
        self.store.execute("DELETE FROM fanclub_step2_failures WHERE member_number = ?", (number,))

    # Plus member IDs ---------------------------------------------------------
    def plus_id(self, email: str) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM fanclub_plus_ids WHERE email = ?", (email,))

    def create_plus_id(self, email: str, password: str, now: str) -> None:
        self.store.execute("INSERT INTO fanclub_plus_ids (email, password_hash, created_at) VALUES (?, ?, ?)",
                           (email, hash_password(password, self.log2_n), now))

    def check_plus_password(self, email: str, password: str) -> bool:
        row = self.plus_id(email)  # an unknown ID costs the same hashing work
        return verify_password(password, row["password_hash"] if row is not None else None, self.log2_n)

    # STEP7: the first login completes ------------------------------------------
    def complete_first_login(self, member_id: int, email: str, now: str) -> str:
        """Link the Plus member ID and give the new member number; 入会日 stays as it was."""
        number = self.new_number()
        self.store.execute("UPDATE fanclub_members SET plus_member_id = ?, new_member_number = ?, first_login_at = ? WHERE id = ?",
                           (email, number, now, member_id))
        return number

    def new_number(self) -> str:
        while True:
            number = "1" + "".join(secrets.choice("0123456789") for _ in range(9))
            if not self.store.one("SELECT 1 FROM fanclub_members WHERE new_member_number = ? OR member_number = ?", (number, number)):
                return number

    # links --------------------------------------------------------------------
    def issue_link(self, member_id: int, email: str, kind: str, now: str) -> str:
        token = new_token()
        self.store.execute("INSERT INTO fanclub_links (token, member_id, email, kind, issued_at) VALUES (?, ?, ?, ?, ?)",
                           (token, member_id, email, kind, now))
        return token

    def valid_link(self, token: str, kind: str, now: datetime) -> sqlite3.Row | None:
        row = self.store.one("SELECT * FROM fanclub_links WHERE token = ? AND kind = ? AND used = 0", (token, kind))
        if row is None or now - datetime.fromisoformat(row["issued_at"]) > LINK_TTL:
            return None
        return row

    def use_link(self, token: str) -> bool:
        """Spend the link, and every other link of its member: True when it was still unused (exactly one of two
        concurrent uses wins)."""
        with self.store.transaction() as conn:
            row = conn.execute("SELECT member_id FROM fanclub_links WHERE token = ? AND used = 0", (token,)).fetchone()
            if row is None:
                return False
            conn.execute("UPDATE fanclub_links SET used = 1 WHERE member_id = ?", (row[0],))
        return True
