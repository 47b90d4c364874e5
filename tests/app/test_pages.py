"""The dashboard driven through Streamlit's AppTest: pages, the data-source sidebar and refreshing."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from lib.contract.tabs import TABS
from lib.program.overview import program_summary
from lib.reading.loader import load
from lib.sources import CsvSource, sample_source
from tests.conftest import value_problems

LOCAL = "Folder or .xlsx on this computer"
UPLOAD = "Upload files"

MENTORS_CSV = (
    "email,name,team,capacity,active\n"
    "ada@example.org,Ada Lovelace,Platform,2,yes\n"
    "grace@example.org,Grace Hopper,Data,1,yes\n"
)
# Headers as a lead might type them (aliases, odd case); the broken row is spreadsheet row 3 (header = row 1).
MENTEES_HEADER = "E-Mail,Full Name,Team,Goals\n"
MENTEES_CSV = (
    MENTEES_HEADER
    + "sam@example.org,Sam Lee,Platform,Python\n"
    + "nope,Broken Row,Data,SQL\n"
    + "kim@example.org,Kim Park,Web,React\n"
)
BROKEN_ROW, BROKEN_HEADER = 3, "E-Mail"
VALID_PEOPLE = 2 + 2  # both mentors, the two mentees with a real email


@pytest.fixture(scope="module")
def sample():
    return load(sample_source())


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.main.metric}


def sidebar_captions(at: AppTest) -> list[str]:
    """Caption text as shown (the app escapes user text such as paths for Markdown)."""
    return [re.sub(r"\\(.)", r"\1", c.value) for c in at.sidebar.caption]


def button(block, label: str):
    found = [b for b in block.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in block.button]}"
    return found[0]


def open_location(at: AppTest, location: Path | str) -> AppTest:
    """What a lead does: pick 'Folder or .xlsx', type the path, press Open."""
    at.sidebar.radio(key="source_choice").set_value(LOCAL).run()
    assert_no_exception(at)
    at.sidebar.text_input(key="source_path").input(str(location))
    button(at.sidebar, "Open").click().run()
    return at


def write_folder(folder: Path, mentees: str = MENTEES_CSV) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mentors.csv").write_text(MENTORS_CSV, encoding="utf-8")
    (folder / "mentees.csv").write_text(mentees, encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/roster.py", "pages/pairings.py", "pages/health.py",
                                  "pages/outcomes.py", "pages/setup.py"])
def test_every_page_renders_on_the_sample(app, sample, page):
    expected_title = {
        "pages/overview.py": sample.settings.program_name,
        "pages/roster.py": "Roster",
        "pages/pairings.py": "Pairings",
        "pages/health.py": "Relationship health",
        "pages/outcomes.py": "Outcomes",
        "pages/setup.py": "Data set-up",
    }[page]
    assert_no_exception(app)
    app.switch_page(page).run()
    assert_no_exception(app)
    assert [t.value for t in app.title] == [expected_title]
    assert any("Sample data" in c for c in sidebar_captions(app))


def test_the_sample_never_loads_the_google_client():
    """app.py only routes: on the sample, no page loads gspread or Google's auth library (a second or so of start)."""
    import subprocess
    import sys

    script = ("import sys\n"
              "from streamlit.testing.v1 import AppTest\n"
              "at = AppTest.from_file('app.py', default_timeout=60)\n"
              "at.run()\n"
              "for page in ('roster', 'pairings', 'health', 'guides', 'setup'):\n"
              "    at.switch_page(f'pages/{page}.py').run()\n"
              "    assert not at.exception, (page, at.exception)\n"
              "print(sorted(m for m in ('gspread', 'google.auth', 'lib.sources.google_sheet') if m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_overview_is_the_default_page(app, sample):
    assert [t.value for t in app.title] == [sample.settings.program_name]
    assert sample.settings.program_name == "Summer Internship 2026"


def test_setup_lists_every_contract_tab(app):
    app.switch_page("pages/setup.py").run()
    assert_no_exception(app)
    labels = [e.label for e in app.expander]
    assert len(labels) == len(TABS)
    for spec in TABS.values():
        assert any(f"**{spec.name}**" in label for label in labels), (spec.name, labels)


# ----------------------------------------------------------------------------------------------- overview


def test_overview_metrics_equal_the_library(app, sample):
    from lib.health.model import assess

    s = program_summary(sample)
    shown = metrics(app)
    health = assess(sample)
    assert shown == {
        "Pairs at risk": str(int((health["status"] == "At risk").sum())),
        "People": str(s.mentors + s.mentees),
        "Active pairs": str(s.active_pairs),
        "Capacity left": str(s.capacity_left),
        "Unmatched mentees": str(s.unmatched_mentees),
        "Check-ins this month": str(s.checkins_this_month),
        "Mentors": str(s.mentors),
        "Mentees": str(s.mentees),
        "Incomplete profiles": str(s.incomplete_profiles),
        "Data problems": str(s.problems),
        "Pairs on plan": f"{(health['plan_overdue'].map(len) == 0).mean():.0%}",  # 11 of 14: the quiet and new
    }
    assert shown["Pairs on plan"] == "79%"
    checkins = next(m for m in app.main.metric if m.label == "Check-ins this month")
    difference = s.checkins_this_month - s.checkins_last_month
    assert checkins.delta == f"{difference:+d} against 1–24 Jun"  # like with like: the same days of June
    assert s.checkins_last_month == sum(date(2026, 6, 1) <= c.date <= date(2026, 6, 24) for c in sample.checkins)


def test_overview_says_what_tandem_is_for_and_what_to_do_next_with_links(app, sample):
    assert any("Tandem pairs your interns with mentors" in m.value for m in app.main.markdown)
    cards = [m.value for m in app.main.markdown]
    assert any(c.startswith("5 interns are waiting for a mentor") for c in cards), cards
    assert any(c.startswith("3 pairs are at risk") for c in cards), cards


def test_overview_known_facts_of_the_pinned_sample(app, sample):
    assert str(sample.settings.as_of) == "2026-07-24"
    shown = metrics(app)
    assert shown["Active pairs"] == "14"
    assert shown["Unmatched mentees"] == "5"
    assert shown["Data problems"] == "0"
    # No problems: no warning and no link to them, and "waiting for a mentor" lists the 5 unmatched.
    assert not app.main.warning
    waiting = app.main.dataframe[0].value
    assert len(waiting) == 5


# ------------------------------------------------------------------------------------------------- roster


def test_roster_tabs_show_the_counts(app):
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    assert [t.label for t in app.tabs] == ["Mentors (11)", "Mentees (23)", "Problems (0)"]


def test_roster_search_narrows_the_mentors(app, sample):
    expected = sum(any("python" in str(v).lower() for v in m.model_dump().values()) for m in sample.mentors)
    assert 0 < expected < len(sample.mentors) == 11
    app.switch_page("pages/roster.py").run()
    mentors_tab = app.tabs[0]
    assert "11 of 11 mentors" in [c.value for c in mentors_tab.caption]

    app.text_input(key="mentors_search").input("python").run()
    assert_no_exception(app)
    mentors_tab = app.tabs[0]
    assert f"{expected} of 11 mentors" in [c.value for c in mentors_tab.caption]
    assert len(mentors_tab.dataframe[0].value) == expected
    # The mentees tab keeps its own, untouched filter.
    assert "23 of 23 mentees" in [c.value for c in app.tabs[1].caption]


def test_roster_active_only_hides_the_inactive_mentor(app, sample):
    inactive = [m.email for m in sample.mentors if not m.active]
    assert len(inactive) == 1
    app.switch_page("pages/roster.py").run()
    shown = app.tabs[0].dataframe[0].value
    assert f"mailto:{inactive[0]}" in set(shown["email"])

    app.toggle(key="mentors_active").set_value(True).run()
    assert_no_exception(app)
    mentors_tab = app.tabs[0]
    assert "10 of 11 mentors" in [c.value for c in mentors_tab.caption]
    shown = mentors_tab.dataframe[0].value
    assert f"mailto:{inactive[0]}" not in set(shown["email"])
    assert shown["active"].all()


# ------------------------------------------------------------------------------------------ switching source


def test_open_a_folder_with_a_broken_row(app, tmp_path):
    folder = write_folder(tmp_path / "program")
    open_location(app, folder)
    assert_no_exception(app)
    assert not app.sidebar.error, [e.value for e in app.sidebar.error]
    captions = sidebar_captions(app)
    assert any(str(folder) in c for c in captions), captions
    found = load(CsvSource(folder=folder)).problems  # the broken row, and what the small roster lacks
    assert len(value_problems(found)) == 1
    assert any(f"· {len(found)} data problems" in c for c in captions), captions

    shown = metrics(app)
    assert shown["People"] == str(VALID_PEOPLE)
    assert shown["Mentors"] == "2" and shown["Mentees"] == "2"
    assert int(shown["Data problems"]) >= 1
    # the overview points at the problems, and says in the main area what was opened
    assert any(m.value.startswith(f"{shown['Data problems']} problems found in the data") for m in app.main.markdown)
    assert any(s.value.startswith("Now using ") and "2 mentors, 2 mentees" in s.value for s in app.main.success)

    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    labels = [t.label for t in app.tabs]
    assert labels[:2] == ["Mentors (2)", "Mentees (2)"]
    assert labels[2].startswith("Problems (") and int(labels[2][len("Problems ("):-1]) >= 1
    problems = app.tabs[2].dataframe[0].value
    match = problems[(problems["tab"] == "mentees") & (problems["row"] == BROKEN_ROW)
                     & (problems["column"] == BROKEN_HEADER)]
    assert len(match) == 1, problems.to_dict("records")
    assert "nope" in str(match.iloc[0]["value"]) + str(match.iloc[0]["problem"])


def test_a_path_that_does_not_exist_shows_an_error_and_the_app_keeps_working(app, tmp_path):
    missing = tmp_path / "no-such-folder"
    open_location(app, missing)
    assert_no_exception(app)
    errors = [e.value for e in app.sidebar.error]
    assert any("no-such-folder" in e for e in errors), errors
    # Still on the sample, and still usable.
    assert any("Sample data" in c for c in sidebar_captions(app))
    assert metrics(app)["Active pairs"] == "14"
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    assert app.tabs[0].label == "Mentors (11)"


def test_a_folder_without_the_mentees_tab_shows_the_contract_error(app, tmp_path):
    folder = tmp_path / "half"
    folder.mkdir()
    (folder / "mentors.csv").write_text(MENTORS_CSV, encoding="utf-8")
    (folder / "pairings.csv").write_text("mentor_email,mentee_email\n", encoding="utf-8")
    open_location(app, folder)
    for page in ("pages/overview.py", "pages/roster.py", "pages/pairings.py", "pages/health.py"):
        app.switch_page(page).run()
        assert_no_exception(app)
        errors = [e.value for e in app.main.error]
        assert len(errors) == 1, errors
        assert "'mentees'" in errors[0] and "mentors.csv" in errors[0] and "pairings.csv" in errors[0], errors[0]
        # Never the sample (or anything else) in its place.
        assert not app.main.metric and not app.tabs and not app.main.dataframe
        assert not app.title
        assert any(str(folder) in c for c in sidebar_captions(app))
        assert app.sidebar.error  # "Could not read this source"


@pytest.mark.parametrize("keep_mtime", [False, True], ids=["mtime-changes", "same-mtime"])
def test_refresh_data_picks_up_an_edit_on_disk(app, tmp_path, keep_mtime):
    folder = write_folder(tmp_path / "program")
    open_location(app, folder)
    assert metrics(app)["People"] == str(VALID_PEOPLE)

    mentees = folder / "mentees.csv"
    before = mentees.stat()
    with mentees.open("a", encoding="utf-8") as f:
        f.write("lee@example.org,Lee Wong,Data,SQL\n")
    if keep_mtime:  # an edit the file signature cannot see: only the Refresh button reads it again
        os.utime(mentees, ns=(before.st_atime_ns, before.st_mtime_ns))

    button(app.sidebar, "Refresh data").click().run()
    assert_no_exception(app)
    shown = metrics(app)
    assert shown["People"] == str(VALID_PEOPLE + 1)
    assert shown["Mentees"] == "3"
    app.switch_page("pages/roster.py").run()
    assert app.tabs[1].label == "Mentees (3)"
    assert "mailto:lee@example.org" in set(app.tabs[1].dataframe[0].value["email"])


def test_back_to_the_sample(app, tmp_path):
    open_location(app, write_folder(tmp_path / "program"))
    assert metrics(app)["People"] == str(VALID_PEOPLE)
    app.sidebar.radio(key="source_choice").set_value("Sample data").run()
    assert_no_exception(app)
    assert any("Sample data" in c for c in sidebar_captions(app))
    assert metrics(app)["Active pairs"] == "14"


def test_upload_csv_files(app):
    app.sidebar.radio(key="source_choice").set_value(UPLOAD).run()
    assert_no_exception(app)
    app.sidebar.file_uploader(key="source_upload").set_value([
        ("mentors.csv", MENTORS_CSV.encode(), "text/csv"),
        ("mentees.csv", MENTEES_CSV.encode(), "text/csv"),
    ]).run()
    assert_no_exception(app)
    captions = sidebar_captions(app)
    assert any("Uploaded CSV files (mentees.csv, mentors.csv)" in c for c in captions), captions
    assert metrics(app)["People"] == str(VALID_PEOPLE)


def test_open_an_xlsx_workbook_by_path(app, tmp_path):
    book = openpyxl.Workbook()
    mentors = book.active
    mentors.title = "Mentors"
    for row in MENTORS_CSV.splitlines():
        mentors.append(row.split(","))
    mentees = book.create_sheet("Mentees")
    for row in MENTEES_CSV.splitlines():
        mentees.append(row.split(","))
    path = tmp_path / "program.xlsx"
    book.save(path)

    open_location(app, path)
    assert_no_exception(app)
    assert any(str(path) in c for c in sidebar_captions(app))
    assert metrics(app)["People"] == str(VALID_PEOPLE)
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    problems = app.tabs[2].dataframe[0].value
    assert ((problems["tab"] == "mentees") & (problems["row"] == BROKEN_ROW)
            & (problems["column"] == BROKEN_HEADER)).sum() == 1, problems.to_dict("records")


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/roster.py", "pages/pairings.py", "pages/health.py",
                                  "pages/setup.py", "pages/guides.py"])
