"""The pruned solver for large programs: the dense optimum, proven, also when its first graph is too thin."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from lib.matching import assign, pruned
from tests.unit.matching.test_assign import brute_force_places, value_of


def random_instance(seed: int, n: int, m: int, density: float = 0.7):
    rng = np.random.default_rng(seed)
    scores = np.round(rng.uniform(0, 100, (n, m)), 2).astype(np.float32)
    free = rng.integers(0, 4, m)
    eligible = (rng.random((n, m)) < density) & (free > 0)[None, :]
    return scores, eligible, free


def check_valid(pairs, eligible, free):
    assert all(eligible[i, j] for i, j in pairs)
    assert len({i for i, _ in pairs}) == len(pairs)
    assert (np.bincount([j for _, j in pairs], minlength=len(free)) <= free).all()


@pytest.mark.parametrize("seed", range(30))
def test_one_candidate_per_mentee_still_ends_at_the_brute_force_optimum(seed):
    scores, eligible, free = random_instance(seed, 5, 3)
    pairs = pruned.assign_pruned(scores, eligible, free, first_candidates=1)
    assert pairs is not None
    check_valid(pairs, eligible, free)
    count, total = value_of(pairs, scores)
    best_count, best_total = brute_force_places(scores, eligible, free)
    assert count == best_count and total == pytest.approx(best_total, abs=1e-3)


@pytest.mark.parametrize("seed", range(6))
def test_pruned_equals_the_dense_solver_on_contested_programs(seed):
    scores, eligible, free = random_instance(100 + seed, 400, 120, density=0.5)
    dense = assign.assign_to_places(scores, eligible, free)  # under DENSE_CELLS: the dense solver
    pairs = pruned.assign_pruned(scores, eligible, free, first_candidates=3)
    assert pairs is not None
    check_valid(pairs, eligible, free)
    assert value_of(pairs, scores)[0] == value_of(dense, scores)[0]
    assert value_of(pairs, scores)[1] == pytest.approx(value_of(dense, scores)[1], abs=1e-2)
    assert pruned.assign_pruned(scores, eligible, free, first_candidates=3) == pairs  # deterministic


def test_large_programs_take_the_pruned_path_and_fall_back_when_unproven(monkeypatch):
    scores, eligible, free = random_instance(7, 300, 80)
    reference = value_of(assign.assign_to_places(scores, eligible, free), scores)
    calls = []
    monkeypatch.setattr(assign, "DENSE_CELLS", 10)
    monkeypatch.setattr(assign, "assign_pruned", lambda *a: calls.append("pruned") or pruned.assign_pruned(*a))
    assert value_of(assign.assign_to_places(scores, eligible, free), scores) == pytest.approx(reference)
    monkeypatch.setattr(pruned, "ROUNDS", 0)  # no round to prove anything: the dense solver answers
    assert value_of(assign.assign_to_places(scores, eligible, free), scores) == pytest.approx(reference)
    assert calls == ["pruned", "pruned"]


def symmetric_instance(seed: int, n: int, levels: int | None = None):
    """Scores among one group of people (peers): symmetric, the diagonal not eligible; `levels`: only that many
    distinct scores, as on the ties shape."""
    rng = np.random.default_rng(seed)
    raw = rng.integers(0, levels, (n, n)) * (100 / levels) if levels else rng.uniform(0, 100, (n, n))
    scores = np.round(np.triu(raw, 1) + np.triu(raw, 1).T, 2).astype(np.float32)
    eligible = rng.random((n, n)) < 0.8
    eligible &= eligible.T
    np.fill_diagonal(eligible, False)
    return scores, eligible


def dense_best_total(scores, eligible) -> float:
    r, c = linear_sum_assignment(np.where(eligible, scores.astype(np.float64), 0.0), maximize=True)
    return float(np.where(eligible[r, c], scores[r, c], 0).sum())


@pytest.mark.parametrize("levels", [None, 3])
@pytest.mark.parametrize("seed", range(4))
def test_a_symmetric_first_graph_still_ends_at_the_dense_optimum(seed, levels):
    scores, eligible = symmetric_instance(200 + seed, 120, levels)
    found = pruned.prove_assignment(scores, eligible, np.ones(120, np.int64), first_candidates=2, symmetric=True)
    assert found.proven
    assert len(found.pairs) == 120  # everyone placed: the dense one places everyone too at this density
    assert value_of(found.pairs, scores)[1] == pytest.approx(dense_best_total(scores, eligible), abs=1e-2)


def test_a_tolerance_stops_the_rounds_within_it_and_keeps_a_true_bound(monkeypatch):
    solves = []
    solve = pruned._solve
    monkeypatch.setattr(pruned, "_solve", lambda *a: solves.append(1) or solve(*a))
    stopped_early = 0
    for seed in range(8):
        scores, eligible = symmetric_instance(300 + seed, 150)
        free = np.ones(150, np.int64)
        solves.clear()
        exact = pruned.prove_assignment(scores, eligible, free, first_candidates=1)
        exact_rounds = len(solves)
        solves.clear()
        found = pruned.prove_assignment(scores, eligible, free, first_candidates=1, tolerance=0.01)
        assert len(solves) <= exact_rounds
        total = value_of(found.pairs, scores)[1]
        best = dense_best_total(scores, eligible)
        assert found.score_bound >= best - 1e-2  # still an upper bound on every assignment
        assert total >= 0.99 * found.score_bound - 1e-2  # and the pairs lie within the tolerance of it
        stopped_early += not found.proven
        assert exact.proven
    assert stopped_early >= 4  # one candidate each is a thin first graph: the tolerance is what stops most runs


def test_top_columns_are_each_rows_largest_and_spread_over_equal_values():
    rng = np.random.default_rng(5)
    values = rng.permutation(40 * 300).reshape(40, 300).astype(np.float64)
    top = pruned._top_columns(values, np.arange(40), 5)
    assert (np.sort(top, axis=1) == np.sort(np.argsort(values, axis=1)[:, -5:], axis=1)).all()
    tied = np.tile(np.where(rng.random(300) < 0.5, 7.0, 3.0), (40, 1))  # every row alike, half of it the best
    tied[:, 0] = -np.inf  # not eligible: never among the best
    top = pruned._top_columns(tied, np.arange(40), 5)
    assert (np.take_along_axis(tied, top, axis=1) == 7.0).all()
    assert len({frozenset(row) for row in top.tolist()}) == 40  # rows do not all pick the same equals
    assert len(np.unique(top)) > 100
