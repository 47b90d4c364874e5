"""The dashboard in a real browser: pages, downloads and every way of choosing a data source.

Tables are drawn on a canvas (glide data grid), so the tests read what the DOM really holds (titles, metrics,
captions, tab labels, alerts) and check table contents through the CSV downloads.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect

from lib.reading.loader import load
from lib.sources import upload_source
from tests.conftest import value_problems
from tests.e2e.actions import download, open_location, success_text, tab
from tests.unit.reading.test_loader_hostile import HOSTILE

# Every criterion's column is there (under the names people use), so these sets load with no warning at all.
GOOD_MENTORS = ("E-mail;Full name;Max mentees;Skills;Time zone;Years;Languages;Hobbies\r\n"
                "ana.ruiz@example.org;Ana Ruiz;2;Python;Europe/Lisbon;9;English;chess\r\n"
                ";;;;;;;\r\n"
                "bo.chen@example.org;Bo Chen;3;Public speaking;UTC+1;12;English;music\r\n")
GOOD_MENTEES = ("Email Address;First name;Last name;Goals;Time zone;Years;Languages;Hobbies;Preferred mentor\r\n"
                "zoe.quinn@example.org;Zoë;Quinn;\"Learn Python; then data\";Europe/Lisbon;0;English;chess;\r\n"
                ";;;;;;;;\r\n"
                "li.wei@example.org;Li;Wei;Public speaking;UTC+8;1;English;music;bo.chen@example.org\r\n"
                "mo.ali@example.org;Mo;Ali;Career growth;UTC;0;English;;\r\n")
BROKEN_MENTORS = ("E-mail;Full name;Max mentees;Skills;Time zone;Years;Languages;Hobbies\r\n"
                  "ana.ruiz@example.org;Ana Ruiz;two;Python;UTC;9;English;chess\r\n"
                  "bo.chen@example.org;Bo Chen;3;Public speaking;UTC;12;English;music\r\n")
BROKEN_MENTEES = ("Email Address;First name;Last name;Goals;Time zone;Years;Languages;Hobbies;Preferred mentor\r\n"
                  "zoe.quinn@example.org;Zoë;Quinn;Learn Python;UTC;0;English;chess;\r\n"
                  "not-an-email;Li;Wei;Public speaking;UTC;1;English;;\r\n"
                  "mo.ali@example.org;Mo;Ali;Career growth;UTC;0;English;music;ana.ruiz@example.org\r\n")


def write_csv_set(folder: Path, mentors: str, mentees: str) -> list[Path]:
    """mentors.csv and mentees.csv as Excel saves them in a semicolon locale: UTF-8 with a BOM."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "mentors.csv", folder / "mentees.csv"]
    for path, text in zip(paths, (mentors, mentees)):
        path.write_bytes(text.encode("utf-8-sig"))
    return paths


def upload(app, files: list[Path], label: str = "Uploaded CSV files (mentees.csv, mentors.csv)") -> None:
    app.choose_source("Upload files")
    uploader = app.sidebar.locator('[data-testid="stFileUploader"] input[type="file"]')
    uploader.set_input_files([str(f) for f in files])
    expect(app.sidebar).to_contain_text(label)
    app.wait_rendered()


# --- pages on the sample data ---------------------------------------------------------------------------------

def test_every_page_renders_on_the_sample_data(app):
    app.open("/")
    expect(app.page.locator("h1")).to_have_text("Summer Internship 2026")
    assert app.metric("People") == "32"
    assert app.metric("Active pairs") == "14"
    assert app.metric("Unmatched mentees") == "5"
    assert app.metric("Data problems") == "0"
    expect(app.sidebar).to_contain_text("In use: Sample data (Northwind Labs)")

    app.go_to("Roster")
    expect(app.page).to_have_url(re.compile(r"/roster$"))
    expect(app.page.locator("h1")).to_have_text("Roster")
    labels = [t.strip() for t in app.page.locator('[data-testid="stTab"]').all_inner_texts()]
    assert labels == ["Mentors (11)", "Mentees (23)", "Problems (0)"]
    tab(app, "Problems").click()
    expect(app.page.get_by_text("No problems found")).to_be_visible()

    app.go_to("Data set-up")
    expect(app.page.locator("h1")).to_have_text("Data set-up")
    summaries = app.page.locator('[data-testid="stExpander"] summary [data-testid="stMarkdownContainer"]')
    expanders = [e.strip() for e in summaries.all_inner_texts()]
    assert [e.split(":")[0] for e in expanders] == [
        "mentors (required)", "mentees (required)", "pairings", "checkins", "feedback", "goals", "outcomes", "settings"]

    app.go_to("Overview")
    expect(app.page.locator("h1")).to_have_text("Summer Internship 2026")


