"""Turning cell text into values: lists, emails, yes/no, whole numbers, time zones."""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from lib.vocabulary import SKILL_LEVELS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a cell whose text starts so is run as a formula by a spreadsheet
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.I)
_YES = {"yes", "y", "true", "1", "x", "active", "ja", "oui", "si", "sí"}
_NO = {"no", "n", "false", "0", "inactive", "nein", "non"}
_ZONES_LOWER = {z.lower(): z for z in available_timezones()}
_LIST_SEPARATORS = re.compile(r"[;,\n]")
_ANGLE_ADDRESS = re.compile(r"<([^<>]+)>\s*$")
_PAREN_ADDRESS = re.compile(r"\(\s*([^()\s]+@[^()\s]+)\s*\)\s*$")  # an HR export's "Ana Costa (ana@x.org)"
_NUMBER_UNITS = {"", "y", "yr", "yrs", "year", "years", "min", "mins", "minutes"}  # "8 years", "45 min"
_LEADING_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?")  # compiled once: these run for every cell of a roster


def split_list(text: str) -> list[str]:
    """Lists are separated by `,` or `;`; blanks and repeats are dropped, order kept."""
    kept, seen = [], set()
    for part in _LIST_SEPARATORS.split(str(text or "")):
        part = part.strip()
        if part and part.lower() not in seen:  # the first spelling of a repeated entry is kept
            seen.add(part.lower())
            kept.append(part)
    return kept


def normalise_email(text: str) -> str:
    """Emails are compared trimmed and case-insensitively; `Name <a@b.c>` and `Name (a@b.c)` are reduced to the
    address."""
    text = str(text or "").strip()
    m = _ANGLE_ADDRESS.search(text) or _PAREN_ADDRESS.search(text)
    if m:
        text = m.group(1).strip()
    return text.lower()


def check_email(text: str) -> str:
    email = normalise_email(text)
    if not _EMAIL.match(email):
        raise ValueError(f"{text.strip()!r} is not an email address")
    return email


def parse_bool(text: str) -> bool:
    word = str(text).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(f"{text!r} is not yes or no")


def parse_number(text: str) -> float:
    cleaned = str(text).strip().replace(",", ".")
    m = _LEADING_NUMBER.match(cleaned)
    if not m or cleaned[m.end():].strip().lower() not in _NUMBER_UNITS:
        raise ValueError(f"{text!r} is not a number")
    value = float(m.group(0))
    if not math.isfinite(value):  # 400 digits read as infinity: no count or year is that large
        raise ValueError(f"{text.strip()[:20]!r}… is too large a number")
    return value


def parse_whole(text: str) -> int:
    value = parse_number(text)
    if value != int(value):
        raise ValueError(f"{text!r} is not a whole number")
    return int(value)


def parse_timezone(text: str) -> str:
    """An IANA name like Europe/Berlin or an offset like UTC+2, returned in a canonical spelling."""
    raw = str(text).strip()
    if raw.upper() in {"UTC", "GMT", "Z"}:
        return "UTC"
    m = _OFFSET.match(raw)
    if m:
        sign = "-" if m.group(1) in "-−" else "+"
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes >= 60:
            raise ValueError(f"{raw!r} is not a real UTC offset")
        return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")
    zone = _ZONES_LOWER.get(raw.replace(" ", "_").lower())
    if zone is None:
        raise ValueError(f"{raw!r} is not a time zone: use a name like Europe/Berlin or an offset like UTC+2")
    return zone


def timezone_choices() -> list[str]:
    """The time zones a form offers: UTC, the whole-hour offsets UTC-12 ... UTC+14, then the zone database's names
    by region (Africa/Abidjan ... Pacific/Wallis)."""
    offsets = [f"UTC{h:+d}" for h in range(-12, 15) if h]
    names = sorted(z for z in _ZONES_LOWER.values() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    return ["UTC", *offsets, *names]


def utc_offset_hours(tz: str, on: datetime | None = None) -> float | None:
    """Hours ahead of UTC for a canonical time zone (None when blank)."""
    if not tz:
        return None
    m = _OFFSET.match(tz)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        return sign * (int(m.group(2)) + int(m.group(3) or 0) / 60)
    try:
        offset = (on or datetime.now(timezone.utc)).astimezone(ZoneInfo(tz)).utcoffset() or timedelta()
    except ZoneInfoNotFoundError:
        return None
    return offset.total_seconds() / 3600


def parse_skill_ratings(text: str) -> dict[str, int]:
    """Self-ratings per skill, written `SQL:2; Airflow:1` (`,` or `;` between, `:` or `=` in each), 1-5 each."""
    low, high = SKILL_LEVELS
    ratings: dict[str, int] = {}
    for part in split_list(text):
        skill, sep, level = _skill_parts(part)
        if not sep or not skill or not re.fullmatch(r"\d+", level) or not low <= int(level) <= high:
            raise ValueError(f"{part!r} is not skill:{low}-{high} (e.g. 'SQL:2; Airflow:1')")
        ratings.setdefault(skill, int(level))
    return ratings


def _skill_parts(part: str) -> tuple[str, str, str]:
    match = re.fullmatch(r"(.*?)\s*([:=])\s*(.*)", part)
    return (match[1].strip(), match[2], match[3].strip()) if match else (part, "", "")


def skill_ratings_text(ratings: dict[str, int]) -> str:
    """The sheet's spelling of self-ratings: `SQL:2; Airflow:1`."""
    return "; ".join(f"{skill}:{level}" for skill, level in ratings.items())
