"""Run the fake Sheets API in the foreground, seeded from a folder of CSV files (one tab per file).

    python -m tests.fake_sheets --port 8765 --seed sample_data [--id KEY] [--title T] [--locale en_GB]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import FakeSheets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fake_sheets", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=Path, required=True, help="folder of *.csv files, one tab each")
    parser.add_argument("--id", dest="spreadsheet_id", help="the spreadsheet key (random when not given)")
    parser.add_argument("--title", default=None, help="spreadsheet title (default: the folder name)")
    parser.add_argument("--locale", default="en_US")
    args = parser.parse_args(argv)
    if not args.seed.is_dir():
        parser.error(f"--seed {args.seed} is not a folder")
    fake = FakeSheets()
    try:
        key = fake.add_from_csv_folder(args.seed, args.title or args.seed.resolve().name,
                                       spreadsheet_id=args.spreadsheet_id, locale=args.locale)
    except ValueError as exc:
        parser.error(str(exc))
    try:
        base = fake.start(args.host, args.port)
    except OSError as exc:
        print(f"Cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    tabs = [s.title for s in fake.store.spreadsheets[key].sheets]
    print(f"Fake Google Sheets API at {base} with tabs {', '.join(tabs)}", flush=True)
    print(f"Spreadsheet URL: https://docs.google.com/spreadsheets/d/{key}/edit", flush=True)
    print(f"GOOGLE_SHEETS_API_URL={base}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
