"""How long reading and validating a roster takes, by size. Run: .venv/bin/python bench/bench_load.py [--runs N]
[--mentees 100 1000 10000]

Writes synthetic CSV folders (seeded) to a temporary directory, then times load(CsvSource(...))
(decode, sniff, split the CSV, map headers, validation: rosters row by row, check-ins column-wise; cross-tab checks)
and one Writer.update. The machine's load average is printed with the table: on a shared machine the figures move
with it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.reading.loader import load
from lib.sources import CsvSource  # noqa: E402
from lib.writing.writer import Writer  # noqa: E402

SKILLS = ["Python", "SQL", "React", "Go", "Kubernetes", "security", "testing", "design", "data", "cloud"]


def write_program(folder: Path, mentees: int, rng: random.Random) -> None:
    mentors = max(mentees // 3, 1)
    (folder / "mentors.csv").write_text("email,name,team,skills,capacity,timezone\n" + "".join(
        f"m{i}@x.org,Mentor {i},T{i % 7},{'; '.join(rng.sample(SKILLS, 3))},{rng.randint(2, 4)},Europe/Berlin\n"
        for i in range(mentors)))
    (folder / "mentees.csv").write_text("email,name,team,goals\n" + "".join(
        f"e{i}@x.org,Mentee {i},T{i % 7},{'; '.join(rng.sample(SKILLS, 2))}\n" for i in range(mentees)))
    (folder / "pairings.csv").write_text("id,mentor_email,mentee_email,status,started_on,cadence\n" + "".join(
        f"P-{i},m{i % mentors}@x.org,e{i}@x.org,active,2026-06-0{1 + i % 9},weekly\n" for i in range(mentees // 2)))
    (folder / "checkins.csv").write_text("id,date,mentor_email,mentee_email,minutes\n" + "".join(
        f"C-{i},2026-07-{1 + i % 28:02d},m{(i % (mentees // 2)) % mentors}@x.org,e{i % (mentees // 2)}@x.org,30\n"
        for i in range(mentees * 4)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mentees", type=int, nargs="+", default=[100, 1_000, 10_000])
    args = parser.parse_args()
    rng = random.Random(7)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} cores; "
          f"median of {args.runs} runs")
    print(f"| mentees | mentors | check-ins | load (median of {args.runs}) | one update |")
    print("|---:|---:|---:|---:|---:|")
    for mentees in args.mentees:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_program(folder, mentees, rng)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                data = load(CsvSource(folder=folder))
                times.append(time.perf_counter() - start)
            assert not data.problems, data.problems[:3]
            source = CsvSource(folder=folder)
            start = time.perf_counter()
            Writer(source, source.read_tables()).update("pairings", "P-1", {"cadence": "biweekly"})
            update = time.perf_counter() - start
            print(f"| {mentees:,} | {len(data.mentors):,} | {len(data.checkin_log):,} | "
                  f"{statistics.median(times):.2f} s | {update:.2f} s |", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
