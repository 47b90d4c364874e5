"""Logging a check-in or feedback for a pair through the writer, validated by the same models that read them."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from lib.contract.models import CheckIn, Feedback
from lib.errors import LogError
from lib.vocabulary import FIT_ANSWERS, FIT_QUESTION
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
                 rating: int, started_on: date | None = None, comment: str = "", question: str = "") -> str:
    """Append one feedback entry, a 1-5 rating from the mentor's or the mentee's side, or with `question` "fit" a
    pairing-fit answer (FIT_ANSWERS: 1-3); returns its id. A rating leaves the question column out, so a sheet
    without one gains none."""
    _check_day(day, started_on, today)
    entry = _valid(Feedback, date=day, mentor_email=mentor_email, mentee_email=mentee_email, from_role=from_role,
                   rating=rating, comment=comment.strip(), question=question)
    if entry.is_fit and entry.rating not in FIT_ANSWERS:
        raise LogError(f"A fit answer is {', '.join(f'{k} {w}' for k, w in sorted(FIT_ANSWERS.items(), reverse=True))}"
                       f", not {entry.rating}.")
    record = entry.model_dump(exclude={"row", "extra", "id"} | (set() if entry.is_fit else {"question"}))
    return writer.append("feedback", [record])[0]


def log_fit(writer: Writer, mentor_email: str, mentee_email: str, day: date, today: date, from_role: str,
            answer: int, started_on: date | None = None, comment: str = "") -> str:
    """Append one side's answer to "is this pairing a good fit?" (3 good fit, 2 still deciding, 1 not a good fit)."""
    return log_feedback(writer, mentor_email, mentee_email, day, today, from_role, answer, started_on, comment,
                        question=FIT_QUESTION)
