"""The starter files a lead begins from: blank (headers, drop-downs and the settings keys, no people) or with one
example row per tab; both load without problems."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from lib.contract.tabs import TABS
from lib.documents.starter import starter_csv_zip, starter_workbook
from lib.reading.loader import load
from lib.sources import upload_source


def test_the_blank_starter_holds_headers_drop_downs_and_settings_keys_but_no_people():
    book = openpyxl.load_workbook(io.BytesIO(starter_workbook()))
    for spec in TABS.values():
        ws = book[spec.name]
        assert [c.value for c in ws[1]] == spec.column_names
        assert ws.freeze_panes == "A2"
        if spec.name != "settings":
            assert ws.max_row == 1, spec.name
    settings = [[c.value for c in row] for row in book["settings"].iter_rows(min_row=2)]
    assert [k for k, _ in settings][:2] == ["organisation", "program_name"] and all(v is None for _, v in settings)
    rules = {r.formula1 for r in book["pairings"].data_validations.dataValidation}
    assert '"proposed,active,ended"' in rules
    data = load(upload_source([("starter.zip", starter_csv_zip())]))
    assert data.problems == [] and (len(data.mentors), len(data.mentees), len(data.pairings)) == (0, 0, 0)


def test_starter_workbook_with_examples_has_one_example_each_and_dropdowns():
    book = openpyxl.load_workbook(io.BytesIO(starter_workbook(examples=True)))
    for spec in TABS.values():
        assert [c.value for c in book[spec.name][1]] == spec.column_names
    assert book["mentors"].max_row == 2
    rules = {r.formula1 for r in book["pairings"].data_validations.dataValidation}
    assert '"proposed,active,ended"' in rules


def test_starter_csv_set_with_examples_loads_without_problems():
    files = zipfile.ZipFile(io.BytesIO(starter_csv_zip(examples=True)))
    assert sorted(files.namelist()) == sorted(f"{t}.csv" for t in TABS)
    data = load(upload_source([("starter.zip", starter_csv_zip(examples=True))]))
    assert data.problems == [] and len(data.pairings) == 1 and data.settings.organisation == "Example Org"
