"""Meetings in Chromium: the lead downloads a pair's meeting series from the Hand-off and from Health's one-pair
view, every active pair's in one file (with the ended pair's cancelled), and an ended pair's cancellation from Current
pairs; each is read back by icalendar and expanded by recurring-ical-events."""

from __future__ import annotations

from datetime import date

import icalendar
import recurring_ical_events
from playwright.sync_api import expect

from tests.e2e.actions import choose, download, tab
from tests.unit.meetings.test_calendar_file import inside_working_hours


def series(payload: bytes) -> tuple[icalendar.Calendar, list]:
    calendar = icalendar.Calendar.from_ical(payload)
    return calendar, list(recurring_ical_events.of(calendar).between(date(2026, 6, 1), date(2026, 8, 22)))


def test_download_a_pairs_meetings_and_every_active_pairs(app, tmp_path):
    app.open()
    app.go_to("Pairings")
    tab(app, "Hand-off").click()
    choose(app, "Pair", "Ana Ruiz + Mei Chen")
    name, payload = download(app, "Meetings for this pair (.ics)", tmp_path)
    assert name == "tandem-meetings-mei.chen@northwind.example-2026-07-24.ics"
    calendar, meetings = series(payload)
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Mentoring: Ana Ruiz & Mei Chen"
    assert meetings and all(inside_working_hours(m["DTSTART"].dt, "Europe/Lisbon")
                            and inside_working_hours(m["DTSTART"].dt, "Europe/Berlin") for m in meetings)

    name, payload = download(app, "Meetings of all 14 active pairs, 1 ended cancelled (.ics)", tmp_path)
    calendar, meetings = series(payload)
    events = calendar.walk("VEVENT")
    assert len(events) == 15 and meetings and str(calendar["METHOD"]) == "PUBLISH"
    assert [str(e["SUMMARY"]) for e in events if str(e["STATUS"]) == "CANCELLED"] == [
        "Cancelled: Mentoring: José Martínez & Arjun Patel"]
    expect(app.page.get_by_text("Priya Raman (Kolkata) and Diego Hernández (New York): working hours do not "
                                "overlap").first).to_be_visible()  # said where the lead downloads it

    app.go_to("Health")
    tab(app, "One pair").click()
    choose(app, "Pair", "Priya Raman + Diego Hernández")
    name, payload = download(app, "Meetings for this pair (.ics)", tmp_path)
    calendar, meetings = series(payload)
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "Mentoring: Priya Raman & Diego Hernández"
    assert meetings and all(inside_working_hours(m["DTSTART"].dt, "Asia/Kolkata")
                            or inside_working_hours(m["DTSTART"].dt, "America/New_York") for m in meetings)


def test_download_an_ended_pairs_cancelled_meetings(app, tmp_path):
    app.open()
    app.go_to("Pairings")
    tab(app, "Current pairs").click()
    name, payload = download(app, "Cancel this pair's meetings (.ics)", tmp_path)
    assert name == "tandem-meetings-cancelled-arjun.patel@northwind.example-2026-07-24.ics"
    calendar = icalendar.Calendar.from_ical(payload)
    [event] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Cancelled: Mentoring: José Martínez & Arjun Patel"
