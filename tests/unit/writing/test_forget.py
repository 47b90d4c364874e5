"""Forgetting a person (right to erasure) through the writer, on a CSV folder, an XLSX workbook and uploads:
exactly the meant rows and cells change, nothing of the person is left (backups included), counts stay."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from lib.contract.pseudonyms import pseudonym
from lib.errors import NothingToForget, RowMoved
from lib.reading.loader import load
from lib.sources import CsvSource, XlsxSource, upload_source
from lib.sources.safe_save import BACKUP_DIR
from lib.sources.xlsx_file import workbook_grids
from lib.writing.writer import Writer

MEI, TOMAS, PRIYA = "mei.chen@northwind.example", "tomas.silva@northwind.example", "priya.raman@northwind.example"
SALT = b"test salt"
TABS = ("mentors", "mentees", "pairings", "checkins", "feedback", "goals", "outcomes", "settings", "changes")
CLOCK = lambda: datetime(2026, 7, 24, 9, 30)  # noqa: E731


def ids():
    counter = iter(range(1, 1000))
    return lambda: f"{next(counter):04d}"


def writer(source, new_id=None) -> Writer:
    return Writer(source, source.read_tables(), clock=CLOCK, new_id=new_id or ids())


def trimmed(grid: list[list[str]]) -> list[list[str]]:
    """A grid without trailing blank cells and rows: how each source reads it back."""
    rows = [list(r) for r in grid]
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def csv_grids(folder: Path) -> dict[str, list[list[str]]]:
    return {tab: trimmed(list(csv.reader(io.StringIO((folder / f"{tab}.csv").read_text(encoding="utf-8-sig")))))
            for tab in TABS if (folder / f"{tab}.csv").exists()}


def every_text(folder: Path) -> str:
    """Every file in the folder and its backups, as lower-case text."""
    files = [p for p in (*folder.iterdir(), *(folder / BACKUP_DIR).glob("*")) if p.is_file()]
    texts = []
    for path in files:
        if path.suffix == ".xlsx":  # every sheet, contract or not, as openpyxl stores it
            book = openpyxl.load_workbook(path, read_only=True)
            texts += [str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                      for cell in row if cell is not None]
            book.close()
        else:
            texts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(texts).lower()


def prior_writes(source) -> None:
    """Change-log entries about Mei before she is forgotten: her own row, her pairing, someone avoiding her."""
    w = writer(source)
    w.update("mentees", MEI, {"skills": "Go; Linux; Rust"})
    w.update("pairings", "P-001", {"cadence": "biweekly"})
    w.update("mentees", TOMAS, {"avoid": MEI})


def where(grid, column: str, value: str) -> list[int]:
    at = grid[0].index(column)
    return [i for i, row in enumerate(grid) if i and len(row) > at and row[at] == value]


def test_forgetting_a_mentee_in_a_csv_folder_changes_exactly_the_meant_rows_and_cells(sample_copy):
    source = CsvSource(folder=sample_copy)
    prior_writes(source)
    before = csv_grids(sample_copy)
    report = writer(source).forget(MEI.upper(), salt=SALT)
    after = csv_grids(sample_copy)
    alias = pseudonym(MEI, SALT)
    assert report.pseudonym == alias

    expected = {tab: [list(r) for r in grid] for tab, grid in before.items()}
    mentees = expected["mentees"]
    mentees[where(mentees, "email", TOMAS)[0]][mentees[0].index("avoid")] = ""
    del mentees[where(mentees, "email", MEI)[0]]
    blanked = 0
    for tab, text_columns in (("pairings", ("goals", "end_reason")), ("checkins", ("notes",)),
                              ("feedback", ("comment",)), ("outcomes", ("next_step", "notes"))):
        grid = expected[tab]
        rows = where(grid, "mentee_email", MEI)
        assert rows
        for i in rows:
            grid[i][grid[0].index("mentee_email")] = alias
            for column in text_columns:
                at = grid[0].index(column)
                if at < len(grid[i]) and grid[i][at]:
                    grid[i][at] = ""
                    blanked += 1
        expected[tab] = trimmed(grid)
    goals = expected["goals"]  # the goals of her pairing: the goal a placeholder, the measure blank
    for i in where(goals, "pairing_id", "P-001"):
        for column, placeholder in (("goal", "[forgotten]"), ("measure", "")):
            at = goals[0].index(column)
            goals[i][at] = placeholder
            blanked += 1
    expected["goals"] = trimmed(goals)
    changes = expected["changes"]
    for row in changes[1:]:  # all three entries were about Mei (her row, her pairing, an avoid list naming her)
        row[6:8] = ["", ""]
        row[3] = alias if row[3] == MEI else row[3]
    expected["changes"] = trimmed(changes)
    record = after["changes"][-1]
    assert after["changes"][:-1] == expected["changes"]
    assert {tab: g for tab, g in after.items() if tab != "changes"} == \
        {tab: g for tab, g in expected.items() if tab != "changes"}

    assert record[2:6] == ["mentees", alias, "forget",
                           "mentees; pairings; checkins; feedback; goals; outcomes; changes"]
    assert record[6] == "" and record[7].startswith("removed 1 roster row, pseudonymised 18 log rows as " + alias)
    assert (report.rows_removed, report.log_rows) == ({"mentees": 1}, {"pairings": 1, "checkins": 8, "feedback": 8,
                                                                      "outcomes": 1})
    assert (report.texts_blanked, report.references_cleaned, report.changes_cleaned) == (blanked, 1, 3)
    assert blanked == 16  # 1 pairing goal, 8 check-in notes, 2 feedback comments, 2 goals and their measures, and
    # her outcome's next step (its skills stay: the report's gain still counts them)

    text = every_text(sample_copy)  # the backups Tandem kept are searched too
    assert "mei.chen" not in text and "mei chen" not in text
    assert set(re.findall(r"forgotten-[0-9a-f]{8}@forgotten\.invalid", text)) == {alias}
    for tab in ("pairings", "checkins", "feedback"):  # counts kept
        assert len(after[tab]) == len(before[tab])


def test_a_mentor_is_cleaned_from_managers_preferences_settings_and_other_peoples_notes(sample_copy):
    source = CsvSource(folder=sample_copy)
    w = writer(source)
    amara, aiko = "amara.nwosu@northwind.example", "aiko.tanaka@northwind.example"
    w.update("mentees", amara, {"preferred_mentors": f"{PRIYA}; {aiko}"})
    w.update("checkins", "C-0001", {"notes": "Kick-off; Priya Raman joined for the first ten minutes"})
    before = csv_grids(sample_copy)
    report = writer(source).forget(PRIYA, salt=SALT)
    after = csv_grids(sample_copy)
    mentees = after["mentees"]
    tomas_row, amara_row = (mentees[where(mentees, "email", e)[0]] for e in (TOMAS, amara))
    assert tomas_row[mentees[0].index("manager_email")] == ""
    assert amara_row[mentees[0].index("preferred_mentors")] == aiko
    assert ["contact"] in after["settings"]  # was "contact,Priya Raman <priya.raman@...>"
    checkins = after["checkins"]
    assert checkins[where(checkins, "id", "C-0001")[0]][6] == "Kick-off; [forgotten] joined for the first ten minutes"
    assert len(after["mentors"]) == len(before["mentors"]) - 1 and report.rows_removed == {"mentors": 1}
    assert report.log_rows == {"pairings": 2, "checkins": 9, "feedback": 11}
    # Tomás' manager, Amara's preference, the contact setting, a note; the two change entries naming her
    assert (report.references_cleaned, report.changes_cleaned) == (4, 2)
    text = every_text(sample_copy)
    assert "priya" not in text and "raman" not in text


def test_a_person_on_both_roster_tabs_is_removed_from_both_with_one_pseudonym(sample_copy):
    source = CsvSource(folder=sample_copy)
    writer(source).append("mentors", [{"email": MEI, "name": "Mei Chen", "capacity": 1}])
    writer(source).append("pairings", [{"mentor_email": MEI, "mentee_email": TOMAS, "type": "one-on-one"}])
    before = csv_grids(sample_copy)
    report = writer(source).forget(MEI, salt=SALT)
    after = csv_grids(sample_copy)
    assert report.rows_removed == {"mentors": 1, "mentees": 1}
    assert after["mentors"] == before["mentors"][:-1] and len(after["mentees"]) == len(before["mentees"]) - 1
    mentor_side = [r for r in after["pairings"] if r[1] == pseudonym(MEI, SALT)]
    assert len(mentor_side) == 1 and mentor_side[0][2] == TOMAS
    assert after["changes"][-1][2] == "mentors; mentees"
    assert "mei" not in every_text(sample_copy)


def test_an_email_not_in_the_data_writes_nothing(sample_copy):
    files = {p.name: p.read_bytes() for p in CsvSource(folder=sample_copy).stored_files()}
    with pytest.raises(NothingToForget, match="not in the data"):
        writer(CsvSource(folder=sample_copy)).forget("nobody@northwind.example")
    assert {p.name: p.read_bytes() for p in CsvSource(folder=sample_copy).stored_files()} == files
    assert not (sample_copy / BACKUP_DIR).exists()


def test_a_row_that_moved_before_the_write_is_refused_and_no_file_changes(sample_copy):
    source = CsvSource(folder=sample_copy)
    commit = source.commit
    mentees = sample_copy / "mentees.csv"

    def someone_inserts_a_row_first(edits):
        lines = mentees.read_text(encoding="utf-8").splitlines(keepends=True)
        mentees.write_text(lines[0] + "new.person@northwind.example,New Person\n" + "".join(lines[1:]),
                           encoding="utf-8")
        commit(edits)
    source.commit = someone_inserts_a_row_first

    def others():  # the data files but mentees.csv (the lock file holds no data)
        return {p.name: p.read_bytes() for p in CsvSource(folder=sample_copy).stored_files() if p != mentees}
    files = others()
    with pytest.raises(RowMoved, match="row 2 of the tab 'mentees.csv' changed"):
        writer(source).forget(MEI)
    assert others() == files
    assert "mei.chen" in mentees.read_text(encoding="utf-8")


def test_backups_that_hold_the_person_are_deleted_and_others_kept(sample_copy):
    source = CsvSource(folder=sample_copy)
    writer(source).update("settings", "organisation", {"value": "Northwind Labs Ltd"})
    writer(source).update("mentees", TOMAS, {"skills": "Excel; SQL"})  # a backup of mentees.csv, with Mei in it
    settings_backups = list((sample_copy / BACKUP_DIR).glob("settings-*.csv"))
    assert len(settings_backups) == 1
    report = writer(source).forget(MEI)
    kept = list((sample_copy / BACKUP_DIR).iterdir())
    assert settings_backups[0] in kept
    assert all("mei" not in p.read_text(encoding="utf-8-sig").lower() for p in kept)
    # mentees.csv before Tomás' edit, and the five files with Mei in them that the forget replaced (its backup of
    # changes.csv, which never named her, is kept like the settings one)
    assert report.backups_removed == 6 and len(list((sample_copy / BACKUP_DIR).glob("changes-*.csv"))) == 2


def workbook_from(folder: Path, path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for tab, grid in csv_grids(folder).items():
        sheet = book.create_sheet(tab.capitalize())
        for row in grid:
            sheet.append(row)
        sheet["A1"].font = Font(bold=True)
    book.save(path)


def test_an_xlsx_workbook_ends_exactly_as_the_csv_folder_does(sample_copy, tmp_path):
    folder_source = CsvSource(folder=sample_copy)
    prior_writes(folder_source)
    path = tmp_path / "program.xlsx"
    workbook_from(sample_copy, path)
    before = {tab.lower(): trimmed(g) for tab, g in workbook_grids(path.read_bytes(), path.name).items()}
    assert before == csv_grids(sample_copy)

    report = writer(XlsxSource(path=path)).forget(MEI, salt=SALT)
    writer(folder_source).forget(MEI, salt=SALT)
    after = {tab.lower(): trimmed(g) for tab, g in workbook_grids(path.read_bytes(), path.name).items()}
    assert after == csv_grids(sample_copy)
    assert len(after["mentees"]) == len(before["mentees"]) - 1 and report.rows_removed == {"mentees": 1}
    book = openpyxl.load_workbook(path)
    assert book["Mentees"]["A1"].font.bold  # the workbook is edited in place, formatting kept
    assert "mei" not in every_text(tmp_path) and report.backups_removed == 1  # the copy taken before the forget


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_uploaded_copy_is_forgotten_in_memory_and_the_download_holds_nothing_of_the_person(sample_copy,
                                                                                             tmp_path, kind):
    if kind == "xlsx":
        workbook_from(sample_copy, tmp_path / "program.xlsx")
        source = upload_source([("program.xlsx", (tmp_path / "program.xlsx").read_bytes())])
    else:
        source = upload_source([(p.name, p.read_bytes()) for p in sorted(sample_copy.glob("*.csv"))])
    report = writer(source).forget(MEI)
    assert report.rows_removed == {"mentees": 1} and report.backups_removed == 0
    name, data, _ = source.download()
    again = upload_source([(name, data)]).read_tables()
    cells = " ".join(c for table in again.values() for r in table.rows for c in r.cells).lower()
    assert "mei" not in cells and report.pseudonym in cells
    assert len(again["mentees"].rows) == 22 and len(again["checkins"].rows) == 67


def test_the_forgotten_rows_load_without_new_problems_and_stay_out_of_the_program(sample_copy):
    """Needs the consistency change (lib/contract/pseudonyms.is_forgotten in the pairing and log checks)."""
    from lib.health.model import assess
    from lib.program.overview import program_summary
    from tests.unit.reading.row_by_row import reference_dataset

    source = CsvSource(folder=sample_copy)
    before = load(source)
    writer(source).forget(MEI, salt=SALT)
    data = load(source)
    assert [str(p) for p in data.problems if "forgotten" in str(p)] == []
    assert {(p.tab, p.message) for p in data.problems} <= {(p.tab, p.message) for p in before.problems}
    assert (len(data.mentees), len(data.pairings), len(data.checkins), len(data.feedback)) == \
        (len(before.mentees) - 1, len(before.pairings) - 1, len(before.checkins) - 8, len(before.feedback) - 8)
    assert len(assess(data)) == len(assess(before)) - 1  # her active pairing is out of health
    program_summary(data)
    by_row = reference_dataset(source.read_tables())  # the row-by-row reference path agrees
    assert [str(p) for p in by_row.problems] == [str(p) for p in data.problems]
    assert (len(by_row.checkins), len(by_row.feedback)) == (len(data.checkins), len(data.feedback))


def test_the_goals_of_their_pairings_are_blanked_and_the_others_kept(sample_copy):
    def goals():
        with open(sample_copy / "goals.csv", encoding="utf-8-sig", newline="") as handle:
            return {r["id"]: r for r in csv.DictReader(handle)}

    before = goals()
    writer(CsvSource(folder=sample_copy)).forget(MEI, salt=SALT)
    after = goals()
    theirs = [k for k, r in before.items() if r["pairing_id"] == "P-001"]  # Ana Ruiz and Mei Chen
    assert theirs and all(after[k]["goal"] == "[forgotten]" and after[k]["measure"] == "" for k in theirs)
    assert all(after[k] == before[k] for k in before if k not in theirs)
    data = load(CsvSource(folder=sample_copy))
    assert not [p for p in data.problems if p.tab == "goals"]
