"""Recording an outcome through the writer: the row appended as the Outcome model reads it back, the tab created when
a program has none, and a bad value refused naming the field, with nothing written."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from lib.errors import EditRefused
from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing.outcomes import latest_outcome, record_outcome
from lib.writing.writer import Writer

MEI = "mei.chen@northwind.example"


def test_an_outcome_is_appended_and_becomes_the_latest(sample_copy):
    source = CsvSource(folder=sample_copy)
    data = load(source)
    record_outcome(Writer(source, data.tables), data, "Mei.Chen@northwind.example", date(2026, 7, 24), "accepted",
                   "Joins the platform team in September", "Kubernetes:1", "kubernetes = 4", "Signed today")
    with open(sample_copy / "outcomes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[-1] == {"id": "O-006", "mentee_email": MEI, "date": "2026-07-24", "offer": "accepted",
                        "next_step": "Joins the platform team in September", "skills_before": "Kubernetes:1",
                        "skills_after": "kubernetes:4", "notes": "Signed today"}
    again = load(source)
    assert not [p for p in again.problems if p.tab == "outcomes"]
    assert latest_outcome(again, MEI).offer == "accepted"  # the sample's 22 Jul "made" came before


def test_a_program_without_an_outcomes_tab_gains_one(sample_copy):
    (sample_copy / "outcomes.csv").unlink()
    source = CsvSource(folder=sample_copy)
    data = load(source)
    assert latest_outcome(data, MEI) is None
    record_outcome(Writer(source, data.tables), data, MEI, date(2026, 7, 20), "none")
    assert (sample_copy / "outcomes.csv").read_text(encoding="utf-8-sig").splitlines()[0] == \
        "id,mentee_email,date,offer,next_step,skills_before,skills_after,notes"
    assert latest_outcome(load(source), MEI).offer == "none"


@pytest.mark.parametrize("fields, said", [
    (dict(offer="maybe"), "column 'offer': 'maybe' is not an offer"),
    (dict(skills_after="SQL:6"), "column 'skills_after': 'SQL:6' is not skill:1-5"),
    (dict(mentee="nobody@example.org"), "column 'mentee_email': not on the mentees tab"),
    (dict(day=date(2026, 8, 1)), r"column .date.: after today \(2026-07-24\)"),
])
def test_a_bad_value_is_refused_naming_the_field_and_nothing_is_written(sample_copy, fields, said):
    source = CsvSource(folder=sample_copy)
    data = load(source)
    before = (sample_copy / "outcomes.csv").read_bytes()
    with pytest.raises(EditRefused, match=said):
        record_outcome(Writer(source, data.tables), data, fields.get("mentee", MEI),
                       fields.get("day", date(2026, 7, 24)), fields.get("offer", "made"),
                       skills_after=fields.get("skills_after", ""))
    assert (sample_copy / "outcomes.csv").read_bytes() == before
