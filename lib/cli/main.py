"""`python -m lib ...`: the same functions the pages use, for scripts and scheduled reports.

Exit codes for every command: 0 success; 1 the data has problems or a requested condition was found;
2 the source cannot be read or the arguments are wrong (with the reason, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from lib.cli.common import FOUND, OK, UNUSABLE, source_from
from lib.cli.documents import add_document_commands
from lib.cli.outcomes import add_outcome_commands
from lib.cli.reminders import add_reminder_commands
from lib.contract.problems import ERROR
from lib.errors import TandemError
from lib.reading.loader import load
from lib.vocabulary import DEFAULT_MIN_SCORE, DEFAULT_TYPE, MENTORSHIP_TYPES

# Each command imports what it needs when it runs (the pairing engine brings scipy and OR-tools; the workbook
# writer openpyxl): `health` and `validate` start in a fraction of the time.



class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 too, but we keep the wording ours
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(UNUSABLE)


def cmd_validate(args) -> int:
    data = load(source_from(args.source))
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in data.problems], ensure_ascii=False, indent=2))
    else:
        for problem in [*data.problems, *data.notes]:
            print(f"{problem.severity}: {problem}")
        errors = sum(p.severity == ERROR for p in data.problems)
        print(f"{data.source_label}: {len(data.mentors)} mentors, {len(data.mentees)} mentees, "
              f"{len(data.pairings)} pairings, {len(data.checkin_log)} check-ins, {len(data.rating_log)} ratings"
              + (f", {len(data.fit_log)} fit answers" if data.holds("feedback", "question") else "")
              + (f", {len(data.goals)} goals" if "goals" in data.tables else "")
              + (f", {len(data.outcomes)} outcomes" if "outcomes" in data.tables else "")
              + f"; {errors} errors, {len(data.problems) - errors} warnings"
              + (f", {len(data.notes)} notes" if data.notes else ""), file=sys.stderr)
    failing = [p for p in data.problems if p.severity == ERROR or args.strict]
    return FOUND if failing else OK


def cmd_passphrase(args) -> int:
    """Ask for a passphrase twice (never echoed, never stored) and print the [access] lines for the secrets."""
    from getpass import getpass

    from lib.access import hash_passphrase

    first = getpass("New passphrase for the dashboard: ")
    if getpass("The same again: ") != first:
        raise TandemError("the two passphrases differ; nothing was printed")
    print("# Add to .streamlit/secrets.toml (share the passphrase itself out of band, never in this file):")
    print("[access]")
    print(f'passphrase_hash = "{hash_passphrase(first)}"')
    return OK


def cmd_starter(args) -> int:
    from lib.documents.starter import starter_csv_zip, starter_workbook

    out = Path(args.out)
    if out.suffix.lower() == ".zip":
        out.write_bytes(starter_csv_zip(args.examples))
    elif out.suffix.lower() == ".xlsx":
        out.write_bytes(starter_workbook(args.examples))
    else:
        raise TandemError(f"{out} must end in .xlsx (a workbook) or .zip (a set of CSV files).")
    print(f"wrote {out}")
    return OK


def cmd_pair(args) -> int:
    from lib.documents.exports import csv_bytes, xlsx_bytes
    from lib.matching import PairingOptions, suggest
    from lib.matching.options import seniority_gap
    from lib.writing import lifecycle
    from lib.writing.goals import NO_GOALS_TAB, keeps_goals
    from lib.writing.writer import Writer

    started = time.perf_counter()
    out = Path(args.out) if args.out else None
    if out and out.suffix.lower() not in (".csv", ".xlsx"):
        raise TandemError(f"{out} must end in .csv or .xlsx.")
    if not 0 <= args.min_score <= 100:
        raise TandemError(f"--min-score must be between 0 and 100, not {args.min_score:g}.")
    source = source_from(args.source)
    if args.save and not source.in_place:
        raise TandemError(f"{source.label} cannot be saved to in place: copy it to a folder or workbook "
                          "and pair that (e.g. python -m lib pair ./my-program --save).")
    data = load(source)
    gap = seniority_gap(args.min_seniority_gap, args.max_seniority_gap, data.settings)  # options, else settings
    result = suggest(data, PairingOptions(type=args.type, goal=args.goal, min_score=args.min_score,
                                          not_same_team=args.not_same_team, seniority_gap=gap))
    for pair in result.pairs:
        print(f"{pair.mentor_email} + {pair.mentee_email}: {pair.score:.1f} ({pair.reason})")
    for group in result.groups:
        print(f"group of {group.mentor_email}: {len(group.members)} member(s); themes: "
              f"{', '.join(group.themes) or 'none shared yet'}")
    for note in result.notes:
        print(note)
    summary = result.summary
    print(f"placed {summary.placed}, unmatched {summary.unmatched}, total score {summary.total_score:.1f}, "
          f"average {summary.average_score:.1f}, blocking pairs {summary.blocking_pairs}"
          + (f"; pairs alone {summary.paired_total:.1f} of at most {summary.score_bound:.1f}"
             if summary.score_bound is not None else ""))
    for waiting in result.unmatched:
        print(f"unmatched {waiting.mentee_email}: {waiting.reason}")
    if out:
        frame = result.frame()
        out.write_bytes(csv_bytes(frame) if out.suffix.lower() == ".csv" else xlsx_bytes(frame, "pairs"))
        print(f"wrote {len(frame)} pairs to {out}")
    if args.save and result.pairs:  # the Pairings page's Accept, the same function and columns
        ids = lifecycle.accept(Writer(source, data.tables), data, result.pairs)
        print(f"saved {len(ids)} proposed pairings to {source.label}: {', '.join(ids)}")
        if not keeps_goals(data):
            print(NO_GOALS_TAB)
    print(f"time: {summary.seconds:.2f} s pairing, {time.perf_counter() - started:.2f} s with reading")
    return FOUND if result.unmatched else OK


def cmd_map(args) -> int:
    """Print the column and tab maps with a suggestion for each column not read, or save the maps given."""
    from lib.contract.tabs import ROSTER_TABS
    from lib.reading.coverage import unread_columns
    from lib.reading.maps import MAPPED_TABS, missing_tab_advice, read_mapped, tabs_found
    from lib.writing.maps import save_maps
    from lib.writing.writer import Writer

    source = source_from(args.source)
    pairs = [_field_and_header(text) for text in args.fields]
    if pairs or args.sheet:
        if not args.tab:
            raise TandemError("give the tab these columns are in with --tab (one of " + ", ".join(MAPPED_TABS) + ")")
        fields = dict(pairs)
        if len(fields) < len(pairs):
            twice = next(f for f in fields if sum(f == name for name, _ in pairs) > 1)
            raise TandemError(f"{twice} is given twice: map one column to each field.")
        tables, _, _ = read_mapped(source)  # as read, not validated: a tab map may be what lets it load
        titles = source.titles() or [t.title for t in tables.values()]
        if args.sheet:
            table = source.read_tables(only={args.tab}, titles={args.tab: args.sheet}).get(args.tab)
        else:
            table = tables.get(args.tab)
        held = {t.title: name for name, t in tables.items() if name in MAPPED_TABS}
        if table is None and args.tab in MAPPED_TABS and not args.sheet and any(h.strip() for h in fields.values()):
            raise TandemError(f"There is no {args.tab} tab to map columns in (the tabs found are "
                              f"{tabs_found(titles)}): {missing_tab_advice(args.tab, titles, held, args.source)}.")
        headers = table.header if table is not None else None
        written = save_maps(Writer(source, tables), tables, args.tab, fields, headers, titles, args.sheet)
        for key, value in written.items():
            print(f"saved {key} = {value!r}" if value else f"removed the map {key}")
        if not written:
            print("nothing to change: the maps already say so")
        return OK
    tables, maps, problems = read_mapped(source)
    for problem in problems:
        print(f"{problem.severity}: {problem}")
    titles = source.titles() or [t.title for t in tables.values()]
    held = {t.title: name for name, t in tables.items() if name in MAPPED_TABS}
    missing = [tab for tab in ROSTER_TABS if tab not in tables]
    for tab in MAPPED_TABS:
        table = tables.get(tab)
        if table is None:
            if tab in missing:  # a required tab no sheet holds yet: the data cannot load until one does
                print(f"{tab}: there is no {tab} tab (the tabs found are {tabs_found(titles)}); "
                      f"{missing_tab_advice(tab, titles, held, args.source)}")
            continue
        print(f"{tab} ({table.title}):")
        for name, header in maps.columns.get(tab, {}).items():
            print(f"  mapped: {name} = {header!r}")
        if tab in ROSTER_TABS:
            for _, header, guess in unread_columns(table):
                hint = (f" looks like {guess}: python -m lib map {args.source} --tab {tab} {guess}={header!r}"
                        if guess else "")
                print(f"  not read: {header!r}{hint}")
    return FOUND if problems or missing else OK


def _field_and_header(text: str) -> tuple[str, str]:
    field, sep, header = text.partition("=")
    if not sep or not field.strip():
        raise TandemError(f"{text!r} is not FIELD=HEADER (e.g. goals=\"What do you want to learn?\").")
    return field.strip().lower(), header.strip()


def cmd_health(args) -> int:
    from lib.documents.exports import csv_bytes
    from lib.health.model import assess, at_risk_count, report
    from lib.vocabulary import HEALTH_STATUSES

    data = load(source_from(args.source))
    health = assess(data, args.as_of)
    table = report(health)
    if args.format == "json":
        records = health.drop(columns=["urgency"]).astype(object).where(health.notna(), None)
        print(json.dumps(records.to_dict(orient="records"), ensure_ascii=False, indent=2, default=str))
    elif args.format == "csv":
        sys.stdout.write(csv_bytes(table).decode("utf-8-sig"))
    else:
        shown = table.drop(columns=["suggested message"])
        print(shown.to_string(index=False) if len(shown) else "No pairing is active on this date.")
        counts = health["status"].value_counts()
        print(f"as of {data.today(args.as_of)}: {len(health)} active pairs; "
              + ", ".join(f"{counts.get(s, 0)} {s.lower()}" for s in HEALTH_STATUSES), file=sys.stderr)
    return FOUND if args.fail_on_risk and at_risk_count(health) else OK


def cmd_forget(args) -> int:
    """Right to erasure. Prints counts only: the person's email and name never reach the output."""
    from lib.contract.values import check_email
    from lib.errors import NothingToForget
    from lib.text import plural
    from lib.writing.forget import preview
    from lib.writing.writer import Writer

    try:
        email = check_email(args.email)
    except ValueError:
        raise TandemError("EMAIL is not an email address") from None
    if not args.yes and not sys.stdin.isatty():
        print("error: forgetting a person cannot be undone: confirm it in a terminal, or add --yes", file=sys.stderr)
        return UNUSABLE
    source = source_from(args.source)
    if not source.in_place:
        raise TandemError(f"{source.label} cannot be changed in place: forget the person in the spreadsheet itself "
                          "(a CSV folder, an .xlsx workbook or a Google Sheet).")
    try:
        if not args.yes:
            planned = preview(source, email)
            answer = input(f"Forget this person in {source.label}: remove {plural(planned.removed, 'roster row')} and "
                           f"pseudonymise {plural(planned.pseudonymised, 'log row')}? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Not confirmed: nothing was changed.", file=sys.stderr)
                return UNUSABLE
        report = Writer(source, {}).forget(email)
    except NothingToForget as exc:
        print(exc, file=sys.stderr)
        return FOUND
    print(f"Forgot one person in {source.label}:")
    for line in report.lines():
        print(f"  {line}")
    return OK


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-07-24") from None


