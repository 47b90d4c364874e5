"""The options of one pairing run: the type, the goal, the minimum score, the rules the lead adds, the weights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from lib.contract.models import MentorshipType
from lib.errors import TandemError
from lib.matching.criteria import Weights
from lib.matching.rules import PairKey
from lib.vocabulary import DEFAULT_MIN_SCORE, DEFAULT_TYPE

Goal = Literal["everyone", "best"]


@dataclass(frozen=True)
class PairingOptions:
    type: MentorshipType = DEFAULT_TYPE
    goal: Goal = "everyone"  # everyone: most mentees placed, then best total; best: no pair below min_score
    min_score: float = DEFAULT_MIN_SCORE  # used by goal "best"
    not_same_team: bool = False
    seniority_gap: tuple[int | None, int | None] = (None, None)  # mentor minus mentee seniority within [min, max]
    forbidden: frozenset[PairKey] = frozenset()  # (mentor email, mentee email) never made
    locked: frozenset[PairKey] = frozenset()  # (mentor email, mentee email) always made
    weights: Weights | None = None  # None: the type's defaults
    as_of: date | None = None  # the date time-zone offsets are taken on; None: the program's today
    cohort: str = ""  # only mentees of this cohort (case-insensitive); "": everyone
    only: frozenset[str] = frozenset()  # only these mentees (a rematch); empty: everyone
    allow_previous: bool = False  # True: two people whose pairing ended may be paired again


def seniority_gap(low: int | None, high: int | None, settings) -> tuple[int | None, int | None]:
    """A run's seniority gap: the options given, else the settings' (min/max_seniority_gap); a minimum above the
    maximum is refused in one sentence."""
    low = settings.min_seniority_gap if low is None else low
    high = settings.max_seniority_gap if high is None else high
    if low is not None and high is not None and low > high:
        raise TandemError(f"The seniority gap's minimum ({low}) is above its maximum ({high}).")
    return low, high
