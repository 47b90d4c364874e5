"""`python -m lib remind SOURCE [--as-of D] [--send]`: the reminders due, previewed, or sent exactly once."""

from __future__ import annotations

import os
import sys

from lib.cli.common import OK, secrets_section, source_from
from lib.contract.dates import format_date
from lib.errors import TandemError
from lib.reading.loader import load
from lib.reminders.messages import preview
from lib.reminders.run import cannot_record, deliver, due_on, guides_for_sending
from lib.reminders.send import TAB, stuck_rows, to_send
from lib.reminders.smtp import ENV_PREFIX, smtp_settings
from lib.text import plural


def cmd_remind(args) -> int:
    settings = None
    if args.send:  # the set-up is checked before the source is read
        settings = smtp_settings(secrets_section("smtp"), os.environ)
        if settings is None:
            raise TandemError(f"No mail server is set: add [smtp] to .streamlit/secrets.toml or set "
                              f"{ENV_PREFIX}HOST (see the README's Reminders section). Nothing was sent.")
    source = source_from(args.source)
    if args.send and (refusal := cannot_record(source)):
        raise TandemError(refusal)
    data = load(source)
    on = data.today(args.as_of)
    planned = due_on(data, on)
    for note in planned.notes:
        print(note)
    limit = data.settings.max_reminders_per_run
    if not args.send:
        todo, already, held_back = to_send(planned.reminders, data.tables.get(TAB), limit)
        print(f"{plural(len(todo), 'reminder')} due on {format_date(on)}; nothing was sent (add --send to send).")
        if already:
            print(f"{already} already sent in this period: they would not go again.")
        if held_back:
            print(f"{held_back} more past this run's limit of {limit} (max_reminders_per_run).")
        for line in stuck_rows(data.tables.get(TAB)):
            print(line)
        for reminder in todo:
            print(f"\n[{reminder.kind}] to {', '.join(f'{n} <{e}>' for n, e in reminder.to)}")
            if reminder.left_out:
                print(f"  (not to {', '.join(reminder.left_out)}: opted out of reminders)")
            print(f"  Subject: {reminder.subject}")
            for line in preview(reminder).splitlines():
                print(f"  {line}")
            if reminder.kind == "due":
                print("  Attached: the pair's meeting series (.ics)")
        return OK
    from lib.writing.writer import Writer

    print(f"Sending through {settings.words()}")
    guides, note = guides_for_sending()
    if note:
        print(note)
    report = deliver(data, planned, Writer(source, data.tables), settings, guides)
    for line in report.sentences(limit):
        print(line, file=sys.stderr if line.startswith("The connection") else sys.stdout)
    for line in report.sent_lines():
        print(f"  {line}")
    return OK


def add_reminder_commands(commands, day) -> None:
    remind = commands.add_parser("remind", help="reminders due today (meetings, nudges, the weekly digest): "
                                                "previewed, or sent once with --send")
    remind.add_argument("source", help="a folder of CSV files, an .xlsx workbook, a Google Sheets URL, or 'sample'")
    remind.add_argument("--as-of", type=day, help="as on this date (default: the as_of setting, else today)")
    remind.add_argument("--send", action="store_true", help="send them through the [smtp] mail server and record "
                                                             "each in the reminders tab")
    remind.set_defaults(run=cmd_remind)
