"""find_slots, the slots of many series in array passes, gives exactly what find_slot gives one by one, on
programs of every shape (zones that overlap, that do not, fixed offsets, every cadence, starts on weekends)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from lib.meetings import slots
from lib.meetings.zones import zone_of

ZONES = ["Europe/Berlin", "Europe/Lisbon", "America/New_York", "America/Los_Angeles", "Asia/Kolkata",
         "Asia/Singapore", "Asia/Tokyo", "UTC+1", "UTC-5:30", "Pacific/Auckland", "UTC"]


def requests(count: int, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        start = date(2026, 1, 5) + timedelta(days=rng.randrange(300))
        until = start + timedelta(days=rng.randrange(7, 200))
        made.append((zone_of(rng.choice(ZONES)), zone_of(rng.choice(ZONES)),
                     rng.choice(["weekly", "biweekly", "monthly"]), start, until,
                     "09:00", rng.choice(["17:00", "13:00"]), rng.choice([30, 45, 60])))
    return made


def test_the_batch_gives_the_same_slot_as_one_search_per_series(monkeypatch):
    monkeypatch.setattr(slots, "BATCH", 97)  # several passes, and a short last one
    monkeypatch.setattr(slots, "SEARCH_BATCH", 41)  # the same for the search on every weekday
    asked = requests(600, seed=3)
    asked += asked[:20]  # repeats
    batch = slots.find_slots(asked)
    slots.find_slot.cache_clear()
    assert batch == [slots.find_slot(*key) for key in asked]
    assert any(s.fits for s in batch) and any(not s.fits for s in batch)
