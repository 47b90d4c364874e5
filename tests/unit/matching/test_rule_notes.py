"""A hard rule with nothing to hold on to is said in the run's notes, beside the seniority-gap note: not the same team
on rosters without teams, not their own manager when the mentees give no manager. Run on a Google Form's responses
and an HR export made the way those tools write them (tests/corpus/forms)."""

from __future__ import annotations

import csv
import shutil

from lib.matching import PairingOptions, suggest
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.conftest import CORPUS
from tests.unit.cli.test_main import run

FORM, HR = CORPUS / "forms" / "google_form", CORPUS / "forms" / "hr_export"
NO_TEAMS = "Not the same team: neither roster has a team column, so the rule holds nothing back."
NO_MANAGERS = "Not their own manager: neither roster has a manager column, so the rule holds nothing back."


def rewrite(path, change) -> None:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(change(rows))


def test_a_form_without_teams_or_mapped_managers_says_both_rules_hold_nothing_back():
    result = run("pair", str(FORM), "--not-same-team")
    assert NO_TEAMS in result.stdout.splitlines() and NO_MANAGERS in result.stdout.splitlines()
    without = run("pair", str(FORM))
    assert NO_TEAMS not in without.stdout and NO_MANAGERS in without.stdout  # the manager rule always applies


def test_an_hr_export_with_departments_and_managers_gets_no_such_note():
    notes = suggest(load(CsvSource(folder=HR)), PairingOptions(not_same_team=True)).notes
    assert not [n for n in notes if n.startswith(("Not the same team", "Not their own manager"))], notes


def test_one_roster_without_the_column_or_with_it_blank_is_named(tmp_path):
    folder = tmp_path / "hr"
    shutil.copytree(HR, folder)
    # the mentees lose Department and Reports To; the mentors keep Department, every cell of it blank
    rewrite(folder / "mentees.csv", lambda rows: [row[:3] + row[4:5] + row[6:] for row in rows])
    rewrite(folder / "mentors.csv", lambda rows: [rows[0], *[[*r[:3], "", *r[4:]] for r in rows[1:]]])
    notes = suggest(load(CsvSource(folder=folder)), PairingOptions(not_same_team=True)).notes
    assert ("Not the same team: the mentors have no team filled in and the mentees have no team column, so the rule "
            "holds nothing back.") in notes
    assert ("Not their own manager: the mentees have no manager column, so no mentee is kept from their own "
            "manager.") in notes
    peers = suggest(load(CsvSource(folder=folder)), PairingOptions(type="peer", not_same_team=True)).notes
    assert "Not the same team: the mentees have no team column, so the rule holds nothing back." in peers


def test_some_people_without_a_team_are_counted(tmp_path):
    folder = tmp_path / "hr"
    shutil.copytree(HR, folder)
    rewrite(folder / "mentees.csv", lambda rows: [*rows[:2], [*rows[2][:3], "", *rows[2][4:]], *rows[3:]])
    notes = suggest(load(CsvSource(folder=folder)), PairingOptions(not_same_team=True)).notes
    assert ("Not the same team holds where both teams are known: 1 person has no team, and the rule does not keep "
            "them apart.") in notes
