"""How long the health model takes, by size. Run: .venv/bin/python bench/bench_health.py

Seeded synthetic programs: N active pairs, each with a year of roughly weekly check-ins (some pairs go quiet)
and a rating from each side about every 4 weeks. In-process: `assess` on a loaded Dataset (median of 3).
Whole process: `python -m lib health FOLDER --format csv` on the same program written as CSV files.
Prints a markdown table.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from lib.dataset import Dataset  # noqa: E402
from lib.health import assess  # noqa: E402
from lib.models import CheckIn, Feedback, Mentee, Mentor, Pairing  # noqa: E402
from lib.settings import Settings  # noqa: E402

AS_OF = date(2026, 12, 31)


def program(pairs: int, seed: int = 11) -> Dataset:
    rng = random.Random(seed)
    start = AS_OF - timedelta(days=364)
    mentors = [Mentor(email=f"mentor{k}@bench.example", name=f"Mentor {k}", capacity=3) for k in range(pairs // 3 + 1)]
    mentees, pairings, checkins, feedback = [], [], [], []
    for k in range(pairs):
        mentee, mentor = f"mentee{k}@bench.example", mentors[k // 3].email
        mentees.append(Mentee(email=mentee, name=f"Mentee {k}"))
        pairings.append(Pairing(id=f"P-{k}", mentor_email=mentor, mentee_email=mentee, status="active",
                                started_on=start, cadence="weekly"))
        quiet_from = AS_OF - timedelta(days=rng.choice([0, 0, 0, 10, 30, 60]))
        day = start
        while day <= quiet_from:
            checkins.append(CheckIn(date=day, mentor_email=mentor, mentee_email=mentee, minutes=30))
            day += timedelta(days=rng.randint(5, 9))
        for week in range(0, 52, 4):
            for role in ("mentor", "mentee"):
                feedback.append(Feedback(date=start + timedelta(weeks=week, days=2), mentor_email=mentor,
                                         mentee_email=mentee, from_role=role, rating=rng.randint(2, 5)))
    return Dataset(mentors=mentors, mentees=mentees, pairings=pairings, checkins=checkins, feedback=feedback,
                   settings=Settings(as_of=AS_OF))


def write(data: Dataset, folder: Path) -> None:
    for tab in ("mentors", "mentees", "pairings", "checkins", "feedback"):
        records = [r.model_dump(exclude={"row", "extra"}, exclude_none=True) for r in getattr(data, tab)]
        pd.DataFrame(records).to_csv(folder / f"{tab}.csv", index=False)
    pd.DataFrame({"key": ["as_of"], "value": [AS_OF.isoformat()]}).to_csv(folder / "settings.csv", index=False)


def main() -> None:
    print("| active pairs | check-ins | feedback | assess (in-process, median of 3) | whole CLI process |")
    print("|---:|---:|---:|---:|---:|")
    for pairs in (500, 3_850):
        data = program(pairs)
        times = []
        for _ in range(3):
            started = time.perf_counter()
            assess(data)
            times.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as folder:
            write(data, Path(folder))
            started = time.perf_counter()
            cli = subprocess.run([sys.executable, "-m", "lib", "health", folder, "--format", "csv"], cwd=ROOT,
                                 capture_output=True, text=True)
            cli_seconds = time.perf_counter() - started
        print(f"| {pairs:,} | {len(data.checkins):,} | {len(data.feedback):,} | {statistics.median(times):.3f} s "
              f"| {cli_seconds:.2f} s (exit {cli.returncode}) |")


if __name__ == "__main__":
    main()
