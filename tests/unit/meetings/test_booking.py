"""Slots booked together: in the calendar a program's pairs get (read back by icalendar and expanded by
recurring-ical-events), nobody has two meetings at once when another slot fits both people's working hours; a pair
alone keeps the slot it had, and a pair gets the same slot whichever other pairs are asked for."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import icalendar
import recurring_ical_events

from lib.contract.models import Mentee, Mentor, Pairing
from lib.contract.settings import Settings
from lib.guides.library import load_guides
from lib.meetings.booking import booking_order
from lib.meetings.calendar_file import calendar_bytes
from lib.meetings.plan import calendar_pairings, meeting_uid, plan_all, plan_series
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.sources import sample_source
from tests.unit.meetings.test_calendar_file import inside_working_hours

GUIDES = load_guides()


def meetings_by_person(payload: bytes) -> dict[str, list[tuple]]:
    """Each attendee's meetings as (start, end, series UID), from the file as a calendar reads it."""
    calendar = icalendar.Calendar.from_ical(payload)
    found = defaultdict(list)
    for event in recurring_ical_events.of(calendar).between(date(2020, 1, 1), date(2030, 1, 1)):
        start = event["DTSTART"].dt
        end = event["DTEND"].dt if "DTEND" in event else start + event["DURATION"].dt
        for attendee in event["ATTENDEE"]:
            found[str(attendee).removeprefix("mailto:")].append((start, end, str(event["UID"]), str(event["SUMMARY"])))
    return found


def overlaps(meetings: list[tuple]) -> list[tuple]:
    ordered = sorted(meetings)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if b[0] < a[1]]


def test_the_sample_books_nobody_twice():
    data = load(sample_source())
    payload, _ = calendar_bytes(data, calendar_pairings(data), GUIDES)
    group_of = {meeting_uid(p): p.mentor_email for p in data.pairings if p.type == "group"}
    cancelled = {meeting_uid(p) for p in data.pairings if p.status == "ended"}
    people = meetings_by_person(payload)
    assert people["aiko.tanaka@northwind.example"] and people["ana.ruiz@northwind.example"]
    assert cancelled and all(m[2] in cancelled for m in people["arjun.patel@northwind.example"])
    for person, meetings in people.items():
        live = [m for m in meetings if m[2] not in cancelled]
        # a group meets together: its members' series may share the mentor's time
        clashes = [(a, b) for a, b in overlaps(live) if not group_of.get(a[2]) == group_of.get(b[2]) is not None]
        assert clashes == [], (person, clashes[:2])


def mentor_with(mentees: int, zone: str = "Europe/Berlin", mentee_zone: str = "Europe/Berlin",
                start: date = date(2026, 6, 3), cadence: str = "biweekly") -> Dataset:
    mentor = Mentor(email="aiko@x.org", name="Aiko Tanaka", timezone=zone)
    people = [Mentee(email=f"m{k}@x.org", name=f"Mentee {k}", timezone=mentee_zone) for k in range(mentees)]
    pairings = [Pairing(id=f"P-{k + 1}", mentor_email="aiko@x.org", mentee_email=f"m{k}@x.org", status="active",
                        started_on=start, cadence=cadence) for k in range(mentees)]
    settings = Settings(program_start=start, program_end=date(2026, 8, 21), as_of=start,
                        contact="Priya Raman <priya@x.org>")
    return Dataset(mentors=[mentor], mentees=people, pairings=pairings, settings=settings)


def test_a_mentor_with_many_mentees_meets_each_at_another_time_inside_working_hours():
    data = mentor_with(12)
    payload, notes = calendar_bytes(data, data.pairings, GUIDES)
    meetings = meetings_by_person(payload)["aiko@x.org"]
    assert len(meetings) == 12 * 6 and overlaps(meetings) == [] and notes == []
    assert all(inside_working_hours(start, "Europe/Berlin") for start, *_ in meetings)
    alone = plan_series(mentor_with(1), mentor_with(1).pairings[0])
    assert plan_all(data, data.pairings)[0].slot == alone.slot  # the first booked keeps the slot it had alone


def test_one_pair_gets_the_slot_the_whole_program_gives_it():
    data = mentor_with(3, mentee_zone="America/New_York")
    whole = plan_all(data, data.pairings)
    assert len({(s.slot.weekday, s.slot.minute) for s in whole}) == 3
    for pairing, series in zip(data.pairings, whole):
        assert plan_series(data, pairing).slot == series.slot


def test_the_order_is_started_pairs_by_start_then_proposed_by_natural_id():
    pairings = [Pairing(id="P-10", mentor_email="a@x.org", mentee_email="b@x.org", status="active",
                        started_on=date(2026, 6, 1)),
                Pairing(id="P-9", mentor_email="a@x.org", mentee_email="c@x.org", status="active",
                        started_on=date(2026, 6, 1)),
                Pairing(id="P-1", mentor_email="a@x.org", mentee_email="d@x.org", status="proposed"),
                Pairing(id="P-2", mentor_email="a@x.org", mentee_email="e@x.org", status="active",
                        started_on=date(2026, 5, 1))]
    assert [p.id for p in sorted(pairings, key=booking_order)] == ["P-2", "P-9", "P-10", "P-1"]


def test_a_pair_that_starts_later_moves_around_the_pairs_already_meeting():
    data = mentor_with(2)
    later = data.pairings[1].model_copy(update={"started_on": date(2026, 6, 3) + timedelta(weeks=4)})
    data = Dataset(mentors=data.mentors, mentees=data.mentees, pairings=[later, data.pairings[0]],
                   settings=data.settings)
    first, second = plan_all(data, [data.pairings[1], data.pairings[0]])
    assert first.slot == plan_series(mentor_with(1), mentor_with(1).pairings[0]).slot
    assert second.slot.minute != first.slot.minute and second.slot.fits


def test_a_change_to_one_pair_raises_the_sequence_of_every_pair_booked_with_it(sample_copy):
    from lib.sources import CsvSource
    from lib.writing import lifecycle
    from lib.writing.writer import Writer

    source = CsvSource(folder=sample_copy)
    data = load(source)
    by_id = {p.id: p for p in data.pairings}
    before = {s.pairing.id: s.sequence for s in plan_all(data, [by_id["P-003"], by_id["P-004"], by_id["P-001"]])}
    lifecycle.end(Writer(source, data.tables), by_id["P-003"], data.today(), "moved team", data.today())
    data = load(source)
    by_id = {p.id: p for p in data.pairings}
    after = {s.pairing.id: s.sequence for s in plan_all(data, [by_id["P-003"], by_id["P-004"], by_id["P-001"]])}
    assert after["P-004"] > before["P-004"]  # Aiko's other pair: its slot may move with the first's change
    assert after["P-001"] == before["P-001"]  # Ana and Mei share nobody with Aiko's pairs


def test_a_withdrawn_pairing_has_no_series_and_holds_no_time(sample_copy):
    from lib.sources import CsvSource
    from lib.writing import lifecycle
    from lib.writing.writer import Writer

    source = CsvSource(folder=sample_copy)
    data = load(source)
    proposed = next(p for p in data.pairings if p.status == "proposed")
    lifecycle.end(Writer(source, data.tables), proposed, data.today(), "intern declined", data.today())
    data = load(source)
    withdrawn = next(p for p in data.pairings if p.id == proposed.id)
    assert withdrawn.withdrawn and withdrawn not in calendar_pairings(data)
