"""A pair's meeting series as an iCalendar file (RFC 5545), built with icalendar: a recurring event from the plan
(lib/meetings/plan.py) with the mentor's zone and its VTIMEZONE, both people as attendees, the program contact as
organiser and the first meeting's agenda from the type's guide; an ended pairing as a cancellation of the same
UID."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from icalendar import Calendar, Event, Timezone, TimezoneStandard, vCalAddress, vText

from lib.contract.models import Pairing
from lib.guides.format import plain
from lib.guides.library import Guide, guide_for_type, meetings
from lib.meetings.plan import Series, contact_address, plan_all
from lib.meetings.zones import is_fixed, zone_of
from lib.reading.dataset import Dataset
from lib.vocabulary import DEFAULT_TYPE

PRODID = "-//Tandem//Mentoring meetings//EN"


def calendar_bytes(data: Dataset, pairings: list[Pairing], guides: list[Guide]) -> tuple[bytes, list[str]]:
    """One .ics holding the series of `pairings` (an ended one as a cancellation), and every note."""
    planned = plan_all(data, pairings)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if planned and all(s.cancelled for s in planned) else "PUBLISH")
    calendar.add("x-wr-calname", data.settings.program_name or "Mentoring meetings")
    fixed = {}
    for series in planned:
        calendar.add_component(_event(series, data, guides))
        for zone in {series.first[2], series.other[2]}:
            if is_fixed(zone_of(zone)):
                fixed[zone] = zone_of(zone)
    for zone in fixed.values():
        calendar.add_component(fixed_vtimezone(zone))
    if planned:
        calendar.add_missing_timezones(min(s.slot.dates[0] for s in planned) - timedelta(days=1),
                                       max(s.until for s in planned) + timedelta(days=400))
    notes = [note for s in planned for note in s.notes]
    return calendar.to_ical(), list(dict.fromkeys(notes))


def _event(series: Series, data: Dataset, guides: list[Guide]) -> Event:
    first_zone = zone_of(series.first[2])
    event = Event()
    event.add("uid", series.uid)
    event.add("sequence", series.sequence)
    event.add("dtstamp", datetime.now(timezone.utc))
    start = datetime.combine(series.slot.dates[0], time(series.slot.minute // 60, series.slot.minute % 60),
                             first_zone)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=data.settings.meeting_minutes))
    rule = {"freq": "monthly" if series.cadence == "monthly" else "weekly",
            "until": datetime.combine(series.until, time(23, 59, 59), first_zone).astimezone(timezone.utc)}
    if series.cadence == "biweekly":
        rule["interval"] = 2
    day = ("MO", "TU", "WE", "TH", "FR")[series.slot.weekday]
    if series.cadence == "monthly":
        position = (series.slot.dates[0].day - 1) // 7
        rule["byday"] = f"{-1 if position == 4 else position + 1}{day}"
    else:
        rule["byday"] = day
    event.add("rrule", rule)
    event.add("summary", series.title)
    event.add("description", _description(series, guides))
    event.add("status", "CANCELLED" if series.cancelled else "CONFIRMED")
    if contact := contact_address(data.settings.contact):
        organiser = vCalAddress(f"mailto:{contact[1]}")
        if contact[0]:
            organiser.params["cn"] = vText(contact[0])
        event.add("organizer", organiser)
    for name, email, _ in (series.first, series.other):
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params.update({"cn": vText(name), "role": vText("REQ-PARTICIPANT"),
                                "partstat": vText("NEEDS-ACTION")})
        event.add("attendee", attendee, encode=0)
    return event


def _description(series: Series, guides: list[Guide]) -> str:
    kind = series.pairing.type or DEFAULT_TYPE
    lines = [f"{kind.capitalize()} mentoring, {series.cadence}: {series.slot_words()}."]
    guide = guide_for_type(guides, kind)
    if series.cancelled:
        lines.append("This pairing has ended: the series is cancelled.")
    elif guide is not None:
        first = meetings(guide)[0]
        lines += ["", f"First meeting: {first.title}", plain(first.purpose), ""]
        lines += [f"- {plain(item)}" for item in first.agenda]
        lines += ["", f"The next meetings follow '{guide.title}'."]
    return "\n".join(lines)


def fixed_vtimezone(zone: timezone) -> Timezone:
    """A VTIMEZONE for a fixed offset: one STANDARD rule with the same offset before and after."""
    offset = zone.utcoffset(None)
    name = zone.tzname(None)
    component = Timezone()
    component.add("tzid", name)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", name)
    component.add_component(standard)
    return component
