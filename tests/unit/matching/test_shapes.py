"""The pruned solver on every roster shape of the pairing bench (ties, heavy rules, skewed and scarce capacity ...):
the dense solver's optimum, proven, and no hard rule broken."""

from __future__ import annotations

import numpy as np
import pytest

from bench.roster_shapes import SHAPES, roster
from lib.matching import PairingOptions, assign, engine, pruned, suggest
from tests.unit.matching.test_engine import check_rules_hold


def options_for(shape: str) -> PairingOptions:
    return PairingOptions(not_same_team=SHAPES[shape].get("not_same_team", False))


def solver_inputs(shape: str, size: int, monkeypatch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scores, eligible pairs and places a pairing run hands its solver, as the engine builds them."""
    seen = []
    monkeypatch.setattr(engine, "assign_to_places", lambda *args: seen.append(args) or [])
    suggest(roster(size, shape=shape), options_for(shape))
    monkeypatch.undo()
    scores, eligible, free = seen[0]
    return scores, eligible, np.minimum(free, np.count_nonzero(eligible, axis=0))


def thousandths(pairs, scores) -> int:
    return int(sum(np.round(float(scores[i, j]) * 1000) for i, j in pairs))


@pytest.mark.parametrize("size", [300, 1200])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_pruned_solver_proves_the_dense_optimum_on_every_shape(shape, size, monkeypatch):
    scores, eligible, free = solver_inputs(shape, size, monkeypatch)
    monkeypatch.setattr(assign, "DENSE_CELLS", 10**12)
    dense = assign.assign_to_places(scores, eligible, free)
    proven = pruned.assign_pruned(scores, eligible, free)
    assert proven is not None  # the proof came within its rounds: no fallback needed on any shape
    assert len(proven) == len(dense)  # the most mentees placed, scarce capacity included
    assert all(eligible[i, j] for i, j in proven)
    assert (np.bincount([j for _, j in proven], minlength=len(free)) <= free).all()
    # Each is optimal in its own arithmetic (thousandths of a point, floats): neither beats the other in it.
    assert thousandths(proven, scores) >= thousandths(dense, scores)
    float_total = sum(float(scores[i, j]) for i, j in proven)
    assert float_total >= sum(float(scores[i, j]) for i, j in dense) - 0.0005 * len(dense)


def test_ties_leave_many_optima_and_the_solver_returns_the_same_one_every_time(monkeypatch):
    scores, eligible, free = solver_inputs("ties", 1200, monkeypatch)
    assert len(np.unique(scores[eligible])) < 20  # the shape is what it says: a few distinct scores
    assert pruned.assign_pruned(scores, eligible, free) == pruned.assign_pruned(scores, eligible, free)


@pytest.mark.parametrize("shape", ["heavy rules", "skewed", "scarce"])
def test_no_hard_rule_is_broken_on_large_rosters_of_hard_shapes(shape):
    data = roster(1500, shape=shape)
    options = options_for(shape)
    result = suggest(data, options)
    check_rules_hold(data.mentors, data.mentees, data.pairings, options, result)
    if shape == "heavy rules":  # the rules bite: half the mentees are managed, four teams, a tenth avoid someone
        assert options.not_same_team and sum(bool(m.manager_email) for m in data.mentees) > 600
    if shape == "scarce":  # every place is used when places are fewer than mentees
        assert result.summary.placed == sum(m.capacity for m in data.mentors)
