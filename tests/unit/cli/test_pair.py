"""`python -m lib pair`: suggestions printed, exported, saved once, never double-booked."""

from __future__ import annotations

import csv

import openpyxl

from lib.reading.loader import load
from lib.sources import CsvSource
from tests.conftest import SAMPLE_WAITING
from tests.unit.reminders.conftest import add_row
from tests.unit.cli.test_main import run

WAITING = SAMPLE_WAITING


def test_pair_prints_pairs_and_summary_and_exits_0(sample_copy):
    result = run("pair", str(sample_copy), "--type", "one-on-one")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(" + " in line for line in lines) == len(WAITING) == 5
    assert any(line.startswith("placed 5, unmatched 0, total score ") and "blocking pairs" in line for line in lines)
    assert lines[-1].startswith("time: ")


def test_best_goal_leaving_mentees_unmatched_exits_1_with_reasons(sample_copy):
    result = run("pair", str(sample_copy), "--goal", "best", "--min-score", "90")
    assert result.returncode == 1, result.stderr
    reasons = [line for line in result.stdout.splitlines() if line.startswith("unmatched ")]
    assert len(reasons) == 5 and all("No mentor reaches the minimum score of 90 for " in r for r in reasons)


def test_save_writes_the_proposed_rows_and_a_second_save_places_nobody(sample_copy):
    first = run("pair", str(sample_copy), "--save")
    assert first.returncode == 0, first.stderr
    with open(sample_copy / "pairings.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    new = rows[17:]
    assert len(new) == 5 and {r["mentee_email"] for r in new} == WAITING
    assert all(r["status"] == "proposed" and r["type"] == "one-on-one" and r["id"] for r in new)
    assert all(r["cadence"] == "biweekly" for r in new)  # the settings tab's default_cadence, as Accept writes it
    second = run("pair", str(sample_copy), "--save")
    assert second.returncode == 0, second.stderr
    assert "placed 0, unmatched 0" in second.stdout and "saved" not in second.stdout
    with open(sample_copy / "pairings.csv", newline="", encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == 22
    assert run("validate", str(sample_copy)).returncode == 0


def test_out_xlsx_and_csv_read_back(sample_copy, tmp_path):
    xlsx, table = tmp_path / "pairs.xlsx", tmp_path / "pairs.csv"
    assert run("pair", str(sample_copy), "--out", str(xlsx)).returncode == 0
    sheet = openpyxl.load_workbook(xlsx).active
    rows = list(sheet.values)
    assert rows[0] == ("mentor_email", "mentee_email", "type", "score", "reason")
    assert {r[1] for r in rows[1:]} == WAITING and all(isinstance(r[3], (int, float)) for r in rows[1:])  # 60.0 reads as 60
    assert run("pair", "sample", "--type", "peer", "--out", str(table)).returncode == 0
    with open(table, newline="", encoding="utf-8-sig") as handle:
        peers = list(csv.DictReader(handle))
    assert all(r["type"] == "peer" for r in peers)  # two pairs, and the odd one out joins one as a trio
    assert len(peers) == 4 and {"chloe.martin@northwind.example", "kenji.watanabe@northwind.example"} in [
        {r["mentor_email"], r["mentee_email"]} for r in peers]


def test_sample_cannot_be_saved_and_bad_arguments_exit_2(tmp_path):
    result = run("pair", "sample", "--save")
    assert result.returncode == 2 and "cannot be saved to in place" in result.stderr
    for args in (("pair", "sample", "--type", "trio"), ("pair", "sample", "--out", str(tmp_path / "x.txt")),
                 ("pair", str(tmp_path / "missing")), ("pair", "sample", "--min-score", "140")):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and "error" in result.stderr


def test_the_seniority_gap_from_the_flags_or_the_settings_holds_and_bad_values_exit_2(sample_copy):
    data = load(CsvSource(folder=sample_copy))
    years = {p.email: p.seniority for p in [*data.mentors, *data.mentees]}
    result = run("pair", str(sample_copy), "--min-seniority-gap", "3", "--max-seniority-gap", "8")
    assert result.returncode == 0, result.stderr
    made = [line.split(":")[0].split(" + ") for line in result.stdout.splitlines() if " + " in line]
    assert made and all(3 <= years[a] - years[b] <= 8 for a, b in made)
    assert "Every mentor is 3 to 8 years more senior than their mentee." in result.stdout

    add_row(sample_copy, "settings", key="min_seniority_gap", value="3")
    from_settings = run("pair", str(sample_copy))
    assert "Every mentor is at least 3 years more senior than their mentee." in from_settings.stdout
    for args, said in ((["--min-seniority-gap", "5", "--max-seniority-gap", "2"],
                        "minimum (5) is above its maximum (2)"),
                       (["--max-seniority-gap", "1.5"], "'1.5' is not a whole number of years"),
                       (["--min-seniority-gap", "-1"], "'-1' is not a whole number of years"),
                       (["--max-seniority-gap", "2"], "minimum (3) is above its maximum (2)")):
        refused = run("pair", str(sample_copy), *args)
        assert refused.returncode == 2 and said in refused.stderr, (args, refused.stderr)
