"""Recording what became of a mentee (the outcomes tab) through the writer: one row per record, checked by the Outcome
model that reads it, so what is written loads back clean; a mentee's latest row is the one that counts."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from lib.contract.models import Outcome
from lib.contract.problems import Problem
from lib.contract.tabs import OUTCOMES
from lib.contract.values import skill_ratings_text
from lib.errors import EditRefused
from lib.reading.dataset import Dataset
from lib.reading.rows import error_message
from lib.writing.writer import Writer


def checked_outcome(data: Dataset, mentee_email: str, day: date, offer: str = "", next_step: str = "",
                    skills_before: str | dict = "", skills_after: str | dict = "", notes: str = "") -> Outcome:
    """The outcome as it would load, or EditRefused naming the field: an unknown mentee or offer, a skills value that
    is not `skill:1-5`, a date after today."""
    fields = {"mentee_email": mentee_email, "date": day, "offer": offer, "next_step": next_step,
              "skills_before": skills_before, "skills_after": skills_after, "notes": notes}
    try:
        outcome = Outcome(**fields)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            raw = "" if fields.get(name) is None else str(fields.get(name))
            problems.append(Problem(OUTCOMES.name, 0, name, raw, error_message(error, raw)))
        raise EditRefused(problems) from None
    if outcome.mentee_email not in {m.email for m in data.mentees}:
        raise EditRefused([Problem(OUTCOMES.name, 0, "mentee_email", outcome.mentee_email,
                                   "not on the mentees tab")])
    if outcome.date > data.today():
        raise EditRefused([Problem(OUTCOMES.name, 0, "date", outcome.date.isoformat(),
                                   f"after today ({data.today().isoformat()}); record what has happened")])
    return outcome


def record_outcome(writer: Writer, data: Dataset, mentee_email: str, day: date, offer: str | None = "",
                   next_step: str | None = "", skills_before: str | dict | None = "",
                   skills_after: str | dict | None = "", notes: str = "") -> Outcome:
    """Append one outcome row (the tab is created when missing); returns the outcome as written. A field given as
    None is as the mentee's latest record on or before `day` has it (the page's form starts from the latest too), so
    recording a next step alone never wipes an accepted offer: the latest row is the one every figure reads."""
    latest = latest_outcome(data, mentee_email, on_or_before=day)
    kept = {"offer": latest.offer or "", "next_step": latest.next_step, "skills_before": latest.skills_before,
            "skills_after": latest.skills_after} if latest else {}
    given = {"offer": offer, "next_step": next_step, "skills_before": skills_before, "skills_after": skills_after}
    fields = {name: kept.get(name, "") if value is None else value for name, value in given.items()}
    outcome = checked_outcome(data, mentee_email, day, notes=notes, **fields)
    record = {"mentee_email": outcome.mentee_email, "date": outcome.date, "offer": outcome.offer or "",
              "next_step": outcome.next_step, "skills_before": skill_ratings_text(outcome.skills_before),
              "skills_after": skill_ratings_text(outcome.skills_after), "notes": outcome.notes}
    writer.append(OUTCOMES.name, [record])
    return outcome


def latest_outcome(data: Dataset, mentee_email: str, on_or_before: date | None = None) -> Outcome | None:
    """A mentee's latest outcome (by date, then sheet order), of those dated on or before a day if given, or None."""
    theirs = [o for o in data.outcomes if o.mentee_email == mentee_email.strip().lower()
              and (on_or_before is None or o.date <= on_or_before)]
    return max(theirs, key=lambda o: (o.date, o.row)) if theirs else None
