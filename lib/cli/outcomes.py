"""`python -m lib outcome ...` records what became of a mentee; `python -m lib report ...` is the impact report, as
a table, JSON or a one-page PDF for leadership. Both through the same functions as the Outcomes page."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lib.cli.common import OK, UNUSABLE, source_from
from lib.contract.dates import format_date
from lib.contract.values import skill_ratings_text
from lib.reading.loader import load
from lib.vocabulary import OFFER_LABELS, OFFERS, SKILL_LEVELS

LEVELS = f"{SKILL_LEVELS[0]}-{SKILL_LEVELS[1]}"


def cmd_report(args) -> int:
    from lib.outcomes.report import cohorts, impact, table

    data = load(source_from(args.source))
    on = data.today(args.as_of)
    known = cohorts(data)
    if args.cohort is not None and args.cohort not in known:
        print(f"error: no mentee is in cohort {args.cohort!r} (cohorts: {', '.join(known) or 'none'}).",
              file=sys.stderr)
        return UNUSABLE
    report = impact(data, on, args.cohort)
    if args.format == "json":
        print(json.dumps(report[args.cohort] if args.cohort is not None else report, ensure_ascii=False, indent=2))
    else:
        print(f"Impact as of {format_date(on)}")
        print(table(report).to_string())
    if args.out:
        from lib.documents.pdf.impact_report import impact_report_pdf

        Path(args.out).write_bytes(impact_report_pdf(report, data, on))
        print(f"Wrote {args.out} (one page).", file=sys.stderr)
    return OK


def cmd_outcome(args) -> int:
    from lib.writing.outcomes import record_outcome
    from lib.writing.writer import Writer

    source = source_from(args.source)
    data = load(source)
    day = args.date or data.today()
    outcome = record_outcome(Writer(source, data.tables), data, args.mentee, day, args.offer, args.next_step,
                             args.skills_before, args.skills_after, args.notes or "")  # None: as the latest record
    who = data.names.get(outcome.mentee_email, outcome.mentee_email)
    parts = [OFFER_LABELS[outcome.offer] if outcome.offer else "", outcome.next_step,
             f"skills {skill_ratings_text(outcome.skills_before)} -> {skill_ratings_text(outcome.skills_after)}"
             if outcome.skills_before or outcome.skills_after else ""]
    said = "; ".join(p for p in parts if p) or "no offer, next step or skills given"
    print(f"Recorded the outcome of {who} on {format_date(outcome.date)}: {said}.")
    return OK


def add_outcome_commands(commands, day) -> None:
    report = commands.add_parser("report", help="the impact report: matches, cadence, goals, ratings, offers and "
                                                "skills, per cohort")
    report.add_argument("source", help="a folder of CSV files, an .xlsx workbook, a Google Sheets URL, or 'sample'")
    report.add_argument("--cohort", help="only this cohort (the mentees' cohort column)")
    report.add_argument("--as-of", type=day, help="count what is dated on or before this date (default: the as_of "
                                                  "setting, else today)")
    report.add_argument("--format", choices=["table", "json"], default="table")
    report.add_argument("--out", help="also write a one-page PDF for leadership, e.g. report.pdf")
    report.set_defaults(run=cmd_report)
    outcome = commands.add_parser("outcome", help="record what became of a mentee: the offer, the next step, "
                                                  "skills before and after (what is not given stays as the latest record has it)")
    outcome.add_argument("source", help="a folder of CSV files, an .xlsx workbook or a Google Sheets URL")
    outcome.add_argument("--mentee", required=True, metavar="EMAIL", help="the mentee's email")
    outcome.add_argument("--offer", choices=OFFERS, help="the job offer: " + ", ".join(OFFERS))
    outcome.add_argument("--date", type=day, help="the outcome's date (default: today, or the as_of setting)")
    outcome.add_argument("--next-step", help="what the mentee does next, in words")
    outcome.add_argument("--skills-before", metavar="RATINGS",
                         help=f"self-ratings {LEVELS} at the start: 'SQL:2; Airflow:1'")
    outcome.add_argument("--skills-after", metavar="RATINGS", help=f"self-ratings {LEVELS} now: 'SQL:4; Airflow:3'")
    outcome.add_argument("--notes", help="anything else worth keeping")
    outcome.set_defaults(run=cmd_outcome)
