"""The program plan: steps due relative to a pair's start, its first meeting or the program's dates (month ends
included), done by their evidence, judged only where the spreadsheet can hold that evidence, an overdue step a
Watch flag that names it, and every unreadable plan row a problem naming the settings row."""

from __future__ import annotations

from datetime import date

from lib.health.model import assess, program_plan
from lib.reading.loader import load
from lib.sources import CsvSource

A, B = "ana@x.org", "bo@x.org"


def tiny_program(folder, plan: list[str], as_of="2026-02-20", extra_tabs=None):
    """One pair started on 31 Jan 2026, first met on 3 Feb; the program runs 31 Jan - 1 Mar."""
    tabs = {
        "mentors": f"email,name\n{A},Ana Ruiz\n", "mentees": f"email,name\n{B},Bo Chen\n",
        "pairings": f"id,mentor_email,mentee_email,status,started_on,cadence\nP-1,{A},{B},active,2026-01-31,weekly\n",
        "checkins": f"id,date,mentor_email,mentee_email\nC-1,2026-02-03,{A},{B}\nC-2,2026-02-17,{A},{B}\n",
        "feedback": "id,date,mentor_email,mentee_email,from_role,rating\n",
        "settings": "key,value\nprogram_start,2026-01-31\nprogram_end,2026-03-01\nas_of," + as_of + "\n"
                    + "".join(f"plan.{k},{row}\n" for k, row in enumerate(plan, 1)),
        **(extra_tabs or {})}
    folder.mkdir(exist_ok=True)
    for tab, text in tabs.items():
        (folder / f"{tab}.csv").write_text(text, encoding="utf-8")
    return load(CsvSource(folder=folder))


def steps(data, as_of=None) -> dict[str, tuple]:
    plan = program_plan(data, as_of)
    return {s: (due, status, done_on) for s, due, status, done_on in
            zip(plan["step"], plan["due"], plan["status"], plan["done_on"])}


def test_due_dates_across_month_ends_and_what_makes_each_step_done(tmp_path):
    data = tiny_program(tmp_path / "p", [
        "Kickoff | start+14d | first_checkin",  # 31 Jan + 14 = 14 Feb; met on 3 Feb
        "Goals | start+29d | has_goal",  # 1 Mar: upcoming
        "Early goals | start+1d | has_goal",  # 1 Feb: overdue (the goals tab is empty)
        "Mid-point | midpoint | feedback_both_sides",  # 31 Jan + 29 days // 2 = 14 Feb; no feedback: overdue
        "Wrap-up | program_end-14d | has_goal",  # 1 Mar - 14 = 15 Feb: overdue
        "Check | program_start+29d | first_checkin",  # 1 Mar, but done already
        "Fit | after_first_meeting+28d | feedback_both_sides",  # 3 Feb + 28 = 3 Mar: upcoming
    ], extra_tabs={"goals": "id,pairing_id,goal,updated_on\nG-1,P-1,SQL,2026-03-10\n",  # set after the as-of date
                   "feedback": "id,date,mentor_email,mentee_email,from_role,rating\n"
                               f"F-1,2026-02-10,{A},{B},mentor,4\n"})  # the mentor's, before the mid-point
    assert steps(data) == {
        "Kickoff": (date(2026, 2, 14), "done", date(2026, 2, 3)),
        "Goals": (date(2026, 3, 1), "upcoming", None),
        "Early goals": (date(2026, 2, 1), "overdue", None),
        "Mid-point": (date(2026, 2, 14), "overdue", None),
        "Wrap-up": (date(2026, 2, 15), "overdue", None),
        "Check": (date(2026, 3, 1), "done", date(2026, 2, 3)),
        "Fit": (date(2026, 3, 3), "upcoming", None),
    }
    [pair] = assess(data).itertuples()
    assert pair.status == "Watch" and pair.plan_overdue == ("Early goals", "Mid-point", "Wrap-up")
    assert "plan step 'Mid-point' overdue since 14 Feb 2026" in pair.reasons
    assert pair.next_step.startswith("Hi Ana and Bo, the program plan has 'Early goals' (due 1 Feb 2026) and")


def test_a_step_is_overdue_only_the_day_after_it_is_due_and_evidence_after_the_as_of_date_does_not_count(tmp_path):
    data = tiny_program(tmp_path / "p", ["Review | midpoint | feedback_both_sides"], extra_tabs={
        "feedback": f"id,date,mentor_email,mentee_email,from_role,rating\nF-1,2026-02-13,{A},{B},mentor,4\n"
                    f"F-2,2026-02-14,{A},{B},mentor,5\nF-3,2026-02-16,{A},{B},mentee,4\n"})
    assert steps(data, date(2026, 2, 14))["Review"] == (date(2026, 2, 14), "upcoming", None)
    assert steps(data, date(2026, 2, 15))["Review"][1] == "overdue"  # the mentee's came on the 16th
    assert steps(data, date(2026, 2, 16))["Review"] == (date(2026, 2, 14), "done", date(2026, 2, 16))


def test_steps_whose_evidence_the_sheet_cannot_hold_are_not_tracked_and_change_no_status(tmp_path):
    data = tiny_program(tmp_path / "p", ["Goals | start+1d | has_goal", "Fit | after_first_meeting+1d | fit_answer",
                                        "Final | program_end-30d | goals_final_and_outcome"])
    assert {s: status for s, (_, status, _) in steps(data).items()} == {
        "Goals": "not tracked", "Fit": "not tracked", "Final": "not tracked"}
    [pair] = assess(data).itertuples()
    assert pair.status == "Healthy" and pair.plan_overdue == ()


