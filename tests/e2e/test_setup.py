"""A Google Form's responses in Chromium, as a lead brings them: upload the download as it is named, see what Tandem
does not read, say on Data set-up which file holds the mentees and map the questions to fields (the guesses come
pre-filled), then get pairs that cover the interns' goals, read the Overview and the Roster's profiles after
accepting them, and download the pairing sheet, read with openpyxl."""

from __future__ import annotations

import io
import shutil

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.conftest import CORPUS
from tests.e2e.actions import button, choose, download, success_text, tab

FORM = CORPUS / "forms" / "google_form"
RESPONSES = "Intern sign-up (Responses) - Form Responses 1.csv"


def test_upload_a_form_export_map_its_columns_and_get_pairs_that_cover_the_goals(app, tmp_path):
    shutil.copy(FORM / "mentors.csv", tmp_path / "mentors.csv")
    shutil.copy(FORM / "mentees.csv", tmp_path / RESPONSES)
    app.open()
    app.choose_source("Upload files")
    uploader = app.sidebar.locator('[data-testid="stFileUploader"] input[type="file"]')
    uploader.set_input_files([str(tmp_path / "mentors.csv"), str(tmp_path / RESPONSES)])
    app.wait_rendered()
    main = app.page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("has no 'mentees' tab")
    expect(main).to_contain_text("Say which on the Data set-up page")

    app.go_to("Data set-up")
    choose(app, "The mentees are in", RESPONSES)
    button(app, f"Read the mentees from '{RESPONSES}'").click()
    app.wait_rendered()
    success_text(app, f"The mentees are read from '{RESPONSES}' from now on.")

    app.go_to("Overview")  # it loads now: every profile lacks what the unmapped questions hold, and all wait
    assert app.metric("Incomplete profiles") == "8" and app.metric("Unmatched mentees") == "4"
    expect(app.page.locator('[data-testid="stAlert"]').filter(has_text="waited more than 14 days")).to_contain_text(
        "4 mentees have waited more than 14 days since signing up: Kim Park (")

    app.go_to("Pairings")  # and says what it does not read
    unread = app.page.locator('[data-testid="stExpander"]').filter(has_text="Tandem does not read everything")
    expect(unread).to_contain_text("'What do you most want to learn this summer?': column D is not one Tandem "
                                   "reads; it looks like goals")

    app.go_to("Data set-up")
    mentees = app.page.locator('[data-testid="stExpander"]').filter(has_text=f"mentees ({RESPONSES})")
    expect(mentees).to_contain_text("goals ← What do you most want to learn this summer?")  # the preview, as mapped
    button(app, "Save the mentees map").click()
    app.wait_rendered()
    success_text(app, "Saved the mentees map: goals = 'What do you most want to learn this summer?'")
    button(app, "Save the mentors map").click()
    app.wait_rendered()
    success_text(app, "Saved the mentors map: ")

    app.go_to("Pairings")
    expect(app.page.get_by_text("Tandem does not read everything")).to_have_count(1)  # only what has no field now
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    rows = app.page.locator('[data-testid="stDataFrame"]').first.locator('[role="row"]')
    expect(rows.filter(has_text="covers React and Testing")).to_have_count(1)  # Ola and Raj
    placed = int(app.metric("Placed"))
    button(app, f"Accept {placed} pairs").click()
    app.wait_rendered()
    success_text(app, f"Saved {placed} pairings as proposed")

    app.go_to("Overview")  # accepted, then the Overview: nobody waits any more
    assert app.metric("Unmatched mentees") == "0"
    expect(app.page.get_by_text("waited more than 14 days")).to_have_count(0)
    assert int(app.metric("Incomplete profiles")) == 8  # seniority, languages and interests were never asked
    app.go_to("Roster")
    header = app.page.locator('[data-testid="stDataFrame"]').first.locator('[role="row"]').first
    expect(header).to_contain_text("Profile")
    expect(header).to_contain_text("Missing")

    app.go_to("Pairings")
    tab(app, "Hand-off").click()
    name, payload = download(app, "Pairing sheet (XLSX)", tmp_path)
    sheet = load_workbook(io.BytesIO(payload)).active
    rows = [dict(zip([c.value for c in sheet[1]], [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    ola = next(r for r in rows if r["Mentee email"] == "ola.nowak@acme.example")
    assert ola["Mentor"] == "Raj Mehta" and ola["Shared goals"] == "React; Testing"
    assert all(r["Mentor email"] != "lin.zhou@acme.example" for r in rows)  # she can take 0 interns
    assert name.startswith("tandem-pairing-sheet-") and name.endswith(".xlsx")
