"""What is due on a day: meeting reminders the working day before a meeting nothing was logged for, nudges to
flagged pairs once per cadence period, the weekly digest to the contact, and nobody who opted out."""

from __future__ import annotations

import csv
from datetime import date, datetime, timezone

from lib.health.model import assess
from lib.reminders.due import reminder_day
from lib.reminders.run import due_on
from tests.unit.reminders.conftest import add_row, set_cells

FRIDAY = date(2026, 7, 24)  # the sample's as_of


def by_kind(planned, kind):
    return {r.pairing_id: r for r in planned.reminders if r.kind == kind}


def test_a_meeting_is_reminded_the_working_day_before():
    assert reminder_day(date(2026, 7, 27)) == date(2026, 7, 24)  # Monday's on the Friday before
    assert reminder_day(date(2026, 7, 29)) == date(2026, 7, 28)


def test_on_the_sample_friday_the_monday_meetings_without_a_check_in_since_the_last_one_are_due(sample_copy,
                                                                                              opened):
    _, data = opened(sample_copy)
    planned = due_on(data, FRIDAY)
    due = by_kind(planned, "due")
    assert set(due) == {"P-002", "P-005"}
    assert {r.period for r in due.values()} == {"2026-07-27"}
    noah = due["P-005"]
    assert noah.recipients == ["jose.martinez@northwind.example", "noah.fischer@northwind.example"]
    assert noah.pairing.id == "P-005" and "Monday 27 Jul 2026" in noah.paragraphs[1]
    assert "your next mentoring meeting" in noah.paragraphs[1]  # never met, but 27 Jul is not the series' first
    assert due_on(data, date(2026, 7, 23)).reminders and not by_kind(due_on(data, date(2026, 7, 23)), "due").keys() \
        & {"P-002", "P-005"}  # Thursday: not yet


def test_a_pair_set_to_start_after_the_day_gets_its_first_meetings_reminder_called_the_first(sample_copy,
                                                                                             opened):
    """P-005 starts on Monday 6 Jul, so on Friday 3 Jul it is not active yet (the health model leaves it out), and
    its first meeting, that Monday, is reminded all the same; the one of 13 Jul is the next, not the first."""
    _, data = opened(sample_copy)
    friday = date(2026, 7, 3)
    assert "P-005" not in set(assess(data, friday)["pairing_id"])  # the health model's notion of active stays
    noah = by_kind(due_on(data, friday), "due")["P-005"]
    assert noah.period == "2026-07-06" and noah.subject == "Mentoring on Monday: José Martínez & Noah Fischer"
    assert noah.paragraphs[1].startswith("A reminder of your first meeting, on Monday 6 Jul 2026: Mon 13:30 for José")
    assert noah.recipients == ["jose.martinez@northwind.example", "noah.fischer@northwind.example"]
    second = by_kind(due_on(data, date(2026, 7, 10)), "due")["P-005"]
    assert second.period == "2026-07-13" and "your next mentoring meeting" in second.paragraphs[1]
    assert "first" not in second.paragraphs[1]


def test_a_pair_set_to_start_that_is_not_active_gets_no_reminder(sample_copy, opened):
    set_cells(sample_copy, "pairings", "P-005", status="proposed")
    _, data = opened(sample_copy)
    assert "P-005" not in by_kind(due_on(data, date(2026, 7, 3)), "due")


def test_a_meeting_reminder_stays_due_until_the_meeting_starts_so_a_missed_friday_run_is_caught_up(sample_copy,
                                                                                                  opened):
    """Monday 27 Jul, 13:30 in José's zone (UTC+1; 12:15 is his meeting with Zoë) is 12:30 UTC: due from Friday
    through Monday morning, the same reminder (one key, so it goes once), and not once the meeting has started."""
    _, data = opened(sample_copy)
    def due(day, hour, minute=0):
        moment = datetime(2026, 7, 27, hour, minute, tzinfo=timezone.utc)
        return by_kind(due_on(data, day, now=moment), "due").get("P-005")
    keys = {due(date(2026, 7, d), 8).key for d in (24, 25, 26, 27)}
    assert keys == {("due", "P-005", "2026-07-27")}
    assert due(date(2026, 7, 25), 8).subject == "Mentoring on Monday: José Martínez & Noah Fischer"
    assert due(date(2026, 7, 26), 8).subject == "Mentoring tomorrow: José Martínez & Noah Fischer"
    monday = due(date(2026, 7, 27), 12, 29)
    assert monday.subject == "Mentoring today: José Martínez & Noah Fischer"
    assert monday.paragraphs[1].startswith("A reminder of your next mentoring meeting, today, Monday 27 Jul 2026")
    assert due(date(2026, 7, 27), 12, 30) is None  # it has started
    assert due(date(2026, 7, 23), 8) is None  # Thursday: not yet


