"""Column and tab maps: saved once as settings rows through the writer, then read by every load and write, the same
on a CSV folder, an .xlsx workbook and a Google Sheet (the local Sheets API). A Google Form's responses, mapped,
pair exactly as the same people do under Tandem's own headers."""

from __future__ import annotations

import csv
import shutil

import openpyxl
import pytest

from lib.contract.problems import ERROR, UNREAD
from lib.errors import ContractError, MapRefused
from lib.matching import PairingOptions, suggest
from lib.reading.loader import load
from lib.reading.maps import read_mapped
from lib.sources import CsvSource, XlsxSource, open_source
from lib.writing.maps import save_maps
from lib.writing.roster_edit import save_edit
from lib.writing.writer import Writer
from tests.conftest import CORPUS

FORM = CORPUS / "forms" / "google_form"
MENTEE_MAP = {"goals": "What do you most want to learn this summer?", "timezone": "Your time zone",
              "preferred_mentors": "Anyone you would like as a mentor? (email)",
              "manager_email": "Who is your manager? (email)"}
MENTOR_MAP = {"skills": "What can you teach? (pick all that apply)", "capacity": "How many interns can you take?",
              "timezone": "Your time zone", "manager_email": "Who is your manager? (email)"}
RESPONSES = "Summer internship sign-up (Responses) - Form Responses 1"


