"""Exact capacitated assignment for large programs: solve on each mentee's best candidates, then prove it.

The dense solver needs a mentee x place matrix (10,000 x 11,000 at the benchmark size: seconds and a gigabyte).
Here each mentee keeps only their best few eligible mentors; OR-tools' min-cost flow finds the best assignment
of that smaller graph (most pairs, then the best total) in a tenth of a second, and linear-programming duals
prove it optimal for the whole problem:
with prices v (per mentor) and u (per mentee) such that u_i + v_j >= worth_ij for every eligible pair, equality
on the pairs made, u_i = 0 for the unplaced and v_j = 0 for mentors with places left, no assignment is worth
more. Pairs that break the inequality are added to the graph and the solve repeats; the caller falls back
to the dense solver if the proof does not come within a few rounds.

Every solve is a full one (OR-tools cannot start from the last flow), so the rounds are what costs. Prices
move between rounds: pairs that only nearly break the inequality now often break it after the next solve,
so while most mentees' proofs are still open (the first SETTLING_ROUNDS, when at least SETTLE_FROM of the
mentees are suspects), each mentee's near misses (within SETTLING_MARGIN) join the graph too. Measured on every
roster shape of the pairing bench: two or three solves instead of one to six, and a thinner first graph.

Worths are integers (score in thousandths plus a bonus per pair made) so sums and comparisons are exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

FIRST_CANDIDATES = 8  # per mentee in the first round: a thin graph solves fast, its prices guide the next one
ADDED_PER_ROUND = 12  # per mentee, at most this many pairs that fail the proof worst (or nearly fail it)
SETTLING_ROUNDS = 2
SETTLING_MARGIN = 6_000  # thousandths of a point: a near miss within 6 points joins the graph early
SETTLE_FROM = 0.1  # share of mentees whose proof may fail; below it (ties: prices settle at once), no near misses
ROUNDS = 6
PRICE_PASSES = 400  # settled in under 60 passes in every benchmark run; more suggests a negative cycle
TIE_SPREAD = 1 << 14  # values * TIE_SPREAD + spread stays exact in float64 for every worth the solver sees
BLOCK = 64  # rows per block when a pass reads the whole score matrix


@dataclass(frozen=True)
class Proven:
    pairs: list[tuple[int, int]]  # (row, column), sorted
    proven: bool  # False: the proof did not come within ROUNDS (or was not needed); the pairs are the last round's
    score_bound: float | None  # no assignment scores more in total (points), by the (repaired) prices


def assign_pruned(scores, eligible, free: np.ndarray,
                  first_candidates: int = FIRST_CANDIDATES) -> list[tuple[int, int]] | None:
    """The same optimum as the dense solver (most placed, then best total), or None when not proven."""
    found = prove_assignment(scores, eligible, free, first_candidates)
    return found.pairs if found.proven else None


def prove_assignment(scores, eligible, free: np.ndarray, first_candidates: int = FIRST_CANDIDATES,
                     tolerance: float = 0.0, symmetric: bool = False) -> Proven:
    """Most placed, then the best total, proven optimal by prices; `scores` and `eligible` are only ever read by
    rows or cells, so they may be arrays or anything indexed like them (lib.matching.compact).

    With a `tolerance` (a share, e.g. 0.0005), the rounds stop once everyone the graph can place is placed and the
    pairs' total is within that share of the bound: the answer is then bounded, not proven. Peer pairing asks for
    it, since its repair step gives up more than that anyway and its note reports the share of the bound.
    `symmetric` (peers: rows and columns are the same people) puts each first candidate's pair the other way round
    in the graph too, so the first solve can already pair people both ways: at 10,000 interns the first solve
    leaves 1,700-37,000 pairs breaking the proof instead of 93,000-116,000, and most shapes need a round fewer."""
    n, m = scores.shape
    bonus = 100_000 * (n + 1)  # one more pair beats any gain in total score (in thousandths)
    edges, kth_best = _best_candidates(scores, eligible, first_candidates)
    if symmetric:
        edges = _merge(edges, (edges[1], edges[0]), m, known=False)
    row_best = np.zeros(n)  # each mentee's best eligible score: no assignment beats the sum of them either
    np.maximum.at(row_best, edges[0], _thousandths_of(scores, (edges[0], edges[1])))
    pairs: list[tuple[int, int]] = []
    for round_ in range(ROUNDS):
        worth = bonus + _thousandths_of(scores, (edges[0], edges[1]))
        match = _solve(edges, worth - bonus, free, n)
        placed = np.flatnonzero(match >= 0)
        pairs = sorted(zip(placed.tolist(), match[placed].tolist()))
        prices = _prices(edges, worth, match, free)
        if prices is None:
            return Proven(pairs, False, None)
        profit = np.zeros(n)  # u: what each mentee's pair is worth beyond its mentor's price
        profit[placed] = bonus + _thousandths_of(scores, (placed, match[placed])) - prices[match[placed]]
        # Pairs outside the graph are worth at most bonus + kth_best, and prices are never below 0.
        suspects = profit < bonus + kth_best
        margin = SETTLING_MARGIN if round_ < SETTLING_ROUNDS and suspects.mean() >= SETTLE_FROM else 0
        suspects = np.flatnonzero(profit - margin < bonus + kth_best)
        missing, broken, shortfall = _violations(scores, eligible, edges, bonus, profit, prices, suspects, margin)
        if not broken:  # nothing outside the graph breaks the proof
            return Proven(pairs, True, min(_score_bound(profit, prices, free, bonus), row_best.sum() / 1000))
        if tolerance:
            bound = min(_score_bound(profit + shortfall, prices, free, bonus), row_best.sum() / 1000)
            if _total(scores, placed, match) >= (1 - tolerance) * bound:
                return Proven(pairs, False, bound)
        edges = _merge(edges, missing, m)
    if not ROUNDS:
        return Proven(pairs, False, None)
    # Not proven in time: the last prices, with each mentee's u raised by what the proof lacked, are still a
    # feasible dual, so they bound every assignment (less tightly), and the last solve's pairs stand.
    return Proven(pairs, False, min(_score_bound(profit + shortfall, prices, free, bonus), row_best.sum() / 1000))


def _total(scores, placed: np.ndarray, match: np.ndarray) -> float:
    return float(_thousandths_of(scores, (placed, match[placed])).sum()) / 1000


def _score_bound(profit: np.ndarray, prices: np.ndarray, free: np.ndarray, bonus: int) -> float:
    """An upper bound on any assignment's total score, in points, from the proof's prices: u'_i = max(0, u_i - bonus)
    and v_j still satisfy u'_i + v_j >= score_ij for every eligible pair, so by weak duality no assignment scores
    more than sum(u') + sum(free_j v_j). When no u_i falls below the bonus it is the proven assignment's own total
    (complementary slackness); when someone waits for a full mentor, that mentor's price holds a bonus and the
    bound is useless, which is why the caller also takes each mentee's best score summed."""
    return float(np.maximum(profit - bonus, 0).sum() + (free * prices).sum()) / 1000


def _thousandths(values: np.ndarray) -> np.ndarray:
    return np.round(np.asarray(values, np.float64) * 1000)


def _thousandths_of(scores, index) -> np.ndarray:
    """Scores at `index` in whole thousandths of a point (float64); compact scores give theirs directly."""
    exact = getattr(scores, "thousandths", None)
    return exact(index) if exact is not None else _thousandths(scores[index])


def _best_candidates(scores: np.ndarray, eligible: np.ndarray,
                     k: int) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    """(mentee, mentor) for each mentee's k best eligible mentors, read block by block, and per mentee the
    k-th best score in thousandths (-inf when every eligible mentor is already in the graph)."""
    n, m = scores.shape
    k = min(k, m)
    found_rows, found_cols, kth = [], [], np.full(n, -np.inf)
    for start in range(0, n, BLOCK):
        rows = np.arange(start, min(start + BLOCK, n))
        allowed = eligible[start:start + BLOCK]
        block = np.where(allowed, _thousandths_of(scores, slice(start, start + BLOCK)), -1.0)
        top = _top_columns(block, rows, k)
        top_scores = np.take_along_axis(block, top, axis=1)
        keep = top_scores >= 0
        found_rows.append(np.broadcast_to(rows[:, None], top.shape)[keep])
        found_cols.append(top[keep])
        pruned = keep.all(axis=1) & (np.count_nonzero(allowed, axis=1) > k)
        kth[rows] = np.where(pruned, top_scores.min(axis=1), -np.inf)
    return (np.concatenate(found_rows), np.concatenate(found_cols)), kth


def _top_columns(values: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """Per row, the columns of its k largest values (whole numbers or -inf). Equal values are told apart by a
    fixed spread of (row, column): argpartition slows down several times on rows of few distinct values (the
    ties shape), and without a spread every row would pick the same few columns among its equals."""
    m = values.shape[1]
    odd_factor = ((rows.astype(np.int64) * 40_503) & (TIE_SPREAD - 1)).astype(np.int32) | 1  # one per row
    spread = (np.arange(m, dtype=np.int32)[None, :] * odd_factor[:, None]) & (TIE_SPREAD - 1)  # one-to-one
    keys = values * TIE_SPREAD
    keys += spread
    return np.argpartition(keys, m - k, axis=1)[:, m - k:]


def _merge(edges, more, columns: int, known: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The graph's pairs with the new ones, sorted by mentee then mentor; `known`: the new ones are never in it."""
    keys = np.concatenate([edges[0] * columns + edges[1], more[0] * columns + more[1]])
    keys = np.sort(keys) if known else np.unique(keys)
    return keys // columns, keys % columns


def _solve(edges, score: np.ndarray, free: np.ndarray, n: int) -> np.ndarray:
    """Most pairs, then the best total, on the candidate graph: a maximum flow of minimum cost from a source
    through mentees (1 each) and mentors (their free places) to a sink. Each mentee's mentor, or -1."""
    rows, cols = edges
    m = len(free)
    source, sink = n + m, n + m + 1
    flow = SimpleMinCostFlow()
    first_arc = n
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([np.full(n, source), rows, n + np.arange(m)]),
        np.concatenate([np.arange(n), n + cols, np.full(m, sink)]),
        np.concatenate([np.ones(n + len(rows), np.int64), free.astype(np.int64)]),
        np.concatenate([np.zeros(n), -score, np.zeros(m)]).astype(np.int64))
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:
        raise RuntimeError("min-cost flow did not reach an optimum")  # not expected on a bipartite graph
    used = flow.flows(np.arange(first_arc, first_arc + len(rows))) > 0
    match = np.full(n, -1, np.int64)
    match[rows[used]] = cols[used]
    return match


def _prices(edges, worth: np.ndarray, match: np.ndarray, free: np.ndarray) -> np.ndarray | None:
    """Mentor prices v for the proof, as shortest distances in the graph of the constraints on v.

    A node per mentor and one zero node z (v_z = 0); an arc a -> b of length L says v_b <= v_a + L:
      placed i, other candidate j:  v_m(i) <= v_j + worth(i, m(i)) - worth(i, j)
      placed i (u_i >= 0):          v_m(i) <= v_z + worth(i, m(i))
      unplaced i, candidate j:      v_z <= v_j - worth(i, j)
      every mentor (v_j >= 0):      v_z <= v_j
      mentor with places left:      v_j <= v_z
    A negative cycle would mean the assignment is not optimal on its own graph (never expected): None.
    """
    rows, cols = edges
    m = len(free)
    z = m
    own = match[rows]
    placed_rows = np.flatnonzero(match >= 0)
    own_worth = np.zeros(len(match))
    at_own = own == cols
    own_worth[rows[at_own]] = worth[at_own]
    other = (own >= 0) & ~at_own
    used = np.bincount(match[placed_rows], minlength=m)
    spare = np.flatnonzero(used < free)
    source = np.concatenate([cols[other], np.full(len(placed_rows), z), cols[own < 0], np.arange(m),
                             np.full(len(spare), z)])
    target = np.concatenate([own[other], match[placed_rows], np.full(int((own < 0).sum()), z), np.full(m, z), spare])
    length = np.concatenate([own_worth[rows[other]] - worth[other], own_worth[placed_rows], -worth[own < 0],
                             np.zeros(m), np.zeros(len(spare))])
    # The lowest prices that satisfy every arc leave the most room for pairs outside the graph: with x = -v
    # each arc a -> b (v_b <= v_a + L) reads x_a <= x_b + L, so x is the shortest distance along reversed arcs.
    distance = _shortest_distances(target, source, length, m + 1, z)
    return None if distance is None else -distance[:m]


def _shortest_distances(source: np.ndarray, target: np.ndarray, length: np.ndarray, nodes: int,
                        start: int) -> np.ndarray | None:
    """Bellman-Ford, vectorised, stopping as soon as nothing improves (scipy's runs every round: 0.5 s here).
    None when distances still improve after PRICE_PASSES passes: a negative cycle, or too slow to settle."""
    order = np.argsort(target, kind="stable")
    source, target, length = source[order], target[order], length[order]
    heads = np.flatnonzero(np.r_[True, target[1:] != target[:-1]])
    reached = target[heads]
    distance = np.full(nodes, np.inf)
    distance[start] = 0.0
    for _ in range(PRICE_PASSES):
        best = np.minimum.reduceat(distance[source] + length, heads)
        better = best < distance[reached] - 0.5  # lengths are whole numbers
        if not better.any():
            return distance
        distance[reached[better]] = best[better]
    return None


def _violations(scores: np.ndarray, eligible: np.ndarray, edges, bonus: int, profit: np.ndarray,
                prices: np.ndarray, suspects: np.ndarray,
                margin: int) -> tuple[tuple[np.ndarray, np.ndarray], int, np.ndarray]:
    """Eligible pairs outside the graph worth more than their two prices less `margin` (each row's worst few):
    what the proof lacks, or nearly lacks; how many of them break it; and per row by how much at most (what its u
    lacks). Pairs in the graph satisfy the proof by construction of the prices. A row's worst pairs come first, so
    a row that breaks it shows it."""
    rows_in_graph, cols_in_graph = edges  # sorted by row: each block finds its own pairs by bisection
    found_rows, found_cols, broken, shortfall = [], [], 0, np.zeros(len(profit))
    for start in range(0, len(suspects), BLOCK):
        rows = suspects[start:start + BLOCK]
        excess = bonus + _thousandths_of(scores, rows) - profit[rows, None] - prices[None, :]
        excess[~eligible[rows]] = -np.inf
        lo, hi = np.searchsorted(rows_in_graph, rows), np.searchsorted(rows_in_graph, rows, side="right")
        local = np.repeat(np.arange(len(rows)), hi - lo)
        excess[local, cols_in_graph[_ranges(lo, hi)]] = -np.inf
        bad = np.flatnonzero((excess > 0.5 - margin).any(axis=1))  # whole numbers: above 0 is at least 1
        if not len(bad):
            continue
        k = min(ADDED_PER_ROUND, excess.shape[1])
        top = _top_columns(excess[bad], rows[bad], k)
        top_excess = np.take_along_axis(excess[bad], top, axis=1)
        keep = top_excess > 0.5 - margin
        broken += int(np.count_nonzero(top_excess > 0.5))
        shortfall[rows[bad]] = np.maximum(top_excess.max(axis=1), 0)
        found_rows.append(np.broadcast_to(rows[bad][:, None], top.shape)[keep])
        found_cols.append(top[keep])
    if not found_rows:
        return (np.array([], np.int64), np.array([], np.int64)), 0, shortfall
    return (np.concatenate(found_rows), np.concatenate(found_cols)), broken, shortfall


def _ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The concatenated index ranges [starts[k], stops[k])."""
    lengths = stops - starts
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
