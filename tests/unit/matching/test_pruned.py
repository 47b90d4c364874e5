"""The pruned solver for large programs: the dense optimum, proven, also when its first graph is too thin."""

from __future__ import annotations

import numpy as np
import pytest

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