def test_starter_workbook_downloads_with_every_tab(app, tmp_path):
    app.open("/setup")
    name, payload = download(app, "Download the starter workbook (.xlsx)", tmp_path)
    assert name == "tandem-starter.xlsx"
    book = load_workbook(io.BytesIO(payload), read_only=True)
    assert {"mentors", "mentees", "pairings", "checkins", "feedback", "settings"} <= set(book.sheetnames)
    header = next(book["mentors"].iter_rows(min_row=1, max_row=1, values_only=True))
    assert list(header[:2]) == ["email", "name"]


def test_blank_starter_csv_set_uploads_says_so_and_the_overview_says_to_add_people(app, tmp_path):
    app.open("/setup")
    name, payload = download(app, "Download the starter CSV set (.zip)", tmp_path)
    assert name == "tandem-starter-csv.zip"  # blank is the default: headers and drop-downs only
    archive = zipfile.ZipFile(io.BytesIO(payload))
    tabs = ("mentors", "mentees", "pairings", "checkins", "feedback", "goals", "outcomes", "settings")
    assert sorted(archive.namelist()) == sorted(f"{t}.csv" for t in tabs)
    assert archive.read("mentors.csv").decode("utf-8-sig").strip().count("\n") == 0  # no example people
    zipped = tmp_path / name
    zipped.write_bytes(payload)
    upload(app, [zipped], "Uploaded CSV files (checkins.csv, feedback.csv, goals.csv, mentees.csv, mentors.csv, outcomes.csv, "
                          "pairings.csv, settings.csv)")  # what a lead downloads must load as it is
    success_text(app, "Now using Uploaded CSV files")  # said in the main area, not only in the sidebar
    app.go_to("Overview")
    expect(app.page.locator("h1")).to_have_text("Mentorship program")
    assert app.metric("Mentors") == "0" and app.metric("People") == "0"
    assert app.metric("Data problems") == "0"
    expect(app.page.get_by_text(re.compile("^No people yet: add your mentors and interns"))).to_be_visible()
    app.page.locator('[data-testid="stPageLink"]').filter(has_text="Set up your data").click()
    app.wait_rendered()
    expect(app.page.locator("h1")).to_have_text("Data set-up")


def test_starter_with_examples_downloads_example_people(app, tmp_path):
    app.open("/setup")
    app.page.get_by_text("With examples: one example person per tab").click()
    app.wait_rendered()
    name, payload = download(app, "Download the starter workbook (.xlsx)", tmp_path)
    assert name == "tandem-starter-examples.xlsx"
    book = load_workbook(io.BytesIO(payload), read_only=True)
    assert len(list(book["mentors"].iter_rows(min_row=2, values_only=True))) == 1


# --- uploads --------------------------------------------------------------------------------------------------

def test_uploaded_csv_set_with_awkward_formatting_loads(app, tmp_path):
    files = write_csv_set(tmp_path / "upload", GOOD_MENTORS, GOOD_MENTEES)
    app.open("/")
    upload(app, files)
    expect(app.page.locator("h1")).to_have_text("Mentorship program")  # no settings tab uploaded
    assert app.metric("People") == "5"
    assert app.metric("Data problems") == "0"

    app.go_to("Roster")
    expect(app.page.locator("h1")).to_have_text("Roster")
    labels = [t.strip() for t in app.page.locator('[data-testid="stTab"]').all_inner_texts()]
    assert labels == ["Mentors (2)", "Mentees (3)", "Problems (0)"]
    tab(app, "Mentees").click()
    panel = app.page.locator('[data-testid="stTabPanel"]:visible')
    expect(panel.locator('[data-testid="stCaptionContainer"]').first).to_have_text("3 of 3 mentees")
    name, payload = download(app, "Download mentees (CSV)", tmp_path)
    assert name.startswith("tandem-mentees-") and name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["Zoë Quinn", "Li Wei", "Mo Ali"]
    assert rows[0]["goals"] == "Learn Python; then data"


def test_roster_search_finds_a_mentee_on_an_uploaded_set(app, tmp_path):
    app.open("/")
    upload(app, write_csv_set(tmp_path / "upload", GOOD_MENTORS, GOOD_MENTEES))
    app.go_to("Roster")
    tab(app, "Mentees").click()
    panel = app.page.locator('[data-testid="stTabPanel"]:visible')
    search = panel.get_by_label("Search names, emails, skills")
    search.fill("zoë")
    search.press("Enter")
    app.wait_rendered()
    expect(panel.locator('[data-testid="stCaptionContainer"]').first).to_have_text("1 of 3 mentees")


