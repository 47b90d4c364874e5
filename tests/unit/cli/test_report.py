"""`python -m lib report` and `python -m lib outcome`: the impact report as a table, JSON (one object with --cohort,
one per cohort without) or a one-page PDF read back by a real reader, and an outcome recorded from the command line
through the same writer as the page, refused with exit 2 when a value would not load."""

from __future__ import annotations

import csv
import json

from lib.outcomes.report import FIGURES, impact
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.unit.documents.pdf.reading import read
from tests.unit.cli.test_main import run

COHORT = "Summer 2026"


def test_json_with_a_cohort_is_one_object_with_every_figure_unrounded(sample_copy):
    result = run("report", str(sample_copy), "--cohort", COHORT, "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(FIGURES) <= set(figures)
    assert figures == impact(load(CsvSource(folder=sample_copy)))[COHORT]
    # the sample: Arjun accepted, Mei made, Zoë declined, Amara none; Chidi's school placement does not count
    assert figures["offer_rate"] == 0.75 and abs(figures["acceptance_rate"] - 1 / 3) < 1e-12
    assert figures["offer_rate_off_cadence"] is None


def test_without_a_cohort_json_is_keyed_by_cohort_and_as_of_counts_only_what_came_before(sample_copy):
    path = sample_copy / "mentees.csv"  # the first mentee, Mei, moves to another cohort
    path.write_text(path.read_text(encoding="utf-8").replace(",Summer 2026\n", ",Spring 2026\n", 1), encoding="utf-8")
    report = json.loads(run("report", str(sample_copy), "--format", "json").stdout)
    assert sorted(report) == ["Spring 2026", COHORT]
    assert report["Spring 2026"]["offer_rate"] == 1.0 and report["Spring 2026"]["started_pairs"] == 1  # Mei: made
    early = json.loads(run("report", str(sample_copy), "--cohort", COHORT, "--as-of", "2026-07-01",
                           "--format", "json").stdout)
    assert early["outcomes"] == 0 and early["offer_rate"] is None


def test_the_table_and_a_one_page_pdf_with_whole_percentages(sample_copy, tmp_path):
    out = tmp_path / "report.pdf"
    result = run("report", str(sample_copy), "--cohort", COHORT, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Impact as of 24 Jul 2026" in result.stdout and "Mentees offered a job" in result.stdout
    assert f"Wrote {out} (one page)." in result.stderr
    [page] = read(out.read_bytes())
    assert "What the mentoring achieved" in page and "Mentees offered a job 75 %" in page
    assert "Offers accepted 33 %" in page and COHORT in page
    assert "Reference (NACE 2016 survey): 72.7 % of interns were offered a job and 85.2 % of offers were accepted" \
        in page


def test_an_unknown_cohort_exits_2_and_names_the_cohorts(sample_copy):
    result = run("report", str(sample_copy), "--cohort", "Winter 2030")
    assert result.returncode == 2 and "no mentee is in cohort 'Winter 2030' (cohorts: Summer 2026)" in result.stderr


def test_an_outcome_recorded_from_the_command_line_is_the_row_the_page_would_write(sample_copy):
    result = run("outcome", str(sample_copy), "--mentee", "Tomas.Silva@northwind.example", "--offer", "made",
                 "--next-step", "Return offer for next summer", "--skills-before", "Python:2",
                 "--skills-after", "python=4")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("Recorded the outcome of Tomás Silva on 24 Jul 2026: offer made, awaiting an "
                                     "answer; Return offer for next summer; skills Python:2 -> python:4.")
    with open(sample_copy / "outcomes.csv", encoding="utf-8-sig", newline="") as handle:
        last = list(csv.DictReader(handle))[-1]
    assert last == {"id": "O-006", "mentee_email": "tomas.silva@northwind.example", "date": "2026-07-24",
                    "offer": "made",
                    "next_step": "Return offer for next summer", "skills_before": "Python:2",
                    "skills_after": "python:4", "notes": ""}
    refused = run("outcome", str(sample_copy), "--mentee", "tomas.silva@northwind.example", "--skills-after", "SQL:7")
    assert refused.returncode == 2 and "'SQL:7' is not skill:1-5" in refused.stderr


def test_an_outcome_with_only_a_note_keeps_the_latest_offer_and_skills(sample_copy):
    before = json.loads(run("report", str(sample_copy), "--format", "json").stdout)
    result = run("outcome", str(sample_copy), "--mentee", "arjun.patel@northwind.example", "--notes",
                 "Started full-time")
    assert result.returncode == 0, result.stderr
    assert "Recorded the outcome of Arjun Patel on 24 Jul 2026: offer accepted" in result.stdout
    with open(sample_copy / "outcomes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["mentee_email"] == "arjun.patel@northwind.example"]
    assert rows[-1]["notes"] == "Started full-time"
    assert {k: rows[-1][k] for k in ("offer", "next_step", "skills_before", "skills_after")} == {
        k: rows[-2][k] for k in ("offer", "next_step", "skills_before", "skills_after")}
    after = json.loads(run("report", str(sample_copy), "--format", "json").stdout)
    assert after == before  # a note changes no figure leadership reads
