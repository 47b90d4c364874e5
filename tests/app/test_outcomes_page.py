"""The Outcomes page through AppTest on a folder copy: the figures as the report computes them, a date that counts
only what came before, and an outcome recorded through the form (and a bad one refused, nothing written)."""

from __future__ import annotations

import csv

import pytest

from lib.outcomes.report import impact, table
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.app.test_pages import assert_no_exception, open_location
from tests.app.test_pairings_page import plain


@pytest.fixture
def page(app, sample_copy):
    open_location(app, sample_copy)
    app.switch_page("pages/outcomes.py").run()
    assert_no_exception(app)
    return app


def outcome_rows(folder) -> list[dict[str, str]]:
    with open(folder / "outcomes.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def figures(at):
    [shown] = [d.value for d in at.dataframe if "Summer 2026" in d.value.columns]
    return shown["Summer 2026"]


def test_the_figures_are_the_reports(page, sample_copy):
    expected = table(impact(load(CsvSource(folder=sample_copy))))["Summer 2026"]
    assert figures(page).to_dict() == expected.to_dict()
    assert figures(page)["Mentees offered a job"] == "75 %"
    assert any("Reference, not a target: NACE 2016 survey" in plain(c.value) for c in page.caption)
    page.date_input(key="impact_as_of").set_value("2026-07-01").run()
    assert figures(page)["Outcomes recorded"] == "0" and figures(page)["Mentees offered a job"] == "–"


def test_recording_an_outcome_writes_one_row_and_updates_the_figures(page, sample_copy):
    page.selectbox(key="outcome_mentee").set_value("tomas.silva@northwind.example").run()
    page.selectbox(key="outcome_offer_tomas.silva@northwind.example").set_value("accepted")
    page.text_input(key="outcome_next_tomas.silva@northwind.example").input("Back next summer")
    page.text_input(key="outcome_before_tomas.silva@northwind.example").input("Python:2")
    page.text_input(key="outcome_after_tomas.silva@northwind.example").input("Python:4")
    page.button(key="FormSubmitter:record_outcome_tomas.silva@northwind.example-Record outcome").click().run()
    assert_no_exception(page)
    assert outcome_rows(sample_copy)[-1] == {
        "id": "O-006", "mentee_email": "tomas.silva@northwind.example", "date": "2026-07-24", "offer": "accepted",
        "next_step": "Back next summer", "skills_before": "Python:2", "skills_after": "Python:4", "notes": ""}
    said = "Recorded the outcome of Tomás Silva on 24 Jul 2026: offer accepted."
    assert any(said in plain(s.value) for s in page.success)
    assert figures(page)["Mentees offered a job"] == "80 %" and figures(page)["Offers accepted"] == "50 %"


def test_a_skills_value_that_is_not_skill_1_to_5_is_refused_and_nothing_is_written(page, sample_copy):
    before = (sample_copy / "outcomes.csv").read_bytes()
    page.selectbox(key="outcome_mentee").set_value("tomas.silva@northwind.example").run()
    page.text_input(key="outcome_after_tomas.silva@northwind.example").input("Python: great")
    page.button(key="FormSubmitter:record_outcome_tomas.silva@northwind.example-Record outcome").click().run()
    assert_no_exception(page)
    assert (sample_copy / "outcomes.csv").read_bytes() == before
    assert any("'Python: great' is not skill:1-5" in plain(e.value) for e in page.error)


def with_a_spring_cohort(folder) -> None:
    """The sample's first five mentees moved to a second cohort, Spring 2026."""
    path = folder / "mentees.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows[:5]:
        row["cohort"] = "Spring 2026"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_lead_picks_one_cohort_and_the_table_follows(app, sample_copy):
    with_a_spring_cohort(sample_copy)
    open_location(app, sample_copy)
    app.switch_page("pages/outcomes.py").run()
    assert_no_exception(app)
    [both] = [d.value for d in app.dataframe if "Summer 2026" in d.value.columns]
    assert list(both.columns) == ["Spring 2026", "Summer 2026"]
    app.selectbox(key="impact_cohort").set_value("Spring 2026").run()
    assert_no_exception(app)
    [one] = [d.value for d in app.dataframe if "Spring 2026" in d.value.columns]
    assert list(one.columns) == ["Spring 2026"]
    expected = table(impact(load(CsvSource(folder=sample_copy)), cohort="Spring 2026"))["Spring 2026"]
    assert one["Spring 2026"].to_dict() == expected.to_dict()
