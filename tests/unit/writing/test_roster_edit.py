"""Editing a person: checked with the loader's own rules, only changed cells written, conflicts refused."""

from __future__ import annotations

import csv

import pytest

from lib.errors import EditRefused, SourceError, WriteConflict
from lib.reading.loader import load
from lib.sources import open_source
from lib.writing.roster_edit import current_values, save_edit
from lib.writing.writer import Writer

ANA = "ana.ruiz@northwind.example"


def rows(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def program(sample_copy):
    source = open_source(str(sample_copy))
    return sample_copy, source, load(source)


def test_only_the_changed_cells_are_written_and_logged(program):
    folder, source, data = program
    before = rows(folder / "mentors.csv")
    done = save_edit(Writer(source, data.tables), data, "mentors", ANA,
                     {**current_values(data, "mentors", ANA), "capacity": "4", "skills": "Python; Go"})
    assert set(done) == {"capacity", "skills"} and done["capacity"] == ("3", "4")
    after = rows(folder / "mentors.csv")
    changed = [(r, c) for r, (old, new) in enumerate(zip(before, after)) for c in range(len(old)) if old[c] != new[c]]
    header = before[0]
    assert [(r, header[c]) for r, c in changed] == [(1, "skills"), (1, "capacity")]
    log = rows(folder / "changes.csv")
    assert [(r[2], r[3], r[5], r[6], r[7]) for r in log[1:]] == [
        ("mentors", ANA, "skills", "Python; Kubernetes; Terraform; CI/CD; code review", "Python; Go"),
        ("mentors", ANA, "capacity", "3", "4")]


@pytest.mark.parametrize("column, value, message", [
    ("capacity", "two", "column 'capacity': 'two' is not a number"),
    ("timezone", "Mars/Base", "'Mars/Base' is not a time zone"),
    ("name", "  ", "column 'name'"),
    ("manager_email", "boss@", "'boss@' is not an email address"),
])
def test_a_bad_value_is_refused_with_row_column_and_value_and_nothing_is_written(program, column, value, message):
    folder, source, data = program
    before = (folder / "mentors.csv").read_bytes()
    with pytest.raises(EditRefused) as refused:
        save_edit(Writer(source, data.tables), data, "mentors", ANA, {column: value})
    text = str(refused.value)
    assert "mentors row 2" in text and message in text
    assert "until fixed" not in text and "value ignored" not in text  # load notes make no sense for an edit
    assert (folder / "mentors.csv").read_bytes() == before
    assert not (folder / "changes.csv").exists()


def test_an_edit_made_in_the_spreadsheet_meanwhile_is_not_overwritten(program):
    folder, source, data = program
    path = folder / "mentors.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Europe/Lisbon", "Europe/Madrid"), encoding="utf-8")
    with pytest.raises(WriteConflict) as conflict:
        save_edit(Writer(source, data.tables), data, "mentors", ANA, {"capacity": "1"})
    assert conflict.value.seen["timezone"] == "Europe/Lisbon"
    assert conflict.value.current["timezone"] == "Europe/Madrid"
    assert "Europe/Madrid" in path.read_text(encoding="utf-8") and ",3," in path.read_text(encoding="utf-8")


def test_nothing_changed_writes_nothing_and_email_is_not_an_editable_field(program):
    folder, source, data = program
    assert save_edit(Writer(source, data.tables), data, "mentees", data.mentees[0].email,
                     current_values(data, "mentees", data.mentees[0].email)) == {}
    assert not (folder / "changes.csv").exists()
    with pytest.raises(SourceError, match="not edited here: email"):
        save_edit(Writer(source, data.tables), data, "mentors", ANA, {"email": "x@example.org"})


def test_a_split_first_and_last_name_is_written_back_split(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "mentors.csv").write_text("Email,First name,Last name,Capacity\nada@example.org,Ada,Lovelace,2\n")
    (folder / "mentees.csv").write_text("email,name\nsam@example.org,Sam Lee\n")
    source = open_source(str(folder))
    data = load(source)
    save_edit(Writer(source, data.tables), data, "mentors", "ada@example.org", {"name": "Ada King"})
    assert rows(folder / "mentors.csv")[1] == ["ada@example.org", "Ada", "King", "2"]
