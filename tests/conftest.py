"""Shared fixtures: temporary copies of the bundled data, so no test ever writes a tracked file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SAMPLE = ROOT / "sample_data"


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


@pytest.fixture
def corpus_copy(tmp_path: Path):
    def copy(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(CORPUS / name, folder)
        return folder
    return copy
