"""Settings of the simulated sites: where things live and the thresholds the documents leave open.

The documents say 一定回数 ("a certain number of times") without a number; these defaults are our
choice, exposed through the control API (``GET /_control/config``) so features never hard-code them.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import asdict, dataclass, field, fields


@dataclass
class Settings:
    db_path: str = "var/simulator.sqlite3"
    secret_key: str = field(default_factory=lambda: secrets.token_hex(16))
    # Where the site sends what a real site would send (the stubs, or a vendor's own services).
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    gateway_url: str = "http://127.0.0.1:8026"  # SMS / voice (Twilio-style) and carrier billing APIs
    gateway_account_sid: str = "ACsimulator"
    gateway_auth_token: str = "simulator-token"
    gateway_timeout_seconds: float = 5.0
    sms_from: str = "+815000000000"
    mail_from: str = "no-reply@myaplus.example"
    # Thresholds the documents leave open (一定回数 / しばらく).
    code_ttl_seconds: int = 300  # documented: 認証コードの有効期限は発行から5分
    old_id_lock_threshold: int = 5  # N: wrong passwords that lock a NETstation*APLUS ID (①)
    code_lock_threshold: int = 5  # M: wrong codes that lock the verification function (⑤, ⑦)
    code_lock_minutes: int = 30  # how long the verification function stays locked
    account_lock_threshold: int = 5  # K: wrong passwords that stop a My APLUS account (⑫)
    reset_token_ttl_seconds: int = 1800  # password reissue link validity
    # Limits the documents do not mention, set as a real site would (推定).
    code_send_limit: int = 5  # codes sent per member and purpose (⑤ mail, ⑦ SMS + calls) within code_lock_minutes
    fanclub_step2_attempt_limit: int = 10  # wrong STEP2 logins per member number before a pause of ...
    fanclub_step2_lock_minutes: int = 30  # ... this long
    session_idle_minutes: int = 60  # a session unused this long (simulator clock) is over
    # Password hashing: scrypt with N = 2**scrypt_log2_n (14: as a real site; the harness starts with 4, cheap).
    scrypt_log2_n: int = 14
    # Where mailed links point (never the request's Host header); python -m simulator sets it to its own URL.
    public_base_url: str = "http://127.0.0.1:8000"
    # The control API: the bearer token it requires, and the Host names it answers besides the loopback ones.
    control_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    allowed_hosts: str = ""  # comma-separated
    # Defects switched on (simulator/defects.py, comma-separated names): for mutation testing only, "" otherwise.
    defects: str = ""

    def public(self) -> dict:
        """What the control API may reveal (no secrets)."""
        hidden = {"secret_key", "gateway_auth_token", "control_token"}
        return {k: v for k, v in asdict(self).items() if k not in hidden}

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Build settings from ``SIM_<NAME>`` environment variables, then explicit overrides."""
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"SIM_{f.name.upper()}")
            if raw is not None:
                values[f.name] = type(f.default)(raw) if f.default is not None and not callable(f.default) else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
