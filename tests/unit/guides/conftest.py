"""The fixture guides of the guide tests, written in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.guides.test_library import TOPIC_GUIDE, TYPE_GUIDE, write


@pytest.fixture
def folder(tmp_path) -> Path:
    guides = tmp_path / "guides"
    write(guides, "pair.md", TYPE_GUIDE)
    write(guides, "finding-a-mentor.md", TOPIC_GUIDE)
    return guides
