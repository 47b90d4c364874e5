"""One set of rules for column and tab maps: a map the reader would refuse is refused when saved (one sentence,
exit 2, nothing written), checked against the maps already saved and the tab's own headers; and a folder or workbook
holding only a Google Form's responses says there is no mentees tab and how to map a sheet to it."""

from __future__ import annotations

import csv
import shutil

import openpyxl
import pytest

from lib.errors import MapRefused
from lib.reading.loader import load
from lib.reading.maps import column_map_faults
from lib.sources import CsvSource
from lib.writing.maps import save_maps
from lib.writing.writer import Writer
from tests.conftest import CORPUS
from tests.unit.cli.test_main import run

FORM = CORPUS / "forms" / "google_form"
LEARN = "What do you most want to learn this summer?"


def settings_text(folder) -> str:
    path = folder / "settings.csv"
    return path.read_text(encoding="utf-8-sig") if path.exists() else ""


def test_a_second_field_for_a_saved_header_is_refused_not_saved_then_refused_by_validate(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    assert run("map", str(folder), "--tab", "mentees", f"goals={LEARN}").returncode == 0
    before = settings_text(folder)
    again = run("map", str(folder), "--tab", "mentees", f"email={LEARN}")
    assert again.returncode == 2 and again.stdout == ""
    assert again.stderr == (f"error: The header '{LEARN}' is already mapped to goals, so it cannot hold email "
                            "too.\n")
    assert settings_text(folder) == before
    assert run("validate", str(folder)).returncode == 0  # nothing the reader refuses was saved


def test_a_header_read_as_another_field_by_its_own_name_is_not_taken_from_it(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    result = run("map", str(folder), "--tab", "mentees", "goals=Timestamp")
    assert result.returncode == 2 and not (folder / "settings.csv").exists()
    assert result.stderr == ("error: The column 'Timestamp' is read as signed_up_on by its own name, so it cannot "
                             "hold goals too: rename the column first.\n")


def test_the_sample_keeps_its_own_goals_column_whatever_a_map_says(sample_copy):
    rows = list(csv.reader((sample_copy / "mentees.csv").open(encoding="utf-8-sig", newline="")))
    rows[0].append("What do you hope to learn?")  # a Form question beside the program's own goals column
    rows[1:] = [[*row, "SQL"] for row in rows[1:]]
    with open(sample_copy / "mentees.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    before = settings_text(sample_copy)
    cases = {("interests=skills", "goals=interests"): "error: The column 'skills' is read as skills by its own "
                                                      "name, so it cannot hold interests too",
             ("goals=What do you hope to learn?",): "error: The tab 'mentees.csv' has a goals column of its own, "
                                                    "'goals', which the map would drop"}
    for fields, message in cases.items():
        result = run("map", str(sample_copy), "--tab", "mentees", *fields)
        assert result.returncode == 2 and result.stderr.startswith(message), result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert settings_text(sample_copy) == before
    mei = load(CsvSource(folder=sample_copy)).mentee_by_email["mei.chen@northwind.example"]
    assert mei.goals == ["Kubernetes", "Terraform", "code review"]  # the program's own column, still read


@pytest.mark.parametrize("saved, proposed", [
    ({"goals": LEARN}, ("email", LEARN)),
    ({}, ("goals", "Timestamp")),
    ({"timezone": "Your time zone"}, ("cohort", " your  TIME zone")),
])
def test_saving_and_reading_refuse_a_map_with_the_same_words(tmp_path, saved, proposed):
    """The writer refuses what the reader would refuse, in the reader's own words: one function decides both."""
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    lines = ["key,value", *(f"column.mentees.{f},{h}" for f, h in saved.items())]
    (folder / "settings.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = CsvSource(folder=folder)
    data = load(source)
    assert [p for p in data.problems if p.tab == "settings"] == []
    field, header = proposed
    with pytest.raises(MapRefused) as refused:
        save_maps(Writer(source, data.tables), data.tables, "mentees", {field: header}, data.tables["mentees"].header)
    assert (folder / "settings.csv").read_text(encoding="utf-8").splitlines() == lines
    (folder / "settings.csv").write_text("\n".join([*lines, f"column.mentees.{field},{header.strip()}"]) + "\n",
                                         encoding="utf-8")
    (problem,) = [p for p in load(source).problems if p.tab == "settings"]
    assert problem.row == len(lines) + 1 and problem.message.endswith("; the map is not used")
    reason = problem.message.split(": ", 1)[1].removesuffix("; the map is not used")
    assert str(refused.value) == reason[0].upper() + reason[1:] + "."


def test_a_map_that_would_drop_the_tabs_own_column_is_refused_when_saved_but_one_saved_before_still_reads(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    (folder / "settings.csv").write_text("key,value\n", encoding="utf-8")
    source = CsvSource(folder=folder)
    data = load(source)
    nickname = "Who is your manager? (email)"  # stands in for a second name column a lead once mapped
    with pytest.raises(MapRefused, match="has a name column of its own, 'Full name', which the map would drop"):
        save_maps(Writer(source, data.tables), data.tables, "mentees", {"name": nickname},
                  data.tables["mentees"].header)
    (folder / "settings.csv").write_text(f"key,value\ncolumn.mentees.name,{nickname}\n", encoding="utf-8")
    again = load(source)  # saved before saving refused it: read as it always was, the map winning
    assert not [p for p in again.problems if p.tab == "settings" and p.severity == "error"]
    assert again.tables["mentees"].columns.header_of(again.tables["mentees"].header, "name") == nickname


def test_of_two_columns_that_both_read_as_the_field_a_map_may_pick_either():
    headers = ["Email Address", "Work Email", "Full name", "Goals", "What do you hope to learn?"]
    assert column_map_faults("mentees", {"email": "Work Email"}, headers) == {}
    assert column_map_faults("mentees", {"goals": "What do you hope to learn?"}, headers) == {
        "goals": "the tab 'mentees' has a goals column of its own, 'Goals', which the map would drop: delete or "
                 "rename that column first, or leave goals as it is"}


def test_the_rules_without_a_header_row_are_the_ones_that_need_none():
    assert column_map_faults("mentees", {"goals": "A", "timezone": " a "}) == {
        "timezone": "the header ' a ' is already mapped to goals, so it cannot hold timezone too"}
    assert column_map_faults("mentees", {"goals": "A"}, ["B"], "Form Responses 1") == {
        "goals": "the tab 'Form Responses 1' has no column 'A': its headers are 'B'"}
    assert column_map_faults("mentees", {"goals": ""}, ["B"]) == {}  # a blank header takes a map back


def test_a_folder_with_only_form_responses_says_there_is_no_mentees_tab_and_how_to_map_one(tmp_path):
    folder = tmp_path / "responses"
    folder.mkdir()
    shutil.copy(FORM / "mentees.csv", folder / "Form Responses 1.csv")
    shown = run("map", str(folder))
    assert shown.returncode == 1
    assert (f"mentees: there is no mentees tab (the tabs found are 'Form Responses 1.csv'); say which one holds the "
            f"mentees with python -m lib map {folder} --tab mentees --sheet 'Form Responses 1' (or 'The mentees are "
            "in' on the Data set-up page)") in shown.stdout.splitlines()
    mapped = run("map", str(folder), "--tab", "mentees", f"goals={LEARN}")
    assert mapped.returncode == 2 and not (folder / "settings.csv").exists()
    assert mapped.stderr.startswith("error: There is no mentees tab to map columns in (the tabs found are "
                                    "'Form Responses 1.csv'): say which one holds the mentees with python -m lib "
                                    f"map {folder} --tab mentees --sheet 'Form Responses 1'")
    checked = run("validate", str(folder))
    assert checked.returncode == 2 and "--tab mentees --sheet 'Form Responses 1'" in checked.stderr
    saved = run("map", str(folder), "--tab", "mentees", "--sheet", "Form Responses 1", f"goals={LEARN}")
    assert saved.returncode == 0, saved.stderr  # the tab map and its columns, in one command
    assert "mentees: there is no" not in run("map", str(folder)).stdout


def test_a_workbook_of_form_sheets_only_lists_them_and_names_a_free_one(tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title in ("Form Responses 1", "Form Responses 2"):
        sheet = book.create_sheet(title)
        for row in csv.reader((FORM / "mentees.csv").open(encoding="utf-8", newline="")):
            sheet.append(row)
    path = tmp_path / "sign-ups.xlsx"
    book.save(path)
    shown = run("map", str(path))
    assert shown.returncode == 1
    assert ("mentors: there is no mentors tab (the tabs found are 'Form Responses 1', 'Form Responses 2'); say "
            f"which one holds the mentors with python -m lib map {path} --tab mentors --sheet 'Form Responses 1'"
            ) in shown.stdout
    run("map", str(path), "--tab", "mentees", "--sheet", "Form Responses 1")
    shown = run("map", str(path))  # the sheet that holds the mentees now is not offered for the mentors
    assert "--tab mentors --sheet 'Form Responses 2'" in shown.stdout and "mentees: there is no" not in shown.stdout