def grid(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


def form_folder(tmp_path, without_resubmission: bool = True):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    if without_resubmission:  # the second submission of Tom Berg is test_sign_ups' case
        rows = grid(folder / "mentees.csv")
        with open(folder / "mentees.csv", "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(row for row in rows if row[1].strip() != "Tom.Berg@acme.example")
    return folder


def map_form(source) -> None:
    for tab, fields in (("mentees", MENTEE_MAP), ("mentors", MENTOR_MAP)):
        data = load(source)
        save_maps(Writer(source, data.tables), data.tables, tab, fields, data.tables[tab].header)


def test_mapped_once_the_form_is_read_in_full_and_the_writes_are_in_the_change_log(tmp_path):
    folder = form_folder(tmp_path)
    source = CsvSource(folder=folder)
    before = load(source)
    assert before.mentees[0].goals == [] and before.mentors[3].capacity == 1  # unread: capacity falls back to 1
    map_form(source)
    data = load(source)
    assert [p for p in data.problems if p.kind == UNREAD and p.column.startswith(("What", "How", "Your", "Who"))] == []
    kim = data.mentee_by_email["kim.park@acme.example"]
    assert kim.goals == ["Kubernetes", "Go"] and kim.timezone == "Europe/Lisbon"
    assert kim.manager_email == "ana.costa@acme.example"
    assert data.mentee_by_email["tom.berg@acme.example"].preferred_mentors == ["eva.novak@acme.example"]
    assert [m.capacity for m in data.mentors] == [2, 2, 1, 0]  # Lin answered 0: she takes nobody
    settings = grid(folder / "settings.csv")
    assert ["column.mentees.goals", MENTEE_MAP["goals"]] in settings and ["column.mentors.capacity",
                                                                            MENTOR_MAP["capacity"]] in settings
    changes = grid(folder / "changes.csv")
    assert sum(row[2] == "settings" for row in changes[1:]) == len(MENTEE_MAP) + len(MENTOR_MAP)
    result = suggest(data, PairingOptions())
    assert all(p.mentor_email != data.mentee_by_email[p.mentee_email].manager_email for p in result.pairs)
    assert all(p.mentor_email != "lin.zhou@acme.example" for p in result.pairs)
    raj = next(p for p in result.pairs if p.mentee_email == "ola.nowak@acme.example")
    assert raj.mentor_email == "raj.mehta@acme.example" and "covers React and Testing" in raj.reason


def test_saving_the_same_map_twice_writes_nothing_and_an_empty_header_takes_a_map_back(tmp_path):
    source = CsvSource(folder=form_folder(tmp_path))
    map_form(source)
    data = load(source)
    header = data.tables["mentees"].header
    assert save_maps(Writer(source, data.tables), data.tables, "mentees", MENTEE_MAP, header) == {}
    written = save_maps(Writer(source, data.tables), data.tables, "mentees", {"goals": ""}, header)
    assert written == {"column.mentees.goals": ""}
    assert load(source).mentee_by_email["kim.park@acme.example"].goals == []


def test_an_edit_writes_into_the_mapped_column_not_a_new_one(tmp_path):
    folder = form_folder(tmp_path)
    source = CsvSource(folder=folder)
    map_form(source)
    data = load(source)
    save_edit(Writer(source, data.tables), data, "mentees", "kim.park@acme.example", {"goals": "Kubernetes; Go; Rust"})
    rows = grid(folder / "mentees.csv")
    assert rows[0] == grid(FORM / "mentees.csv")[0]  # no column was added
    assert rows[1][3] == "Kubernetes; Go; Rust"


@pytest.mark.parametrize("fields, message", [
    ({"goals": "Nope"}, "The tab 'mentees.csv' has no column 'Nope': its headers are 'Timestamp', 'Email Address'"),
    ({"goalz": "Your time zone"}, "'goalz' is not a field of mentees: use one of email, name"),
    ({"goals": "Your time zone", "timezone": "your time zone "},
     "The header 'your time zone' is already mapped to goals, so it cannot hold timezone too."),
])
def test_a_map_that_cannot_hold_is_refused_and_nothing_is_written(tmp_path, fields, message):
    folder = form_folder(tmp_path)
    source = CsvSource(folder=folder)
    data = load(source)
    with pytest.raises(MapRefused) as refused:
        save_maps(Writer(source, data.tables), data.tables, "mentees", fields, data.tables["mentees"].header)
    assert str(refused.value).startswith(message)
    assert not (folder / "settings.csv").exists() and not (folder / "changes.csv").exists()
    with pytest.raises(MapRefused, match="'interns' is not a tab Tandem maps: use one of mentors, mentees"):
        save_maps(Writer(source, data.tables), data.tables, "interns", {"goals": "x"}, [])


def test_a_tab_map_reads_a_form_responses_file_as_the_mentees(tmp_path):
    folder = form_folder(tmp_path)
    (folder / "mentees.csv").rename(folder / f"{RESPONSES}.csv")
    source = CsvSource(folder=folder)
    with pytest.raises(ContractError, match="has no 'mentees' tab"):
        load(source)
    (folder / "settings.csv").write_text(f"key,value\ntab.mentees,{RESPONSES}\n", encoding="utf-8")
    data = load(source)
    assert len(data.mentees) == 4 and data.tables["mentees"].title == f"{RESPONSES}.csv"
    map_form(source)  # the column map finds the headers of the mapped file
    assert load(source).mentee_by_email["kim.park@acme.example"].goals == ["Kubernetes", "Go"]


def test_maps_that_cannot_hold_in_the_settings_tab_are_errors_naming_the_row(tmp_path):
    folder = form_folder(tmp_path)
    (folder / "settings.csv").write_text(
        "key,value\n"
        "column.mentees.goals,Not a header here\n"  # row 2
        "column.mentees.wishes,Your time zone\n"  # row 3
        "column.interns.goals,Your time zone\n"  # row 4
        "column.mentees.timezone,Your time zone\n"  # row 5: fine
        "column.mentees.cohort,your time zone\n"  # row 6: the same header twice
        "tab.mentors,Staff\n", encoding="utf-8")  # row 7
    data = load(CsvSource(folder=folder))
    found = [(p.row, p.severity, p.message) for p in data.problems if p.tab == "settings"]
    assert [(row, severity) for row, severity, _ in found] == [(2, ERROR), (3, ERROR), (4, ERROR), (6, ERROR),
                                                                (7, ERROR)]
    messages = dict((row, message) for row, _, message in found)
    assert "the tab 'mentees.csv' has no column 'Not a header here'" in messages[2]
    assert "'wishes' is not a field of mentees" in messages[3]
    assert "'interns' is not a tab Tandem maps" in messages[4]
    assert "the header 'your time zone' is already mapped to timezone" in messages[6]
    assert "there is no tab 'Staff' (the tabs: 'mentees.csv', 'mentors.csv', 'settings.csv')" in messages[7]
    assert data.mentee_by_email["kim.park@acme.example"].timezone == "Europe/Lisbon"  # the map that holds is used
    assert len(data.mentors) == 4  # read by its own name


def test_maps_round_trip_in_an_xlsx_workbook_with_a_form_responses_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in (("Form Responses 1", grid(FORM / "mentees.csv")[:5]), ("mentors", grid(FORM / "mentors.csv"))):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.create_sheet("settings").append(["key", "value"])
    book["settings"].append(["tab.mentees", "Form Responses 1"])
    path = tmp_path / "program.xlsx"
    book.save(path)
    source = XlsxSource(path=path)
    map_form(source)
    data = load(source)
    assert data.mentee_by_email["kim.park@acme.example"].goals == ["Kubernetes", "Go"]
    assert [m.capacity for m in data.mentors] == [2, 2, 1, 0]
    keys = [row[0].value for row in openpyxl.load_workbook(path)["settings"].iter_rows(min_row=2)]
    assert keys[0] == "tab.mentees" and "column.mentees.goals" in keys and "column.mentors.capacity" in keys


def test_maps_round_trip_on_a_google_sheet_with_one_more_batch_get_for_a_tab_map(fake, monkeypatch):
    monkeypatch.setenv("GOOGLE_SHEETS_API_URL", fake.base_url)
    key = fake.add_spreadsheet("Summer sign-up", {
        "Form Responses 1": grid(FORM / "mentees.csv")[:5], "mentors": grid(FORM / "mentors.csv"),
        "settings": [["key", "value"], ["tab.mentees", "Form Responses 1"]]})
    url = f"https://docs.google.com/spreadsheets/d/{key}/edit"
    source = open_source(url)
    map_form(source)
    before = len(fake.requests)
    data = load(source)
    reads = [r.kind for r in fake.requests[before:]]
    assert reads.count("batchGet") == 2 and reads.count("metadata") == 0  # contract tabs, then the mapped one
    assert data.mentee_by_email["kim.park@acme.example"].goals == ["Kubernetes", "Go"]
    assert fake.values(key, "settings")[2:] == [[f"column.mentees.{f}", h] for f, h in MENTEE_MAP.items()] + [
        [f"column.mentors.{f}", h] for f, h in MENTOR_MAP.items()]
    tables, maps, problems = read_mapped(source, only={"mentees"})
    assert tables["mentees"].title == "Form Responses 1" and problems == [] and "settings" not in tables


@pytest.mark.parametrize("resubmitted", [False, True])
def test_mapped_once_a_form_export_pairs_exactly_as_the_same_people_under_tandems_headers(tmp_path, resubmitted):
    folder = form_folder(tmp_path, without_resubmission=not resubmitted)
    source = CsvSource(folder=folder)
    map_form(source)
    mapped = load(source)
    own = tmp_path / "own"
    own.mkdir()
    for tab, fields in (("mentors", MENTOR_MAP), ("mentees", MENTEE_MAP)):
        rows = grid(folder / f"{tab}.csv")
        by_header = {header: field for field, header in fields.items()}
        header = [by_header.get(h, {"Email Address": "email", "Full name": "name"}.get(h, h)) for h in rows[0]]
        with open(own / f"{tab}.csv", "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, *rows[1:]])
    plain = load(CsvSource(folder=own))
    assert [m.goals for m in mapped.mentees] == [m.goals for m in plain.mentees]  # Tom's latest answer in both
    for kind in ("one-on-one", "group", "peer"):
        a, b = suggest(mapped, PairingOptions(type=kind)), suggest(plain, PairingOptions(type=kind))
        assert [(p.mentor_email, p.mentee_email, p.score, p.reason) for p in a.pairs] == \
            [(p.mentor_email, p.mentee_email, p.score, p.reason) for p in b.pairs]


def test_headers_in_other_scripts_map_to_their_own_column_and_are_written_there(tmp_path):
    """'Цели' and 'Отдел' share no Latin letters: a map of one never reads (or writes) the other."""
    from lib.contract.tabs import MENTEES

    mentees = "Email Address,Full name,Отдел,Цели\nkim@x.org,Kim Park,Продажи,Kubernetes; Go\n"
    folder = tmp_path / "ru"
    folder.mkdir()
    (folder / "mentors.csv").write_text("email,name\nana@x.org,Ana\n", encoding="utf-8")
    (folder / "mentees.csv").write_text(mentees, encoding="utf-8")
    source = CsvSource(folder=folder)
    data = load(source)
    save_maps(Writer(source, data.tables), data.tables, "mentees", {"goals": "Цели", "team": "Отдел"},
              data.tables["mentees"].header)
    data = load(source)
    kim = data.mentee_by_email["kim@x.org"]
    assert kim.goals == ["Kubernetes", "Go"] and kim.team == "Продажи"
    save_edit(Writer(source, data.tables), data, "mentees", "kim@x.org", {"goals": "Rust"})
    assert grid(folder / "mentees.csv")[1] == ["kim@x.org", "Kim Park", "Продажи", "Rust"]
    assert MENTEES.name == "mentees"
    with pytest.raises(MapRefused, match="already mapped to goals, so it cannot hold team too"):
        save_maps(Writer(source, data.tables), data.tables, "mentees", {"goals": "Цели", "team": " цели "},
                  data.tables["mentees"].header)


def test_a_tab_map_cannot_name_a_tab_that_holds_another_roster(tmp_path):
    folder = form_folder(tmp_path)
    source = CsvSource(folder=folder)
    data = load(source)
    with pytest.raises(MapRefused, match="'mentors.csv' holds the mentors, so it cannot hold the mentees too: choose "
                                         "the one that holds the mentees."):
        save_maps(Writer(source, data.tables), data.tables, "mentees", {}, [], source.titles(), "mentors.csv")
    (folder / "settings.csv").write_text("key,value\ntab.mentees,mentors\n", encoding="utf-8")
    found = [p.message for p in load(source).problems if p.tab == "settings"]
    assert found == ["setting 'tab.mentees': 'mentors' holds the mentors, so it cannot hold the mentees too; the "
                     "map is not used"]


def test_with_a_key_twice_in_the_settings_the_first_row_counts_for_reading_and_saving(tmp_path):
    folder = form_folder(tmp_path)
    (folder / "settings.csv").write_text(
        "key,value\ncolumn.mentees.goals,What do you most want to learn this summer?\n"
        "column.mentees.goals,Your time zone\n", encoding="utf-8")
    source = CsvSource(folder=folder)
    data = load(source)
    assert data.mentee_by_email["kim.park@acme.example"].goals == ["Kubernetes", "Go"]
    assert [p.row for p in data.problems if p.tab == "settings"] == [3]  # the second row is the one refused
    header = data.tables["mentees"].header
    save_maps(Writer(source, data.tables), data.tables, "mentees", {"goals": ""}, header)  # taken back
    assert grid(folder / "settings.csv")[1:] == [["column.mentees.goals", ""],
                                                  ["column.mentees.goals", "Your time zone"]]


def test_forgetting_someone_cleans_the_tab_a_map_replaced_too(tmp_path):
    from lib.writing.forget import preview

    folder = form_folder(tmp_path)
    shutil.copy(folder / "mentees.csv", folder / f"{RESPONSES}.csv")  # an old copy stays beside the Form's file
    (folder / "settings.csv").write_text(f"key,value\ntab.mentees,{RESPONSES}\n", encoding="utf-8")
    source = CsvSource(folder=folder)
    assert preview(source, "kim.park@acme.example").rows_removed == {"mentees": 2}
    report = Writer(source, {}).forget("kim.park@acme.example")
    assert report.rows_removed == {"mentees": 2}
    for name in ("mentees.csv", f"{RESPONSES}.csv"):
        assert "kim.park" not in (folder / name).read_text(encoding="utf-8")
