"""may_meet_on, the quick test that spares planning a pair's series: exactly whether the day is one of the series'
dates on that weekday (weekly and biweekly by arithmetic, monthly by the dates), on random pairs and days."""

from __future__ import annotations

import random
from datetime import date, timedelta

from lib.contract.models import Pairing
from lib.contract.settings import Settings
from lib.meetings.plan import may_meet_on, series_window
from lib.meetings.slots import first_on_or_after, occurrences
from lib.reading.dataset import Dataset


def test_may_meet_on_is_exactly_a_date_of_the_series_on_that_weekday():
    rng = random.Random(7)
    settings = Settings(program_start=date(2026, 1, 5), program_end=date(2026, 12, 18))
    pairings = [Pairing(id=f"P-{k:03d}", mentor_email=f"m{k}@x.example", mentee_email=f"e{k}@x.example",
                        status="active", started_on=date(2025, 12, 1) + timedelta(days=rng.randrange(330)),
                        cadence=rng.choice(["weekly", "biweekly", "monthly", ""])) for k in range(300)]
    data = Dataset(mentors=[], mentees=[], pairings=pairings, settings=settings)
    said = []
    for pairing in pairings:
        start, until, cadence = series_window(data, pairing)
        for day in (date(2025, 12, 20) + timedelta(days=rng.randrange(400)) for _ in range(12)):
            expected = (day.weekday() < 5 and start <= day <= until
                        and day in occurrences(first_on_or_after(start, day.weekday()), cadence, until))
            assert may_meet_on(data, pairing, day) == expected, (pairing, day)
            said.append(expected)
    assert any(said) and not all(said)
