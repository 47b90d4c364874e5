"""The pairing lifecycle through the writer: accept suggested pairs, activate, end. One row change each."""

from __future__ import annotations

from datetime import date

from lib.contract.models import Pairing, busy_mentees
from lib.errors import LifecycleError
from lib.matching.suggestion import Pair
from lib.reading.dataset import Dataset
from lib.vocabulary import ACTIVE, ENDED, PROPOSED
from lib.writing.goals import keeps_goals, start_goals
from lib.writing.writer import Writer


def accept(writer: Writer, data: Dataset, pairs: list[Pair], activate_on: date | None = None) -> list[str]:
    """Append the pairs to `pairings`: proposed, or active from `activate_on`, with the type, the program's default
    cadence and the goals the pair covers, and start one open goal per shared goal in `goals` when the program keeps
    goals (its source has that tab: Tandem does not add a tab the lead did not ask for, whose empty plan step would
    then flag every earlier pair). The one way a suggestion is saved (the Pairings page's Accept and
    `python -m lib pair --save`). Returns the new ids."""
    cadence = data.settings.default_cadence
    records = [{"mentor_email": p.mentor_email, "mentee_email": p.mentee_email, "type": p.type,
                "status": ACTIVE if activate_on else PROPOSED, "started_on": activate_on,
                "cadence": cadence, "goals": p.goals} for p in pairs]
    if not records:
        return []
    ids = writer.append("pairings", records)
    if keeps_goals(data):
        start_goals(writer, [(pairing_id, p.goals) for pairing_id, p in zip(ids, pairs)], data.today())
    return ids


def activate(writer: Writer, pairing: Pairing, on: date) -> dict:
    if pairing.status != PROPOSED:
        raise LifecycleError(f"Pairing {pairing.id} is {pairing.status}; only a proposed pairing can be activated.")
    return writer.update("pairings", _key(pairing), {"status": ACTIVE, "started_on": on})


def end(writer: Writer, pairing: Pairing, on: date, reason: str, today: date | None = None) -> dict:
    """End a pairing on `on` (today or a day that has passed: a later end is recorded on that day, so the counts,
    the Overview and Health never disagree about a pairing that is still running). A proposed pairing that ends, or
    an active one set to start after today, never started: it is withdrawn (no start), and never counts as active."""
    if pairing.status == ENDED:
        raise LifecycleError(f"Pairing {pairing.id} has already ended.")
    if today is not None and on > today:
        raise LifecycleError(f"The end date {on:%d %b %Y} is after today, {today:%d %b %Y}: end the pairing on the "
                             "day it ends; until then it stays active.")
    not_started = pairing.started_on is not None and today is not None and pairing.started_on > today
    if pairing.started_on and on < pairing.started_on and not not_started:
        raise LifecycleError(f"The end date {on:%d %b %Y} is before the start, {pairing.started_on:%d %b %Y}.")
    if not reason.strip():
        raise LifecycleError("Say why the pairing ends: the reason is kept with it for the program's history.")
    changes = {"status": ENDED, "ended_on": on, "end_reason": reason.strip()}
    if not_started:  # set to start later and ended first: withdrawn, like a proposal (the start is in `changes`)
        changes["started_on"] = None
    return writer.update("pairings", _key(pairing), changes)


def _key(pairing: Pairing) -> str:
    if not pairing.id:
        raise LifecycleError(f"The pairing of {pairing.mentor_email} and {pairing.mentee_email} (row {pairing.row}) "
                             "has no id, so it cannot be changed safely. Give it one in the spreadsheet "
                             "(e.g. P-100) and refresh.")
    return pairing.id


def needs_rematch(data: Dataset) -> list[str]:
    """Active mentees whose last pairing ended and who have no proposed or active one now."""
    busy = busy_mentees(data.pairings)
    ended = {p.mentee_email for p in data.pairings if p.status == ENDED}
    active = {m.email for m in data.mentees if m.active}
    return sorted((ended & active) - busy)
