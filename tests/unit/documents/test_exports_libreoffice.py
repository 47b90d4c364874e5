"""The pairing sheet as LibreOffice reads it: `soffice --headless --convert-to csv`, a second real reader beside
openpyxl. LibreOffice comes with `make test` (Debian's libreoffice-calc-nogui); in CI a missing one fails."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess

import pytest

from lib.documents import handoff
from lib.documents.exports import xlsx_bytes
from lib.reading.loader import load
from lib.sources import sample_source


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice is missing: `make test` installs Debian's libreoffice-calc-nogui."
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def test_libreoffice_reads_the_pairing_sheet_cell_for_cell(tmp_path):
    data = load(sample_source())
    sheet = handoff.pairing_sheet(data)
    sheet.loc[0, "Why this pair"] = "=1+1 looks like a formula"
    sheet.loc[1, "Mentor"] = "Zoë Łukasz 李雷 Олена"
    (tmp_path / "pairs.xlsx").write_bytes(xlsx_bytes(sheet, "pairs"))
    profile = tmp_path / "profile"  # a private LibreOffice profile: parallel runs never share one
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(tmp_path / "pairs.xlsx")],
                   check=True, capture_output=True, timeout=120)
    rows = list(csv.reader(io.StringIO((tmp_path / "pairs.csv").read_text(encoding="utf-8"))))
    assert rows[0] == handoff.SHEET_COLUMNS
    assert len(rows) == len(sheet) + 1
    assert rows[1][handoff.SHEET_COLUMNS.index("Why this pair")] == "'=1+1 looks like a formula"  # text, not 2
    assert rows[2][0] == "Zoë Łukasz 李雷 Олена"
    assert [r[handoff.SHEET_COLUMNS.index("Pairing id")] for r in rows[1:]] == list(sheet["Pairing id"])
    starts = handoff.SHEET_COLUMNS.index("Starts")
    assert rows[1][starts] == "1 Jun 2026"  # a date cell, shown in the sheet's date format