def test_every_page_explains_an_empty_program_instead_of_failing(app, tmp_path, page):
    """A blank starter (headers only), as a lead has on day one."""
    folder = tmp_path / "blank"
    folder.mkdir()
    for tab, spec in TABS.items():
        (folder / f"{tab}.csv").write_text(",".join(spec.column_names) + "\n", encoding="utf-8")
    open_location(app, folder)
    app.switch_page(page).run()
    assert_no_exception(app)
    assert not app.main.error, [e.value for e in app.main.error]
    shown = [e.value for e in (*app.main.info, *app.main.success, *app.main.caption, *app.main.markdown)]
    assert shown, "an empty page should say what to do next"
    if page == "pages/overview.py":  # nobody to pair is not "every mentee has a pairing"
        assert not [s.value for s in app.main.success if "Every active mentee" in s.value]
        assert any("No active mentees yet" in c.value for c in app.main.caption)


def test_a_form_export_shows_who_waited_too_long_and_each_profiles_gaps(app, tmp_path):
    import shutil

    from tests.conftest import CORPUS

    folder = tmp_path / "form"
    shutil.copytree(CORPUS / "forms" / "google_form", folder)
    (folder / "settings.csv").write_text("key,value\nas_of,2026-06-18\n", encoding="utf-8")
    open_location(app, folder)
    assert_no_exception(app)
    assert metrics(app)["Incomplete profiles"] == "8"
    late = [w.value.replace("\\", "") for w in app.main.warning if "waited" in w.value]
    assert late == ["3 mentees have waited more than 14 days since signing up: Kim Park (17 days); Ola Nowak "
                    "(16 days); Sam Ito (15 days)."]
    waiting = next(d.value for d in app.main.dataframe if "waiting_days" in d.value.columns)
    assert waiting["waiting_days"].tolist() == [17, 16, 15, 14]
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    mentors = app.tabs[0].dataframe[0].value
    assert list(mentors.columns[:5]) == ["row", "email", "name", "tandem_profile", "tandem_missing"]
    assert mentors["tandem_missing"].iloc[0] == "skills; capacity; timezone; seniority; languages; interests"
    assert any("Tandem does not read everything in your roster" in e.label for e in app.main.expander)


