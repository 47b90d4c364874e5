"""The slot search on its own: the least-bad slot of a pair with no common hours, and the other person's local time
when the two zones change their clocks on different dates."""

from __future__ import annotations

from datetime import date

import numpy as np

from lib.meetings import slots
from lib.meetings.zones import zone_of

LA, SINGAPORE = zone_of("America/Los_Angeles"), zone_of("Asia/Singapore")


def test_no_common_hours_keeps_the_first_meeting_and_every_week():
    # compared as a total over the series, a Monday (one meeting fewer, from 9 Feb) scored better than Tuesday 3 Feb
    slot = slots.find_slot(LA, SINGAPORE, "weekly", date(2026, 2, 3), date(2026, 12, 15), "09:00", "17:00", 45)
    assert not slot.fits
    assert slot.dates[0] == date(2026, 2, 3) and len(slot.dates) == 46
    every_weekday = [slots.occurrences(slots.first_on_or_after(date(2026, 2, 3), w), "weekly", date(2026, 12, 15))
                     for w in range(5)]
    assert len(slot.dates) == max(len(d) for d in every_weekday)


def test_a_slot_that_fits_is_the_same_as_before_on_the_start_weekday():
    berlin, new_york = zone_of("Europe/Berlin"), zone_of("America/New_York")
    slot = slots.find_slot(berlin, new_york, "weekly", date(2026, 3, 3), date(2026, 4, 30), "09:00", "17:00", 45)
    assert slot.fits and slot.weekday == 1 and slot.dates[0] == date(2026, 3, 3)


def test_the_other_persons_time_moves_while_the_clocks_differ():
    berlin, new_york = zone_of("Europe/Berlin"), zone_of("America/New_York")
    slot = slots.find_slot(berlin, new_york, "weekly", date(2026, 3, 2), date(2026, 4, 30), "09:00", "17:00", 45)
    runs = slots.local_times(slot, berlin, new_york)
    # New York moves on 8 Mar, Berlin on 29 Mar: for three weeks New York is one hour nearer
    assert [(start, end) for _, start, end in runs] == [(date(2026, 3, 2), date(2026, 3, 2)),
                                                        (date(2026, 3, 9), date(2026, 3, 23)),
                                                        (date(2026, 3, 30), date(2026, 4, 27))]
    assert runs[1][0] - runs[0][0] == 60 and runs[2][0] == runs[0][0]
    same = slots.find_slot(berlin, berlin, "weekly", date(2026, 3, 2), date(2026, 4, 30), "09:00", "17:00", 45)
    assert len(slots.local_times(same, berlin, berlin)) == 1


def test_taken_meetings_are_kept_free_when_another_slot_fits():
    berlin = zone_of("Europe/Berlin")
    free = slots.find_slot(berlin, berlin, "biweekly", date(2026, 6, 3), date(2026, 8, 21), "09:00", "17:00", 45)
    taken = slots.instants(berlin, free.dates, free.minute)
    assert slots.clashes_with(berlin, free, 45, taken) == len(free.dates)
    around = slots.find_slot_around(berlin, berlin, "biweekly", date(2026, 6, 3), date(2026, 8, 21), "09:00",
                                    "17:00", 45, taken)
    assert around.fits and around.weekday == free.weekday and slots.clashes_with(berlin, around, 45, taken) == 0
    assert abs(around.minute - free.minute) >= 45
    assert slots.find_slot_around(berlin, berlin, "biweekly", date(2026, 6, 3), date(2026, 8, 21), "09:00",
                                  "17:00", 45, np.array([], np.int64)) == free
