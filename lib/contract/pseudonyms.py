"""The pseudonym that replaces a forgotten person's email in the log tabs, and how loading recognises it.

Kept apart from lib/writing/forget.py (which builds the writes) so the checks across tabs (lib/reading/cross_tab.py)
can import it cheaply.
"""

from __future__ import annotations

import hashlib
import hmac

import numpy as np

from lib.contract.values import normalise_email

FORGOTTEN_DOMAIN = "forgotten.invalid"  # .invalid is reserved (RFC 2606): never anyone's real address
_SUFFIX = "@" + FORGOTTEN_DOMAIN


def pseudonym(email: str, salt: bytes) -> str:
    """forgotten-<8 hex>@forgotten.invalid: the same for one person within one forget, and not recomputable from
    the email without the salt (which the forget throws away), so nobody can test a guess of who it was."""
    digest = hmac.new(salt, normalise_email(email).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"forgotten-{digest[:8]}{_SUFFIX}"


def is_forgotten(email: object) -> bool:
    """A log row's email that stands for a forgotten person (kept for counts, not a person to check)."""
    return str(email or "").strip().lower().endswith(_SUFFIX)


def forgotten_mask(emails: np.ndarray) -> np.ndarray:
    """is_forgotten over a column of emails, as a bool array (for the column-wise log checks)."""
    return np.fromiter((is_forgotten(e) for e in emails), dtype=bool, count=len(emails))
