"""Large peer runs: scores as int16 hundredths, eligibility read from the rules, the pruned solver and its bound."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from bench.roster_shapes import roster
from lib.matching import PairingOptions, assign, pruned, suggest
from lib.matching.compact import EligibleRows, Hundredths
from lib.matching.criteria import DEFAULT_WEIGHTS, ScoreModel, Weights
from lib.matching.pruned import prove_assignment
from lib.matching.rules import rule_matrix


def peer_model(size: int, shape: str = "generated", weights=DEFAULT_WEIGHTS["peer"]):
    people = sorted(roster(size, shape=shape).mentees, key=lambda p: p.email)
    return people, ScoreModel.build(people, people, "peer", weights, date(2026, 7, 24))


# Odd weights and 1-4 goals: shares that float32 cannot hold exactly, so (a, b) and (b, a) round differently
# unless the matrix is mirrored.
ODD = Weights(goals=37, interests=13, hours=19, seniority=7, language=11, requested=3, type=7)


def test_peer_scores_are_symmetric_and_hundredths_are_the_scores_rounded():
    people, model = peer_model(300, "wide tags", ODD)
    scores = model.matrix(chunk_rows=64)
    assert np.array_equal(scores, scores.T)  # each block scored from its diagonal on and mirrored
    compact = Hundredths(model.matrix(chunk_rows=64, hundredths=True))
    assert compact.values.dtype == np.int16
    assert np.array_equal(compact.values, compact.values.T)
    assert np.allclose(compact[:, :], np.round(scores, 2), atol=0.0101)
    rows = np.array([5, 17, 299])
    assert np.array_equal(compact.thousandths(rows), np.round(compact[rows].astype(np.float64) * 1000))
    # Scored cell by cell, the criteria give the same numbers: the mirrored half is not a shortcut in meaning.
    i, j = np.triu_indices(300, 1)
    by_pair = (model.pair_criteria(j, i) * model.weights[:, None]).sum(axis=0)
    assert np.allclose(by_pair, scores[j, i], atol=1e-3)


def test_eligibility_from_the_rules_equals_the_stored_array():
    people, model = peer_model(200)
    scores = model.matrix()
    rules = rule_matrix(people, people, [], "peer")
    for min_score in (None, 40.0):
        lazy, stored = EligibleRows(rules, scores, min_score), rules.eligible(scores, min_score)
        assert np.array_equal(lazy[10:74], stored[10:74])
        assert np.array_equal(lazy[np.ix_([1, 3, 9], [2, 4])], stored[np.ix_([1, 3, 9], [2, 4])])
        assert lazy[4, 4] == stored[4, 4] == False  # noqa: E712  nobody is their own peer


@pytest.mark.parametrize("seed", range(6))
def test_the_proof_bounds_every_assignment(seed):
    rng = np.random.default_rng(seed)
    rows = 60 if seed % 2 else 120  # places for everyone, or too few (mentors' prices then hold the bonus)
    scores = np.round(rng.uniform(0, 100, (rows, 40)), 2).astype(np.float32)
    eligible = rng.random((rows, 40)) < 0.6
    free = rng.integers(1, 4, 40)
    found = prove_assignment(scores, eligible, free, first_candidates=3)
    assert found.proven
    places = np.repeat(np.arange(40), free)
    r, c = linear_sum_assignment(np.where(eligible[:, places], scores[:, places], 0.0), maximize=True)
    best_total = float(np.where(eligible[r, places[c]], scores[r, places[c]], 0).sum())  # the best, whatever count
    row_best = np.where(eligible, scores, 0).max(axis=1).astype(np.float64).sum()
    assert best_total - 1e-3 <= found.score_bound <= row_best + 1e-2


def test_the_bound_is_the_optimum_itself_when_nobody_competes():
    rng = np.random.default_rng(3)
    scores = rng.uniform(0, 50, (50, 50)).astype(np.float32)
    np.fill_diagonal(scores, 90)  # everyone's best partner is their own, and nobody else's
    found = prove_assignment(scores, np.ones((50, 50), bool), np.ones(50, np.int64), first_candidates=3)
    assert found.proven and found.pairs == [(k, k) for k in range(50)]
    assert found.score_bound == pytest.approx(50 * 90)


def test_a_large_peer_run_pairs_everyone_within_its_rules_close_to_the_bound(monkeypatch):
    data = roster(700)
    dense = suggest(data, PairingOptions(type="peer"))
    monkeypatch.setattr(assign, "PEER_DENSE_CELLS", 1000)
    large = suggest(data, PairingOptions(type="peer"))
    people = {p.email: p for p in data.mentees}
    partners = [e for p in large.pairs for e in (p.mentor_email, p.mentee_email)]
    assert len(partners) == len(set(partners)) == 700
    for pair in large.pairs:
        a, b = people[pair.mentor_email], people[pair.mentee_email]
        assert a.manager_email != b.email and b.manager_email != a.email
        assert a.email not in b.avoid and b.email not in a.avoid
    summary = large.summary
    assert summary.score_bound >= dense.summary.score_bound - 1  # a bound, at least the dense one (hundredths aside)
    assert summary.paired_total >= 0.995 * summary.score_bound
    assert any("reach at least 99." in note or "best possible" in note for note in large.notes)


def test_a_proof_cut_short_still_bounds_every_assignment(monkeypatch):
    monkeypatch.setattr(pruned, "ROUNDS", 1)  # one solve: a thin first graph is seldom proven at once
    cut_short = 0
    for seed in range(12):
        rng = np.random.default_rng(50 + seed)
        scores = np.round(rng.uniform(0, 100, (60, 50)), 2).astype(np.float32)  # places for all: low prices
        eligible = rng.random((60, 50)) < 0.7
        free = rng.integers(1, 4, 50)
        found = prove_assignment(scores, eligible, free, first_candidates=2)
        cut_short += not found.proven
        places = np.repeat(np.arange(50), free)
        r, c = linear_sum_assignment(np.where(eligible[:, places], scores[:, places], 0.0), maximize=True)
        best_total = float(np.where(eligible[r, places[c]], scores[r, places[c]], 0).sum())
        assert found.score_bound is not None and found.score_bound >= best_total - 1e-3
    assert cut_short >= 6


def test_a_large_peer_run_whose_proof_is_cut_short_keeps_a_bound_and_claims_no_optimum(monkeypatch):
    monkeypatch.setattr(pruned, "ROUNDS", 1)
    monkeypatch.setattr(assign, "PEER_DENSE_CELLS", 1000)
    result = suggest(roster(500), PairingOptions(type="peer"))
    summary = result.summary
    assert summary.score_bound is not None and summary.paired_total <= summary.score_bound
    assert not any(note.startswith("These peer pairs are the best possible") for note in result.notes)


def test_a_large_peer_run_never_needs_the_dense_solver(monkeypatch):
    """Its repair re-solves whoever is left with the pruned solver too: scipy.optimize's import (0.2 s) is spared
    in the command line, and the pairs stay as good."""
    def dense(*args, **kwargs):
        raise AssertionError("the dense solver was called")

    data = roster(600, shape="ties")  # ties leave long cycles for the repair to re-solve
    monkeypatch.setattr(assign, "PEER_DENSE_CELLS", 1000)
    repairs = []
    prove = assign.prove_assignment
    monkeypatch.setattr(assign, "prove_assignment", lambda *a, **k: repairs.append(a[0].shape) or prove(*a, **k))
    monkeypatch.setattr(assign, "linear_sum_assignment", dense)
    result = suggest(data, PairingOptions(type="peer"))
    assert len(repairs) >= 2  # the first assignment, then at least one repair round
    assert result.summary.placed == 600
    assert result.summary.paired_total >= 0.995 * result.summary.score_bound
