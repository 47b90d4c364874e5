"""A starter workbook (XLSX) and CSV set with the contract's headers and drop-downs: blank (the settings keys with
empty values, no people), or with one example row per tab."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lib.contract.tabs import TABS, TabSpec
from lib.sources.csv_files import CsvFormat, render_csv
from lib.vocabulary import DEFAULT_CADENCE

SETTINGS_EXAMPLE = [
    ["organisation", "Example Org"], ["program_name", "Summer Internship"], ["program_start", "2026-06-01"],
    ["program_end", "2026-08-21"], ["contact", "Team Lead <lead@example.org>"], ["default_cadence", DEFAULT_CADENCE],
]
# The roster tabs share person columns; the example mentee must be a different person from the mentor.
EXAMPLE_OVERRIDES = {"mentees": {"email": "sam.lee@example.org", "name": "Sam Lee", "team": "Web",
                                 "manager_email": "", "preferred_mentors": "ana.ruiz@example.org"}}
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


def example_rows(spec: TabSpec, examples: bool = True) -> list[list[str]]:
    """The rows under the header: the examples, or for a blank starter only the settings' keys to fill in."""
    if spec.name == "settings":
        return SETTINGS_EXAMPLE if examples else [[key, ""] for key, _ in SETTINGS_EXAMPLE]
    if not examples:
        return []
    overrides = EXAMPLE_OVERRIDES.get(spec.name, {})
    return [[overrides.get(c.name, c.example) for c in spec.columns]]


def starter_name(examples: bool, suffix: str) -> str:
    return f"tandem-starter{'-examples' if examples else ''}{suffix}"


def starter_workbook(examples: bool = False) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for spec in TABS.values():
        ws = book.create_sheet(spec.name)
        ws.append(spec.column_names)
        for row in example_rows(spec, examples):
            ws.append([int(v) if v.isdigit() else v for v in row])
        for i, col in enumerate(spec.columns, start=1):
            cell = ws.cell(row=1, column=i)
            cell.font, cell.fill = Font(bold=True), _HEADER_FILL
            ws.column_dimensions[get_column_letter(i)].width = max(12, len(col.name) + 4, len(col.example) + 2)
            choices = ("yes", "no") if col.kind == "bool" else col.choices if col.kind == "choice" else ()
            if choices:  # a dropdown keeps typed values inside the contract
                rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                ws.add_data_validation(rule)
                rule.add(f"{get_column_letter(i)}2:{get_column_letter(i)}1000")
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def starter_csv_zip(examples: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for spec in TABS.values():
            grid = [spec.column_names, *example_rows(spec, examples)]
            archive.writestr(f"{spec.name}.csv", render_csv(grid, CsvFormat(encoding="utf-8-sig")))
    return out.getvalue()
