"""How long the meeting calendars take. Run: .venv/bin/python bench/bench_meetings.py [--runs N] [--pairs 500 5000]

Seeded synthetic programs of N active pairs, in the shapes real programs take:
- "one office": everyone in one zone, starts on a handful of days (plans repeat, the cache does the work);
- "spread": eleven zones on four continents (Europe, the Americas, India, East Asia, a fixed UTC+1), starts on any
  day of a 12-week window, cadences mixed (weekly, biweekly, monthly), a program across the spring clock changes;
- "no overlap": half the pairs between Los Angeles and Singapore (the least-bad search over every slot);
- "busy mentors": as spread, but each mentor has three mentees, starting the same week, so slots are booked around
  the mentor's other meetings (lib/meetings/booking.py).
For each: the calendar file for every pair (`calendar_bytes`: plan each series, write the .ics), in-process, the
median of --runs runs, with the machine's load average beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lib.contract.models import Mentee, Mentor, Pairing  # noqa: E402
from lib.contract.settings import Settings  # noqa: E402
from lib.guides.library import load_guides  # noqa: E402
from lib.meetings.calendar_file import calendar_bytes  # noqa: E402
from lib.meetings.slots import find_slot, occurrences  # noqa: E402
from lib.reading.dataset import Dataset  # noqa: E402

START, END = date(2026, 2, 2), date(2026, 5, 29)
SPREAD = ["Europe/Berlin", "Europe/Lisbon", "Europe/London", "America/New_York", "America/Chicago",
          "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo", "Asia/Singapore", "UTC+1"]


def program(pairs: int, shape: str, seed: int = 5) -> Dataset:
    rng = random.Random(seed)
    mentors, mentees, pairings = [], [], []
    for k in range(pairs):
        mentor = k // 3 if shape == "busy mentors" else k
        if shape == "busy mentors":
            zones = (SPREAD[mentor % len(SPREAD)], rng.choice(SPREAD))
            start = START + timedelta(days=7 * (mentor % 12) + rng.randrange(3))
        elif shape == "one office":
            zones, start = ("Europe/Berlin", "Europe/Berlin"), START + timedelta(days=7 * rng.randrange(3))
        elif shape == "no overlap" and k % 2 == 0:
            zones, start = ("America/Los_Angeles", "Asia/Singapore"), START + timedelta(days=rng.randrange(84))
        else:
            zones, start = (rng.choice(SPREAD), rng.choice(SPREAD)), START + timedelta(days=rng.randrange(84))
        if mentor == k or k % 3 == 0:
            mentors.append(Mentor(email=f"m{mentor}@bench.example", name=f"Mentor {mentor}", timezone=zones[0]))
        mentees.append(Mentee(email=f"e{k}@bench.example", name=f"Mentee {k}", timezone=zones[1]))
        pairings.append(Pairing(id=f"P-{k:05d}", mentor_email=f"m{mentor}@bench.example",
                                mentee_email=f"e{k}@bench.example",
                                status="active", started_on=start,
                                cadence=rng.choice(["weekly", "biweekly", "monthly"])))
    settings = Settings(program_start=START, program_end=END, as_of=END, contact="Lead <lead@bench.example>")
    return Dataset(mentors=mentors, mentees=mentees, pairings=pairings, settings=settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, nargs="+", default=[500, 5000])
    args = parser.parse_args()
    guides = load_guides()
    print(f"load average {os.getloadavg()[0]:.2f} before; 2 cores; median of {args.runs}")
    print("| shape | pairs | calendar (in-process) | file size |")
    print("|---|---:|---:|---:|")
    for shape in ("one office", "spread", "no overlap", "busy mentors"):
        for pairs in args.pairs:
            data = program(pairs, shape)
            times = []
            for _ in range(args.runs):
                find_slot.cache_clear()  # each run plans from nothing, as a fresh process does
                occurrences.cache_clear()
                started = time.perf_counter()
                payload, _ = calendar_bytes(data, data.pairings, guides)
                times.append(time.perf_counter() - started)
            print(f"| {shape} | {pairs:,} | {statistics.median(times):.2f} s | {len(payload) / 1e6:.1f} MB |",
                  flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
