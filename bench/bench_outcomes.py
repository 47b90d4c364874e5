"""How long the impact report and the program plan take.
Run: .venv/bin/python bench/bench_outcomes.py [--runs N] [--pairs 10000]

A seeded synthetic program in the shapes a real one takes: four cohorts of unequal size, pairs started over the
year (some ended, some proposed, a few that never met), about 20 check-ins a pair but skewed (quiet pairs, busy
ones), four goals a pair with every status, a rating from each side every few weeks plus fit answers, and an
outcome for every mentee with every offer answer and 1-4 self-rated skills. Figures, each the median of --runs:
- report (in-process): `impact(data)` for every cohort on the loaded Dataset;
- plan (in-process): `program_plan(data)`, every active pair's checklist of the default plan (all five steps
  tracked: the program has goals, fit answers and outcomes);
- load + validate: reading the CSV folder, for scale;
- whole process: `python -m lib report FOLDER --format json` (start, imports, load, report, print).
The machine's load average is printed beside the table: on a shared machine the figures move with it.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_health import median_seconds, write  # noqa: E402  (the same CSV folder and figures)

from lib.health.model import program_plan  # noqa: E402
from lib.outcomes.report import impact  # noqa: E402
from lib.reading.loader import load  # noqa: E402
from lib.sources import CsvSource  # noqa: E402
from lib.vocabulary import GOAL_STATUSES, OFFERS  # noqa: E402

AS_OF = date(2026, 12, 31)
COHORTS = (("Spring 2026", 0.4), ("Summer 2026", 0.35), ("Autumn 2026", 0.2), ("Returners", 0.05))
SKILLS = ("SQL", "Python", "Kubernetes", "React", "testing", "Airflow", "code review", "networking")


def program(pairs: int, seed: int = 15) -> dict[str, list[list[str]]]:
    """Every tab as rows of cell text, header first."""
    rng = random.Random(seed)
    mentors = [f"mentor{k}@bench.example" for k in range(pairs // 3 + 1)]
    names, weights = zip(*COHORTS)
    tabs = {"mentors": [["email", "name", "capacity"]] + [[m, f"Mentor {k}", "4"] for k, m in enumerate(mentors)],
            "mentees": [["email", "name", "cohort"]],
            "pairings": [["id", "mentor_email", "mentee_email", "status", "started_on", "ended_on", "cadence",
                          "end_reason"]],
            "checkins": [["id", "date", "mentor_email", "mentee_email"]],
            "feedback": [["id", "date", "mentor_email", "mentee_email", "from_role", "rating", "question"]],
            "goals": [["id", "pairing_id", "goal", "status", "progress", "updated_on"]],
            "outcomes": [["mentee_email", "date", "offer", "next_step", "skills_before", "skills_after"]],
            "settings": [["key", "value"], ["as_of", AS_OF.isoformat()], ["program_start", "2026-01-01"],
                         ["program_end", "2027-03-31"]]}
    checkins = feedback = goals = 0
    for k in range(pairs):
        mentee, mentor = f"mentee{k}@bench.example", mentors[k // 3]
        tabs["mentees"].append([mentee, f"Mentee {k}", rng.choices(names, weights)[0]])
        start = AS_OF - timedelta(days=rng.randint(20, 360))
        status = rng.choices(["active", "ended", "proposed"], [0.8, 0.15, 0.05])[0]
        end = start + timedelta(days=rng.randint(10, (AS_OF - start).days)) if status == "ended" else None
        cadence = rng.choice(["weekly", "biweekly", "monthly"])
        tabs["pairings"].append([f"P-{k}", mentor, mentee, status, "" if status == "proposed" else start.isoformat(),
                                 end.isoformat() if end else "", cadence, "finished" if end else ""])
        if status == "proposed":  # Accept started its goals; the mentee may have an outcome from before
            for g in range(4):
                goals += 1
                tabs["goals"].append([f"G-{goals}", f"P-{k}", SKILLS[(k + g) % len(SKILLS)], "open", "0",
                                      AS_OF.isoformat()])
            tabs["outcomes"].append([mentee, AS_OF.isoformat(), rng.choice(OFFERS), "", "", ""])
            continue
        last = end or AS_OF
        span = (last - start).days
        held = min(int(rng.paretovariate(1.2) * 8), span) if rng.random() > 0.05 else 0  # skewed; a few never met
        for day in sorted(rng.sample(range(span + 1), min(held, span + 1))):
            checkins += 1
            tabs["checkins"].append([f"C-{checkins}", (start + timedelta(days=day)).isoformat(), mentor, mentee])
        for day in range(10, span, 28):
            for role in ("mentor", "mentee"):
                feedback += 1
                fit = day == 10
                tabs["feedback"].append([f"F-{feedback}", (start + timedelta(days=day)).isoformat(), mentor, mentee,
                                         role, str(rng.randint(1, 3) if fit else rng.randint(2, 5)),
                                         "fit" if fit else ""])
        for g in range(4):
            goals += 1
            tabs["goals"].append([f"G-{goals}", f"P-{k}", SKILLS[(k + g) % len(SKILLS)], rng.choice(GOAL_STATUSES),
                                  str(rng.randint(0, 100)), (start + timedelta(days=rng.randint(0, span))).isoformat()])
        rated = rng.sample(SKILLS, rng.randint(1, 4))
        tabs["outcomes"].append([mentee, last.isoformat(), rng.choice(OFFERS), "next steps",
                                 "; ".join(f"{s}:{rng.randint(1, 3)}" for s in rated),
                                 "; ".join(f"{s}:{rng.randint(2, 5)}" for s in rated)])
    return tabs


def measure(pairs: int, runs: int) -> str:
    tabs = program(pairs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(tabs, folder)
        loads, reports, plans, processes = [], [], [], []
        for _ in range(runs):
            started = time.perf_counter()
            data = load(CsvSource(folder=folder))
            loads.append(time.perf_counter() - started)
            started = time.perf_counter()
            report = impact(data)
            reports.append(time.perf_counter() - started)
            started = time.perf_counter()
            plan = program_plan(data)
            plans.append(time.perf_counter() - started)
        for _ in range(runs):
            started = time.perf_counter()
            cli = subprocess.run([sys.executable, "-m", "lib", "report", str(folder), "--format", "json"], cwd=ROOT,
                                 capture_output=True, text=True)
            processes.append(time.perf_counter() - started)
            assert cli.returncode == 0 and len(cli.stdout) > 100, cli.stderr[-2000:]
    assert not [p for p in data.problems if p.severity == "error"], data.problems[:3]
    assert set(plan["status"]) >= {"done", "overdue", "upcoming"}
    # every step is judged (the program keeps goals, fit answers and outcomes) except a program-calendar step due
    # before a pair began, which is not that pair's
    assert set(plan.loc[plan["status"] == "not tracked", "step"]) <= {"Mid-point review", "Final assessment"}
    assert len(report) == len(COHORTS) and all(r["offer_rate"] is not None for r in report.values())
    sizes = [len(tabs[t]) - 1 for t in ("pairings", "checkins", "feedback", "goals", "outcomes")]
    return (f"| {' | '.join(f'{n:,}' for n in sizes)} | {median_seconds(reports)} | {median_seconds(plans)} | "
            f"{median_seconds(loads)} | "
            f"{median_seconds(processes)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, nargs="+", default=[10_000])
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{os.cpu_count()} cores; median of {args.runs} runs")
    print("| pairings | check-ins | feedback | goals | outcomes | report (in-process) | plan (in-process) "
          "| load + validate | whole `python -m lib report` |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pairs in args.pairs:
        print(measure(pairs, args.runs), flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
