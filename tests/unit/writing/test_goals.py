"""A pair's goals through the writer: accepting a pair starts one open goal per shared goal, a lead adds goals and
edits status, progress, measure and target, only the cells that change are written, and what would not load
back is refused naming the field."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from lib.errors import EditRefused, SourceError, WriteConflict
from lib.health.model import assess
from lib.matching import suggest
from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing import lifecycle
from lib.writing.goals import add_goal, update_goal, update_goals
from lib.writing.writer import Writer

DAY = date(2026, 7, 24)


def opened(folder):
    source = CsvSource(folder=folder)
    data = load(source)
    return source, data, Writer(source, data.tables)


def goal_rows(folder) -> list[dict[str, str]]:
    with open(folder / "goals.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_accepting_pairs_starts_one_open_goal_per_shared_goal(sample_copy):
    source, data, writer = opened(sample_copy)
    pairs = suggest(data).pairs
    ids = lifecycle.accept(writer, data, pairs)
    again = load(source)
    expected = [(pairing_id, goal) for pairing_id, pair in zip(ids, pairs) for goal in pair.goals]
    assert expected and [(g.pairing_id, g.goal) for g in again.goals[-len(expected):]] == expected
    new = again.goals[-len(expected):]
    assert {g.status for g in new} == {"open"} and {g.progress for g in new} == {0}
    assert {g.updated_on for g in new} == {DAY} and len({g.id for g in again.goals}) == len(again.goals)
    assert not [p for p in again.problems if p.tab == "goals"]


def test_a_program_without_a_goals_tab_gets_its_pairs_saved_and_no_new_tab(sample_copy):
    (sample_copy / "goals.csv").unlink()  # a program from before goals, or one that does not keep them
    source, data, writer = opened(sample_copy)
    ids = lifecycle.accept(writer, data, suggest(data).pairs)
    again = load(source)
    assert ids and {p.id for p in again.pairings} >= set(ids)
    assert not (sample_copy / "goals.csv").exists() and not again.goals
    before = {p.pairing_id: p.plan_overdue for p in assess(data).itertuples()}
    assert {p.pairing_id: p.plan_overdue for p in assess(again).itertuples()} == before  # no pair flagged anew

def test_a_lead_adds_a_goal_then_edits_it_and_done_means_100(sample_copy):
    source, data, writer = opened(sample_copy)
    new_id = add_goal(writer, data, "P-002", "  Write   a CLI tool ", "merged with tests", date(2026, 8, 14))
    data = load(source)
    goal = next(g for g in data.goals if g.id == new_id)
    assert (goal.goal, goal.measure, goal.target_date, goal.status, goal.progress) == \
        ("Write a CLI tool", "merged with tests", date(2026, 8, 14), "open", 0)
    before = {r["id"]: r for r in goal_rows(sample_copy)}
    done = update_goal(Writer(source, data.tables), data, goal, {"progress": 60, "status": "in progress"})
    assert done == {"progress": ("0", "60"), "status": ("open", "in progress")}  # updated_on was today already
    after = {r["id"]: r for r in goal_rows(sample_copy)}
    assert {k for k in after if after[k] != before.get(k)} == {new_id}  # no other goal's row changed
    data = load(source)
    goal = next(g for g in data.goals if g.id == new_id)
    update_goal(Writer(source, data.tables), data, goal, {"status": "done"})
    assert next(g for g in load(source).goals if g.id == new_id).progress == 100


@pytest.mark.parametrize("changes, said", [
    ({"progress": 140}, "column 'progress': '140' is out of range (at most 100)"),
    ({"status": "finito"}, "'finito' is not a goal status"),
    ({"goal": "  "}, "column 'goal': required, but blank"),
])
def test_what_would_not_load_back_is_refused_naming_the_field(sample_copy, changes, said):
    source, data, writer = opened(sample_copy)
    new_id = add_goal(writer, data, "P-002", "Testing", today=DAY)
    data = load(source)
    goal = next(g for g in data.goals if g.id == new_id)
    with pytest.raises(EditRefused, match=said.replace("(", "\\(").replace(")", "\\)")):
        update_goal(Writer(source, data.tables), data, goal, changes)


def test_a_goal_for_no_pairing_and_a_stale_row_are_refused(sample_copy):
    source, data, writer = opened(sample_copy)
    with pytest.raises(SourceError, match="no pairing with id 'P-999'"):
        add_goal(writer, data, "P-999", "Testing")
    new_id = add_goal(writer, data, "P-002", "Testing")
    data = load(source)
    goal = next(g for g in data.goals if g.id == new_id)
    other = Writer(source, data.tables)
    update_goal(Writer(source, data.tables), data, goal, {"progress": 30})
    with pytest.raises(WriteConflict):  # someone else changed the row since this page read it
        update_goal(other, data, goal, {"progress": 50})


def test_several_goals_are_saved_in_one_write_and_a_conflict_on_one_saves_none(sample_copy):
    source, data, writer = opened(sample_copy)
    first, second = [g for g in data.goals if g.status != "done"][:2]
    Writer(source, data.tables).update("goals", second.id, {"measure": "changed elsewhere"}, number=second.row)
    with pytest.raises(WriteConflict):
        update_goals(writer, data, [(first, {"progress": 80}), (second, {"progress": 90})], today=DAY)
    assert next(g for g in load(source).goals if g.id == first.id).progress == first.progress  # nothing saved
    data = load(source)
    first, second = (next(g for g in data.goals if g.id == goal.id) for goal in (first, second))
    done = update_goals(Writer(source, data.tables), data, [(first, {"progress": 80}), (second, {"status": "done"})],
                        today=DAY)
    assert done[0]["progress"][1] == "80" and done[1]["status"][1] == "done" and done[1]["progress"][1] == "100"
    again = {g.id: g for g in load(source).goals}
    assert again[first.id].progress == 80 and again[second.id].status == "done" and again[second.id].progress == 100

def test_taking_a_goal_back_from_done_keeps_the_100_the_lead_saw_and_only_a_change_to_done_sets_100(sample_copy):
    source, data, writer = opened(sample_copy)
    done = next(g for g in data.goals if g.status == "done")
    assert update_goal(writer, data, done, {"status": "in progress"})["status"] == ("done", "in progress")
    data = load(source)
    again = next(g for g in data.goals if g.id == done.id)
    assert (again.status, again.percent) == ("in progress", 100)
    open_goal = next(g for g in data.goals if g.status == "open")
    update_goal(Writer(source, data.tables), data, open_goal, {"measure": "a new measure"})
    assert next(g for g in load(source).goals if g.id == open_goal.id).progress == open_goal.progress


def test_the_goals_of_an_unreadable_pairing_row_are_not_blamed_on_the_goals(sample_copy):
    from tests.unit.reminders.conftest import set_cells

    set_cells(sample_copy, "pairings", "P-002", mentee_email="not-an-email")
    data = load(CsvSource(folder=sample_copy))
    assert not [p for p in data.problems if p.tab == "goals"]
    assert [p for p in data.problems if p.tab == "pairings" and "not-an-email" in p.value]
