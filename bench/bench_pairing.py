"""How long pairing takes, by roster shape and size, in-process and as a whole `python -m lib pair` process.
Run: .venv/bin/python bench/bench_pairing.py [--quick] [--runs N]

Every case runs `--runs` times (3 by default), each in a fresh child process so its peak memory (max RSS) is its
own, and the table gives the median with the spread. Cases:
- every roster shape of bench/roster_shapes.py (today's generator, wide tags, ties, heavy rules, skewed and
  scarce capacity) at 1,000 and 10,000 mentees, one-on-one; the pruned solver's rounds (0: the dense solver
  answered) and whether the result is proven optimal;
- peer pairing of 2,000 and 10,000 interns on every shape that changes the interns (not skewed or scarce, which
  change mentors' places only), with the share of the upper bound;
- mentor-match's public 500 x 500 sample (../shared/peer-samples/mentor-match-500/canonical) with --not-same-team
  and with its whole rules (also a seniority gap of 1-2), beside the peer's own figures; skipped, with a note, when
  ../shared is not beside the checkout.
In-process times `suggest` with its modules already imported (as in the running app); whole process is
everything from start-up to the written pairs.csv. The machine's load average is printed before each row; a row
is marked noisy when the load was above 1.5 (2 cores: something else was running) or its runs spread by more than
a quarter of the median. `--quick`: 1,000 only.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.roster_shapes import SHAPES, roster, write_roster  # noqa: E402
from lib.matching import PairingOptions, suggest  # noqa: E402
from lib.reading.loader import load  # noqa: E402
from lib.sources import CsvSource  # noqa: E402

PEER_SAMPLE = ROOT.parent / "shared" / "peer-samples" / "mentor-match-500" / "canonical"
PEER_SIZES = {1000: 2000, 10000: 10000}  # the peer run timed beside each size of one-on-one rosters
PEER_SHAPES = ("generated", "wide tags", "ties", "heavy rules")  # skewed and scarce differ in mentors' places only
NOISY_LOAD = 1.5
NOISY_SPREAD = 0.25


def run_case(name: str) -> dict:
    """One case in this process: 'mentor-match-500[-rules]', 'peer:N', 'peer:SHAPE:N' or 'SHAPE:N'."""
    from lib.matching import pruned

    kind, _, size = name.rpartition(":")
    if name.startswith("mentor-match-500"):
        data = load(CsvSource(folder=PEER_SAMPLE))
        options = PairingOptions(not_same_team=True,
                                 seniority_gap=(1, 2) if name.endswith("rules") else (None, None))
    elif kind.startswith("peer"):  # 'peer:N' (today's generator) or 'peer:SHAPE:N'
        shape = kind.partition(":")[2] or "generated"
        data = roster(int(size), shape=shape)
        options = PairingOptions(type="peer", not_same_team=SHAPES[shape].get("not_same_team", False))
    else:
        data = roster(int(size), shape=kind)
        options = PairingOptions(not_same_team=SHAPES[kind].get("not_same_team", False))
    rounds, proven = [], []
    solve, solver = pruned._solve, pruned.assign_pruned
    pruned._solve = lambda *args: rounds.append(1) or solve(*args)  # counts the pruned solver's rounds

    def counted(*args, **kwargs):
        found = solver(*args, **kwargs)
        proven.append(found is not None)
        return found

    import scipy.optimize  # noqa: F401  in-process times the engine in a running app, where its imports are done

    import lib.matching.assign as assign
    assign.assign_pruned = counted
    started = time.perf_counter()
    result = suggest(data, options)
    seconds = time.perf_counter() - started
    figures = {"case": name, "mentees": len(data.mentees), "seconds": seconds,
               "mentors": len(data.mentees if options.type == "peer" else data.mentors),
               "placed": result.summary.placed, "total": result.summary.total_score,
               "paired_total": result.summary.paired_total, "bound": result.summary.score_bound,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rounds": len(rounds),
               "exact": "dense" if not proven else "proven" if all(proven) else "dense after an unproven solve"}
    if options.type == "peer":
        figures["exact"] = "optimal" if any(note.startswith("These peer pairs are the best possible")
                                            for note in result.notes) else "bounded"
    if name.startswith("mentor-match-500"):
        figures.update(_peer_figures(data, result))
    return figures


def _peer_figures(data, result) -> dict:
    """The figures mentor-match reports: same-organisation pairs, grade gap, identity asked for and met."""
    mentors, mentees = data.mentor_by_email, data.mentee_by_email
    gaps = [mentors[p.mentor_email].seniority - mentees[p.mentee_email].seniority for p in result.pairs]
    asked = [p for p in result.pairs if mentees[p.mentee_email].interests]
    met = [p for p in asked if {i.lower() for i in mentees[p.mentee_email].interests}
           & {i.lower() for i in mentors[p.mentor_email].interests}]
    return {"same_team": sum(mentors[p.mentor_email].team == mentees[p.mentee_email].team for p in result.pairs),
            "gap_1_2": sum(1 <= g <= 2 for g in gaps), "asked": sum(1 for m in data.mentees if m.interests),
            "asked_placed": len(asked), "identity_met": len(met)}


def whole_process(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lib", "pair", *args], cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started


def measure(case: str, cli_args: list[str] | None, runs: int) -> dict:
    load_before = os.getloadavg()[0]
    found = [json.loads(subprocess.run([sys.executable, __file__, "--case", case], capture_output=True, text=True,
                                       check=True).stdout) for _ in range(runs)]
    whole = [whole_process(cli_args) for _ in range(runs)] if cli_args is not None else []
    seconds = [f["seconds"] for f in found]
    median = statistics.median(seconds)
    spread = (max(seconds) - min(seconds)) / median if median else 0.0
    return {**found[0], "seconds": median, "spread": (min(seconds), max(seconds)),
            "whole": statistics.median(whole) if whole else None, "load": load_before,
            "peak_mb": max(f["peak_mb"] for f in found),
            "noisy": load_before > NOISY_LOAD or spread > NOISY_SPREAD}


def row(r: dict) -> str:
    low, high = r["spread"]
    whole = f"{r['whole']:.2f} s" if r["whole"] is not None else "-"
    share = f" ({100 * r['paired_total'] / r['bound']:.2f} % of bound)" if r.get("bound") else ""
    return (f"| {r['case']} | {r['mentees']:,} x {r['mentors']:,} | {r['rounds']} | {r['seconds']:.2f} s "
            f"({low:.2f}-{high:.2f}) | {whole} | {r['peak_mb']:,.0f} MB | {r['placed']:,} | {r['total']:,.0f}{share} | "
            f"{r['exact']} | {r['load']:.2f}{' noisy' if r['noisy'] else ''} |")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2])))
        return
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    sizes = [1000] if "--quick" in sys.argv else [1000, 10000]
    print(f"{os.cpu_count()} cores; median of {runs} fresh processes (min-max in brackets); load average before each "
          f"row; noisy: load above {NOISY_LOAD} or a spread above {NOISY_SPREAD:.0%} of the median\n")
    print("| case | mentees x mentors | rounds | in-process | whole process | peak memory | placed | total score "
          "| exact | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    peers = []
    if PEER_SAMPLE.is_dir():
        for case, flags in (("mentor-match-500", []), ("mentor-match-500-rules", ["--min-seniority-gap", "1",
                                                                                 "--max-seniority-gap", "2"])):
            peers.append(measure(case, [str(PEER_SAMPLE), "--not-same-team", *flags], runs))
            print(row(peers[-1]), flush=True)
    else:
        print(f"note: {PEER_SAMPLE} is not there (../shared beside the checkout): the mentor-match cases are skipped.")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            for shape, given in SHAPES.items():
                where = Path(folder) / f"{shape}-{size}"
                write_roster(size, where, shape)
                flags = ["--not-same-team"] if given.get("not_same_team") else []
                print(row(measure(f"{shape}:{size}", [str(where), *flags, "--out", str(where / "pairs.csv")], runs)),
                      flush=True)
            people = PEER_SIZES[size]
            for shape in PEER_SHAPES:
                where = Path(folder) / f"peer-{shape}-{people}"
                write_roster(people, where, shape)
                case = f"peer:{people}" if shape == "generated" else f"peer:{shape}:{people}"
                flags = ["--not-same-team"] if SHAPES[shape].get("not_same_team") else []
                print(row(measure(case, [str(where), "--type", "peer", *flags, "--out", str(where / "pairs.csv")],
                                  runs)), flush=True)
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    for peer in peers:
        print(f"{peer['case']} beside the peer (27.8 s, 532 MB, up to 3 mentors per mentee): {peer['placed']} placed, "
              f"{peer['same_team']} same-organisation pairs, 1-2 grades above in {peer['gap_1_2']} of "
              f"{peer['placed']}, identity asked by {peer['asked']} mentees, met for {peer['identity_met']} of the "
              f"{peer['asked_placed']} placed.")


if __name__ == "__main__":
    main()
