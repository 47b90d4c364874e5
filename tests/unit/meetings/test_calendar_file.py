"""Meeting series as calendars read them: every .ics is parsed by icalendar and expanded by recurring-ical-events,
and each occurrence is checked against both people's working hours in their own zones, across the spring and
autumn clock changes of Europe and North America (on different dates)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from lib.contract.models import Mentee, Mentor, Pairing
from lib.contract.settings import Settings
from lib.guides.library import load_guides
from lib.meetings.calendar_file import calendar_bytes
from lib.meetings.plan import meeting_uid, plan_series
from lib.meetings.zones import zone_of
from lib.reading.dataset import Dataset

GUIDES = load_guides()


def program(mentor_zone="Europe/Berlin", mentee_zone="America/New_York", cadence="weekly", start=date(2026, 3, 2),
            end=date(2026, 4, 30), status="active", **settings) -> Dataset:
    mentor = Mentor(email="ana@x.org", name="Ana Ruiz", timezone=mentor_zone)
    mentee = Mentee(email="mei@x.org", name="Mei Chen", timezone=mentee_zone)
    pairing = Pairing(id="P-001", mentor_email="ana@x.org", mentee_email="mei@x.org", status=status,
                      started_on=start, ended_on=end if status == "ended" else None, cadence=cadence)
    values = {"program_start": start, "program_end": end, "as_of": start, "contact": "Priya Raman <priya@x.org>",
              **settings}
    return Dataset(mentors=[mentor], mentees=[mentee], pairings=[pairing], settings=Settings(**values))


def occurrences(payload: bytes) -> list[datetime]:
    calendar = icalendar.Calendar.from_ical(payload)
    return [e["DTSTART"].dt for e in recurring_ical_events.of(calendar).between(date(2020, 1, 1), date(2030, 1, 1))]


def inside_working_hours(instant: datetime, zone: str, minutes: int = 45) -> bool:
    local = instant.astimezone(zone_of(zone))
    end = local + timedelta(minutes=minutes)
    return local.weekday() < 5 and time(9) <= local.time() and end.time() <= time(17) and end.date() == local.date()


@pytest.mark.parametrize("start, end", [(date(2026, 3, 2), date(2026, 4, 30)),  # US on 8 Mar, EU on 29 Mar
                                        (date(2026, 10, 5), date(2026, 11, 27))])  # EU on 25 Oct, US on 1 Nov
@pytest.mark.parametrize("cadence", ["weekly", "biweekly", "monthly"])
def test_every_occurrence_lies_in_both_working_days_across_the_clock_changes(start, end, cadence):
    data = program(cadence=cadence, start=start, end=end)
    payload, notes = calendar_bytes(data, data.pairings, GUIDES)
    found = occurrences(payload)
    # Mei's time moves for the weeks the clocks differ, and the note says when
    shifts = {(date(2026, 3, 2), "weekly"): "from 9 Mar to 23 Mar", (date(2026, 10, 5), "weekly"): "on 26 Oct",
              (date(2026, 3, 2), "biweekly"): "on 16 Mar"}  # biweekly in autumn: no meeting on 26 Oct
    moves = shifts.get((start, cadence))
    assert found and notes == ([f"Ana Ruiz (Berlin) and Mei Chen (New York): the clocks do not change together, so "
                                f"Mei's time moves: 10:45 for Mei (New York) {moves}."] if moves else [])
    assert all(inside_working_hours(o, "Europe/Berlin") and inside_working_hours(o, "America/New_York")
               for o in found), [o.astimezone(ZoneInfo("America/New_York")) for o in found]
    assert found[0].date() >= start and found[-1].date() <= end
    series = plan_series(data, data.pairings[0])
    assert [o.date() for o in found] == list(series.slot.dates)
    gaps = {(b - a).days for a, b in zip(found, found[1:])}
    assert gaps == ({7} if cadence == "weekly" else {14} if cadence == "biweekly" else gaps)


def test_the_rule_follows_the_cadence_and_a_fifth_weekday_repeats_on_the_last():
    rules = {}
    for cadence, start in (("weekly", date(2026, 6, 2)), ("biweekly", date(2026, 6, 2)),
                           ("monthly", date(2026, 6, 2)), ("monthly", date(2026, 6, 30))):
        data = program("Europe/Berlin", "Europe/Berlin", cadence, start, date(2026, 12, 31))
        event = icalendar.Calendar.from_ical(calendar_bytes(data, data.pairings, GUIDES)[0]).walk("VEVENT")[0]
        rules[(cadence, start.day)] = event["RRULE"]
    assert rules[("weekly", 2)]["FREQ"] == ["WEEKLY"] and "INTERVAL" not in rules[("weekly", 2)]
    assert rules[("biweekly", 2)]["FREQ"] == ["WEEKLY"] and rules[("biweekly", 2)]["INTERVAL"] == [2]
    assert rules[("monthly", 2)]["BYDAY"] == ["1TU"]  # 2 Jun 2026 is the 1st Tuesday
    assert rules[("monthly", 30)]["BYDAY"] == ["-1TU"]  # 30 Jun 2026 is the 5th: the last Tuesday each month


def test_the_event_names_both_people_the_organiser_the_agenda_and_keeps_its_uid():
    data = program()
    payload, _ = calendar_bytes(data, data.pairings, GUIDES)
    event = icalendar.Calendar.from_ical(payload).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Mentoring: Ana Ruiz & Mei Chen"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"  # the mentor's zone, with its VTIMEZONE
    assert "Europe/Berlin" in [str(z["TZID"]) for z in icalendar.Calendar.from_ical(payload).walk("VTIMEZONE")]
    attendees = sorted(str(a) for a in event["ATTENDEE"])
    assert attendees == ["mailto:ana@x.org", "mailto:mei@x.org"]
    assert str(event["ORGANIZER"]) == "mailto:priya@x.org" and event["ORGANIZER"].params["CN"] == "Priya Raman"
    assert "First meeting:" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == meeting_uid(data.pairings[0])
    again = icalendar.Calendar.from_ical(calendar_bytes(data, data.pairings, GUIDES)[0]).walk("VEVENT")[0]
    assert str(again["UID"]) == str(event["UID"]) and again["SEQUENCE"] == event["SEQUENCE"] == 0


def test_an_ended_pairing_gets_a_cancelled_version_of_the_same_series():
    data = program(status="ended")
    calendar = icalendar.Calendar.from_ical(calendar_bytes(data, data.pairings, GUIDES)[0])
    event = calendar.walk("VEVENT")[0]
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == meeting_uid(data.pairings[0])


def test_no_common_hours_still_writes_the_least_bad_slot_and_says_so():
    data = program("America/Los_Angeles", "Asia/Singapore", start=date(2026, 6, 1), end=date(2026, 8, 21))
    payload, [note] = calendar_bytes(data, data.pairings, GUIDES)
    assert note.startswith("Ana Ruiz (Los Angeles) and Mei Chen (Singapore): working hours do not overlap; "
                           "the nearest time is ")
    found = occurrences(payload)
    assert found
    for o in found:  # least bad: one of the two is inside working hours, the other as near as can be
        local = [o.astimezone(zone_of(z)) for z in ("America/Los_Angeles", "Asia/Singapore")]
        assert any(inside_working_hours(o, z) for z in ("America/Los_Angeles", "Asia/Singapore")), local


def test_a_fixed_offset_gets_its_own_time_zone_and_reads_back_at_the_right_instant():
    data = program("UTC+1", "UTC-5", start=date(2026, 6, 1), end=date(2026, 7, 31))
    payload, _ = calendar_bytes(data, data.pairings, GUIDES)
    calendar = icalendar.Calendar.from_ical(payload)
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} == {"UTC+1", "UTC-5"}
    assert calendar.walk("VEVENT")[0]["DTSTART"].params["TZID"] == "UTC+1"
    found = occurrences(payload)
    assert found and all(inside_working_hours(o, "UTC+1") and inside_working_hours(o, "UTC-5") for o in found)


def test_what_had_to_be_assumed_is_said():
    no_zone = program(mentee_zone="", timezone="Europe/Lisbon", program_end=None, contact="the team")
    _, notes = calendar_bytes(no_zone, no_zone.pairings, GUIDES)
    assert notes == ["Mei Chen has no time zone: the program's (Europe/Lisbon) is used.",
                     "The program has no end date: the series runs 12 weeks, to 25 May 2026.",
                     "No program contact with an email in the settings: the series has no organiser."]
    event = icalendar.Calendar.from_ical(calendar_bytes(no_zone, no_zone.pairings, GUIDES)[0]).walk("VEVENT")[0]
    assert "ORGANIZER" not in event
    others = program(mentee_zone="")
    assert calendar_bytes(others, others.pairings, GUIDES)[1] == [
        "Mei Chen has no time zone: Ana Ruiz's (Europe/Berlin) is used."]


def test_the_sequence_counts_the_pairings_changes_so_a_calendar_takes_the_new_version(sample_copy):
    from lib.reading.loader import load
    from lib.sources import CsvSource
    from lib.writing import lifecycle
    from lib.writing.writer import Writer

    source = CsvSource(folder=sample_copy)
    data = load(source)
    p016 = next(p for p in data.pairings if p.id == "P-016")
    before = plan_series(data, p016)
    lifecycle.activate(Writer(source, data.tables), p016, data.today())
    data = load(source)
    after = plan_series(data, next(p for p in data.pairings if p.id == "P-016"))
    assert after.uid == before.uid and after.sequence == before.sequence + 2  # status and started_on, logged
    event = icalendar.Calendar.from_ical(calendar_bytes(data, [after.pairing], GUIDES)[0]).walk("VEVENT")[0]
    assert event["SEQUENCE"] == after.sequence
