"""`python -m lib guide | kickoff | calendar`: the documents a lead prints or sends, as the pages offer them."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from lib.cli.common import FOUND, OK, source_from
from lib.errors import TandemError
from lib.reading.loader import load
from lib.text import plural
from lib.vocabulary import OPEN_STATUSES, PROPOSED


def _pdf_path(out: str) -> Path:
    path = Path(out)
    if path.suffix.lower() != ".pdf":
        raise TandemError(f"{path} must end in .pdf.")
    return path


def cmd_guide(args) -> int:
    from lib.documents.pdf import guide_pdf, pack_pdf
    from lib.guides.library import (  # PDF modules load on demand: other commands stay quick
        Tailoring,
        find_guide,
        load_guides,
    )

    guides = load_guides()
    if not guides:
        raise TandemError("there are no guides in the guides folder")
    tailoring = Tailoring(organisation=args.org or "")
    started = time.perf_counter()
    if args.name == "all":
        out = _pdf_path(args.out or "tandem-program-pack.pdf")
        out.write_bytes(pack_pdf(guides, tailoring, date.today()))
        print(f"wrote the program pack ({len(guides)} guides) to {out} in {time.perf_counter() - started:.1f} s")
    else:
        guide = find_guide(guides, args.name)
        out = _pdf_path(args.out or f"tandem-guide-{guide.slug}.pdf")
        out.write_bytes(guide_pdf(guide, tailoring, date.today()))
        print(f"wrote '{guide.title}' to {out} in {time.perf_counter() - started:.1f} s")
    return OK


def cmd_kickoff(args) -> int:
    from lib.documents.handoff import NEW_WITHIN, handoff_pairs, new_pairs
    from lib.documents.pdf import kickoff_name, kickoff_pdf

    out = _pdf_path(args.out) if args.out else None  # checked before the source is read
    data = load(source_from(args.source))
    pairs = handoff_pairs(data)
    if not pairs:
        print("No proposed or active pairings: accept pairs first (python -m lib pair SOURCE --save).",
              file=sys.stderr)
        return FOUND
    if args.pair:
        wanted = args.pair.strip().lower()
        pairs = [p for p in pairs if p.pairing.mentee_email.lower() == wanted]
        if not pairs:
            print(f"No proposed or active pairing for the mentee {args.pair}.", file=sys.stderr)
            return FOUND
    elif not args.all:  # as on the pages: the pairs whose first meeting is ahead of them
        every, pairs = len(pairs), new_pairs(pairs, data.today())
        if not pairs:
            print(f"No new pairs: all {every} started more than {NEW_WITHIN.days} days ago. Add --all to print "
                  "theirs.", file=sys.stderr)
            return FOUND
    out = out or Path(kickoff_name(pairs, data.today()))
    out.write_bytes(kickoff_pdf(data, pairs))
    print(f"wrote {len(pairs)} kickoff sheet{'s' if len(pairs) != 1 else ''} to {out}")
    return OK


def cmd_calendar(args) -> int:
    from lib.guides.library import load_guides
    from lib.meetings.calendar_file import calendar_bytes
    from lib.meetings.plan import calendar_pairings, is_cancelled

    out = Path(args.out)
    if out.suffix.lower() != ".ics":
        raise TandemError(f"{out} must end in .ics (a calendar file).")
    data = load(source_from(args.source))
    pairings = calendar_pairings(data)
    if args.pair:
        wanted = args.pair.strip().lower()
        theirs = [p for p in data.pairings if p.mentee_email == wanted]
        # the open pairing of this mentee, else the latest that ended, written as a cancellation
        pairings = [p for p in theirs if p.status in OPEN_STATUSES][-1:] or theirs[-1:]
        if not pairings:
            raise TandemError(f"There is no pairing for the mentee {args.pair}.")
    if not pairings:  # nothing went wrong: there is no series yet, and an empty file would help nobody
        proposed = sum(p.status == PROPOSED for p in data.pairings)
        print(f"No meeting series to write, so {out} was not written: activate the {plural(proposed, 'proposed pair')} "
              "first (Pairings page, Current pairs)." if proposed else
              f"No meeting series to write, so {out} was not written: accept pairs first "
              "(python -m lib pair SOURCE --save) and activate them.")
        return OK
    payload, notes = calendar_bytes(data, pairings, load_guides())
    out.write_bytes(payload)
    for note in notes:
        print(note)
    cancelled = sum(is_cancelled(p, data.today()) for p in pairings)
    ended = f" ({cancelled} of them cancelled: {'its pairing' if cancelled == 1 else 'their pairings'} ended)"
    print(f"wrote {len(pairings)} meeting series to {out}{ended if cancelled else ''}")
    return OK


def add_document_commands(commands, day) -> None:
    guide = commands.add_parser("guide", help="write a guide, or all of them as the program pack, as a PDF")
    guide.add_argument("name", metavar="TYPE", help="one-on-one, group, peer, program, a guide's file name "
                                                    "(e.g. finding-a-mentor), or 'all' for the program pack")
    guide.add_argument("--org", help="the organisation's name, filled into the guide")
    guide.add_argument("--out", help="the PDF to write (default: tandem-guide-TYPE.pdf here)")
    guide.set_defaults(run=cmd_guide)
    kickoff = commands.add_parser("kickoff", help="kickoff sheets (PDF, one page per pair) for the accepted pairs")
    kickoff.add_argument("source", help="a folder of CSV files, an .xlsx workbook, or 'sample'")
    kickoff.add_argument("--pair", metavar="MENTEE_EMAIL", help="only the pair of this mentee")
    kickoff.add_argument("--all", action="store_true", help="every proposed and active pair (default: the new ones, "
                                                            "proposed or started in the last 14 days)")
    kickoff.add_argument("--out", help="the PDF to write (default: tandem-kickoff-sheets-DATE.pdf here)")
    kickoff.set_defaults(run=cmd_kickoff)
    calendar = commands.add_parser("calendar", help="a meeting series (.ics) per active pair, in both "
                                                    "people's working hours, and ended pairs' series cancelled")
    calendar.add_argument("source", help="a folder of CSV files, an .xlsx workbook, or 'sample'")
    calendar.add_argument("--pair", metavar="MENTEE_EMAIL", help="only this mentee's pairing (cancelled if ended)")
    calendar.add_argument("--out", required=True, help="the calendar file to write, e.g. meetings.ics")
    calendar.set_defaults(run=cmd_calendar)
