"""Time zones as the roster writes them, for a calendar: `Europe/Berlin` is the zone database's, with its clock
changes; `UTC+1` (or `UTC-5:30`) is a fixed offset, written with a VTIMEZONE of its own (calendar_file.py), since
calendars only know zones by name."""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from lib.contract.values import parse_timezone


@lru_cache(maxsize=1024)  # a program has a few dozen zones, asked for twice per pair planned
def zone_of(name: str) -> tzinfo:
    """The tzinfo of a canonical roster time zone (see lib.contract.values.parse_timezone)."""
    canonical = parse_timezone(name)
    if canonical == "UTC":
        return ZoneInfo("UTC")
    if canonical.startswith("UTC") and len(canonical) > 3:
        sign = -1 if canonical[3] == "-" else 1
        hours, _, minutes = canonical[4:].partition(":")
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)), canonical)
    return ZoneInfo(canonical)


def is_fixed(zone: tzinfo) -> bool:
    return isinstance(zone, timezone)


def place_words(name: str) -> str:
    """How a zone reads in a sentence: 'Los Angeles' for America/Los_Angeles, 'UTC+1' as it is."""
    return name.rsplit("/", 1)[-1].replace("_", " ") if "/" in name else name
