"""The access rules: passphrase hashes, constant-time checks, allow-lists and the attempt limiter."""

from __future__ import annotations

import pytest

from lib.access import (
    OPEN,
    PASSPHRASE,
    SIGN_IN,
    AccessPolicy,
    AttemptLimiter,
    check_passphrase,
    email_allowed,
    hash_passphrase,
)
from lib.errors import AccessConfigError


def test_a_passphrase_is_kept_only_as_a_salted_hash_that_checks_it():
    stored = hash_passphrase("correct horse battery", iterations=1_000)
    assert "correct horse" not in stored and stored.startswith("pbkdf2_sha256$1000$")
    assert check_passphrase("correct horse battery", stored)
    assert not check_passphrase("correct horse batterz", stored)
    assert hash_passphrase("correct horse battery", iterations=1_000) != stored  # a new salt each time


@pytest.mark.parametrize("stored", ["", "plain text", "pbkdf2_sha256$x$y$z", "md5$1$AAAA$BBBB",
                                    "pbkdf2_sha256$1000$not-base64!$AAAA"])
def test_a_malformed_stored_hash_never_matches(stored):
    assert not check_passphrase("anything at all", stored)


def test_short_passphrases_are_refused():
    with pytest.raises(AccessConfigError, match="at least 12"):
        hash_passphrase("short")


@pytest.mark.parametrize("email, allowed, expected", [
    ("Lead@Example.org ", ["lead@example.org"], True),
    ("ana@example.org", ["*@example.org"], True),
    ("ana@example.org.evil.com", ["*@example.org"], False),
    ("ana@other.org", ["lead@example.org", "*@example.org"], False),
    (None, ["*"], False),
    ("", ["*@example.org"], False),
])
def test_allow_lists_match_addresses_and_domain_patterns(email, allowed, expected):
    assert email_allowed(email, allowed) is expected


def test_the_policy_follows_the_secrets():
    assert AccessPolicy.from_settings(None, auth_configured=False).mode == OPEN
    stored = hash_passphrase("a long enough phrase", iterations=1_000)
    assert AccessPolicy.from_settings({"passphrase_hash": stored}, False).mode == PASSPHRASE
    assert AccessPolicy.from_settings({"allowed_emails": ["a@b.org"]}, True).mode == SIGN_IN
    with pytest.raises(AccessConfigError, match=r"needs sign-in configured in the \[auth\] table"):
        AccessPolicy.from_settings({"allowed_emails": "a@b.org"}, False)
    with pytest.raises(AccessConfigError, match="not a hash"):
        AccessPolicy.from_settings({"passphrase_hash": "hunter2"}, False)


def test_the_limiter_blocks_after_too_many_failures_until_the_window_moves_on():
    now = [0.0]
    limiter = AttemptLimiter(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.blocked_for() == 0
        limiter.failed()
    assert limiter.blocked_for() == pytest.approx(60)
    now[0] = 30
    assert limiter.blocked_for() == pytest.approx(30)
    now[0] = 61
    assert limiter.blocked_for() == 0
