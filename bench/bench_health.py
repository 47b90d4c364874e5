"""How long the health model takes, by size. Run: .venv/bin/python bench/bench_health.py [--runs N] [--pairs 500 3850]

Seeded synthetic programs: N active weekly pairs, each with a year of roughly weekly check-ins (some pairs go quiet)
and a rating from each side about every 4 weeks, written as a CSV folder (as a lead's export would be). For each size:
- load + validate: `load(CsvSource(folder))` in-process (read, check every row, rules across tabs);
- assess: `health.assess` on that loaded Dataset, in-process;
- whole CLI process: `python -m lib health FOLDER --format csv` (start, imports, load, assess, print).
Each figure is the median of --runs runs (default 3). The machine's load average is printed with the table:
on a shared machine the figures move with it.
"""

from __future__ import annotations

import argparse
import csv
import os
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

from lib.health.model import assess  # noqa: E402
from lib.reading.loader import load
from lib.sources import CsvSource  # noqa: E402

AS_OF = date(2026, 12, 31)


def program(pairs: int, seed: int = 11) -> dict[str, list[list[str]]]:
    """Every tab as rows of cell text, header first (the same program, draw for draw, as earlier versions)."""
    rng = random.Random(seed)
    start = AS_OF - timedelta(days=364)
    mentors = [f"mentor{k}@bench.example" for k in range(pairs // 3 + 1)]
    tabs = {"mentors": [["email", "name", "capacity"]] + [[m, f"Mentor {k}", "3"] for k, m in enumerate(mentors)],
            "mentees": [["email", "name"]],
            "pairings": [["id", "mentor_email", "mentee_email", "status", "started_on", "cadence"]],
            "checkins": [["id", "date", "mentor_email", "mentee_email", "minutes"]],
            "feedback": [["id", "date", "mentor_email", "mentee_email", "from_role", "rating"]],
            "settings": [["key", "value"], ["as_of", AS_OF.isoformat()]]}
    for k in range(pairs):
        mentee, mentor = f"mentee{k}@bench.example", mentors[k // 3]
        tabs["mentees"].append([mentee, f"Mentee {k}"])
        tabs["pairings"].append([f"P-{k}", mentor, mentee, "active", start.isoformat(), "weekly"])
        quiet_from = AS_OF - timedelta(days=rng.choice([0, 0, 0, 10, 30, 60]))
        day = start
        while day <= quiet_from:
            tabs["checkins"].append([f"C-{len(tabs['checkins'])}", day.isoformat(), mentor, mentee, "30"])
            day += timedelta(days=rng.randint(5, 9))
        for week in range(0, 52, 4):
            for role in ("mentor", "mentee"):
                day = (start + timedelta(weeks=week, days=2)).isoformat()
                rating = str(rng.randint(2, 5))
                tabs["feedback"].append([f"F-{len(tabs['feedback'])}", day, mentor, mentee, role, rating])
    return tabs


def write(tabs: dict[str, list[list[str]]], folder: Path) -> None:
    for tab, rows in tabs.items():
        with (folder / f"{tab}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)


def median_seconds(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.3f} s"


def measure(pairs: int, runs: int) -> str:
    tabs = program(pairs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(tabs, folder)
        loads, assessments, processes = [], [], []
        for _ in range(runs):
            started = time.perf_counter()
            data = load(CsvSource(folder=folder))
            loads.append(time.perf_counter() - started)
            started = time.perf_counter()
            health = assess(data)
            assessments.append(time.perf_counter() - started)
        for _ in range(runs):
            started = time.perf_counter()
            cli = subprocess.run([sys.executable, "-m", "lib", "health", str(folder), "--format", "csv"], cwd=ROOT,
                                 capture_output=True, text=True)
            processes.append(time.perf_counter() - started)
            assert cli.returncode == 0 and cli.stdout.count("\n") > len(health), cli.stderr[-2000:]
    assert not [p for p in data.problems if p.severity == "error"], data.problems[:3]
    rows = len(tabs["checkins"]) + len(tabs["feedback"]) - 2
    return (f"| {pairs:,} | {len(tabs['checkins']) - 1:,} | {len(tabs['feedback']) - 1:,} | {rows:,} | "
            f"{median_seconds(loads)} | {median_seconds(assessments)} | {median_seconds(processes)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, nargs="+", default=[500, 3_850])
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{os.cpu_count()} cores; median of {args.runs} runs")
    print("| active pairs | check-ins | feedback | log rows | load + validate | assess (in-process) "
          "| whole CLI process |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for pairs in args.pairs:
        print(measure(pairs, args.runs), flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
