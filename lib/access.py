"""Who may see the dashboard: sign-in through an identity provider with an allow-list of emails, or for the
smallest teams a shared passphrase kept only as a salted hash. Plain functions; the Streamlit gate calls them."""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Mapping

from lib.errors import AccessConfigError

ALGORITHM, ITERATIONS = "pbkdf2_sha256", 600_000  # OWASP's 2023 advice for PBKDF2-HMAC-SHA256
MIN_PASSPHRASE = 12
OPEN, PASSPHRASE, SIGN_IN = "open", "passphrase", "sign-in"


def hash_passphrase(passphrase: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """`pbkdf2_sha256$iterations$salt$hash` (base64): what goes in secrets, never the passphrase itself."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise AccessConfigError(f"Use a passphrase of at least {MIN_PASSPHRASE} characters (a few words work well).")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), salt, iterations)
    return "$".join([ALGORITHM, str(iterations), _b64(salt), _b64(digest)])


def check_passphrase(passphrase: str, stored: str) -> bool:
    """Compared in constant time; a malformed stored hash never matches."""
    try:
        algorithm, iterations, salt, expected = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), _unb64(salt), int(iterations))
        return hmac.compare_digest(digest, _unb64(expected))
    except (ValueError, TypeError):
        return False


def email_allowed(email: str | None, allowed: list[str]) -> bool:
    """Exact addresses or patterns like `*@example.org`, compared trimmed and case-insensitively."""
    if not email:
        return False
    email = email.strip().lower()
    return any(fnmatch.fnmatchcase(email, pattern.strip().lower()) for pattern in allowed if pattern.strip())


@dataclass(frozen=True)
class AccessPolicy:
    mode: str  # open | passphrase | sign-in
    passphrase_hash: str = ""
    allowed_emails: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, access: Mapping | None, auth_configured: bool) -> "AccessPolicy":
        """From the [access] table of secrets; sign-in also needs Streamlit's [auth] table."""
        access = dict(access or {})
        allowed = access.get("allowed_emails", [])
        allowed = (allowed,) if isinstance(allowed, str) else tuple(allowed)
        stored = str(access.get("passphrase_hash", "") or "")
        if allowed:
            if not auth_configured:
                raise AccessConfigError("[access] allowed_emails needs sign-in configured in the [auth] table of "
                                        "secrets (see Deploying in the README); nothing is shown until it is.")
            return cls(SIGN_IN, allowed_emails=allowed)
        if stored:
            if stored.count("$") != 3 or not stored.startswith(ALGORITHM + "$"):
                raise AccessConfigError("[access] passphrase_hash is not a hash made by `python -m lib passphrase`.")
            return cls(PASSPHRASE, passphrase_hash=stored)
        return cls(OPEN)


@dataclass
class AttemptLimiter:
    """Failed passphrase attempts across all sessions of the server: after `limit` failures within `window`
    seconds, further attempts are refused until the window moves on (a new browser session does not reset it)."""

    limit: int = 10
    window: float = 60.0
    clock: object = time.monotonic
    _failures: deque = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def blocked_for(self) -> float:
        with self._lock:
            now = self.clock()
            while self._failures and now - self._failures[0] > self.window:
                self._failures.popleft()
            return self.window - (now - self._failures[0]) if len(self._failures) >= self.limit else 0.0

    def failed(self) -> None:
        with self._lock:
            self._failures.append(self.clock())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