def test_the_default_plan_on_the_sample_and_the_kickoff_is_not_said_twice(sample_copy):
    data = load(CsvSource(folder=sample_copy))
    assert [s.step for s in data.settings.plan_steps] == ["Kickoff meeting", "Goals agreed", "Pairing fit",
                                                          "Mid-point review", "Final assessment"]
    health = assess(data).set_index("pairing_id")
    assert health.loc["P-001", "plan_overdue"] == () and health.loc["P-001", "status"] == "Healthy"
    pending = health.loc["P-005"]  # started 6 Jul, never met: the first-meeting flag already says the kickoff
    assert pending["plan_overdue"][0] == "Kickoff meeting"
    assert not any("'Kickoff meeting'" in r for r in pending["reasons"])
    assert "plan step 'Goals agreed' overdue since 20 Jul 2026" in pending["reasons"]
    final = steps(data)["Final assessment"]
    assert final[0] == date(2026, 8, 21)


def test_unreadable_plan_rows_are_problems_naming_the_settings_row_and_the_rest_hold(sample_copy):
    path = sample_copy / "settings.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(rows + ["plan.1,Kickoff | start+7d | first_checkin", "plan.2,Lunch | someday | has_goal",
                                      "plan.3,Demo | start+10d | vibes", "plan.4,just words"]) + "\n",
                    encoding="utf-8")
    data = load(CsvSource(folder=sample_copy))
    assert [s.step for s in data.settings.plan_steps] == ["Kickoff"]
    said = [str(p) for p in data.problems if p.tab == "settings"]
    first = len(rows) + 1  # the header is row 1
    assert any(s.startswith(f"settings row {first + 1}, column 'value': plan step 'plan.2': due 'someday' is not "
                            "one of start+Nd, program_start+Nd, program_end-Nd, midpoint or after_first_meeting+Nd")
               for s in said), said
    assert any(f"settings row {first + 2}" in s and "done when 'vibes' is not one of first_checkin" in s
               for s in said)
    assert any(f"settings row {first + 3}" in s and "a plan step is '<step> | <due> | <done when>'" in s
               for s in said)


def test_empty_tabs_are_judged_missing_ones_are_not_and_steps_that_are_not_the_pairs_are_left_out(tmp_path):
    plan = ["Goals | start+1d | has_goal", "Fit | after_first_meeting+1d | fit_answer",
            "Final | program_end-5d | goals_final_and_outcome", "Early | program_end-30d | goals_final_and_outcome"]
    empty = {"goals": "id,pairing_id,goal\n", "outcomes": "id,mentee_email,date,offer\n",
             "feedback": "id,date,mentor_email,mentee_email,from_role,rating,question\n"}
    starter = tiny_program(tmp_path / "p", plan, extra_tabs=empty)  # a starter workbook: every tab, nothing in it
    assert {s: status for s, (_, status, _) in steps(starter).items()} == {
        "Goals": "overdue", "Fit": "overdue", "Final": "upcoming",  # due 1 Feb, 4 Feb (met 3 Feb), 24 Feb
        "Early": "not tracked"}  # due 30 Jan, before the pair started
    without = tiny_program(tmp_path / "s", plan)  # no goals or outcomes tab, no question column: nothing to judge
    assert {status for _, status, _ in steps(without).values()} == {"not tracked"}
    late = tiny_program(tmp_path / "q", ["Before | program_start+1d | first_checkin", "Review | midpoint | "
                                         "first_checkin", "Wrap | program_end-5d | first_checkin"], as_of="2026-02-25",
                        extra_tabs={"pairings": "id,mentor_email,mentee_email,status,started_on\n"
                                                f"P-1,{A},{B},active,2026-02-16\n"})  # after the midpoint, 14 Feb
    assert {s: status for s, (_, status, _) in steps(late).items()} == {
        "Before": "not tracked", "Review": "not tracked", "Wrap": "done"}  # due 1 and 14 Feb, then 24 Feb (met 17th)
    blank = tiny_program(tmp_path / "r", ["Goals | start+1d | has_goal"], extra_tabs={
        "pairings": f"mentor_email,mentee_email,status,started_on\n{A},{B},active,2026-01-31\n",
        "goals": "id,pairing_id,goal\nG-1,P-9,SQL\n"})
    assert steps(blank)["Goals"][1] == "not tracked"  # a goal names its pairing by id: this one has none


def test_plan_keys_as_leads_write_them_and_every_row_that_cannot_hold_is_said(tmp_path):
    data = tiny_program(tmp_path / "p", [])
    path = tmp_path / "p" / "settings.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Plan 1,Kickoff | start+7d | first_checkin\n"
                    "plan_1,Again | start+7d | first_checkin\nplan.1a,Odd | start+7d | first_checkin\n"
                    "PLAN4,Far | start+99999d | first_checkin\n", encoding="utf-8")
    data = load(CsvSource(folder=tmp_path / "p"))
    assert [s.step for s in data.settings.plan_steps] == ["Kickoff"]
    said = [p.message for p in data.problems if p.tab == "settings"]
    assert "plan step 'plan_1': another row is plan.1 already; step left out" in said
    assert "plan step 'plan.1a': a plan row's key is plan.<n>, e.g. plan.2; step left out" in said
    assert "plan step 'PLAN4': due 'start+99999d': 99999 days is more than 3650 (ten years); step left out" in said
    only_bad = tiny_program(tmp_path / "q", ["Lunch | someday | has_goal"])
    assert [s.step for s in only_bad.settings.plan_steps][0] == "Kickoff meeting"  # the default plan holds
    assert "no plan row could be read: the default plan holds" in [p.message for p in only_bad.problems]
