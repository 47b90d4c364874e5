from __future__ import annotations

import io
import zipfile
from datetime import date

import openpyxl

from lib.contract.tabs import TABS
from lib.documents.exports import csv_bytes, neutralise
from lib.documents.starter import starter_csv_zip, starter_workbook
from lib.program.overview import mentor_load, program_summary, unmatched_mentees
from lib.reading.loader import load
from lib.sources import CsvSource, sample_source, upload_source


def test_starter_workbook_has_contract_headers_one_example_each_and_dropdowns():
    book = openpyxl.load_workbook(io.BytesIO(starter_workbook()))
    for spec in TABS.values():
        ws = book[spec.name]
        assert [c.value for c in ws[1]] == spec.column_names
        assert ws.freeze_panes == "A2"
    assert book["mentors"].max_row == 2
    rules = {r.formula1 for r in book["pairings"].data_validations.dataValidation}
    assert '"proposed,active,ended"' in rules


def test_starter_csv_set_loads_without_problems():
    files = zipfile.ZipFile(io.BytesIO(starter_csv_zip()))
    assert sorted(files.namelist()) == sorted(f"{t}.csv" for t in TABS)
    data = load(upload_source([("starter.zip", starter_csv_zip())]))
    assert data.problems == [] and len(data.pairings) == 1 and data.settings.organisation == "Example Org"


def test_program_summary_on_the_sample():
    data = load(sample_source())
    summary = program_summary(data)
    assert summary.as_of == date(2026, 7, 24)  # pinned by the sample's settings
    assert (summary.mentors, summary.mentees) == (7, 20)
    assert summary.active_pairs == 14 and summary.proposed_pairs == 2
    capacity = mentor_load(data)
    assert summary.capacity_left == int(capacity[capacity["active"]]["left"].sum()) == 3
    assert summary.unmatched_mentees == 3
    assert set(unmatched_mentees(data)["email"]) == {"lena.schmidt@northwind.example",
                                                     "siddharth.iyer@northwind.example",
                                                     "thandiwe.dlamini@northwind.example"}
    july = [c for c in data.checkins if c.date.month == 7]
    assert summary.checkins_this_month == len(july)


def test_overview_counts_follow_the_as_of_date(sample_copy):
    data = load(CsvSource(folder=sample_copy))
    early = program_summary(data, as_of=date(2026, 6, 15))
    by_id = {p.id: p for p in data.pairings}
    assert by_id["P-015"].is_active_on(date(2026, 6, 15)) and not by_id["P-015"].is_active_on(date(2026, 7, 24))
    assert not by_id["P-005"].is_active_on(date(2026, 6, 15))  # started 6 Jul
    assert early.as_of == date(2026, 6, 15) and early.active_pairs == 14  # P-015 in, P-005 not yet
    assert early.checkins_this_month == sum(date(2026, 6, 1) <= c.date <= date(2026, 6, 15) for c in data.checkins)


def test_exports_neutralise_formulas():
    assert neutralise("=1+1") == "'=1+1" and neutralise("@SUM(A1)") == "'@SUM(A1)" and neutralise("Ana") == "Ana"
    import pandas as pd
    text = csv_bytes(pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "Zoë"], "n": [1, 2]})).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "Zoë" in text
