"""Retries against Google: bounded, with backoff and jitter; writes never repeated once they are known applied."""

from __future__ import annotations

import json
import random

import pytest
import requests
from gspread.exceptions import APIError

from lib.errors import SheetsUnavailable, SourceError
from lib.sources.google_calls import RetryPolicy, call, explain

KEY = "1aNvNhBanaHVP93PL4xmzA69TyNmTcfv7CUaCkGmwFMo"


def api_error(code: int, status: str = "UNAVAILABLE", retry_after: str | None = None) -> APIError:
    response = requests.Response()
    response.status_code = code
    response._content = json.dumps({"error": {"code": code, "message": "m", "status": status}}).encode()
    if retry_after:
        response.headers["Retry-After"] = retry_after
    return APIError(response)


class Flaky:
    """Fails with the given errors in turn, then answers."""

    def __init__(self, *errors: Exception):
        self.errors, self.calls = list(errors), 0

    def __call__(self):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "answer"


def policy(slept: list[float], **kw) -> RetryPolicy:
    return RetryPolicy(sleep=slept.append, rng=random.Random(7), **kw)


def test_transient_failures_are_retried_with_growing_jittered_waits():
    slept: list[float] = []
    action = Flaky(api_error(503), api_error(429, "RESOURCE_EXHAUSTED"), requests.ConnectionError("reset"))
    assert call(action, policy(slept), what="reading") == "answer"
    assert action.calls == 4 and len(slept) == 3
    assert all(0 <= wait <= 0.5 * 2 ** n for n, wait in enumerate(slept))


def test_retries_stop_at_the_attempt_limit_with_a_plain_message():
    slept: list[float] = []
    action = Flaky(*[api_error(429, "RESOURCE_EXHAUSTED")] * 10)
    with pytest.raises(SheetsUnavailable, match="limiting requests.*after 5 tries.*Refresh data"):
        call(action, policy(slept), what="reading the sheet")
    assert action.calls == 5 and len(slept) == 4


def test_the_time_budget_caps_the_total_wait_even_when_google_asks_for_more():
    slept: list[float] = []
    action = Flaky(*[api_error(503, retry_after="10")] * 10)
    with pytest.raises(SheetsUnavailable, match=r"HTTP 503"):
        call(action, policy(slept, budget=15), what="saving")
    assert sum(slept) <= 15 and action.calls <= 3


def test_an_html_502_from_googles_front_end_is_retried_too():
    response = requests.Response()
    response.status_code, response._content = 502, b"<html><body>502. That's an error.</body></html>"
    action = Flaky(APIError(response))
    assert call(action, policy([]), what="reading") == "answer" and action.calls == 2


def test_refusals_are_not_retried():
    action = Flaky(api_error(403, "PERMISSION_DENIED"))
    with pytest.raises(APIError):
        call(action, policy([]), what="reading")
    assert action.calls == 1


def test_a_write_whose_answer_was_lost_is_not_repeated_when_the_sheet_shows_it():
    action = Flaky(requests.ConnectionError("answer lost"))
    assert call(action, policy([]), what="appending", applied=lambda: True) is None
    assert action.calls == 1


def test_a_write_that_did_not_land_is_retried_and_a_failing_check_counts_as_not_applied():
    checks = iter([False])

    def applied():
        try:
            return next(checks)
        except StopIteration:
            raise requests.ConnectionError("check failed too") from None

    action = Flaky(api_error(500), api_error(502))
    assert call(action, policy([]), what="appending", applied=applied) == "answer"
    assert action.calls == 3


def test_403_names_the_service_account_and_404_the_key():
    assert "share it with the service account tandem@proj.iam.gserviceaccount.com" in str(
        explain(api_error(403, "PERMISSION_DENIED"), KEY, "tandem@proj.iam.gserviceaccount.com"))
    message = str(explain(api_error(404, "NOT_FOUND"), KEY, None))
    assert KEY in message and "docs.google.com/spreadsheets/d/" in message
    assert isinstance(explain(api_error(400, "INVALID_ARGUMENT"), KEY, None), SourceError)