def _whole(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of years (0 or more)")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lib", description="Tandem: mentorship program data from the command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    validate = commands.add_parser("validate", help="check a data source against the spreadsheet contract")
    validate.add_argument("source", help="a folder of CSV files, an .xlsx workbook, or 'sample'")
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.add_argument("--strict", action="store_true", help="warnings also make the exit code 1")
    validate.set_defaults(run=cmd_validate)
    starter = commands.add_parser("starter", help="write a blank starter workbook (.xlsx) or CSV set (.zip)")
    starter.add_argument("out", help="file to write: tandem-starter.xlsx or tandem-starter.zip")
    starter.add_argument("--examples", action="store_true", help="with one example row per tab (example people)")
    starter.set_defaults(run=cmd_starter)
    passphrase = commands.add_parser("passphrase", help="hash a passphrase for the dashboard's [access] secrets")
    passphrase.set_defaults(run=cmd_passphrase)
    pair = commands.add_parser("pair", help="suggest pairs: exact, within the hard rules, each with its reason")
    pair.add_argument("source", help="a folder of CSV files, an .xlsx workbook, or 'sample'")
    pair.add_argument("--type", choices=MENTORSHIP_TYPES, default=DEFAULT_TYPE)
    pair.add_argument("--goal", choices=["everyone", "best"], default="everyone",
                      help="everyone: place the most mentees, then the best total; best: no pair below --min-score")
    pair.add_argument("--min-score", type=float, default=float(DEFAULT_MIN_SCORE),
                      help="lowest score a pair may have with --goal best")
    pair.add_argument("--not-same-team", action="store_true", help="never pair two people of the same team")
    pair.add_argument("--min-seniority-gap", type=_whole, metavar="N",
                      help="every mentor at least N years more senior than their mentee (default: the "
                           "min_seniority_gap setting)")
    pair.add_argument("--max-seniority-gap", type=_whole, metavar="M",
                      help="and at most M years more senior (default: the max_seniority_gap setting)")
    pair.add_argument("--out", help="also write the pairs to this .csv or .xlsx file")
    pair.add_argument("--save", action="store_true", help="append the pairs to the pairings tab as proposed")
    pair.set_defaults(run=cmd_pair)
    mapping = commands.add_parser("map", help="show or save which of your columns and tabs hold which fields")
    mapping.add_argument("source", help="a folder of CSV files, an .xlsx workbook or a Google Sheets URL")
    mapping.add_argument("--tab", help="the tab the columns are in: mentors, mentees, pairings, checkins, feedback")
    mapping.add_argument("fields", nargs="*", metavar='FIELD="HEADER"', help="a field and the header that holds it "
                                                                           "(an empty header takes a map back)")
    mapping.add_argument("--sheet", help="the sheet tab or CSV file (stem) that holds --tab, e.g. 'Form Responses 1'")
    mapping.set_defaults(run=cmd_map)
    health = commands.add_parser("health", help="status and reasons for every active pair")
    health.add_argument("source", help="a folder of CSV files, an .xlsx workbook, or 'sample'")
    health.add_argument("--as-of", type=_day, help="judge as on this date (default: the as_of setting, else today)")
    health.add_argument("--format", choices=["table", "csv", "json"], default="table")
    health.add_argument("--fail-on-risk", action="store_true", help="exit 1 when any pair is at risk")
    health.set_defaults(run=cmd_health)
    add_document_commands(commands, _day)
    add_reminder_commands(commands, _day)
    add_outcome_commands(commands, _day)
    forget = commands.add_parser("forget", help="forget a person (right to erasure): roster rows removed, their "
                                                "log rows kept with a pseudonym and blanked notes")
    forget.add_argument("email", metavar="EMAIL", help="the person's email")
    forget.add_argument("source", help="a folder of CSV files, an .xlsx workbook or a Google Sheets URL")
    forget.add_argument("--yes", action="store_true", help="do not ask first (needed when not in a terminal)")
    forget.set_defaults(run=cmd_forget)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "command", None) == "map" and not any(e.startswith("-") for e in extra):
        args.fields = [*args.fields, *extra]  # FIELD="HEADER" pairs given after --tab
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.run(args)
    except TandemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return UNUSABLE
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return UNUSABLE
