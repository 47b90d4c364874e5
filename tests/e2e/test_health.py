"""The Health page in Chromium on a temporary copy of the sample folder: a silent pair is at risk, the lead logs a
check-in for it, and it is out of danger (the plan still asks for its goals); the report downloads with the
statuses the page shows; a "not a good fit" answer turns a pair at risk and its rematch ends it."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from tests.e2e.actions import button, choose, download, open_folder, success_text, tab


def test_logging_a_check_in_takes_a_silent_pair_out_of_danger(app, sample_copy, tmp_path):
    folder = sample_copy
    open_folder(app, folder)
    app.go_to("Health")
    assert app.metric("At risk") == "3"
    silent = app.page.get_by_text("At risk: Priya Raman + Diego Hernández (score 25)")
    expect(silent).to_be_visible()
    reasons = app.page.locator('[data-testid="stExpander"]').filter(has_text="Priya Raman + Diego Hernández")
    expect(reasons.get_by_text("no check-in for 44 days, cadence biweekly")).to_be_visible()

    name, payload = download(app, "Health report (CSV)", tmp_path)
    assert name == "tandem-health-report-2026-07-24.csv"
    report = {r["pairing"]: r for r in csv.DictReader(io.StringIO(payload.decode("utf-8-sig")))}
    assert report["P-009"]["status"] == "At risk" and "44 days" in report["P-009"]["reasons"]

    tab(app, "Log").click()
    choose(app, "Pair", "Priya Raman + Diego Hernández")
    app.page.get_by_label("Notes").fill("Found a slot that works across time zones")
    button(app, "Log check-in").click()
    app.wait_rendered()
    success_text(app, "Logged a check-in for Priya Raman + Diego Hernández on 24 Jul 2026")
    assert app.metric("At risk") == "2"
    expect(silent).to_have_count(0)
    lines = (folder / "checkins.csv").read_text(encoding="utf-8").splitlines()
    assert lines[-1].endswith(",2026-07-24,priya.raman@northwind.example,diego.hernandez@northwind.example,30,video,"
                              "Found a slot that works across time zones")

    tab(app, "Log").click()  # a second check-in right away goes to the same pair, though its status changed
    app.page.get_by_label("Notes").fill("Second call the same week")
    button(app, "Log check-in").click()
    app.wait_rendered()
    success_text(app, "Logged a check-in for Priya Raman + Diego Hernández")
    assert (folder / "checkins.csv").read_text(encoding="utf-8").splitlines()[-1].endswith(
        "diego.hernandez@northwind.example,30,video,Second call the same week")

    tab(app, "One pair").click()
    choose(app, "Pair", "Priya Raman + Diego Hernández")
    assert app.metric("Status") == "Watch"  # out of danger; the plan still asks for goals, a fit answer, a review
    expect(app.page.get_by_role("heading", name="Program plan")).to_be_visible()
    plan = app.page.locator('[data-testid="stDataFrame"]').filter(has_text="Goals agreed")
    expect(plan).to_contain_text("overdue")
    expect(plan).to_contain_text("Final assessment")


def test_a_not_a_good_fit_answer_turns_the_pair_at_risk_and_rematch_ends_it(app, sample_copy):
    """The lead records the mentee's "not a good fit" after the first sessions: the pair turns At risk with the
    reason, and "End pairing and rematch" ends it and opens the Pairings page's rematch for the mentee."""
    open_folder(app, sample_copy)
    app.go_to("Health")
    tab(app, "Log").click()
    choose(app, "Pair", "Ana Ruiz + Mei Chen")
    form = app.page.locator('[data-testid="stForm"]').filter(has_text="Pairing fit")
    form.get_by_text("mentee", exact=True).click()
    form.get_by_text("Not a good fit", exact=True).click()
    form.get_by_label("Comment").fill("We never find a topic")
    button(app, "Record fit answer").click()
    app.wait_rendered()
    success_text(app, "Recorded the mentee's answer for Ana Ruiz + Mei Chen: not a good fit")
    assert (sample_copy / "feedback.csv").read_text(encoding="utf-8").splitlines()[-1].endswith(
        "mei.chen@northwind.example,mentee,1,We never find a topic,fit")

    tab(app, "Needs attention").click()
    pair = app.page.locator('[data-testid="stExpander"]').filter(has_text="At risk: Ana Ruiz + Mei Chen")
    expect(pair.get_by_text("mentee answered 'not a good fit' on 24 Jul 2026: consider a rematch")).to_be_visible()
    pair.get_by_role("button", name="End pairing and rematch").click()
    app.wait_rendered()
    success_text(app, "Pairing P-001 ended on 24 Jul 2026: not a good fit. Suggest Mei Chen a new mentor")
    rematch = app.page.get_by_role("combobox", name="Mentee whose pairing ended", exact=True)
    expect(rematch).to_have_value("Mei Chen")
    button(app, "Suggest a new mentor").click()
    app.wait_rendered()
    expect(app.page.get_by_text("Not Ana Ruiz: the pairing ended on 24 Jul 2026, not a good fit.")).to_be_visible()
