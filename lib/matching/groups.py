"""Group mentorship: groups of at least the minimum size, built around shared goals.

First the groups: the exact assignment spreads mentees over the best-fitting mentors, often one each. Groups
smaller than `min_group_size` are closed (their mentor takes nobody new) and the assignment solved again,
whenever that still places as many mentees; the smallest and weakest groups go first. A group that cannot be
closed without leaving someone out stays, and the run says so.

The exact assignment places the most mentees with the best mentor fit, but fit is about each member alone. A
group works when its members also want the same things, so afterwards members are moved into free places and
swapped between groups whenever that raises mentor fit plus COHESION_POINTS for every goal two members of one
group share. Nobody is unplaced, no hard rule is broken (only allowed, eligible places are used) and locked pairs
stay; the run reports what it traded. Deterministic: members in a fixed order, each taking its best move or
exchange, until a pass changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy import sparse

COHESION_POINTS = 5.0  # score points per goal shared by two members of a group (mentor fit is 0-100 a pair)
MAX_MEMBERS = 1_500  # beyond this the pairwise search takes seconds: groups stay as assigned, and the run says so
MAX_PASSES = 10
MAX_SOLVES = 24  # assignments tried while closing small groups; each is one exact solve
DENSE_GATHER = 4_000_000  # mentees x mentors up to which small groups are closed (each solve is then quick)


@dataclass(frozen=True)
class Gathering:
    pairs: list[tuple[int, int]]
    small: list[int]  # mentors whose group stays under the minimum size (closing it would leave someone out)
    skipped: bool = False  # too large a roster to close groups in good time


def gather_groups(pairs: list[tuple[int, int]], members: np.ndarray, min_size: int, eligible: np.ndarray,
                  solve: Callable[[np.ndarray], list[tuple[int, int]]], scores: np.ndarray) -> Gathering:
    """Close groups under `min_size` while `solve` (the exact assignment on an eligibility mask) still places as
    many mentees. `members` counts each mentor's members already fixed (stored group pairings, locks): a group
    with fixed members is never closed, since its members stay."""
    def sizes(chosen: list[tuple[int, int]]) -> np.ndarray:
        return members + np.bincount([j for _, j in chosen], minlength=len(members))

    if min_size <= 1 or not pairs:
        return Gathering(list(pairs), [])
    closed = np.zeros(len(members), bool)
    closable = (members == 0)
    if eligible.size > DENSE_GATHER:
        size = sizes(pairs)
        return Gathering(list(pairs), _under(size, min_size), skipped=bool(_under(size * closable, min_size)))
    placed, solves = len(pairs), 0
    while solves < MAX_SOLVES:
        size = sizes(pairs)
        small = np.flatnonzero((size > 0) & (size < min_size) & closable & ~closed)
        if not len(small):
            break
        fit = np.bincount([j for _, j in pairs], [scores[i, j] for i, j in pairs], minlength=len(members))
        # all small groups at once when that keeps everyone placed, else one at a time, smallest and weakest first
        one_by_one = [[j] for j in sorted(small.tolist(), key=lambda j: (size[j], fit[j], j))]
        tries = one_by_one if len(small) == 1 else [small.tolist()] + one_by_one
        for attempt in tries[:MAX_SOLVES - solves]:
            trial_closed = closed.copy()
            trial_closed[attempt] = True
            solves += 1
            trial = solve(eligible & ~trial_closed[None, :])
            if len(trial) >= placed:
                pairs, closed = trial, trial_closed
                break
        else:
            break  # no small group can close without leaving someone out
    return Gathering(list(pairs), _under(sizes(pairs), min_size))


def _under(size: np.ndarray, min_size: int) -> list[int]:
    return np.flatnonzero((size > 0) & (size < min_size)).tolist()


@dataclass(frozen=True)
class Refinement:
    pairs: list[tuple[int, int]]
    shared_before: int  # goals shared between two members of a group, counted per pair of members
    shared_after: int
    fit_change: float  # mentor fit points given up (negative) for the shared goals
    skipped: bool = False  # too many members to recompose in good time


def refine_groups(pairs: list[tuple[int, int]], fixed: list[tuple[int, int]], scores: np.ndarray,
                  eligible: np.ndarray, free: np.ndarray, goals: sparse.csr_matrix,
                  stored: np.ndarray | None = None, min_size: int = 1) -> Refinement:
    """`pairs` (mentee, mentor) from the solver may move; `fixed` (locked) pairs count as members but stay.
    `stored` counts each mentor's members from stored pairings. No move leaves a group under `min_size` or
    opens a new group of one; exchanges keep every size."""
    if not pairs or len(pairs) + len(fixed) > MAX_MEMBERS:
        links = _links(pairs + fixed, goals)
        return Refinement(list(pairs), links, links, 0.0, skipped=bool(pairs))
    mentees = np.array([i for i, _ in pairs + fixed])
    group = np.array([j for _, j in pairs + fixed])
    movable = np.arange(len(pairs))
    shared = (goals[mentees] @ goals[mentees].T).toarray().astype(np.float64)
    np.fill_diagonal(shared, 0)
    fit = scores[mentees].astype(np.float64)
    allowed = eligible[mentees]
    places = free.astype(np.int64) - np.bincount(group[: len(pairs)], minlength=len(free))  # `free` counts locks
    before, fit_before = _total_links(shared, group), fit[np.arange(len(group)), group].sum()
    members = np.zeros((len(group), len(free)))
    members[np.arange(len(group)), group] = 1
    cohesion = shared @ members  # k, g: goals member k shares with the members of group g (kept up to date)
    size = (np.zeros(len(free), np.int64) if stored is None else stored.astype(np.int64)) + np.bincount(
        group, minlength=len(free))

    def move(k: int, target: int) -> None:
        cohesion[:, group[k]] -= shared[:, k]
        cohesion[:, target] += shared[:, k]
        group[k] = target

    for _ in range(MAX_PASSES):  # first improvement, member by member, until a whole pass changes nothing
        improved = False
        for k in movable:
            g = group[k]
            own = fit[k, g] + COHESION_POINTS * cohesion[k, g]
            # the best free, allowed place elsewhere, leaving no group too small
            may_leave = size[g] - 1 == 0 or size[g] - 1 >= min_size
            open_target = (size > 0) | (min_size <= 1 or size[g] == 1)  # a group of one may move whole
            gain = np.where((places > 0) & allowed[k] & open_target & may_leave,
                            fit[k] + COHESION_POINTS * cohesion[k] - own, -np.inf)
            gain[g] = -np.inf
            target = int(np.argmax(gain))
            # the best exchange with a member of another group that the rules allow both ways
            others = movable[(group[movable] != g) & allowed[k, group[movable]] & allowed[movable, g]]
            swap_gain, partner = -np.inf, -1
            if len(others):
                h = group[others]
                theirs_now = fit[others, h] + COHESION_POINTS * cohesion[others, h]
                swapped = (fit[k, h] + COHESION_POINTS * (cohesion[k, h] - shared[k, others])
                           + fit[others, g] + COHESION_POINTS * (cohesion[others, g] - shared[others, k]))
                gains = swapped - own - theirs_now
                at = int(np.argmax(gains))
                swap_gain, partner = float(gains[at]), int(others[at])
            if max(gain[target], swap_gain) <= 1e-9:
                continue
            improved = True
            if gain[target] >= swap_gain:
                places[g] += 1
                places[target] -= 1
                size[g] -= 1
                size[target] += 1
                move(k, target)
            else:
                h = group[partner]
                move(k, h)
                move(partner, g)
        if not improved:
            break
    after = _total_links(shared, group)
    refined = [(int(mentees[k]), int(group[k])) for k in movable]
    return Refinement(refined, before, after, float(fit[np.arange(len(group)), group].sum() - fit_before))


def _total_links(shared: np.ndarray, group: np.ndarray) -> int:
    same = group[:, None] == group[None, :]
    return int(np.triu(shared * same, 1).sum())


def _links(pairs: list[tuple[int, int]], goals: sparse.csr_matrix) -> int:
    if not pairs:
        return 0
    mentees = np.array([i for i, _ in pairs])
    shared = (goals[mentees] @ goals[mentees].T).toarray()
    np.fill_diagonal(shared, 0)
    return _total_links(shared, np.array([j for _, j in pairs]))