def test_roster_search_on_the_sample_data(app):
    app.open("/roster")
    panel = app.page.locator('[data-testid="stTabPanel"]:visible')
    expect(panel.locator('[data-testid="stCaptionContainer"]').first).to_have_text("11 of 11 mentors")
    search = panel.get_by_label("Search names, emails, skills")
    search.fill("python")
    search.press("Enter")
    expect(panel.locator('[data-testid="stCaptionContainer"]').first).not_to_have_text("11 of 11 mentors")
    app.wait_rendered()
    expect(panel.locator('[data-testid="stCaptionContainer"]').first).to_have_text(re.compile(r"^([1-9]|10) of 11 mentors$"))


def test_broken_upload_names_row_and_column_and_keeps_valid_rows(app, tmp_path):
    files = write_csv_set(tmp_path / "broken", BROKEN_MENTORS, BROKEN_MENTEES)
    app.open("/")
    upload(app, files)
    expect(app.sidebar).to_contain_text("2 data problems")
    assert app.metric("People") == "4"  # 2 mentors (one at capacity 0 until fixed) + the 2 valid mentees
    assert app.metric("Mentees") == "2"
    assert app.metric("Data problems") == "2"
    success_text(app, "Now using Uploaded CSV files (mentees.csv, mentors.csv): 2 mentors, 2 mentees, 0 pairings; "
                      "2 data problems")
    expect(app.page.get_by_text(re.compile(r"^2 problems found in the data"))).to_be_visible()  # the next step
    expect(app.page.locator('[data-testid="stPageLink"]').filter(has_text="See the problems")).to_be_visible()

    app.go_to("Roster")
    problems_tab = tab(app, "Problems")
    expect(problems_tab).to_have_text("Problems (2)")
    problems_tab.click()
    name, payload = download(app, "Download problems (CSV)", tmp_path)
    assert name.startswith("tandem-data-problems-") and name.endswith(".csv")
    text = payload.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["tab", "row", "column", "value", "problem", "severity"]
    by_tab = {r["tab"]: r for r in rows}
    assert by_tab["mentees"]["row"] == "3"
    assert by_tab["mentees"]["column"] == "Email Address"  # the header as the user wrote it
    assert by_tab["mentees"]["value"] == "not-an-email"
    assert by_tab["mentees"]["severity"] == "error"
    assert by_tab["mentors"]["row"] == "2"
    assert by_tab["mentors"]["column"] == "Max mentees"
    assert by_tab["mentors"]["value"] == "two"


def test_hostile_uploads_are_refused_or_flagged_in_words(app):
    """From tests/corpus/hostile: a never-closed quote is refused naming its row, and the sample stays out of
    it; a Shift-JIS file loads with the warning that its names look garbled."""
    app.open("/")
    app.choose_source("Upload files")
    uploader = app.sidebar.locator('[data-testid="stFileUploader"] input[type="file"]')
    uploader.set_input_files([str(p) for p in sorted((HOSTILE / "unclosed_quote_after_an_inch_mark").glob("*.csv"))])
    app.wait_rendered()
    refusal = app.page.locator('[data-testid="stMain"] [data-testid="stAlert"]')
    expect(refusal.filter(has_text="mentors.csv row 3: a quote")).to_be_visible()
    expect(app.page.get_by_text("Summer Internship 2026")).to_have_count(0)  # not the sample in its place

    files = sorted((HOSTILE / "shift_jis").glob("*.csv"))
    uploader.set_input_files([str(p) for p in files])
    app.wait_rendered()
    found = load(upload_source([(p.name, p.read_bytes()) for p in files])).problems
    assert len(value_problems(found)) == 1  # the garbled names; the rest says what the small roster lacks
    assert app.metric("Data problems") == str(len(found))
    app.go_to("Roster")
    tab(app, "Problems").click()
    rows = app.page.locator('[data-testid="stDataFrame"] [role="row"]').filter(has_text="is not saved as UTF-8")
    expect(rows.first).to_be_attached()


# --- a folder or workbook on this computer --------------------------------------------------------------------

def test_local_folder_opens_and_a_missing_path_shows_an_error(app, tmp_path):
    folder = tmp_path / "program"
    write_csv_set(folder, GOOD_MENTORS, GOOD_MENTEES)
    app.open("/")
    app.choose_source("Folder or .xlsx on this computer")
    open_location(app, str(folder))
    expect(app.sidebar).to_contain_text(f"In use: CSV folder {folder}")
    assert app.metric("People") == "5"

    missing = tmp_path / "does-not-exist"
    open_location(app, str(missing))
    error = app.sidebar.locator('[data-testid="stAlert"]')
    expect(error).to_contain_text(str(missing))  # the message names what the user typed
    expect(app.page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(app.sidebar).to_contain_text(f"In use: CSV folder {folder}")  # the last good source stays
