"""A Google Form whose email and name questions have their own wording ("Your work email", "What is your name?")
loads no mentee until they are mapped: the error says which headers Tandem did not recognise, the field each looks
like, and the very command that maps them (tests/corpus/forms/own_wording)."""

from __future__ import annotations

import shlex
import shutil

from lib.reading.loader import load
from lib.sources import CsvSource
from tests.conftest import CORPUS
from tests.unit.cli.test_main import run

OWN = CORPUS / "forms" / "own_wording"


def test_the_missing_email_error_names_the_headers_not_recognised_with_a_field_for_each():
    data = load(CsvSource(folder=OWN))
    (first, second) = [p for p in data.problems if p.tab == "mentees" and p.severity == "error"]
    assert first.column == "email" and first.message.startswith("required column 'email' is missing")
    assert ("no rows loaded. Tandem does not recognise 'Your work email' (looks like email), 'What is your name?' "
            "(looks like name), 'What are you hoping to get out of the program?' (looks like goals) and 'Which team "
            "are you joining?' (looks like team): map them with python -m lib map SOURCE --tab mentees email='Your "
            "work email' name='What is your name?' goals='What are you hoping to get out of the program?' "
            "team='Which team are you joining?', or on the Data set-up page") in first.message
    assert second.column == "name" and "recognise" not in second.message  # said once, not per missing column
    assert data.mentees == []


def test_the_command_the_error_gives_maps_the_form_and_its_rows_load(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(OWN, folder)
    checked = run("validate", str(folder))
    assert checked.returncode == 1
    line = next(line for line in checked.stdout.splitlines() if "python -m lib map SOURCE" in line)
    command = line.split("map them with python -m lib ", 1)[1].split(", or on the Data set-up page")[0]
    args = shlex.split(command.replace("SOURCE", shlex.quote(str(folder))))
    assert run(*args).returncode == 0
    data = load(CsvSource(folder=folder))
    assert [p for p in data.problems if p.severity == "error"] == []
    tom = data.mentee_by_email["tom.berg@acme.example"]
    assert len(data.mentees) == 3 and tom.goals == ["SQL", "dbt", "Airflow"]  # the later submission wins
    assert tom.team == "Data" and tom.name == "Tom Berg"
