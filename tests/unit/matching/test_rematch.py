"""A rematch after a pairing ends: never the mentor it ended with unless the lead allows it, nobody on an avoid
list, and what was left out said in words."""

from __future__ import annotations

from datetime import date

from lib.matching import PairingOptions, suggest
from lib.matching.rematch import rematch
from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing import lifecycle
from lib.writing.writer import Writer

DAY = date(2026, 7, 24)
MEI, ANA = "mei.chen@northwind.example", "ana.ruiz@northwind.example"


def ended_p001(folder, reason="moved team"):
    source = CsvSource(folder=folder)
    data = load(source)
    p001 = next(p for p in data.pairings if p.id == "P-001")
    lifecycle.end(Writer(source, data.tables), p001, DAY, reason)
    return load(source)


def test_the_mentor_the_pairing_ended_with_is_not_suggested_and_the_reason_says_why(sample_copy):
    data = ended_p001(sample_copy)
    allowed = rematch(data, MEI, allow_previous=True)
    assert [p.mentor_email for p in allowed.suggestion.pairs] == [ANA]  # she would be the best fit again
    assert allowed.left_out == []
    again = rematch(data, MEI)
    [pair] = again.suggestion.pairs
    assert pair.mentee_email == MEI and pair.mentor_email != ANA
    assert pair.runner_up != ANA  # not even offered as the runner-up
    assert again.left_out == ["not Ana Ruiz: the pairing ended on 24 Jul 2026, moved team"]


def test_a_plain_suggestion_never_puts_an_ended_pair_back_together(sample_copy):
    data = ended_p001(sample_copy)
    result = suggest(data)
    assert MEI in {p.mentee_email for p in result.pairs}  # she is waiting again, and placed
    assert (ANA, MEI) not in {(p.mentor_email, p.mentee_email) for p in result.pairs}
    assert all(p.runner_up != ANA for p in result.pairs if p.mentee_email == MEI)
    assert (ANA, MEI) in {(p.mentor_email, p.mentee_email)
                          for p in suggest(data, PairingOptions(allow_previous=True)).pairs}
    only_ana = suggest(data, PairingOptions(only=frozenset({MEI}), forbidden=frozenset(
        (m.email, MEI) for m in data.mentors if m.email != ANA)))
    [why] = [u.reason for u in only_ana.unmatched if u.mentee_email == MEI]
    assert "was Mei Chen's partner in a pairing that ended" in why, why

def test_nobody_on_the_mentees_avoid_list_is_suggested_and_that_is_said(sample_copy):
    text = (sample_copy / "mentees.csv").read_text(encoding="utf-8")
    header, *rows = text.splitlines()
    avoid = header.split(",").index("avoid")
    second_best = rematch(ended_p001(sample_copy), MEI).suggestion.pairs[0].mentor_email
    rows = [",".join(cells[:avoid] + [second_best] + cells[avoid + 1:]) if cells[0] == MEI else line
            for line in rows for cells in [line.split(",")]]
    (sample_copy / "mentees.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    data = load(CsvSource(folder=sample_copy))
    result = rematch(data, MEI)
    assert result.suggestion.pairs and result.suggestion.pairs[0].mentor_email not in (ANA, second_best)
    name = data.names[second_best]
    assert f"not {name}: on Mei Chen's avoid list" in result.left_out


def test_a_rematch_keeps_the_programs_seniority_gap(sample_copy):
    from tests.unit.reminders.conftest import add_row

    add_row(sample_copy, "settings", key="min_seniority_gap", value="30")  # no mentor is 30 years more senior
    source = CsvSource(folder=sample_copy)
    data = load(source)
    p001 = next(p for p in data.pairings if p.id == "P-001")
    lifecycle.end(Writer(source, data.tables), p001, p001.started_on, "moved team")
    found = rematch(load(source), p001.mentee_email)
    assert found.suggestion.pairs == []
    assert "outside the seniority gap" in found.suggestion.unmatched[0].reason
