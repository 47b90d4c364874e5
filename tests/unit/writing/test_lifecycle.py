"""Accept, activate and end pairs through the writer: the rows written, the changes logged, and what is refused.
The pairing sheet, introductions and the formatted XLSX are in tests/unit/documents/test_handoff.py."""

from __future__ import annotations

from datetime import date

import pytest

from lib.health.model import assess
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
    with pytest.raises(lifecycle.LifecycleError, match="after today"):  # a later end is recorded on that day
        lifecycle.end(writer, started, date(2026, 8, 1), "moved team", today=DAY)
    lifecycle.end(writer, started, DAY, "moved team", today=DAY)
    data = load(source)
    ended = next(p for p in data.pairings if p.id == proposed.id)
    assert (ended.status, ended.ended_on, ended.end_reason) == ("ended", DAY, "moved team")
    assert not ended.is_active_on(DAY) and ended.is_active_on(date(2026, 7, 23)) is False  # started the same day
    assert ended.mentee_email in lifecycle.needs_rematch(data)
    changes = data.tables["changes"]
    assert sum(1 for r in changes.rows if changes.cell(r, "key") == proposed.id) == 5  # 2 + 3 cells, each logged
    rematch = suggest(data, PairingOptions(only=frozenset({ended.mentee_email})))
    assert [p.mentee_email for p in rematch.pairs] == [ended.mentee_email]


def test_a_proposed_pairing_that_ends_never_counts_as_active(sample_copy):
    source, data, writer = opened(sample_copy)
    proposed = next(p for p in data.pairings if p.status == "proposed")
    lifecycle.end(writer, proposed, DAY, "intern declined", today=DAY)
    withdrawn = next(p for p in load(source).pairings if p.id == proposed.id)
    assert withdrawn.status == "ended" and withdrawn.started_on is None
    assert not any(withdrawn.is_active_on(day) for day in (date(2026, 6, 1), date(2026, 7, 20), DAY))
    assert proposed.id not in set(assess(load(source), date(2026, 7, 20))["pairing_id"])


def test_an_open_status_whose_end_has_passed_is_a_warning_on_its_row(sample_copy):
    path = sample_copy / "pairings.csv"
    text = path.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("P-001,"))
    path.write_text(text.replace(row, row.replace(",2026-06-01,,", ",2026-06-01,2026-07-10,")), encoding="utf-8")
    data = load(CsvSource(folder=sample_copy))
    said = [str(p) for p in data.problems if p.tab == "pairings"]
    assert any("pairings row 2, column 'status'" in s and "ended_on 10 Jul 2026 has passed but the status is active"
               in s for s in said), said


def test_a_pairing_without_an_id_is_refused_with_the_row_to_fix(sample_copy):
    text = (sample_copy / "pairings.csv").read_text(encoding="utf-8").replace("P-016,", ",", 1)
    (sample_copy / "pairings.csv").write_text(text, encoding="utf-8")
    _, data, writer = opened(sample_copy)
    nameless = next(p for p in data.pairings if not p.id)
    with pytest.raises(lifecycle.LifecycleError, match=f"row {nameless.row}"):
        lifecycle.activate(writer, nameless, DAY)


def test_an_active_pair_set_to_start_later_can_be_ended_today_and_is_withdrawn(sample_copy):
    source, data, writer = opened(sample_copy)
    proposed = next(p for p in data.pairings if p.status == "proposed")
    lifecycle.activate(writer, proposed, date(2026, 8, 3))  # starts after today, 24 Jul
    data = load(source)
    later = next(p for p in data.pairings if p.id == proposed.id)
    lifecycle.end(Writer(source, data.tables), later, DAY, "intern declined", today=DAY)
    data = load(source)
    ended = next(p for p in data.pairings if p.id == proposed.id)
    assert ended.withdrawn and ended.started_on is None and ended.ended_on == DAY and not data.problems_frame().query(
        "tab == 'pairings'").shape[0]
    mentor = ended.mentor_email
    again = suggest(data, PairingOptions(only=frozenset({ended.mentee_email})))
    assert [p.mentor_email for p in again.pairs] == [mentor]  # a withdrawn proposal parts nobody ('paired before')
