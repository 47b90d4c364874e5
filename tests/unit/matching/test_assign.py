"""The exact solvers: assignment to mentors' places and peer matching, against brute force on small random
instances."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from lib.matching import assign
from lib.matching.assign import assign_to_places, match_peers


def brute_force_places(scores, eligible, free):
    """Best (pairs made, total score) over every way to give each mentee one mentor or none."""
    n, m = scores.shape
    best = (0, 0.0)
    for choice in itertools.product([None, *range(m)], repeat=n):
        if any(j is not None and not eligible[i, j] for i, j in enumerate(choice)):
            continue
        if any(sum(j == k for j in choice) > free[k] for k in range(m)):
            continue
        made = [(i, j) for i, j in enumerate(choice) if j is not None]
        value = (len(made), float(sum(scores[i, j] for i, j in made)))
        if value[0] > best[0] or (value[0] == best[0] and value[1] > best[1] + 1e-6):
            best = value
    return best


def value_of(pairs, scores):
    return len(pairs), float(sum(scores[i, j] for i, j in pairs))


@pytest.mark.parametrize("seed", range(40))
def test_assignment_equals_brute_force_on_small_random_instances(seed):
    rng = np.random.default_rng(seed)
    scores = rng.uniform(0, 100, (5, 3)).astype(np.float32)
    eligible = rng.random((5, 3)) < 0.7
    free = rng.integers(1, 3, 3)
    for allowed in (eligible, eligible & (scores >= 40)):  # goal "everyone", then goal "best"
        pairs = assign_to_places(scores, allowed, free)
        assert all(allowed[i, j] for i, j in pairs)
        assert len({i for i, _ in pairs}) == len(pairs)
        assert all(sum(j == k for _, j in pairs) <= free[k] for k in range(3))
        count, total = value_of(pairs, scores)
        best_count, best_total = brute_force_places(scores, allowed, free)
        assert count == best_count and total == pytest.approx(best_total, abs=1e-3)


def brute_force_peers(scores, eligible):
    n = len(scores)
    best = (0, 0.0)

    def extend(free, made):
        nonlocal best
        value = value_of(made, scores)
        if value[0] > best[0] or (value[0] == best[0] and value[1] > best[1] + 1e-6):
            best = value
        if len(free) < 2:
            return
        first, rest = free[0], free[1:]
        extend(rest, made)
        for k, other in enumerate(rest):
            if eligible[first, other]:
                extend(rest[:k] + rest[k + 1:], made + [(first, other)])

    extend(list(range(n)), [])
    return best


@pytest.mark.parametrize("path", ["dense", "pruned"])  # pruned: the path of peer runs over 2,000 people
@pytest.mark.parametrize("seed", range(40))
def test_peer_matching_is_valid_bounded_and_optimal_when_it_says_exact(seed, path, monkeypatch):
    if path == "pruned":
        monkeypatch.setattr(assign, "PEER_DENSE_CELLS", 0)
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 8))
    upper = np.triu(rng.uniform(0, 100, (n, n)), 1)
    scores = (upper + upper.T).astype(np.float32)
    mask = np.triu(rng.random((n, n)) < 0.6, 1)
    eligible = mask | mask.T
    result = match_peers(scores, eligible)
    people = [k for p in result.pairs for k in p]
    assert len(people) == len(set(people)) and all(eligible[a, b] for a, b in result.pairs)
    count, total = value_of(result.pairs, scores)
    best_count, best_total = brute_force_peers(scores, eligible)
    assert total <= result.score_bound + 1e-3 and best_total <= result.score_bound + 1e-3
    if result.exact:
        assert count == best_count and total == pytest.approx(best_total, abs=1e-3)
    assert count >= best_count - 1  # the repair never loses more than one pair on such small groups
