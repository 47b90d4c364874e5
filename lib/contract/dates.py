"""Reading dates as people type them: ISO always, other forms with day/month order inferred per column."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

from lib.errors import DateProblem

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WORDY_DMY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]{3,})\.?,?[\s\-]+(\d{4})$")
_WORDY_MDY = re.compile(r"^([A-Za-z]{3,})\.?[\s\-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-]+(\d{4})$")

DMY, MDY = "DMY", "MDY"
DATE_KINDS = ("date", "datetime")  # column kinds whose cells are dates (a date-time's date decides the order too)
# A time of day, with an optional offset from UTC as exports write it: "Z", "+02:00", "+0200", "GMT+2", "UTC-5:30"
_OFFSET = r"(?:\s*(?P<z>Z)|\s*(?:GMT|UTC)?\s*(?P<sign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?)?"
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?" + _OFFSET + "$")
_WITH_TIME = re.compile(r"^(.*?\d)(?:[T ]|\s+)(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?"
                        r"(?:\s*Z|\s*(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?)?)$")


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _make(y: int, m: int, d: int, raw: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise DateProblem(f"{raw!r} is not a real date") from None


def _month(word: str, raw: str) -> int:
    m = _MONTHS.get(word[:3].lower())
    if m is None:
        raise DateProblem(f"{raw!r}: unknown month {word!r}")
    return m


def infer_order(values: Iterable[str], locale_order: str | None = None) -> str | None:
    """Decide day/month order for a column of numeric dates like 03/04/2026.

    A value with a first part over 12 proves day-first, a second part over 12 proves month-first.
    With no proof either way the spreadsheet's locale decides; without one the order stays unknown.
    """
    day_first = month_first = False
    for raw in values:
        m = _NUMERIC.match(_date_part(raw))
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= a > 12
            month_first |= b > 12
    if day_first and not month_first:
        return DMY
    if month_first and not day_first:
        return MDY
    return locale_order


def parse_date(raw: str, order: str | None = None) -> date:
    """Parse one date; `order` resolves numeric forms whose day and month could be swapped."""
    text = str(raw).strip()
    for pattern in (_ISO, _YMD_SLASH):
        m = pattern.match(text)
        if m:
            return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    m = _NUMERIC.match(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if a > 12 or (order == DMY and b <= 12):
            return _make(y, b, a, text)
        if b > 12 or order == MDY or a == b:
            return _make(y, a, b, text)
        raise DateProblem(f"{text!r} could be {a} {_name(b)} or {b} {_name(a)}: write it as YYYY-MM-DD, or set "
                          "date_order (day first or month first) in the settings tab")
    m = _WORDY_DMY.match(text)
    if m:
        return _make(int(m.group(3)), _month(m.group(2), text), int(m.group(1)), text)
    m = _WORDY_MDY.match(text)
    if m:
        return _make(int(m.group(3)), _month(m.group(1), text), int(m.group(2)), text)
    raise DateProblem(f"{text!r} is not a date Tandem can read: use YYYY-MM-DD")


def _split_time(text: str) -> tuple[str, str]:
    """(date text, time text) of a date-time ("6/2/2026 9:14:03", "2 Jun 2026 4:05 PM", "2026-06-02T09:14"); the
    time is "" when the text has none."""
    m = _WITH_TIME.match(text.strip())
    return (m.group(1), m.group(2)) if m else (text.strip(), "")


@lru_cache(maxsize=4096)
def _day(text: str, order: str | None) -> date:
    """parse_date for the date of a date-time: a Form's sign-ups fall on a few dozen days, each parsed once."""
    return parse_date(text, order)


def _date_part(raw: str) -> str:
    return _split_time(str(raw))[0]


def parse_datetime(raw: str, order: str | None = None) -> datetime:
    """A date with an optional time of day: "6/2/2026 9:14:03" (a Google Form's Timestamp, in the form owner's
    locale), "2026-06-02 09:14", "2026-06-02T09:14:03Z", "2 Jun 2026 4:05 PM", "2026/06/15 2:00:00 PM GMT+2" (a time
    with an offset is taken to UTC). Without a time, midnight."""
    text = str(raw).strip()
    date_text, time_text = _split_time(text)
    day = _day(date_text, order)
    if not time_text:
        return datetime(day.year, day.month, day.day)
    m = _TIME.match(time_text)
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4):
        if not 1 <= hour <= 12:
            raise DateProblem(f"{text!r} has no hour {hour} {m.group(4).upper()}")
        hour = hour % 12 + (12 if m.group(4).lower() == "pm" else 0)
    try:
        moment = datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        raise DateProblem(f"{text!r} is not a real time of day") from None
    if m.group("sign"):  # an offset given: the moment in UTC, so sign-ups from two offsets order as they happened
        offset = timedelta(hours=int(m.group("oh")), minutes=int(m.group("om") or 0))
        if offset > timedelta(hours=14):
            raise DateProblem(f"{text!r}: no place is more than 14 hours from UTC")
        return moment - offset if m.group("sign") == "+" else moment + offset
    return moment  # "Z" is UTC already; without an offset, the time as the form's owner's clock showed it


def _name(month: int) -> str:
    return datetime(2000, month, 1).strftime("%B") if 1 <= month <= 12 else str(month)


def locale_order(locale: str | None) -> str | None:
    """Day/month order of a spreadsheet locale such as en_US or de_DE (None when unknown)."""
    if not locale:
        return None
    return MDY if locale.replace("-", "_").lower() in {"en_us", "en_ph", "en", "es_us", "en_ca_us"} else DMY


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month of `day`, or of the month `back` months before it."""
    month_index = day.year * 12 + day.month - 1 - back
    return date(month_index // 12, month_index % 12 + 1, 1)


def month_so_far(day: date, back: int = 0) -> tuple[date, date]:
    """The first `day.day` days of the month `back` months before `day`'s (fewer when that month is shorter): so
    this month to date compares like with like, 1-24 Jul against 1-24 Jun."""
    start = month_start(day, back)
    month_end = month_start(day, back - 1) - timedelta(days=1)
    return start, min(start + timedelta(days=day.day - 1), month_end)


def period_words(start: date, end: date) -> str:
    """"1–24 Jul" (one month), "28 Jun–3 Jul" (two)."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b}" if start != end else f"{end.day} {end:%b}"
    return f"{start.day} {start:%b}–{end.day} {end:%b}"


def month_so_far_words(day: date) -> tuple[str, str]:
    """What a month-to-date comparison compares, this month's days and last month's: ("1–24 Jul", "1–24 Jun")."""
    return period_words(*month_so_far(day)), period_words(*month_so_far(day, 1))


def format_date(value: date | None) -> str:
    """Dates as a lead reads them: 14 Mar 2026."""
    return f"{value.day} {value:%b %Y}" if value else ""
