"""How long reading and validating a roster takes, by size. Run: .venv/bin/python bench/bench_load.py [--runs N]
[--mentees 100 1000 10000]

Writes synthetic CSV folders (seeded) to a temporary directory, then times load(CsvSource(...))
(decode, sniff, split the CSV, map headers, validation: rosters row by row, check-ins column-wise; cross-tab checks)
and one Writer.update. Then the same rosters as Google Form exports (a Timestamp, the questions as headers, mapped
to fields by column.* rows in the settings tab): their load, and the profile completeness of everyone, beside the
load under Tandem's own headers. The machine's load average is printed with the tables: on a shared machine the
figures move with it.
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

from lib.contract.problems import UNREAD  # noqa: E402
from lib.program.completeness import profile_gaps  # noqa: E402
from lib.reading.loader import load  # noqa: E402
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


FORM_MAPS = {"mentors": {"skills": "What can you teach?", "capacity": "How many interns can you take?",
                         "timezone": "Your time zone"},
             "mentees": {"goals": "What do you want to learn this summer?"}}


def as_form(folder: Path) -> None:
    """Rewrite the rosters as Google Form responses (Timestamp first, the questions as headers) and map them."""
    for tab, fields in FORM_MAPS.items():
        lines = (folder / f"{tab}.csv").read_text().splitlines()
        by_field = {"email": "Email Address", "name": "Full name", "team": "Team", **fields}
        header = ["Timestamp", *(by_field[h] for h in lines[0].split(","))]
        rows = [f"5/{1 + k % 28}/2026 {k % 24}:{k % 60:02d}:00,{line}" for k, line in enumerate(lines[1:])]
        (folder / f"{tab}.csv").write_text("\n".join([",".join(f'"{h}"' if "?" in h else h for h in header), *rows])
                                           + "\n")
    (folder / "settings.csv").write_text("key,value\n" + "".join(
        f"column.{tab}.{field},{header}\n" for tab, fields in FORM_MAPS.items() for field, header in fields.items()))


def median_time(action, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


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
            assert not [p for p in data.problems if p.kind != UNREAD], data.problems[:3]
            source = CsvSource(folder=folder)
            start = time.perf_counter()
            Writer(source, source.read_tables()).update("pairings", "P-1", {"cadence": "biweekly"})
            update = time.perf_counter() - start
            print(f"| {mentees:,} | {len(data.mentors):,} | {len(data.checkin_log):,} | "
                  f"{statistics.median(times):.2f} s | {update:.2f} s |", flush=True)
    print(f"\n| mentees | load, own headers | load, a mapped Form export | profile completeness |")
    print("|---:|---:|---:|---:|")
    for mentees in args.mentees:
        with tempfile.TemporaryDirectory() as own, tempfile.TemporaryDirectory() as form:
            write_program(Path(own), mentees, random.Random(7))
            write_program(Path(form), mentees, random.Random(7))
            as_form(Path(form))
            plain, mapped = [], []
            for _ in range(args.runs):  # taken in turns, so the machine's moods fall on both alike
                plain.append(median_time(lambda: load(CsvSource(folder=Path(own))), 1)[0])
                spent, data = median_time(lambda: load(CsvSource(folder=Path(form))), 1)
                mapped.append(spent)
            assert data.mentees[0].goals and data.mentors[0].capacity and data.mentees[0].signed_up_on
            gaps, _ = median_time(lambda: (profile_gaps(data, "mentors"), profile_gaps(data, "mentees")), args.runs)
            print(f"| {mentees:,} | {statistics.median(plain):.2f} s | {statistics.median(mapped):.2f} s | "
                  f"{gaps:.3f} s |", flush=True)
            del data
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
