"""The one writer: only the meant cells change, ids are added, conflicts refuse, saves are atomic with backups."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from lib.errors import SourceError, WriteConflict
from lib.reading.loader import load
from lib.sources import CsvSource, XlsxSource, upload_source
from lib.sources.safe_save import BACKUP_DIR
from lib.writing.writer import Writer
from tests.conftest import value_problems

CLOCK = lambda: datetime(2026, 3, 14, 9, 30)  # noqa: E731


def ids():
    counter = iter(range(1, 1000))
    return lambda: f"{next(counter):04d}"


def rows_of(path: Path, delimiter=",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=delimiter))


def writer_for(source):
    return Writer(source, source.read_tables(), clock=CLOCK, new_id=ids())


def test_update_changes_one_cell_keeps_everything_else_and_logs_it(sample_copy):
    before = rows_of(sample_copy / "pairings.csv")
    mentors_before = (sample_copy / "mentors.csv").read_bytes()
    done = writer_for(CsvSource(folder=sample_copy)).update("pairings", "P-016", {"status": "active",
                                                                                   "started_on": "2026-07-27"})
    assert done == {"status": ("proposed", "active"), "started_on": ("", "2026-07-27")}
    after = rows_of(sample_copy / "pairings.csv")
    changed = [(r, c) for r, (old, new) in enumerate(zip(before, after)) for c, (a, b) in enumerate(zip(old, new))
               if a != b]
    row = next(i for i, r in enumerate(before) if r[0] == "P-016")
    assert changed == [(row, 4), (row, 5)] and len(after) == len(before)
    assert (sample_copy / "mentors.csv").read_bytes() == mentors_before
    backups = list((sample_copy / BACKUP_DIR).glob("pairings-*.csv"))
    assert len(backups) == 1 and rows_of(backups[0]) == before
    log = rows_of(sample_copy / "changes.csv")
    assert log[0] == ["id", "changed_at", "tab", "key", "action", "field", "old_value", "new_value"]
    assert log[1:] == [["X-0001", "2026-03-14T09:30:00", "pairings", "P-016", "update", "status", "proposed",
                        "active"],
                       ["X-0002", "2026-03-14T09:30:00", "pairings", "P-016", "update", "started_on", "",
                        "2026-07-27"]]


def test_update_refuses_when_the_row_changed_since_it_was_read(sample_copy):
    source = CsvSource(folder=sample_copy)
    writer = writer_for(source)
    path = sample_copy / "pairings.csv"
    path.write_text(path.read_text().replace("P-016,olena", "P-016,OLENA"))  # someone else edits the row
    edited = path.read_bytes()
    with pytest.raises(WriteConflict) as caught:
        writer.update("pairings", "P-016", {"status": "active"})
    assert path.read_bytes() == edited and not (sample_copy / "changes.csv").exists()
    assert caught.value.seen["mentor_email"].startswith("olena")
    assert caught.value.current["mentor_email"].startswith("OLENA")
    assert "Reload" in str(caught.value)


def test_update_of_another_row_is_not_a_conflict(sample_copy):
    writer = writer_for(CsvSource(folder=sample_copy))
    path = sample_copy / "pairings.csv"
    path.write_text(path.read_text().replace("P-017,marcus", "P-017,MARCUS"))
    assert writer.update("pairings", "P-016", {"cadence": "weekly"}) == {"cadence": ("biweekly", "weekly")}


def test_one_writer_updates_the_row_it_just_wrote_and_still_sees_others_changes(sample_copy):
    writer = writer_for(CsvSource(folder=sample_copy))
    assert writer.update("pairings", "P-016", {"status": "active"}) == {"status": ("proposed", "active")}
    assert writer.update("pairings", "P-016", {"cadence": "weekly"}) == {"cadence": ("biweekly", "weekly")}
    path = sample_copy / "pairings.csv"
    path.write_text(path.read_text().replace("P-016,olena", "P-016,OLENA"))  # someone else, after both writes
    with pytest.raises(WriteConflict):
        writer.update("pairings", "P-016", {"goals": "Go"})


def test_append_uses_the_users_columns_adds_ids_and_creates_missing_tabs(tmp_path):
    (tmp_path / "mentors.csv").write_text("Email;First name;Last name;Notes\nana@x.org;Ana;Ruiz;keep me\n")
    (tmp_path / "mentees.csv").write_text("email,name\nsam@x.org,Sam\n")
    source = CsvSource(folder=tmp_path)
    writer = writer_for(source)
    assert writer.append("mentors", [{"email": "bo@x.org", "name": "Bo van Dijk", "capacity": 2}]) == ["bo@x.org"]
    assert rows_of(tmp_path / "mentors.csv", ";") == [
        ["Email", "First name", "Last name", "Notes", "capacity"],  # a missing column is added at the end
        ["ana@x.org", "Ana", "Ruiz", "keep me"], ["bo@x.org", "Bo", "van Dijk", "", "2"]]
    keys = writer.append("checkins", [{"date": "2026-03-14", "mentor_email": "ana@x.org",
                                       "mentee_email": "sam@x.org", "notes": "=HYPERLINK(\"x\")"}])
    assert keys == ["C-001"]  # a new tab starts the short pattern
    checkins = rows_of(tmp_path / "checkins.csv")
    assert checkins[0] == ["id", "date", "mentor_email", "mentee_email", "minutes", "channel", "notes"]
    # marked as text in the file, so a spreadsheet opening it never runs it; read back as typed
    assert checkins[1] == ["C-001", "2026-03-14", "ana@x.org", "sam@x.org", "", "", "'=HYPERLINK(\"x\")"]
    data = load(source)
    assert [m.name for m in data.mentors] == ["Ana Ruiz", "Bo van Dijk"]
    found = value_problems(data.problems)
    assert [p.message for p in found] == ["no pairing of these two people on the pairings tab"]
    assert data.checkins[0].notes == "=HYPERLINK(\"x\")"
    assert [r[4] for r in rows_of(tmp_path / "changes.csv")[1:]] == ["append", "append"]


def test_appended_ids_follow_the_sheets_own_pattern(sample_copy):
    writer = Writer(CsvSource(folder=sample_copy), {}, clock=CLOCK)
    last = max(int(r[0][2:]) for r in rows_of(sample_copy / "checkins.csv")[1:])
    keys = writer.append("checkins", [{"date": "2026-07-24", "mentor_email": "ana.ruiz@northwind.example",
                                       "mentee_email": "mei.chen@northwind.example"}] * 2)
    assert keys == [f"C-{last + 1:04d}", f"C-{last + 2:04d}"]  # the sample's C-0001 ... four digits
    pairs = writer.append("pairings", [{"mentor_email": "ana.ruiz@northwind.example",
                                        "mentee_email": "lena.schmidt@northwind.example", "status": "proposed"}])
    assert pairs == ["P-018"]


def test_two_sessions_appending_at_once_keep_ids_unique_the_later_row_is_renumbered(sample_copy):
    source = CsvSource(folder=sample_copy)
    before = source.read_tables()
    first, second = Writer(source, before, clock=CLOCK), Writer(source, before, clock=CLOCK)
    record = {"mentor_email": "ana.ruiz@northwind.example", "status": "proposed"}
    reads = iter([{k: v for k, v in before.items()}])  # the second session read before the first one wrote
    real_read = second._read
    second._read = lambda only=None: next(reads, None) or real_read(only)
    assert first.append("pairings", [{**record, "mentee_email": "lena.schmidt@northwind.example"}]) == ["P-018"]
    [renumbered] = second.append("pairings", [{**record, "mentee_email": "siddharth.iyer@northwind.example"}])
    # one of the free numbers after the next (P-019 is what another append of the moment would take)
    assert renumbered in {f"P-{n:03d}" for n in range(20, 31)}
    stored = load(source)
    ids = [p.id for p in stored.pairings]
    assert len(ids) == len(set(ids))
    by_id = {p.id: p.mentee_email for p in stored.pairings}
    assert by_id["P-018"] == "lena.schmidt@northwind.example"  # the row written first keeps its id
    assert by_id[renumbered] == "siddharth.iyer@northwind.example"
    changes = stored.tables["changes"]
    assert any(changes.cell(r, "field") == "id" and changes.cell(r, "new_value") == renumbered for r in changes.rows)


def test_interrupted_save_leaves_the_original_intact(sample_copy, monkeypatch):
    path = sample_copy / "pairings.csv"
    original = path.read_bytes()
    writer = writer_for(CsvSource(folder=sample_copy))

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SourceError, match="writing pairings.csv failed \\(No space left on device\\); the file is as it"):
        writer.update("pairings", "P-016", {"status": "active"})
    assert path.read_bytes() == original
    assert [p.name for p in sample_copy.iterdir() if p.name.endswith(".tmp")] == []
    assert list((sample_copy / BACKUP_DIR).glob("pairings-*.csv"))


def test_a_save_cut_off_half_way_through_writing_leaves_the_workbook_intact(tmp_path, monkeypatch):
    path = tmp_path / "program.xlsx"
    _workbook(path)
    original = path.read_bytes()
    source = XlsxSource(path=path)
    writer = writer_for(source)
    real_fdopen = os.fdopen

    class HalfWritten:  # the process dies after half of the bytes reached the temporary file
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWritten(real_fdopen(fd, mode)))
    with pytest.raises(SourceError, match="Nothing was saved: writing program.xlsx failed"):
        writer.update("mentors", "ana@x.org", {"capacity": 3})
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert path.read_bytes() == original and openpyxl.load_workbook(path)["Mentors"]["C2"].value == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert len(list((tmp_path / BACKUP_DIR).glob("program-*.xlsx"))) == 1


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Mentors"
    ws.append(["Email", "Name", "Capacity", "Private notes"])
    ws.append(["ana@x.org", "Ana", 2, "likes tea"])
    ws["A1"].font = Font(bold=True)
    ws.column_dimensions["D"].width = 40
    book.create_sheet("Mentees").append(["email", "name"])
    book["Mentees"].append(["sam@x.org", "Sam"])
    book.save(path)


def test_xlsx_update_edits_cells_in_place_keeps_formatting_and_never_writes_formulas(tmp_path):
    path = tmp_path / "program.xlsx"
    _workbook(path)
    writer = writer_for(XlsxSource(path=path))
    writer.update("mentors", "ana@x.org", {"name": "=cmd|' /C calc'!A0", "capacity": "3"})
    book = openpyxl.load_workbook(path)
    ws = book["Mentors"]
    assert ws["B2"].value == "=cmd|' /C calc'!A0" and ws["B2"].data_type == "s"
    assert ws["C2"].value == 3 and ws["D2"].value == "likes tea"
    assert ws["A1"].font.bold and ws.column_dimensions["D"].width == 40
    assert [c.value for c in book["changes"][1]][:3] == ["id", "changed_at", "tab"]
    assert list((tmp_path / BACKUP_DIR).glob("program-*.xlsx"))
    assert load(XlsxSource(path=path)).mentors[0].name == "=cmd|' /C calc'!A0"


def test_uploaded_files_are_written_in_memory_and_offered_as_a_download(tmp_path):
    path = tmp_path / "program.xlsx"
    _workbook(path)
    original = path.read_bytes()
    source = upload_source([("program.xlsx", original)])
    assert not source.in_place
    writer_for(source).append("mentees", [{"email": "kim@x.org", "name": "Kim"}])
    name, data, mime = source.download()
    assert name == "program.xlsx" and "spreadsheetml" in mime
    assert [m.email for m in load(upload_source([("program.xlsx", data)])).mentees] == ["sam@x.org", "kim@x.org"]
    assert path.read_bytes() == original


NOTE = st.text(st.sampled_from(list("=+-@'\t ab1;,\"") + ["\n", "é"]), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=NOTE.filter(lambda t: t.strip()))
def test_any_note_written_to_a_csv_folder_reads_back_as_typed_and_is_never_a_formula_in_the_file(tmp_path_factory,
                                                                                                  note):
    folder = tmp_path_factory.mktemp("program")
    (folder / "mentors.csv").write_text("email,name\nana@x.org,Ana\n")
    (folder / "mentees.csv").write_text("email,name\nsam@x.org,Sam\n")
    (folder / "pairings.csv").write_text("id,mentor_email,mentee_email,status\nP-1,ana@x.org,sam@x.org,active\n")
    source = CsvSource(folder=folder)
    Writer(source, source.read_tables()).append("checkins", [{"date": "2026-03-14", "mentor_email": "ana@x.org",
                                                               "mentee_email": "sam@x.org", "notes": note}])
    written = rows_of(folder / "checkins.csv")[1][-1]
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert load(source).checkins[0].notes == note.strip()  # the loader trims cells, as for any typed value
