"""The starter files a lead begins from: the workbook has the contract's headers, one example row and dropdowns;
the CSV set loads without problems."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from lib.contract.tabs import TABS
from lib.documents.starter import starter_csv_zip, starter_workbook
from lib.reading.loader import load
from lib.sources import upload_source


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
