"""Account records of My APLUS: lookups and the state changes of login, lock and migration."""
from __future__ import annotations

import sqlite3

from ...security import DEFAULT_LOG2_N, hash_password, verify_password
from ...store import Store
from .rules import Personal


class Accounts:
    """Hashing methods (create, check_*, complete_migration, set_password) are slow on purpose: the screens call
    them through ``run_in_threadpool``."""

    def __init__(self, store: Store, log2_n: int = DEFAULT_LOG2_N) -> None:
        self.store, self.log2_n = store, log2_n

    def get(self, account_id: int) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM myaplus_accounts WHERE id = ?", (account_id,))

    def by_old_id(self, old_id: str) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM myaplus_accounts WHERE old_id = ?", (old_id,))

    def by_myaplus_id(self, myaplus_id: str) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM myaplus_accounts WHERE lower(myaplus_id) = lower(?)", (myaplus_id,))

    def email_taken(self, address: str, except_id: int | None = None) -> bool:
        row = self.by_myaplus_id(address)
        return row is not None and row["id"] != except_id

    def create(self, **fields) -> int:
        for plain, hashed in (("old_password", "old_password_hash"), ("password", "password_hash")):
            if plain in fields:
                value = fields.pop(plain)
                fields[hashed] = hash_password(value, self.log2_n) if value else None
        cols = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        return self.store.execute(f"INSERT INTO myaplus_accounts ({cols}) VALUES ({marks})", tuple(fields.values()))

    @staticmethod
    def personal(row: sqlite3.Row) -> Personal:
        return Personal(row["birth_date"], row["phone"], tuple(row["name_roman"].split()), row["card_number"])

    # ① old-ID login ------------------------------------------------------
    def check_old_password(self, row: sqlite3.Row | None, password: str) -> bool:
        """Also for no account (row None): the same hashing work, then False."""
        return verify_password(password, row["old_password_hash"] if row is not None else None, self.log2_n)

    def old_failure(self, account_id: int, threshold: int) -> bool:
        """Count a wrong old password; True when this failure locks the old ID."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE myaplus_accounts SET old_failures = old_failures + 1 WHERE id = ?", (account_id,))
            failures = conn.execute("SELECT old_failures FROM myaplus_accounts WHERE id = ?", (account_id,)).fetchone()[0]
            if failures >= threshold:
                conn.execute("UPDATE myaplus_accounts SET old_locked = 1 WHERE id = ?", (account_id,))
                return True
        return False

    # ⑩ / ⑫ My APLUS login ------------------------------------------------
    def check_password(self, row: sqlite3.Row | None, password: str) -> bool:
        return verify_password(password, row["password_hash"] if row is not None else None, self.log2_n)

    def failure(self, account_id: int, threshold: int) -> bool:
        """Count a wrong My APLUS password; True when this failure stops the account."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE myaplus_accounts SET failures = failures + 1 WHERE id = ?", (account_id,))
            failures = conn.execute("SELECT failures FROM myaplus_accounts WHERE id = ?", (account_id,)).fetchone()[0]
            if failures >= threshold:
                conn.execute("UPDATE myaplus_accounts SET locked = 1 WHERE id = ?", (account_id,))
                return True
        return False

    def logged_in(self, account_id: int, now: str) -> None:
        self.store.execute(
            "UPDATE myaplus_accounts SET failures = 0, previous_login_at = last_login_at, last_login_at = ? WHERE id = ?",
            (now, account_id),
        )

    # ⑨ migration completes -------------------------------------------------
    def complete_migration(self, account_id: int, myaplus_id: str, password: str, change_card_email: bool, now: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE myaplus_accounts SET myaplus_id = ?, password_hash = ?, old_id = NULL, old_password_hash = NULL,"
                " migrated_at = ?, failures = 0, locked = 0" + (", card_email = ?" if change_card_email else "") + " WHERE id = ?",
                (myaplus_id, hash_password(password, self.log2_n), now, *((myaplus_id,) if change_card_email else ()), account_id),
            )

    def set_password(self, account_id: int, password: str) -> None:
        """Password reissue: a new password also lifts the lock (⑫)."""
        self.store.execute(
            "UPDATE myaplus_accounts SET password_hash = ?, failures = 0, locked = 0 WHERE id = ?",
            (hash_password(password, self.log2_n), account_id),
        )
