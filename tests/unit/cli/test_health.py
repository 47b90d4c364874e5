"""`python -m lib health`: the same statuses as the model, in table, CSV or JSON; exit codes for schedulers."""

from __future__ import annotations

import csv
import io
import json

from lib.health.model import assess
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.unit.cli.test_main import run


def test_json_gives_the_models_statuses_and_reasons(sample_copy):
    result = run("health", str(sample_copy), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    expected = assess(load(CsvSource(folder=sample_copy)))
    assert [(r["pairing_id"], r["status"], r["reasons"]) for r in rows] == \
        list(zip(expected["pairing_id"], expected["status"], expected["reasons"]))


def test_fail_on_risk_exits_1_and_csv_has_one_row_per_active_pair(sample_copy):
    result = run("health", str(sample_copy), "--format", "csv", "--fail-on-risk")
    assert result.returncode == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 14 and rows[0]["status"] == "At risk" and rows[0]["reasons"]
    assert {"mentor", "mentee", "score", "status", "reasons", "suggested message"} <= set(rows[0])


def test_as_of_judges_another_day_and_the_table_says_the_counts(sample_copy):
    early = run("health", str(sample_copy), "--as-of", "2026-06-20")
    assert early.returncode == 0
    assert "as of 2026-06-20:" in early.stderr and "0 at risk" in early.stderr
    assert run("health", str(sample_copy), "--as-of", "2026-06-20", "--fail-on-risk").returncode == 0
    assert "3 at risk" in run("health", str(sample_copy)).stderr


def test_unreadable_source_or_bad_date_exits_2(tmp_path):
    assert run("health", str(tmp_path / "missing")).returncode == 2
    bad = run("health", "sample", "--as-of", "24/07/2026")
    assert bad.returncode == 2 and "not a date like" in bad.stderr and "Traceback" not in bad.stderr
