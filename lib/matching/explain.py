"""Words and checks around a solution: why a pair, why someone waits, group themes, blocking pairs."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy import sparse

from lib.contract.models import Mentee, Mentor
from lib.matching.rules import RuleMatrix


def words(items: list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def covered_goals(mentee: Mentee, candidate: Mentor | Mentee) -> list[str]:
    skills = _lowered(tuple(candidate.skills))
    return [g for g in mentee.goals if g.lower() in skills]


@lru_cache(maxsize=8192)  # a mentor with many mentees is explained many times
def _lowered(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s.lower() for s in items)


def _shared(left: list[str], right: list[str]) -> list[str]:
    other = {x.lower() for x in right}
    return [x for x in left if x.lower() in other]


def pair_reason(mentee: Mentee, candidate: Mentor | Mentee, hours: float, peer: bool) -> str:
    """One line: what the pair covers, hours of overlap, a request, shared interests."""
    parts = []
    if peer:
        there, back = covered_goals(mentee, candidate), covered_goals(candidate, mentee)
        if there:
            parts.append(f"{candidate.name} covers {words(there)} for {mentee.name}")
        if back:
            parts.append(f"{mentee.name} covers {words(back)} for {candidate.name}")
    elif not mentee.goals:  # goal coverage then gives every mentor its neutral points: say so, never "none"
        parts.append("no goals given: the same points for every mentor")
    elif not candidate.skills:
        parts.append(f"no skills listed for {candidate.name}: the goals could not be matched")
    else:
        goals = covered_goals(mentee, candidate)
        parts.append(f"covers {words(goals)}" if goals else "covers none of the goals")
    if not np.isnan(hours):  # NaN: a time zone is not known
        parts.append(f"{hours:g} h overlap")
    if candidate.email in mentee.preferred_mentors:
        parts.append("requested by the mentee")
    elif peer and mentee.email in getattr(candidate, "preferred_mentors", []):
        parts.append(f"requested by {candidate.name}")
    if interests := _shared(mentee.interests, candidate.interests):
        parts.append(f"both into {words(interests[:2])}")
    return ", ".join(parts) or "allowed by every rule; no criterion stands out"


def unmatched_reason(row: int, rules: RuleMatrix, scores: np.ndarray, eligible: np.ndarray,
                     min_score: float | None, names: list[str]) -> str:
    """Why a mentee waits: every candidate excluded (by rule, with counts), none good enough, or places filled."""
    counts = rules.reasons(row)
    if not rules.allowed[row].any():
        if set(counts) == {"no capacity left"}:
            return f"no capacity left: all {counts['no capacity left']} candidates are full"
        return "every candidate excluded: " + ", ".join(f"{rule} {k}" for rule, k in counts.items())
    if not eligible[row].any():
        best = int(np.argmax(np.where(rules.allowed[row], scores[row], -1)))
        return (f"no candidate above the minimum score {min_score:g} "
                f"(best: {names[best]} at {scores[row, best]:.0f})")
    open_ = int(eligible[row].sum())
    return (f"no capacity left: the {open_} candidate{'s' if open_ > 1 else ''} who could take them "
            "went to others (placing them would leave someone else out)")


def group_themes(member_goals: list[list[str]]) -> list[str]:
    """Goals two or more members share, most shared first, spelled as first written."""
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    for goals in member_goals:
        for goal in {g.lower(): g for g in goals}.values():
            spelling.setdefault(goal.lower(), goal)
            counts[goal.lower()] = counts.get(goal.lower(), 0) + 1
    shared = [k for k, c in counts.items() if c >= 2]
    return [spelling[k] for k in sorted(shared, key=lambda k: (-counts[k], k))]


def blocking_pairs(scores: np.ndarray, eligible: np.ndarray, pairs: list[tuple[int, int]],
                   free_after: np.ndarray, peer: bool) -> int:
    """Pairs not made that both sides would rather have, by score.

    A mentee prefers a candidate scoring higher than their match (or any, unmatched). A mentor prefers a
    mentee scoring higher than the weakest of their new mentees, or anyone eligible while places are free.
    Peers: both score the pair above their current one. Existing pairings are not questioned.
    """
    n, m = scores.shape
    mine = np.full(n, -np.inf, np.float32)
    made = sparse.csr_matrix((np.ones(len(pairs), bool), tuple(np.array(pairs, np.int64).reshape(-1, 2).T)),
                             shape=(n, m))
    if peer:  # a trio member counts their best partner
        made = made + made.T
    for i, j in zip(*made.nonzero()):
        mine[i] = max(mine[i], scores[i, j])
    if peer:
        rival = mine
    else:
        rival = np.full(m, np.inf, np.float32)  # the weakest new mentee of each mentor
        for i, j in pairs:
            rival[j] = min(rival[j], scores[i, j])
        rival[free_after > 0] = -np.inf
    count = 0
    for start in range(0, n, 64):  # small blocks: full-size masks would cost more in page faults than in work
        rows = slice(start, start + 64)
        block = eligible[rows] & (scores[rows] > mine[rows, None]) & (scores[rows] > rival[None, :])
        block[made[rows].nonzero()] = False
        if peer:  # each pair once: above the diagonal
            block &= np.arange(m)[None, :] > np.arange(start, start + block.shape[0])[:, None]
        count += int(np.count_nonzero(block))
    return count
