"""The Health page in Chromium on a temporary copy of the sample folder: a silent pair is at risk, the lead logs a
check-in for it, and it turns healthy; the report downloads with the statuses the page shows."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from tests.e2e.actions import button, choose, download, open_folder, success_text, tab


def test_logging_a_check_in_turns_a_silent_pair_healthy(app, sample_copy, tmp_path):
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
    assert app.metric("Status") == "Healthy"
