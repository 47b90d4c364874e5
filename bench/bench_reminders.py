"""How long a reminder dry run takes (what `python -m lib remind SOURCE` works out before it prints anything).
Run: .venv/bin/python bench/bench_reminders.py [--runs N] [--pairs 1000 10000]

Seeded synthetic programs of N active pairs (bench_meetings.py's zones and starts), on a Wednesday half way
through at 08:00 UTC (AS_OF, RUN_AT: every pair that may meet that day, before its meeting starts, or on Thursday is
a candidate), with a check-in log shaped as programs
run: 70 % of pairs meet on their cadence, 20 % drift (their last check-in 3-6 weeks ago), 10 % never met.
Shapes: "one office" (one zone), "spread" (eleven zones on four continents), and "spread, nothing logged", the
worst case: every pair is flagged, and no recent check-in spares a pair the slot search. Timed in-process, the
median of --runs:
the health model, then what is due (meeting reminders, nudges, the digest), with the machine's load beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_meetings import program  # noqa: E402

from lib.contract.models import CheckIn  # noqa: E402
from lib.health.model import assess  # noqa: E402
from lib.meetings.slots import find_slot, occurrences  # noqa: E402
from lib.reading.dataset import Dataset  # noqa: E402
from lib.reminders.due import plan_reminders  # noqa: E402
from lib.vocabulary import CADENCE_DAYS  # noqa: E402

STEP = CADENCE_DAYS
AS_OF = date(2026, 4, 15)
RUN_AT = datetime(2026, 4, 15, 8, 0, tzinfo=timezone.utc)  # a cron run before the day's meetings


def with_log(data, seed: int = 9):
    rng = random.Random(seed)
    checkins = []
    for pairing in data.pairings:
        kind = rng.random()
        if kind < 0.1:
            continue  # never met
        last = AS_OF - timedelta(days=rng.randrange(21, 43) if kind < 0.3 else rng.randrange(0, 5))
        day = pairing.started_on + timedelta(days=rng.randrange(3, 10))
        while day <= last:
            checkins.append(CheckIn(date=day, mentor_email=pairing.mentor_email, mentee_email=pairing.mentee_email,
                                    minutes=30))
            day += timedelta(days=STEP[pairing.cadence])
    return Dataset(mentors=data.mentors, mentees=data.mentees, pairings=data.pairings, checkins=checkins,
                   settings=data.settings)


def midway(data):
    """The program as on AS_OF: the pairs started by then."""
    return Dataset(mentors=data.mentors, mentees=data.mentees, pairings=data.pairings,
                   settings=data.settings.model_copy(update={"as_of": AS_OF}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} before; 2 cores; median of {args.runs}")
    print("| shape | pairs | check-ins | health | what is due | dry run (in-process) | reminders |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for shape, logged in (("one office", True), ("spread", True), ("spread, nothing logged", False)):
        for pairs in args.pairs:
            data = midway(program(pairs, shape.split(",")[0]))
            if logged:
                data = with_log(data)
            health_times, due_times = [], []
            for _ in range(args.runs):
                find_slot.cache_clear()  # each run plans from nothing, as a fresh process does
                occurrences.cache_clear()
                started = time.perf_counter()
                health = assess(data)
                middle = time.perf_counter()
                planned = plan_reminders(data, health, data.today(), RUN_AT)
                health_times.append(middle - started)
                due_times.append(time.perf_counter() - middle)
            total = statistics.median(h + d for h, d in zip(health_times, due_times))
            print(f"| {shape} | {pairs:,} | {len(data.checkins):,} | {statistics.median(health_times):.2f} s | "
                  f"{statistics.median(due_times):.2f} s | {total:.2f} s | {len(planned.reminders):,} |", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
