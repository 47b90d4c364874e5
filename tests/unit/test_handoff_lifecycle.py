"""Accept, activate and end pairs through the writer; the pairing sheet, introductions and the formatted XLSX."""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import unquote

import openpyxl
import pytest

from lib.documents import handoff
from lib.documents.exports import xlsx_bytes
from lib.matching import PairingOptions, suggest
from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing import lifecycle
from lib.writing.writer import Writer

DAY = date(2026, 7, 24)


def opened(folder):
    source = CsvSource(folder=folder)
    data = load(source)
    return source, data, Writer(source, data.tables)


def test_accept_writes_the_suggested_pairs_as_proposed_and_a_second_run_places_nobody_twice(sample_copy):
    source, data, writer = opened(sample_copy)
    first = suggest(data)
    assert first.pairs, "the sample has three waiting mentees"
    ids = lifecycle.accept(writer, data, first.pairs)
    assert len(ids) == len(first.pairs) and len(set(ids)) == len(ids)
    again = load(source)
    stored = {(p.mentor_email, p.mentee_email): p for p in again.pairings}
    for pair in first.pairs:
        saved = stored[(pair.mentor_email, pair.mentee_email)]
        assert saved.status == "proposed" and saved.goals == pair.goals and saved.cadence == "biweekly"
    assert suggest(again).pairs == []  # proposed pairs use capacity and their mentees are no longer waiting


def test_accept_as_active_starts_the_pairs_on_the_day(sample_copy):
    source, data, writer = opened(sample_copy)
    lifecycle.accept(writer, data, suggest(data).pairs[:1], activate_on=DAY)
    newest = load(source).pairings[-1]
    assert newest.status == "active" and newest.started_on == DAY


def test_activate_then_end_change_one_row_each_and_refuse_what_does_not_apply(sample_copy):
    source, data, writer = opened(sample_copy)
    proposed = next(p for p in data.pairings if p.status == "proposed")
    with pytest.raises(lifecycle.LifecycleError, match="only a proposed"):
        lifecycle.activate(writer, next(p for p in data.pairings if p.status == "active"), DAY)
    assert lifecycle.activate(writer, proposed, DAY) == {"status": ("proposed", "active"),
                                                         "started_on": ("", "2026-07-24")}
    data = load(source)
    started = next(p for p in data.pairings if p.id == proposed.id)
    writer = Writer(source, data.tables)
    with pytest.raises(lifecycle.LifecycleError, match="Say why"):
        lifecycle.end(writer, started, DAY, "  ")
    with pytest.raises(lifecycle.LifecycleError, match="before the start"):
        lifecycle.end(writer, started, date(2026, 1, 1), "moved team")
    lifecycle.end(writer, started, date(2026, 8, 1), "moved team")
    data = load(source)
    ended = next(p for p in data.pairings if p.id == proposed.id)
    assert (ended.status, ended.ended_on, ended.end_reason) == ("ended", date(2026, 8, 1), "moved team")
    assert ended.mentee_email in lifecycle.needs_rematch(data)
    changes = data.tables["changes"]
    assert sum(1 for r in changes.rows if changes.cell(r, "key") == proposed.id) == 5  # 2 + 3 cells, each logged
    rematch = suggest(data, PairingOptions(only=frozenset({ended.mentee_email})))
    assert [p.mentee_email for p in rematch.pairs] == [ended.mentee_email]


def test_a_pairing_without_an_id_is_refused_with_the_row_to_fix(sample_copy):
    text = (sample_copy / "pairings.csv").read_text(encoding="utf-8").replace("P-016,", ",", 1)
    (sample_copy / "pairings.csv").write_text(text, encoding="utf-8")
    _, data, writer = opened(sample_copy)
    nameless = next(p for p in data.pairings if not p.id)
    with pytest.raises(lifecycle.LifecycleError, match=f"row {nameless.row}"):
        lifecycle.activate(writer, nameless, DAY)


def test_pairing_sheet_has_names_emails_cadence_goals_and_reasons(sample_copy):
    _, data, _ = opened(sample_copy)
    sheet = handoff.pairing_sheet(data)
    assert list(sheet.columns) == handoff.SHEET_COLUMNS
    assert set(sheet["Status"]) == {"proposed", "active"}
    first = sheet[sheet["Pairing id"] == "P-001"].iloc[0]
    assert first["Mentor"] == "Ana Ruiz" and first["Mentee email"] == "mei.chen@northwind.example"
    assert first["Cadence"] == "weekly" and first["Shared goals"] == "Kubernetes; code review"
    assert "h overlap" in first["Why this pair"] and first["Starts"] == "1 Jun 2026"


def test_introduction_names_both_people_goals_rhythm_and_first_meeting(sample_copy):
    _, data, _ = opened(sample_copy)
    pair = next(p for p in handoff.handoff_pairs(data) if p.pairing.id == "P-001")
    subject, body = handoff.introduction(pair, data)
    assert "Ana Ruiz" in subject and "Mei Chen" in subject
    assert body.startswith("Hi Ana and Mei,") and "Kubernetes and code review" in body
    assert "every week" in body and "by 8 Jun 2026" in body
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
    assert table.max_row == len(sheet) + 1
    reason = table.cell(row=2, column=handoff.SHEET_COLUMNS.index("Why this pair") + 1)
    assert reason.value.startswith("'=HYPERLINK") and reason.data_type == "s" and reason.alignment.wrap_text
    assert table.column_dimensions["A"].width >= len("Mentor")
