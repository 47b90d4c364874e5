"""How long one-on-one pairing takes, by size and shape.
Run: .venv/bin/python bench/bench_pairing.py [--quick] [--shapes]

Cases: mentor-match's public 500 x 500 sample (../shared/peer-samples/mentor-match-500/canonical,
paired with --not-same-team like the peer's own rule, and again with its whole rules: also a seniority gap of 1-2;
skipped, with a note, when ../shared is not beside the checkout), then seeded synthetic rosters of 1,000 and 10,000
mentees with mentees / 3 mentors whose capacities (1-4) add up to 1.1 x the mentees, and peer pairing
of 2,000. Each case runs in a fresh child process so its peak memory (max RSS) is its own. Prints a
markdown table. `--shapes`: every roster shape of SHAPES (ties, heavy rules, skewed and scarce capacity ...) at
1,000 and 10,000 mentees, in-process and whole process, median of 3.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from lib.contract.models import Mentee, Mentor  # noqa: E402
from lib.contract.settings import Settings  # noqa: E402
from lib.matching import PairingOptions, suggest  # noqa: E402
from lib.reading.dataset import Dataset  # noqa: E402
from lib.reading.loader import load
from lib.sources import CsvSource  # noqa: E402

PEER_SAMPLE = ROOT.parent / "shared" / "peer-samples" / "mentor-match-500" / "canonical"
TOPICS = [f"topic {k}" for k in range(40)]
HOBBIES = [f"hobby {k}" for k in range(20)]
ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata",
         "Asia/Tokyo", "Australia/Sydney", "UTC-3"]
LANGUAGES = ["Spanish", "French", "German", "Hindi", "Portuguese", "Japanese"]


# Roster shapes, each its own seeded generator (issue 14): what real rosters look like, not only ours.
SHAPES = {
    "generated": {},  # today's generator: 40 tags, 2-3 goals, 3-6 skills, eight zones, 30 % managed, 5 % avoid
    "wide tags": {"tags": 60, "goals": (1, 4), "skills": (3, 8), "zones": 10},  # the roster the issue tried
    "ties": {"tags": 6, "goals": (1, 1), "skills": (1, 2), "zones": 1, "flat": True, "languages": False},
    "heavy rules": {"teams": 4, "managed": 0.5, "avoid": 0.10, "not_same_team": True},
    "skewed": {"skew": True},  # a tenth of the mentors hold half the places
    "scarce": {"places": 0.8},  # total capacity 0.8 x mentees: "match everyone first" must still place the most
}
ALL_ZONES = ZONES + ["Africa/Lagos", "America/Sao_Paulo"]


def roster(mentees: int, seed: int = 7, shape: str = "generated") -> Dataset:
    """A seeded program of a SHAPES shape: mentees / 3 mentors, capacities 1-4 adding up to 1.1 x mentees (unless
    the shape says otherwise), some rules in play."""
    given = SHAPES[shape]
    rng = random.Random(seed if shape == "generated" else f"{seed}-{shape}")  # "generated" as it always was
    topics = [f"topic {k}" for k in range(given.get("tags", 40))]
    zones = ALL_ZONES[:given.get("zones", 8)]
    n_mentors = max(mentees // 3, 1)
    target = min(round(given.get("places", 1.1) * mentees), 4 * n_mentors)
    if given.get("skew"):
        heavy = max(n_mentors // 10, 1)  # a tenth of the mentors hold half the places (up to 50 each)
        capacity = [0] * n_mentors
        for k in range(target // 2):
            capacity[k % heavy] += 1
        for k in range(target - sum(capacity)):
            capacity[heavy + k % (n_mentors - heavy)] += 1
    else:
        capacity = [rng.randint(1, 4) for _ in range(n_mentors)]
        while sum(capacity) != target:  # nudge random mentors until the total is exactly the target
            k = rng.randrange(n_mentors)
            step = 1 if sum(capacity) < target else -1
            if 1 <= capacity[k] + step <= 4:
                capacity[k] += step
    mentor_emails = [f"mentor{k}@bench.example" for k in range(n_mentors)]
    teams = given.get("teams", 25)

    def languages() -> str:
        extra = rng.sample(LANGUAGES, rng.randint(0, 1)) if given.get("languages", True) else []
        return "; ".join(["English", *extra])

    def some(low_high: tuple[int, int]) -> str:
        return "; ".join(rng.sample(topics, min(rng.randint(*low_high), len(topics))))

    mentors = [Mentor(email=email, name=f"Mentor {k}", team=f"Team {rng.randrange(teams)}",
                      skills=some(given.get("skills", (3, 6))), interests="; ".join(rng.sample(HOBBIES, 2)),
                      seniority="8" if given.get("flat") else str(rng.randint(3, 20)), timezone=rng.choice(zones),
                      capacity=str(min(capacity[k], 50)), languages=languages())
               for k, email in enumerate(mentor_emails)]
    people = [Mentee(email=f"mentee{k}@bench.example", name=f"Mentee {k}", team=f"Team {rng.randrange(teams)}",
                     goals=some(given.get("goals", (2, 3))), skills=some((1, 3)),
                     interests="; ".join(rng.sample(HOBBIES, 2)),
                     seniority="1" if given.get("flat") else str(rng.randint(0, 5)), timezone=rng.choice(zones),
                     languages=languages(),
                     manager_email=rng.choice(mentor_emails) if rng.random() < given.get("managed", 0.3) else "",
                     avoid=rng.choice(mentor_emails) if rng.random() < given.get("avoid", 0.05) else "",
                     preferred_mentors=rng.choice(mentor_emails) if rng.random() < 0.1 else "")
              for k in range(mentees)]
    return Dataset(mentors=mentors, mentees=people, settings=Settings(as_of="2026-07-24"))


def run_case(name: str) -> dict:
    """One case in this process: 'mentor-match-500[-rules]', 'peer-N' or 'SHAPE:N'."""
    from lib.matching import pruned

    if name.startswith("mentor-match-500"):
        data = load(CsvSource(folder=PEER_SAMPLE))
        options = PairingOptions(not_same_team=True,
                                 seniority_gap=(1, 2) if name.endswith("rules") else (None, None))
    elif name.startswith("peer-"):
        data = roster(int(name.removeprefix("peer-")))
        options = PairingOptions(type="peer")
    else:
        shape, _, size = name.rpartition(":")
        shape = shape or "generated"
        data = roster(int(size), shape=shape)
        options = PairingOptions(not_same_team=SHAPES[shape].get("not_same_team", False))
    rounds = []
    solve = pruned._solve
    pruned._solve = lambda *args: rounds.append(1) or solve(*args)  # counts the pruned solver's rounds
    started = time.perf_counter()
    result = suggest(data, options)
    seconds = time.perf_counter() - started
    figures = {"case": name, "mentees": len(data.mentees), "seconds": seconds,
               "mentors": len(data.mentees if options.type == "peer" else data.mentors),
               "placed": result.summary.placed, "unmatched": result.summary.unmatched,
               "total": result.summary.total_score, "blocking": result.summary.blocking_pairs,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "bound": result.summary.score_bound, "rounds": len(rounds)}
    if name.startswith("mentor-match-500"):
        figures.update(_peer_figures(data, result))
    return figures


def _peer_figures(data: Dataset, result) -> dict:
    """The figures mentor-match reports: same-organisation pairs, grade gap, identity asked for and met."""
    mentors, mentees = data.mentor_by_email, data.mentee_by_email
    gaps = [mentors[p.mentor_email].seniority - mentees[p.mentee_email].seniority for p in result.pairs]
    asked = [p for p in result.pairs if mentees[p.mentee_email].interests]
    met = [p for p in asked if {i.lower() for i in mentees[p.mentee_email].interests}
           & {i.lower() for i in mentors[p.mentor_email].interests}]
    return {"same_team": sum(mentors[p.mentor_email].team == mentees[p.mentee_email].team for p in result.pairs),
            "gap_1_2": sum(1 <= g <= 2 for g in gaps), "gap_mean": sum(gaps) / max(len(gaps), 1),
            "mentor_senior": sum(g > 0 for g in gaps), "asked": sum(1 for m in data.mentees if m.interests),
            "asked_placed": len(asked), "identity_met": len(met)}


def write_roster(mentees: int, folder: Path, shape: str = "generated") -> None:
    """The seeded roster as the CSV files a lead would keep (lists joined with '; '), for timing the CLI."""
    data = roster(mentees, shape=shape)
    folder.mkdir(parents=True, exist_ok=True)
    for tab, people in (("mentors", data.mentors), ("mentees", data.mentees)):
        dumped = [p.model_dump(exclude_none=True, exclude={"row", "extra"}) for p in people]
        records = [{k: "; ".join(v) if isinstance(v, list) else v for k, v in d.items()} for d in dumped]
        pd.DataFrame(records).to_csv(folder / f"{tab}.csv", index=False)
    pd.DataFrame({"key": ["as_of"], "value": [data.settings.as_of.isoformat()]}).to_csv(folder / "settings.csv",
                                                                                      index=False)


def time_cli(args: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "lib", "pair", *args], cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started, cli.returncode


def shapes_table(sizes: list[int], runs: int = 3) -> None:
    """Every SHAPES shape at each size: the median of `runs` fresh processes in-process and whole `python -m lib
    pair ... --out pairs.csv`, the pruned solver's rounds, peak memory, with the machine's load beside it."""
    import os
    import statistics

    print(f"load average {os.getloadavg()[0]:.2f} before; 2 cores; median of {runs}")
    print("| shape | mentees x mentors | rounds | in-process | whole process | peak memory | placed | total score |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for shape in SHAPES:
        for size in sizes:
            found = [json.loads(subprocess.run([sys.executable, __file__, "--case", f"{shape}:{size}"],
                                               capture_output=True, text=True, check=True).stdout)
                     for _ in range(runs)]
            with tempfile.TemporaryDirectory() as folder:
                write_roster(size, Path(folder), shape)
                flags = ["--not-same-team"] if SHAPES[shape].get("not_same_team") else []
                whole = statistics.median(time_cli([folder, *flags, "--out", str(Path(folder) / "pairs.csv")])[0]
                                          for _ in range(runs))
            r = found[0]
            print(f"| {shape} | {size:,} x {r['mentors']:,} | {r['rounds']} | "
                  f"{statistics.median(f['seconds'] for f in found):.2f} s | {whole:.2f} s | "
                  f"{max(f['peak_mb'] for f in found):,.0f} MB | {r['placed']:,} | {r['total']:,.0f} |", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} after")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2])))
        return
    if "--shapes" in sys.argv:
        shapes_table([1000] if "--quick" in sys.argv else [1000, 10000])
        return
    has_peer = PEER_SAMPLE.is_dir()
    if not has_peer:
        print(f"note: {PEER_SAMPLE} is not there (../shared beside the checkout): the mentor-match cases are skipped.")
    cases = (["mentor-match-500", "mentor-match-500-rules"] if has_peer else []) + ["1000", "peer-2000"] \
        + ([] if "--quick" in sys.argv else ["10000"])
    rows = []
    for case in cases:
        child = subprocess.run([sys.executable, __file__, "--case", case], capture_output=True, text=True, check=True)
        rows.append(json.loads(child.stdout))
    cli_seconds, cli_exit = time_cli([str(PEER_SAMPLE), "--not-same-team"]) if has_peer else (0.0, 0)
    print("| case | mentees x mentors | pairing (in-process) | peak memory | placed | unmatched | total score | "
          "blocking pairs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        total = f"{r['total']:,.0f}" + (f" ({100 * r['total'] / r['bound']:.1f} % of bound)" if r["bound"] else "")
        print(f"| {r['case']} | {r['mentees']:,} x {r['mentors']:,} | {r['seconds']:.2f} s | {r['peak_mb']:,.0f} MB "
              f"| {r['placed']:,} | {r['unmatched']:,} | {total} | {r['blocking']:,} |")
    if has_peer:
        print(f"\nWhole CLI process on mentor-match-500 (`python -m lib pair ... --not-same-team`): "
              f"{cli_seconds:.2f} s (exit {cli_exit}).")
    if "--quick" not in sys.argv:
        with tempfile.TemporaryDirectory() as folder:
            write_roster(10_000, Path(folder))
            seconds, code = time_cli([folder])
        print(f"Whole CLI process on the 10,000-mentee roster as CSV files (read, validate, pair, print): "
              f"{seconds:.2f} s (exit {code}).")
    for peer in [r for r in rows if r["case"].startswith("mentor-match-500")]:
        print(f"{peer['case']} beside the peer (27.8 s, 532 MB, up to 3 mentors per mentee): "
              f"{peer['placed']} placed, {peer['same_team']} same-organisation pairs, mentor more senior in "
              f"{peer['mentor_senior']}, 1-2 grades above in {peer['gap_1_2']} (mean gap {peer['gap_mean']:.1f}), "
              f"identity asked by {peer['asked']} mentees, met for {peer['identity_met']} of the "
              f"{peer['asked_placed']} placed.")


if __name__ == "__main__":
    main()
