"""A rematch: a new mentor for one mentee whose pairing ended, never the mentor it ended with (unless the lead
allows it), nor anyone on either person's avoid list; what was left out is said in words."""

from __future__ import annotations

from dataclasses import dataclass

from lib.contract.dates import format_date
from lib.matching.engine import suggest
from lib.matching.options import PairingOptions, seniority_gap
from lib.matching.suggestion import Suggestion
from lib.reading.dataset import Dataset
from lib.vocabulary import DEFAULT_TYPE, ENDED, PEER


@dataclass(frozen=True)
class Rematch:
    mentee_email: str
    suggestion: Suggestion
    left_out: list[str]  # "not Ana Ruiz: the pairing ended on 24 Jul 2026, moved team"


def rematch(data: Dataset, mentee_email: str, allow_previous: bool = False) -> Rematch:
    """Suggest one mentor for `mentee_email`, of the ended pairing's type (one-on-one or group; a peer pairing
    that ended is rematched one-on-one)."""
    mentee_email = mentee_email.strip().lower()
    theirs = [p for p in data.pairings if mentee_email in (p.mentee_email, p.mentor_email if p.type == PEER else "")]
    ended = sorted((p for p in theirs if p.status == ENDED and not p.withdrawn),
                   key=lambda p: (p.ended_on is None, p.ended_on))
    who = data.names
    previous = {}  # the other person of each ended pairing, with the words for it
    for p in ended:
        other = p.mentor_email if p.mentee_email == mentee_email else p.mentee_email
        when = f"the pairing ended on {format_date(p.ended_on)}" if p.ended_on else "the pairing ended"
        previous[other] = f"not {who.get(other, other)}: {when}" + (f", {p.end_reason}" if p.end_reason else "")
    kind = ended[-1].type if ended and ended[-1].type != PEER else DEFAULT_TYPE
    gap = seniority_gap(None, None, data.settings)  # the program's rule holds for a rematch too
    result = suggest(data, PairingOptions(type=kind, only=frozenset({mentee_email}), seniority_gap=gap,
                                          allow_previous=allow_previous))
    left_out = [] if allow_previous else list(previous.values())
    mentee = next((m for m in data.mentees if m.email == mentee_email), None)
    mentors = {m.email for m in data.mentors}
    left_out += [f"not {who.get(e, e)}: on {who.get(mentee_email, mentee_email)}'s avoid list"
                 for e in sorted(set(mentee.avoid if mentee else []) & mentors - set(previous))]
    return Rematch(mentee_email, result, left_out)