def test_a_roster_with_its_own_complete_and_missing_columns_shows_both(app, tmp_path):
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "mentors.csv").write_text("email,name,complete,missing\nana@x.org,Ana,yes,nothing\n", encoding="utf-8")
    (folder / "mentees.csv").write_text("email,name\nkim@x.org,Kim\n", encoding="utf-8")
    open_location(app, folder)
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    shown = app.tabs[0].dataframe[0].value
    assert shown["complete"].tolist() == ["yes"] and shown["missing"].tolist() == ["nothing"]
    assert shown["tandem_profile"].tolist() == [0.0]


def test_the_pairings_page_shows_stale_data_without_failing(app, monkeypatch):
    from ui import state

    monkeypatch.setattr(state, "is_stale", lambda: True)
    app.switch_page("pages/pairings.py").run()
    assert_no_exception(app)
    assert any("Saving is paused" in w.value for w in app.main.warning)


def test_managers_matched_by_name_are_a_note_on_the_problems_tab_not_a_problem(app):
    from tests.conftest import CORPUS

    open_location(app, CORPUS / "forms" / "hr_export")
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    notes = [i.value for i in app.main.info if "given by name matched" in i.value]
    assert len(notes) == 2 and "mentees" in notes[1] and "3 managers" in notes[1]
    problems = load(CsvSource(folder=CORPUS / "forms" / "hr_export")).problems
    assert not [p for p in problems if "given by name matched" in p.message]