def test_a_check_in_logged_since_the_previous_meeting_means_no_meeting_reminder(sample_copy, opened):
    add_row(sample_copy, "checkins", id="C-9001", date="2026-07-22", mentor_email="ana.ruiz@northwind.example",
            mentee_email="tomas.silva@northwind.example", minutes="30")
    _, data = opened(sample_copy)
    assert set(by_kind(due_on(data, FRIDAY), "due")) == {"P-005"}


def test_a_nudge_goes_to_each_flagged_pair_once_per_cadence_period(sample_copy, opened):
    _, data = opened(sample_copy)
    nudges = by_kind(due_on(data, FRIDAY), "nudge")
    assert {"P-004", "P-005", "P-009"} <= set(nudges)
    assert nudges["P-005"].period == "2026-07-20"  # weekly from 6 Jul: the period of 20-26 Jul
    assert nudges["P-005"].paragraphs[0].startswith("Hi José and Noah, your mentoring started on 6 Jul 2026")
    assert by_kind(due_on(data, date(2026, 7, 26)), "nudge")["P-005"].period == "2026-07-20"
    assert by_kind(due_on(data, date(2026, 7, 27)), "nudge")["P-005"].period == "2026-07-27"


def test_a_nudge_about_the_mentees_feedback_goes_to_the_mentee_alone(sample_copy, opened):
    _, data = opened(sample_copy)
    liam = by_kind(due_on(data, FRIDAY), "nudge")["P-007"]
    assert liam.recipients == ["liam.obrien@northwind.example"]
    assert liam.subject == "Your mentoring with Olena Kovalenko"


def test_the_digest_goes_to_the_contact_once_an_iso_week_with_the_pairs_at_risk(sample_copy, opened):
    _, data = opened(sample_copy)
    digest = due_on(data, FRIDAY).reminders[0]
    assert digest.kind == "digest" and digest.period == "2026-W30" and digest.pairing_id == ""
    assert digest.recipients == ["priya.raman@northwind.example"]
    at_risk = next(p for p in digest.paragraphs if p.startswith("At risk:"))
    assert at_risk.count("\n- ") == 3 and "Aiko Tanaka & Sofia Rossi: no check-in for 49 days" in at_risk
    assert due_on(data, date(2026, 7, 20)).reminders[0].period == "2026-W30"
    assert due_on(data, date(2026, 7, 27)).reminders[0].period == "2026-W31"


def test_without_a_contact_email_there_is_no_digest_and_a_note_says_so(sample_copy, opened):
    set_cells(sample_copy, "settings", "contact", value="Priya Raman")
    _, data = opened(sample_copy)
    planned = due_on(data, FRIDAY)
    assert not by_kind(planned, "digest") and any("no weekly digest" in n for n in planned.notes)


def test_a_person_who_opted_out_receives_nothing_and_the_other_still_does(sample_copy, opened):
    set_cells(sample_copy, "mentors", "jose.martinez@northwind.example", reminders="no")
    _, data = opened(sample_copy)
    planned = due_on(data, FRIDAY)
    for kind in ("due", "nudge"):
        noah = by_kind(planned, kind)["P-005"]
        assert noah.recipients == ["noah.fischer@northwind.example"] and noah.left_out == ("José Martínez",)
    set_cells(sample_copy, "mentees", "noah.fischer@northwind.example", reminders="no")
    _, data = opened(sample_copy)
    planned = due_on(data, FRIDAY)
    assert "P-005" not in by_kind(planned, "due") and "P-005" not in by_kind(planned, "nudge")
    assert any(n.startswith("José Martínez and Noah Fischer opted out") for n in planned.notes)


def test_a_google_forms_reminder_question_once_mapped_opts_a_person_out(sample_copy, opened):
    """A Form asks "Would you like email reminders?" (Yes / No): the lead maps it once, and a No holds."""
    path = sample_copy / "mentees.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[0].append("Would you like email reminders?")
    for row in rows[1:]:
        row.append("No" if row[0] == "noah.fischer@northwind.example" else "Yes")
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    _, unmapped = opened(sample_copy)
    assert any("it looks like reminders" in p.message for p in unmapped.problems)
    add_row(sample_copy, "settings", key="column.mentees.reminders", value="Would you like email reminders?")
    _, data = opened(sample_copy)
    noah = by_kind(due_on(data, FRIDAY), "due")["P-005"]
    assert noah.recipients == ["jose.martinez@northwind.example"] and noah.left_out == ("Noah Fischer",)
