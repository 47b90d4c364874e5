"""Logging a check-in or feedback for a pair through the writer, validated by the same models that read them."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from lib.contract.models import CheckIn, Feedback
from lib.errors import LogError
from lib.writing.writer import Writer


def _check_day(day: date, started_on: date | None, today: date) -> None:
    if started_on and day < started_on:
        raise LogError(f"The date {day:%d %b %Y} is before the pairing started ({started_on:%d %b %Y}).")
    if day > today:
        raise LogError(f"The date {day:%d %b %Y} is in the future; log what has happened.")


def _valid(model, **fields):
    try:
        return model(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise LogError(f"{first['loc'][0] if first['loc'] else 'entry'}: {first['msg']}") from None


def log_checkin(writer: Writer, mentor_email: str, mentee_email: str, day: date, today: date,
                started_on: date | None = None, minutes: int | None = None, channel: str = "", notes: str = "") -> str:
    """Append one check-in; returns its id."""
    _check_day(day, started_on, today)
    entry = _valid(CheckIn, date=day, mentor_email=mentor_email, mentee_email=mentee_email, minutes=minutes,
                   channel=channel.strip(), notes=notes.strip())
    return writer.append("checkins", [entry.model_dump(exclude={"row", "extra", "id"})])[0]


def log_feedback(writer: Writer, mentor_email: str, mentee_email: str, day: date, today: date, from_role: str,
                 rating: int, started_on: date | None = None, comment: str = "") -> str:
    """Append one feedback entry (a 1-5 rating from the mentor's or the mentee's side); returns its id."""
    _check_day(day, started_on, today)
    entry = _valid(Feedback, date=day, mentor_email=mentor_email, mentee_email=mentee_email, from_role=from_role,
                   rating=rating, comment=comment.strip())
    return writer.append("feedback", [entry.model_dump(exclude={"row", "extra", "id"})])[0]
