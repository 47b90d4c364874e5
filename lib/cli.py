"""`python -m lib ...`: the same functions the pages use, for scripts and scheduled reports.

Exit codes for every command: 0 success; 1 the data has problems or a requested condition was found;
2 the source cannot be read or the arguments are wrong (with the reason, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import TandemError
from .problems import ERROR
from .sources import open_source, sample_source
from .starter import starter_csv_zip, starter_workbook

OK, FOUND, UNUSABLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 too, but we keep the wording ours
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(UNUSABLE)


def source_from(argument: str):
    """SOURCE on the command line: a CSV folder, an .xlsx file, or the word 'sample'."""
    return sample_source() if argument == "sample" else open_source(argument)


def cmd_validate(args) -> int:
    data = source_from(args.source).load()
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in data.problems], ensure_ascii=False, indent=2))
    else:
        for problem in data.problems:
            print(f"{problem.severity}: {problem}")
        errors = sum(p.severity == ERROR for p in data.problems)
        print(f"{data.source_label}: {len(data.mentors)} mentors, {len(data.mentees)} mentees, "
              f"{len(data.pairings)} pairings, {len(data.checkins)} check-ins, {len(data.feedback)} feedback; "
              f"{errors} errors, {len(data.problems) - errors} warnings", file=sys.stderr)
    failing = [p for p in data.problems if p.severity == ERROR or args.strict]
    return FOUND if failing else OK


def cmd_starter(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() == ".zip":
        out.write_bytes(starter_csv_zip())
    elif out.suffix.lower() == ".xlsx":
        out.write_bytes(starter_workbook())
    else:
        raise TandemError(f"{out} must end in .xlsx (a workbook) or .zip (a set of CSV files).")
    print(f"wrote {out}")
    return OK


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
    starter.set_defaults(run=cmd_starter)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except TandemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return UNUSABLE
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return UNUSABLE
