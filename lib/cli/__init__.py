"""`python -m lib`: the command line over the same functions as the pages (main.py: the parser and the program's
commands; documents, outcomes and reminders: theirs; common: sources and exit codes)."""

from lib.cli.main import main

__all__ = ["main"]
