"""Password hashing (scrypt, salted) and one-time codes/tokens.

The cost is a setting (``Settings.scrypt_log2_n``: N = 2**log2_n, r = 8, p = 1): 14 by default, as a real site
would; the harness starts the simulator with 4, which is cheap. A hash records its own cost
(``scrypt$<log2_n>$<salt>$<digest>``), so changing the setting never breaks stored passwords. Hashing is slow on
purpose: call these off the event loop (``run_in_threadpool``). ``verify_password`` with no stored hash still
does the work, so an unknown ID costs as much time as a known one.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

DEFAULT_LOG2_N = 14
_R, _P = 8, 1


def _scrypt(password: str, salt: bytes, log2_n: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=2 ** log2_n, r=_R, p=_P,
                          maxmem=2 ** log2_n * _R * 128 * 2 + 2 ** 20)


def hash_password(password: str, log2_n: int = DEFAULT_LOG2_N) -> str:
    salt = secrets.token_bytes(16)
    return f"scrypt${log2_n}${salt.hex()}${_scrypt(password, salt, log2_n).hex()}"


_DUMMY_SALT = secrets.token_bytes(16)


def verify_password(password: str, stored: str | None, log2_n: int = DEFAULT_LOG2_N) -> bool:
    """True when ``password`` matches ``stored``. Without a stored hash (an unknown ID, no password set) the same
    work is done at cost ``log2_n`` and the answer is False."""
    if not stored:
        _scrypt(password, _DUMMY_SALT, log2_n)
        return False
    try:
        parts = stored.split("$")
        if len(parts) == 3:  # scrypt$salt$digest: written before the cost was recorded (2**14)
            cost, salt_hex, digest_hex = DEFAULT_LOG2_N, parts[1], parts[2]
        else:
            cost, salt_hex, digest_hex = int(parts[1]), parts[2], parts[3]
        digest = _scrypt(password, bytes.fromhex(salt_hex), cost)
    except (ValueError, IndexError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def new_code(digits: int = 4) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def new_token() -> str:
    return secrets.token_urlsafe(24)
