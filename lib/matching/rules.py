"""Hard rules: which (mentee, candidate) pairs may be suggested at all, and for the others the first rule that
forbids them, so an unmatched mentee can be told why.

Rules are checked in the order of RULES; code 0 means allowed. Capacity comes last, so "no capacity left"
is only given when nothing personal stands between the two. A mentee's preferred type is a preference (a
criterion); the types a mentor offers are a rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.contract.models import Mentee, Mentor, MentorshipType, Pairing, busy_mentees
from lib.errors import RuleBroken
from lib.matching import bigarray
from lib.vocabulary import ENDED, GROUP, PEER

RULES = ("same person", "inactive", "type not offered", "already paired", "own manager", "avoid list", "paired before",
         "same team", "seniority gap", "forbidden pair", "locked to another", "too few places for a group",
         "no capacity left")
_CODE = {name: k + 1 for k, name in enumerate(RULES)}

# What each rule says about the candidates it rules out, (one, several): "1 is not active", "3 are not active".
RULE_WORDS = {
    "inactive": ("is not active", "are not active"),
    "type not offered": ("does not offer {type} mentoring", "do not offer {type} mentoring"),
    "already paired": ("already has a partner", "already have a partner"),
    "own manager": ("is {name}'s manager (or managed by {name})", "are {name}'s managers (or managed by {name})"),
    "avoid list": ("is on an avoid list with {name}", "are on an avoid list with {name}"),
    "paired before": ("was {name}'s partner in a pairing that ended", "were {name}'s partners in pairings that ended"),
    "same team": ("is in {name}'s team", "are in {name}'s team"),
    "seniority gap": ("is outside the seniority gap ({gap} than {name})",
                      "are outside the seniority gap ({gap} than {name})"),
    "forbidden pair": ("is a pair you forbade", "are pairs you forbade"),
    "locked to another": ("is locked to someone else", "are locked to someone else"),
    "too few places for a group": ("has too few places left for a group", "have too few places left for a group"),
    "no capacity left": ("has no places left", "have no places left"),
}


def gap_words(low: int | None, high: int | None) -> str:
    """'1 to 2 years more senior', 'at least 1 year more senior', 'at most 3 years more senior'."""
    def years(n: int) -> str:
        return f"{n} year" + ("" if n == 1 else "s")
    if low is not None and high is not None:
        return f"{years(high)} more senior" if low == high else f"{low} to {years(high)} more senior"
    if low is not None:
        return f"at least {years(low)} more senior"
    return f"at most {years(high)} more senior" if high is not None else "any seniority"


ELIGIBLE_BLOCK = 256  # rows per block: the comparison's temporaries stay small
PairKey = tuple[str, str]  # (mentor or first peer email, mentee email), lower case


@dataclass(frozen=True, eq=False)
class RuleMatrix:
    codes: np.ndarray  # uint8, mentees x candidates: 0 allowed, else 1 + index in RULES of the first rule broken
    free: np.ndarray  # int, per candidate: places left after existing pairings and locks (peers: 1 or 0)
    locked: tuple[tuple[int, int], ...]  # (row, column) of locked pairs that are new, to be placed as they are
    seniority_gap: tuple[int | None, int | None] = (None, None)  # the run's, for the words of its reasons

    def allowed_in(self, rows) -> np.ndarray:
        """Which candidates the rules allow for some rows (a whole-roster mask would be one more n x m array)."""
        return self.codes[rows] == 0

    def eligible(self, scores: np.ndarray, min_score: float | None) -> np.ndarray:
        """Allowed and, with a minimum, scoring at least it: one boolean array, filled block by block."""
        out = bigarray.empty(self.codes.shape, bool)
        for start in range(0, len(out), ELIGIBLE_BLOCK):
            rows = slice(start, start + ELIGIBLE_BLOCK)
            np.equal(self.codes[rows], 0, out=out[rows])
            if min_score is not None:
                out[rows] &= scores[rows] >= min_score
        return out

    def reasons(self, row: int) -> dict[str, int]:
        """How many candidates each rule excluded for one mentee."""
        counts = np.bincount(self.codes[row], minlength=len(RULES) + 1)
        return {name: int(counts[_CODE[name]]) for name in RULES if counts[_CODE[name]]}


def places_taken(pairings: list[Pairing]) -> dict[str, int]:
    taken: dict[str, int] = {}
    for p in pairings:
        if p.uses_capacity:
            taken[p.mentor_email] = taken.get(p.mentor_email, 0) + 1
    return taken


def rule_matrix(mentees: list[Mentee], candidates: list[Mentor] | list[Mentee], pairings: list[Pairing],
                kind: MentorshipType, not_same_team: bool = False, forbidden: frozenset[PairKey] = frozenset(),
                locked: frozenset[PairKey] = frozenset(), min_group_size: int = 1,
                seniority_gap: tuple[int | None, int | None] = (None, None),
                allow_previous: bool = False) -> RuleMatrix:
    """The rules for one run. Two people whose pairing ended are not paired again unless `allow_previous`: the
    lead ended it for a reason (the reason is kept with the pairing). In a group run, a mentor whose free places and
    group members together stay under `min_group_size` hosts no group (a group of one is a one-on-one pairing).
    With a seniority gap, a mentor's seniority minus the mentee's must lie within [min, max] (either may be None); a
    person with no seniority is not ruled out by it, and peers are paired without it."""
    peer = kind == PEER
    n, m = len(mentees), len(candidates)
    row_of = {p.email: i for i, p in enumerate(mentees)}
    col_of = {c.email: j for j, c in enumerate(candidates)}
    codes = np.zeros((n, m), np.uint8)

    # Each rule marks only the cells it concerns (whole rows, whole columns or listed pairs): a full-size mask
    # per rule cost 0.3 s at 10,000 x 3,333.
    def mark_cells(rule: str, rows: np.ndarray, cols: np.ndarray) -> None:
        rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
        if peer:
            rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
        hit = codes[rows, cols] == 0
        codes[rows[hit], cols[hit]] = _CODE[rule]

    def mark_rows(rule: str, rows: np.ndarray) -> None:
        for i in np.flatnonzero(rows):
            np.copyto(codes[i], np.uint8(_CODE[rule]), where=codes[i] == 0)

    def mark_cols(rule: str, cols: np.ndarray) -> None:
        if cols.any():
            block = codes[:, cols]
            np.copyto(block, np.uint8(_CODE[rule]), where=block == 0)
            codes[:, cols] = block

    def pairs(found: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        return tuple(np.array(found, np.int64).reshape(-1, 2).T)

    busy = busy_mentees(pairings)
    row_active = np.array([p.active for p in mentees], bool)
    col_active = np.array([c.active for c in candidates], bool)
    row_busy = np.array([p.email in busy for p in mentees], bool)
    if peer:
        mark_cells("same person", np.arange(n), np.arange(n))
    mark_rows("inactive", ~row_active)
    mark_cols("inactive", ~col_active)
    if not peer:  # a filled `mentorship_types` is what the mentor offers; empty offers every type
        mark_cols("type not offered", np.array([bool(c.mentorship_types) and kind not in c.mentorship_types
                                                for c in candidates], bool))
    mark_rows("already paired", row_busy)
    if peer:
        mark_cols("already paired", row_busy)
    managers = [(i, col_of[p.manager_email]) for i, p in enumerate(mentees) if p.manager_email in col_of]
    managers += [(row_of[c.manager_email], j) for j, c in enumerate(candidates) if c.manager_email in row_of]
    mark_cells("own manager", *pairs(managers))
    avoided = [(i, col_of[e]) for i, p in enumerate(mentees) for e in p.avoid if e in col_of]
    avoided += [(row_of[e], j) for j, c in enumerate(candidates) for e in getattr(c, "avoid", []) if e in row_of]
    mark_cells("avoid list", *pairs(avoided))
    if not allow_previous:
        ended = [(p.mentor_email, p.mentee_email) for p in pairings if p.status == ENDED and not p.withdrawn]
        mark_cells("paired before", *pairs([(row_of[b], col_of[a]) for a, b in ended if b in row_of and a in col_of]))
    if not_same_team:
        row_team = np.array([p.team.lower() for p in mentees], object)
        col_team = np.array([c.team.lower() for c in candidates], object)
        for team in sorted(set(row_team) & set(col_team) - {""}):
            rows, cols = np.flatnonzero(row_team == team), np.flatnonzero(col_team == team)
            block = codes[np.ix_(rows, cols)]
            np.copyto(block, np.uint8(_CODE["same team"]), where=block == 0)
            codes[np.ix_(rows, cols)] = block
    if not peer and seniority_gap != (None, None):
        _mark_seniority_gap(codes, mentees, candidates, *seniority_gap)
    mark_cells("forbidden pair", *pairs([(row_of[b], col_of[a]) for a, b in forbidden if b in row_of and a in col_of]))

    new_locks = _check_locks(codes, locked, row_of, col_of, pairings, peer, mentees, candidates, kind, seniority_gap)
    locked_rows = np.zeros(n, bool)
    for i, j in new_locks:
        locked_rows[i] = True
        if peer:
            locked_rows[j] = True
    mark_rows("locked to another", locked_rows)
    if peer:
        mark_cols("locked to another", locked_rows)

    if peer:
        free = (col_active & ~row_busy & ~locked_rows).astype(np.int64)
    else:
        taken = places_taken(pairings)
        group_members = places_taken([p for p in pairings if p.type == GROUP])
        free = np.array([(c.capacity or 0) - taken.get(c.email, 0) for c in candidates], np.int64)
        for _, j in new_locks:
            free[j] -= 1
        if (free < 0).any() and new_locks:
            full = sorted({candidates[j].name or candidates[j].email for _, j in new_locks if free[j] < 0})
            raise RuleBroken(f"The locked pairs need more places than {' and '.join(full)} "
                             f"{'has' if len(full) == 1 else 'have'} left: unlock one of them, or raise the capacity.")
        if kind == GROUP and min_group_size > 1:
            members = np.array([group_members.get(c.email, 0) for c in candidates], np.int64)
            for _, j in new_locks:
                members[j] += 1
            mark_cols("too few places for a group", (free > 0) & (free + members < min_group_size))
        mark_cols("no capacity left", free <= 0)
    return RuleMatrix(codes, np.maximum(free, 0), tuple(new_locks), seniority_gap)


def _mark_seniority_gap(codes: np.ndarray, mentees: list[Mentee], mentors: list[Mentor], low: int | None,
                        high: int | None) -> None:
    """Mark the pairs whose seniority gap (mentor minus mentee) lies outside [low, high], one block per distinct
    mentee seniority (a handful of values in a real roster)."""
    mentee_years = np.array([np.nan if p.seniority is None else p.seniority for p in mentees], float)
    mentor_years = np.array([np.nan if c.seniority is None else c.seniority for c in mentors], float)
    code = np.uint8(_CODE["seniority gap"])
    for years in np.unique(mentee_years[~np.isnan(mentee_years)]):
        # rounded: 1.4 - 0.4 is 0.9999999999999999 in floats, and a gap on the limit is inside it; NaN for a
        # mentor with no seniority, so every comparison is False
        gap = np.round(mentor_years - years, 6)
        outside = (gap < low if low is not None else False) | (gap > high if high is not None else False)
        cols = np.flatnonzero(outside)
        if len(cols):
            rows = np.flatnonzero(mentee_years == years)
            block = codes[np.ix_(rows, cols)]
            np.copyto(block, code, where=block == 0)
            codes[np.ix_(rows, cols)] = block


def _check_locks(codes: np.ndarray, locked: frozenset[PairKey], row_of: dict, col_of: dict,
                 pairings: list[Pairing], peer: bool, mentees: list[Mentee], candidates: list, kind: str,
                 gap: tuple[int | None, int | None]) -> list[tuple[int, int]]:
    """Locks that are new pairs, as (row, column); a lock a personal rule forbids stops the run, said with names and
    the rule in words."""
    existing = {(p.mentor_email, p.mentee_email) for p in pairings if p.uses_capacity}
    if peer:
        existing |= {(b, a) for a, b in existing}
    names = {p.email: p.name or p.email for p in [*mentees, *candidates]}
    new, seen = [], set()
    for first, mentee in sorted(locked):
        if (first, mentee) in existing:
            continue  # already stored: kept by leaving it alone
        pair = f"{names.get(first, first)} and {names.get(mentee, mentee)}"
        if mentee not in row_of or first not in col_of:
            raise RuleBroken(f"The locked pair {pair} cannot be made: one of them is not a waiting, active person "
                             "on the roster.")
        i, j = row_of[mentee], col_of[first]
        code = int(codes[i, j])
        if code:
            said = RULE_WORDS[RULES[code - 1]][0].format(name=names[mentee], type=kind, gap=gap_words(*gap))
            raise RuleBroken(f"The locked pair {pair} cannot be made: {names[first]} {said}. Unlock it, or change "
                             "what stands in the way.")
        people = (mentee, first) if peer else (mentee,)
        if seen & set(people):
            raise RuleBroken(f"{' and '.join(names.get(e, e) for e in sorted(seen & set(people)))} "
                             "is in two locked pairs: keep one lock.")
        seen |= set(people)
        new.append((i, j))
    return new
