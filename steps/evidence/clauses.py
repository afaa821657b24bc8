"""The clauses the security scenarios (features/security/) measure against, as tags (@ASVS-V7.2.4): every tag is a
registered marker, so a mistyped clause fails collection under --strict-markers. Texts are short paraphrases."""
from __future__ import annotations

CLAUSES = {
    "ASVS-V7.2.4": "ASVS 5.0 V7.2.4: a new session token on authentication; the previous one is terminated",
    "ASVS-V7.3.1": "ASVS 5.0 V7.3.1: an inactivity timeout ends the session",
    "ASVS-V7.3.2": "ASVS 5.0 V7.3.2: an absolute maximum session lifetime",
    "NIST-800-63B-7.2": "NIST SP 800-63B §7.2: AAL2 re-authentication after 30 minutes of inactivity, 12 hours at most",
    "ASVS-V6.5.1": "ASVS 5.0 V6.5.1: out-of-band codes and recovery tokens are usable once",
    "ASVS-V6.5.4": "ASVS 5.0 V6.5.4: out-of-band codes have at least 20 bits of entropy",
    "NIST-800-63B-5.1.3.2": "NIST SP 800-63B §5.1.3.2: an out-of-band secret of at least 6 decimal digits (≈20 bits)",
    "NIST-800-63B-5.2.2": "NIST SP 800-63B §5.2.2: rate limiting, at most 100 consecutive failed attempts",
    "ASVS-V6.3.1": "ASVS 5.0 V6.3.1: controls against brute force and abuse (rate limiting, anti-automation)",
    "ASVS-V6.3.8": "ASVS 5.0 V6.3.8: valid users cannot be deduced from messages (login, forgot password)",
    "OWASP-WSTG-INPV-17": "OWASP WSTG-INPV-17: links and redirects do not follow a forged Host header",
    "ASVS-V3.4.3": "ASVS 5.0 V3.4.3: a Content-Security-Policy header",
    "ASVS-V3.4.4": "ASVS 5.0 V3.4.4: X-Content-Type-Options: nosniff",
    "ASVS-V3.4.5": "ASVS 5.0 V3.4.5: a Referrer-Policy that does not leak URLs",
    "ASVS-V3.4.6": "ASVS 5.0 V3.4.6: framing refused (CSP frame-ancestors; X-Frame-Options for old browsers)",
    "NIST-800-63B-5.1.1.2": "NIST SP 800-63B §5.1.1.2: at least 64 characters allowed, no composition rules",
    "ASVS-V6.2.5": "ASVS 5.0 V6.2.5: passwords of any composition, no required character classes",
    "ASVS-V6.2.9": "ASVS 5.0 V6.2.9: passwords of at least 64 characters are permitted",
}


def text(clause: str) -> str:
    if clause not in CLAUSES:
        raise KeyError(f"unknown clause {clause!r}; known: {sorted(CLAUSES)}")
    return CLAUSES[clause]
