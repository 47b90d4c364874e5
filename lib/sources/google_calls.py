"""Calling the Sheets API: bounded retries with backoff and jitter, and Google's errors in plain words."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

import requests
from gspread.exceptions import APIError

from lib.errors import SheetsUnavailable, SourceError

T = TypeVar("T")
RETRIED_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class RetryPolicy:
    """At most `attempts` tries, waiting base * 2^n seconds (full jitter, capped) between them, and never
    longer than `budget` seconds in all: a dashboard must answer, not hang for minutes."""

    attempts: int = 5
    base: float = 0.5
    cap: float = 8.0
    budget: float = 20.0
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = random.Random()

    def delay(self, attempt: int, retry_after: float | None) -> float:
        wait = self.rng.uniform(0, min(self.cap, self.base * 2 ** attempt))
        return max(wait, retry_after or 0.0)


def status_of(exc: Exception) -> int | None:
    """The HTTP status of a failed call; None when no answer came back at all. Google's front end sometimes
    answers 502 with an HTML page, which gspread reports as code -1: the response still has the status."""
    if not isinstance(exc, APIError):
        return None
    response = getattr(exc, "response", None)
    return exc.code if exc.code != -1 or response is None else response.status_code


def is_transient(exc: Exception) -> bool:
    if isinstance(exc, APIError):
        return status_of(exc) in RETRIED_STATUSES
    return isinstance(exc, (requests.ConnectionError, requests.Timeout))


def _retry_after(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return min(float(value), 10.0) if value else None
    except ValueError:
        return None


def call(action: Callable[[], T], policy: RetryPolicy, *, what: str,
         applied: Callable[[], bool] | None = None) -> T | None:
    """Run `action`, retrying transient failures. For a write that may have been applied although its answer was
    lost, `applied` checks the sheet first: when it says yes, the write is not repeated (returns None)."""
    started, waited = time.monotonic(), 0.0
    for attempt in range(policy.attempts):
        try:
            return action()
        except (APIError, requests.RequestException) as exc:
            if not is_transient(exc):
                raise
            last = exc
        if applied is not None and _quietly(applied):
            return None
        wait = policy.delay(attempt, _retry_after(last))
        spent = max(time.monotonic() - started, waited)
        if attempt + 1 == policy.attempts or spent + wait > policy.budget:
            break
        policy.sleep(wait)
        waited += wait
    raise SheetsUnavailable(_unavailable(last, what, attempt + 1, max(time.monotonic() - started, waited)))


def _quietly(check: Callable[[], bool]) -> bool:
    """A check that itself fails counts as 'not known to be applied'; the retry loop decides what next."""
    try:
        return check()
    except (APIError, requests.RequestException):
        return False


def _unavailable(exc: Exception, what: str, tries: int, seconds: float) -> str:
    status = status_of(exc)
    if status == 429:
        return (f"Google Sheets is limiting requests (quota: about 60 reads a minute), so {what} failed after "
                f"{tries} tries in {seconds:.0f} s. Wait a minute, then press Refresh data.")
    if status is not None:
        return (f"Google Sheets answered with an error (HTTP {status}) {tries} times in {seconds:.0f} s, so {what} "
                "failed. Try again in a minute.")
    return (f"Google Sheets cannot be reached ({type(exc).__name__}), so {what} failed after {tries} tries. "
            "Check the network connection and try again.")


def explain(exc: APIError, key: str, service_email: str | None) -> SourceError:
    """A refused call in one plain sentence the lead can act on."""
    if exc.code == 403:
        who = f"the service account {service_email}" if service_email else "the account Tandem signs in with"
        return SourceError(f"Tandem may not open this Google Sheet: share it with {who} (as Editor, so Tandem can "
                           "also save), then press Refresh data.")
    if exc.code == 404:
        return SourceError(f"There is no Google Sheet with the key {key!r}: check the URL, which looks like "
                           "https://docs.google.com/spreadsheets/d/<key>/edit.")
    if exc.code == 401:
        return SourceError("Google refused the credentials: check the service-account key in the secrets.")
    message = str(exc.error.get("message", "")).split("\n")[0][:200]
    return SourceError(f"Google Sheets refused the request (HTTP {exc.code}): {message}")
