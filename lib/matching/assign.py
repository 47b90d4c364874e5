"""Solvers: exact capacitated assignment (mentors expanded into places) and peer pairing.

Both maximise, in this order, the number of pairs made and then the total score: every eligible pair is
worth a bonus larger than any possible total score, plus its score. Ineligible pairs are worth 0, and a pair
the solver makes at 0 is dropped (with non-negative worths that is the same as not making it).
Inputs are in a fixed order (sorted by email), and the solvers are deterministic, so ties break stably.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.matching.pruned import assign_pruned, prove_assignment


def linear_sum_assignment(*args, **kwargs):
    """scipy's dense solver, imported when first used: scipy.optimize takes 0.17 s and 27 MB to import, which
    a large program (solved by the pruned solver) never needs."""
    from scipy.optimize import linear_sum_assignment as solve

    return solve(*args, **kwargs)


# Mentees x places up to which the dense solver is used. Above it the pruned one is faster (1,000 x 1,100 places:
# 0.06 s against 0.08 s), and at 10,000 x 11,000 the dense one would need gigabytes.
DENSE_CELLS = 250_000
PEER_DENSE_CELLS = 4_000_000  # people squared up to which a peer run starts from the dense solver (2,000 people)
PEER_TOLERANCE = 0.0005  # a large peer run's assignment may stop within 0.05 % of its bound: the repair loses more


def large_peer_run(people: int) -> bool:
    """Over 2,000 people: the pruned solver, and the engine keeps scores compact (lib.matching.compact)."""
    return people * people > PEER_DENSE_CELLS


def _cost(scores: np.ndarray, eligible: np.ndarray, most_pairs: int) -> np.ndarray:
    """Minus the worth, built in place (at 10k x 11k each float64 copy is 880 MB; scipy's maximize=True copies)."""
    bonus = 100.0 * (most_pairs + 1)  # one more pair always beats any gain in total score
    cost = scores.astype(np.float64)
    cost += bonus
    cost[~eligible] = 0.0
    cost *= -1
    return cost


def assign_to_places(scores: np.ndarray, eligible: np.ndarray, free: np.ndarray) -> list[tuple[int, int]]:
    """Exact: the most mentees placed, then the best total, with mentor j taking at most free[j] mentees.

    Pruning that cannot change the optimum: mentees with no eligible mentor and mentors with no place or
    no eligible mentee are left out, and a mentor gets no more places than mentees eligible for them.
    """
    rows = np.flatnonzero(eligible.any(axis=1))
    wanted = np.count_nonzero(eligible, axis=0)  # rows with no eligible mentor add nothing to these counts
    cols = np.flatnonzero((wanted > 0) & (free > 0))
    if not len(rows) or not len(cols):
        return []
    places = np.minimum(free[cols], wanted[cols])
    if len(rows) * int(places.sum()) > DENSE_CELLS:
        proven = assign_pruned(scores, eligible, np.minimum(free, wanted))
        if proven is not None:
            return proven
    place_cols = np.repeat(cols, places)
    sub_eligible = eligible[np.ix_(rows, place_cols)]
    cost = _cost(scores[np.ix_(rows, place_cols)], sub_eligible, min(len(rows), len(place_cols)))
    r, c = linear_sum_assignment(cost)
    made = sub_eligible[r, c]
    return sorted(zip(rows[r[made]].tolist(), place_cols[c[made]].tolist()))


@dataclass(frozen=True)
class PeerMatching:
    pairs: list[tuple[int, int]]
    trios: list[tuple[int, int, int]]  # (joiner, pair member, pair member): an odd one out joins a pair
    score_bound: float | None  # no set of pairs can have a larger total score than this (None: not proven)
    exact: bool  # the solver's first answer was already a set of pairs, so it is optimal


def match_peers(scores, eligible) -> PeerMatching:
    """Pairs among one group of people (scores symmetric, diagonal not eligible).

    Solved as an assignment on the symmetric matrix: its optimum, halved, bounds any pairing from above, and
    when the optimal assignment only swaps partners (i -> j and j -> i) it *is* an optimal pairing. Otherwise
    the repair: each longer cycle or chain of the assignment is split into alternate pairs (the better of the
    ways to do it), and whoever is left is solved again the same way until no new pair appears.
    Up to PEER_DENSE_CELLS the first assignment is the dense solver's (the bound: the best total, halved);
    above it the pruned solver's (most people placed, then the best total), whose proof's prices bound the
    total of any pairing (repaired, when the proof did not come in time), and `scores` and `eligible` may be the
    compact views of lib.matching.compact.
    """
    n = scores.shape[0]
    large = large_peer_run(n)
    if not large:
        r, c = linear_sum_assignment(np.where(eligible, scores.astype(np.float64), 0.0), maximize=True)
        score_bound = float(np.where(eligible[r, c], scores[r, c], 0).sum() / 2)
        first, optimal_start = None, True
    else:
        found = prove_assignment(scores, eligible, np.ones(n, np.int64), tolerance=PEER_TOLERANCE,
                                 symmetric=True)
        score_bound = found.score_bound / 2 if found.score_bound is not None else None  # also when unproven
        first, optimal_start = found, found.proven
    pairs: list[tuple[int, int]] = []
    left = np.arange(n) if first is not None else np.flatnonzero(eligible.any(axis=1))
    exact = optimal_start  # swaps only, from an optimal assignment: an optimal pairing
    while len(left) >= 2:
        if first is not None:  # the pruned solver's assignment of everyone
            partner, link = _links(first, scores, left, n)
            first = None
        elif large:  # a few hundred left: the pruned solver on their whole graph (proven in one round), no scipy
            partner, link = _links(prove_assignment(scores[np.ix_(left, left)], eligible[np.ix_(left, left)],
                                                    np.ones(len(left), np.int64), first_candidates=len(left)),
                                   scores, left, n)
        else:
            sub = -_cost(scores[np.ix_(left, left)], eligible[np.ix_(left, left)], n)
            _, partner = linear_sum_assignment(sub, maximize=True)
            link = sub[np.arange(len(left)), partner]
        found_pairs, rest, swaps_only = _split_cycles(partner, link)
        exact &= swaps_only
        if not found_pairs:
            break
        pairs += [(int(left[a]), int(left[b])) for a, b in found_pairs]
        left = left[rest]
        left = left[eligible[np.ix_(left, left)].any(axis=1)]
    pairs = sorted(tuple(sorted(p)) for p in pairs)
    return PeerMatching(pairs, _trios(scores, eligible, pairs), score_bound, exact)


def _links(found, scores, left: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The pruned solver's assignment among `left` as partners (by position; the unplaced point to themselves)
    and links worth a pair's bonus plus its score (0: no link)."""
    partner = np.arange(len(left))
    link = np.zeros(len(left))
    if found.pairs:
        rows, cols = np.array(found.pairs, np.int64).T
        partner[rows] = cols
        link[rows] = 100.0 * (n + 1) + scores[left[rows], left[cols]]
    return partner, link


def _split_cycles(partner: np.ndarray, link: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray, bool]:
    """Turn an assignment (k -> partner[k], worth link[k]) into pairs along its cycles; returns pairs, the rest,
    swaps-only.

    Only links worth more than 0 count: they form closed cycles and open chains. Chains start where no
    usable link comes in; whatever is not on a chain lies on a cycle.
    """
    n = len(partner)
    usable = link > 0
    fed = np.zeros(n, bool)
    fed[partner[usable]] = True
    seen = np.zeros(n, bool)
    pairs, swaps_only = [], True
    for start in [*np.flatnonzero(~fed).tolist(), *range(n)]:  # chain heads first, then cycles
        chain, k = [], start
        while not seen[k]:
            seen[k] = True
            chain.append(k)
            if not usable[k]:
                break
            k = int(partner[k])
        if len(chain) < 2:
            continue
        closed = bool(usable[chain[-1]]) and int(partner[chain[-1]]) == chain[0]
        swaps_only &= len(chain) == 2 and closed
        pairs += _best_alternate(chain, closed, link)
    placed = {k for p in pairs for k in p}
    return pairs, np.array([k for k in range(n) if k not in placed], np.int64), swaps_only


def _best_alternate(chain: list[int], closed: bool, link: np.ndarray) -> list[tuple[int, int]]:
    """Every other link of a chain or cycle as pairs, the better way round (a pair (a, b) is a's link)."""
    options = range(len(chain)) if closed else range(2)
    best, best_value = [], -1.0
    for shift in options:
        order = chain[shift:] + chain[:shift] if closed else chain[shift:]
        pairs = [(order[k], order[k + 1]) for k in range(0, len(order) - 1, 2)]
        value = sum(link[a] for a, _ in pairs)
        if value > best_value:
            best, best_value = pairs, value
    return best


def _trios(scores: np.ndarray, eligible: np.ndarray, pairs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Each person left out joins the pair they suit best (allowed with both), one joiner per pair."""
    placed = {k for p in pairs for k in p}
    free_pairs = list(pairs)
    trios = []
    for person in range(scores.shape[0]):
        if person in placed or not eligible[person].any() or not free_pairs:
            continue
        a, b = np.array(free_pairs).T
        fits = eligible[person, a] & eligible[person, b]
        if not fits.any():
            continue
        best = int(np.argmax(np.where(fits, scores[person, a] + scores[person, b], -1)))
        trios.append((person, int(a[best]), int(b[best])))
        free_pairs.pop(best)
    return trios
