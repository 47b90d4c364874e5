"""The goals tab as leads keep it: valid rows load, and every bad value is a problem naming the tab, the row as
the sheet numbers it, the column and the value (an unknown status, progress outside 0-100, a goal for no
pairing, an unreadable date), while the rest of the row or tab still loads."""

from __future__ import annotations

from datetime import date

from lib.health.model import assess
from lib.reading.loader import load
from lib.sources import CsvSource

HEADER = "id,pairing_id,goal,measure,target_date,status,progress,updated_on\n"


def test_valid_goals_load_and_bad_values_are_named(sample_copy):
    (sample_copy / "goals.csv").write_text(HEADER + (
        "G-001,P-001,SQL,a query merged,2026-07-14,In Progress,40,2026-07-01\n"
        "G-002,P-999,Docker,,,open,,\n"
        "G-003,P-002,Testing,,31/07/2026,completed,150,\n"
        "G-004,P-002,Kotlin,,someday,open,10,\n"
        "G-005,P-002,,,,open,,\n"), encoding="utf-8")
    data = load(CsvSource(folder=sample_copy))
    goals = {g.id: g for g in data.goals}
    assert goals["G-001"].status == "in progress" and goals["G-001"].percent == 40
    assert goals["G-003"].status == "done" and goals["G-003"].target_date == date(2026, 7, 31)
    assert goals["G-003"].progress is None and goals["G-003"].percent == 100
    said = [str(p) for p in data.problems if p.tab == "goals"]
    assert ("goals row 3, column 'pairing_id': not the id of a pairing in the pairings tab; row skipped (value "
            "'P-999')") in said
    assert any("row 4, column 'progress'" in s and "'150' is out of range (at most 100)" in s for s in said)
    assert any("row 5, column 'target_date'" in s and "someday" in s for s in said)
    assert any("row 6, column 'goal'" in s and "required, but blank" in s for s in said)
    assert "G-002" not in goals and "G-005" not in goals


def test_a_goal_past_its_target_makes_the_pair_watch_and_says_which(sample_copy):
    (sample_copy / "goals.csv").write_text(HEADER + (
        "G-001,P-001,SQL,,2026-07-14,in progress,40,\n"
        "G-002,P-001,Docker,,2026-07-10,done,,\n"
        "G-003,P-001,Testing,,2026-07-30,open,,\n"), encoding="utf-8")
    health = assess(load(CsvSource(folder=sample_copy)))
    ana = health[health["pairing_id"] == "P-001"].iloc[0]
    assert ana["status"] == "Watch" and ana["reasons"] == ["goal 'SQL' past its target, 14 Jul 2026"]
    assert ana["next_step"] == ("Hi Ana and Mei, your goal 'SQL' (due 14 Jul 2026) is not marked done yet. Is it "
                                "done, or does it need a new date? Tell me where it stands.")
    without = assess(load(CsvSource(folder=sample_copy)), as_of=date(2026, 7, 13))
    assert not any(r.startswith("goal ") for r in without[without["pairing_id"] == "P-001"].iloc[0]["reasons"])
