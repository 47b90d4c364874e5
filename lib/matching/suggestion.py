"""What a pairing run returns: the pairs with their reasons, who is left and why, and how good and stable it is."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lib.contract.models import MentorshipType

EXPORT_COLUMNS = ["mentor_email", "mentee_email", "type", "score", "reason"]


@dataclass(frozen=True)
class Pair:
    mentor_email: str  # for peers: the first of the two
    mentee_email: str
    type: MentorshipType
    score: float  # 0..100
    contributions: dict[str, float]  # points per criterion; they add up to the score
    reason: str  # one line in words
    goals: list[str]  # the mentee's goals the pair covers, saved with the pairing
    runner_up: str | None = None  # the best other candidate the rules allowed
    runner_up_score: float | None = None
    locked: bool = False


@dataclass(frozen=True)
class Unmatched:
    mentee_email: str
    reason: str


@dataclass(frozen=True)
class Group:
    mentor_email: str
    members: list[str]  # existing and suggested members
    themes: list[str]  # goals shared by two or more members


@dataclass(frozen=True)
class Summary:
    placed: int
    unmatched: int
    total_score: float
    average_score: float
    blocking_pairs: int  # mentor and mentee (or two peers) who would both rather have each other
    score_bound: float | None = None  # peers: no pairing can have a higher total
    paired_total: float | None = None  # peers: total of the two-person pairs alone, to compare with the bound
    seconds: float = 0.0


@dataclass(frozen=True)
class Suggestion:
    type: MentorshipType
    goal: str
    min_score: float
    pairs: list[Pair]
    unmatched: list[Unmatched]
    summary: Summary
    groups: list[Group] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # trios formed, groups, how close peer pairs come to the best
    blocking: list[str] = field(default_factory=list)  # the first blocking pairs, each in words

    def frame(self) -> pd.DataFrame:
        """One row per pair, as exported."""
        return pd.DataFrame([[p.mentor_email, p.mentee_email, p.type, round(p.score, 1), p.reason]
                             for p in self.pairs], columns=EXPORT_COLUMNS)
