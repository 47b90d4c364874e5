"""Group composition: after the exact assignment, members move and swap between groups when mentor fit plus
shared goals rises, without breaking a rule, a capacity or a lock, and without unplacing anyone."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from lib.matching import PairingOptions, suggest
from lib.matching.groups import COHESION_POINTS, refine_groups
from tests.unit.matching.test_engine import mentee, mentor, program


def test_members_with_the_same_goals_end_up_in_the_same_group():
    # Each mentor covers both topics a little; by fit alone the groups would mix Python and design interns.
    mentors = [mentor("Xia", skills=["python", "design"], capacity=2, mentorship_types=["group"]),
               mentor("Yan", skills=["design", "python"], capacity=2, mentorship_types=["group"])]
    mentees = [mentee("Ann", goals=["python", "testing"]), mentee("Bob", goals=["design", "figma"]),
               mentee("Cat", goals=["python", "testing"]), mentee("Dan", goals=["design", "figma"])]
    result = suggest(program(mentors, mentees), PairingOptions(type="group"))
    groups = {g.mentor_email: set(g.members) for g in result.groups}
    by_goal = [{"ann@x.org", "cat@x.org"}, {"bob@x.org", "dan@x.org"}]
    assert sorted(groups.values(), key=sorted) == sorted(by_goal, key=sorted), groups
    assert all(g.themes for g in result.groups)
    assert result.summary.placed == 4


def objective(pairs, scores, goals) -> float:
    fit = sum(scores[i, j] for i, j in pairs)
    rows = sparse.csr_matrix(goals)
    links = sum(int((rows[a] @ rows[b].T).toarray()[0, 0]) for (a, g), (b, h) in
                ((p, q) for k, p in enumerate(pairs) for q in pairs[k + 1:]) if g == h)
    return fit + COHESION_POINTS * links


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_refinement_keeps_every_rule_and_never_lowers_fit_plus_shared_goals(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 12)), int(rng.integers(1, 5))
    scores = rng.uniform(0, 100, (n, m)).astype(np.float32)
    eligible = rng.random((n, m)) < 0.8
    free = rng.integers(0, 4, m)
    goals = sparse.csr_matrix((rng.random((n, 6)) < 0.35).astype(np.float32))
    # a feasible start: each mentee into an eligible group with room, as the solver would leave them
    left, pairs = free.copy(), []
    for i in range(n):
        options = [j for j in range(m) if eligible[i, j] and left[j] > 0]
        if options:
            j = options[int(rng.integers(len(options)))]
            pairs.append((i, j))
            left[j] -= 1
    refined = refine_groups(pairs, [], scores, eligible, free, goals)
    assert sorted(i for i, _ in refined.pairs) == sorted(i for i, _ in pairs)  # nobody unplaced or added
    assert all(eligible[i, j] for i, j in refined.pairs)
    assert (np.bincount([j for _, j in refined.pairs], minlength=m) <= free).all()
    assert objective(refined.pairs, scores, goals) >= objective(pairs, scores, goals) - 1e-3
    assert refined.shared_after >= 0


def test_locked_members_stay_and_count_for_the_themes():
    scores = np.full((3, 2), 50, np.float32)
    eligible = np.ones((3, 2), bool)
    goals = sparse.csr_matrix(np.array([[1, 0], [1, 0], [0, 1]], np.float32))
    # mentee 0 is locked with mentor 1; mentee 1 shares its goal, mentee 2 does not
    refined = refine_groups([(1, 0), (2, 1)], [(0, 1)], scores, eligible, np.array([1, 1]), goals)
    assert sorted(refined.pairs) == [(1, 1), (2, 0)]
    assert (refined.shared_before, refined.shared_after) == (0, 1)
