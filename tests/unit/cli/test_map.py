"""`python -m lib map`: the current maps and a suggestion for each column not read; saving FIELD="HEADER" pairs
through the writer; refusals in one sentence with exit 2 and nothing written."""

from __future__ import annotations

import shutil

from tests.conftest import CORPUS
from tests.unit.cli.test_main import run

FORM = CORPUS / "forms" / "google_form"


def test_map_shows_suggestions_then_saves_the_columns_and_validate_stops_warning(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    shown = run("map", str(folder))
    assert shown.returncode == 0, shown.stderr
    assert (f"  not read: 'How many interns can you take?' looks like capacity: python -m lib map {folder} --tab "
            "mentors capacity='How many interns can you take?'") in shown.stdout.splitlines()
    saved = run("map", str(folder), "--tab", "mentors", "capacity=How many interns can you take?",
                "skills=What can you teach? (pick all that apply)")
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.splitlines() == ["saved column.mentors.capacity = 'How many interns can you take?'",
                                         "saved column.mentors.skills = 'What can you teach? (pick all that apply)'"]
    again = run("map", str(folder))
    assert "  mapped: capacity = 'How many interns can you take?'" in again.stdout.splitlines()
    assert "How many interns" not in run("validate", str(folder)).stdout
    assert run("map", str(folder), "--tab", "mentors", "capacity=How many interns can you take?").stdout == \
        "nothing to change: the maps already say so\n"


def test_map_refusals_are_one_sentence_exit_2_and_write_nothing(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    cases = [(("--tab", "mentees", "goals=Nope"), "error: The tab 'mentees.csv' has no column 'Nope'"),
             (("--tab", "mentees", "wishes=Your time zone"), "error: 'wishes' is not a field of mentees: use one of"),
             (("--tab", "interns", "goals=Your time zone"), "error: 'interns' is not a tab Tandem maps: use one of"),
             (("--tab", "mentees", "goals=Your time zone", "goals=Full name"), "error: goals is given twice"),
             (("--tab", "mentees", "goals=Your time zone", "timezone=Your time zone"),
              "error: The header 'Your time zone' is already mapped to goals, so it cannot hold timezone too."),
             (("goals=Your time zone",), "error: give the tab these columns are in with --tab"),
             (("--tab", "mentees", "--sheet", "Form Responses 9"), "error: There is no tab 'Form Responses 9': the "
                                                                   "tabs are 'mentees.csv', 'mentors.csv'")]
    for args, message in cases:
        result = run("map", str(folder), *args)
        assert result.returncode == 2 and result.stderr.startswith(message), (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["mentees.csv", "mentors.csv"]


def test_map_sheet_names_a_file_by_its_stem_as_the_readme_says(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    (folder / "mentees.csv").rename(folder / "Form Responses 1.csv")
    saved = run("map", str(folder), "--tab", "mentees", "--sheet", "Form Responses 1")
    assert saved.returncode == 0 and saved.stdout == "saved tab.mentees = 'Form Responses 1'\n", saved.stderr
    assert run("validate", str(folder)).returncode == 0  # the mentees are read from it now
