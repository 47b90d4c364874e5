"""The hand-off: the pairing sheet, the introduction email and its mailto link, and the formatted XLSX."""

from __future__ import annotations

import io
from datetime import date, datetime
from urllib.parse import unquote

import openpyxl

from lib.documents import handoff
from lib.documents.exports import xlsx_bytes
from tests.unit.writing.test_lifecycle import opened


def test_pairing_sheet_has_names_emails_cadence_goals_and_reasons(sample_copy):
    _, data, _ = opened(sample_copy)
    sheet = handoff.pairing_sheet(data)
    assert list(sheet.columns) == handoff.SHEET_COLUMNS
    assert set(sheet["Status"]) == {"proposed", "active"}
    first = sheet[sheet["Pairing id"] == "P-001"].iloc[0]
    assert first["Mentor"] == "Ana Ruiz" and first["Mentee email"] == "mei.chen@northwind.example"
    assert first["Cadence"] == "weekly" and first["Shared goals"] == "Kubernetes; code review"
    assert first["Meeting slot"] == "Mon 12:15 for Ana (Lisbon), 13:15 for Mei (Berlin)"  # both local times
    assert "working days overlap by 7 hours" in first["Why this pair"] and first["Starts"] == date(2026, 6, 1)
    slots = dict(zip(sheet["Pairing id"], sheet["Meeting slot"]))
    # Aiko Tanaka's two mentees meet every two weeks from the same Wednesday: at two times, not both at 12:45
    assert slots["P-003"] == "Wed 12:45 for Aiko (Berlin), 12:45 for Chidi (Berlin)"
    assert slots["P-004"] == "Wed 12:00 for Aiko (Berlin), 12:00 for Sofia (Berlin)"


def test_the_sheet_says_when_the_other_persons_time_moves_with_the_clocks():
    from tests.unit.meetings.test_calendar_file import program

    data = program(start=date(2026, 3, 2), end=date(2026, 4, 30))  # New York moves on 8 Mar, Berlin on 29 Mar
    [slot] = handoff.pairing_sheet(data)["Meeting slot"]
    assert slot == "Mon 15:45 for Ana (Berlin), 09:45 for Mei (New York); 10:45 for Mei (New York) from 9 Mar to 23 Mar"
    same = program(mentee_zone="Europe/Paris")
    assert ";" not in handoff.pairing_sheet(same)["Meeting slot"][0]


def test_introduction_names_both_people_goals_rhythm_and_first_meeting(sample_copy):
    _, data, _ = opened(sample_copy)
    pair = next(p for p in handoff.handoff_pairs(data) if p.pairing.id == "P-001")
    subject, body = handoff.introduction(pair, data)
    assert "Ana Ruiz" in subject and "Mei Chen" in subject
    assert body.startswith("Hi Ana and Mei,") and "Kubernetes and code review" in body
    assert "every week" in body and "by 15 Jun 2026" in body
    assert ("Why you two: Ana knows Kubernetes, Terraform and code review, which Mei wants to learn; your working "
            "days overlap by 7 hours; Mei asked to work with Ana; you both enjoy open source.") in body
    link = handoff.mailto(pair, subject, body)
    assert link.startswith("mailto:ana.ruiz@northwind.example,mei.chen@northwind.example?subject=")
    assert unquote(link.split("&body=")[1]) == body


def test_pairing_sheet_xlsx_is_formatted_and_neutralised(sample_copy):
    _, data, _ = opened(sample_copy)
    sheet = handoff.pairing_sheet(data)
    sheet.loc[0, "Why this pair"] = "=HYPERLINK(\"http://x\")" + " long words" * 10
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(sheet, "pairs")))
    table = book["pairs"]
    assert table.freeze_panes == "A2" and table.auto_filter.ref.startswith("A1:")
    assert [c.value for c in table[1]] == handoff.SHEET_COLUMNS and table["A1"].font.bold
    starts = table.cell(row=2, column=handoff.SHEET_COLUMNS.index("Starts") + 1)
    assert starts.is_date and starts.value == datetime(2026, 6, 1) and starts.number_format == "d mmm yyyy"
    assert table.max_row == len(sheet) + 1
    reason = table.cell(row=2, column=handoff.SHEET_COLUMNS.index("Why this pair") + 1)
    assert reason.value.startswith("'=HYPERLINK") and reason.data_type == "s" and reason.alignment.wrap_text
    assert table.column_dimensions["A"].width >= len("Mentor")
