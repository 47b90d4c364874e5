"""The Outcomes page in Chromium on a copy of the sample: the lead records an intern's outcome through the form, sees
the figures change, and downloads the one-page report for leadership, read back by a real PDF reader."""

from __future__ import annotations

import csv

from playwright.sync_api import expect

from tests.app.test_outcomes_page import with_a_spring_cohort
from tests.e2e.actions import button, choose, download, open_folder, success_text
from tests.unit.documents.pdf.reading import read


def test_record_an_outcome_and_download_the_report(app, sample_copy, tmp_path):
    open_folder(app, sample_copy)
    app.go_to("Outcomes")
    figures = app.page.locator('[data-testid="stDataFrame"]').first
    expect(figures).to_be_visible()
    chart = app.page.locator('[data-testid="stVegaLiteChart"]')
    expect(chart).to_have_count(1)

    choose(app, "Mentee", "Tomás Silva")
    form = app.page.locator('[data-testid="stForm"]')
    choose(app, "Job offer", "Offer accepted")
    form.get_by_label("Next step").fill("Back next summer on the code team")
    form.get_by_label("Skills before (1-5 each)").fill("Python:2; debugging:1")
    form.get_by_label("Skills after (1-5 each)").fill("Python:4; debugging:3")
    button(app, "Record outcome").click()
    app.wait_rendered()
    success_text(app, "Recorded the outcome of Tomás Silva on 24 Jul 2026: offer accepted.")
    with open(sample_copy / "outcomes.csv", encoding="utf-8-sig", newline="") as handle:
        last = list(csv.DictReader(handle))[-1]
    assert (last["mentee_email"], last["offer"], last["skills_after"]) == (
        "tomas.silva@northwind.example", "accepted", "Python:4; debugging:3")
    latest = app.page.locator('[data-testid="stDataFrame"]').last
    expect(latest).to_contain_text("Back next summer on the code team")

    name, payload = download(app, "Impact report (PDF, one page)", tmp_path)
    assert name == "tandem-impact-2026-07-24.pdf"
    [page] = read(payload)
    assert "What the mentoring achieved" in page and "Summer 2026" in page
    assert "Mentees offered a job 80 %" in page and "Offers accepted 50 %" in page  # with Tomás' acceptance


def test_a_lead_picks_one_cohort_and_downloads_its_report(app, sample_copy, tmp_path):
    with_a_spring_cohort(sample_copy)
    open_folder(app, sample_copy)
    app.go_to("Outcomes")
    choose(app, "Cohorts", "Spring 2026")
    name, payload = download(app, "Impact report (PDF, one page)", tmp_path)
    assert name == "tandem-impact-spring-2026-2026-07-24.pdf"
    [page] = read(payload)
    assert "Spring 2026" in page and "Summer 2026" not in page
