"""Fixtures of the fake's own tests: the local Sheets API on its own (tests/conftest.py has it seeded with the sample)."""

from __future__ import annotations

import pytest

from tests.fake_sheets import FakeSheets


@pytest.fixture
def fake():
    """An empty local Sheets API, serving on a free loopback port for the test."""
    server = FakeSheets()
    server.start()
    yield server
    server.stop()
    assert server.internal_errors == []
