"""In-memory state of the vendor site: members, sessions, codes, a movable clock."""
from __future__ import annotations

import hashlib
import itertools
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
EPOCH = datetime(2026, 4, 1, 10, 0, tzinfo=JST)


def digest(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 1000).hex()


@dataclass
class Member:
    id: int
    data: dict
    salt: str = field(default_factory=lambda: secrets.token_hex(8))
    nsa_hash: str | None = None
    new_hash: str | None = None
    nsa_misses: int = 0
    nsa_locked: bool = False
    misses: int = 0
    stopped: bool = False
    otp: tuple[str, datetime] | None = None
    otp_misses: int = 0
    otp_locked_until: datetime | None = None
    logins: list[datetime] = field(default_factory=list)

    def check(self, password: str, which: str) -> bool:
        stored = self.nsa_hash if which == "nsa" else self.new_hash
        return stored is not None and secrets.compare_digest(stored, digest(password, self.salt))


class State:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.members: dict[int, Member] = {}
        self.sessions: dict[str, dict] = {}
        self.ids = itertools.count(1)
        self.now = EPOCH

    def add(self, data: dict) -> Member:
        member = Member(next(self.ids), data)
        if data.get("old_password"):
            member.nsa_hash = digest(data["old_password"], member.salt)
        if data.get("password"):
            member.new_hash = digest(data["password"], member.salt)
        self.members[member.id] = member
        return member

    def find(self, key: str, value: str) -> Member | None:
        return next((m for m in self.members.values() if value and (m.data.get(key) or "").lower() == value.lower()), None)
