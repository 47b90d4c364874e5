"""The scores: 0 to 100, the same chunked or whole, the fast matrix equal to the cell-by-cell reference that
explains pairs, and each criterion rewarding what it says."""

from __future__ import annotations

import random

import numpy as np
import pytest

from lib.matching import CRITERIA
from lib.matching.criteria import DEFAULT_WEIGHTS, ScoreModel
from lib.reading.loader import load
from lib.sources import sample_source
from tests.unit.matching.test_engine import AS_OF, mentee, mentor


def test_scores_are_0_to_100_chunked_alike_and_contributions_add_up():
    data = load(sample_source())
    for kind in ("one-on-one", "group", "peer"):
        others = data.mentees if kind == "peer" else data.mentors
        model = ScoreModel.build(data.mentees, others, kind, DEFAULT_WEIGHTS[kind], AS_OF)
        whole = model.matrix()
        assert whole.dtype == np.float32 and whole.min() >= 0 and whole.max() <= 100
        np.testing.assert_allclose(model.matrix(chunk_rows=3), whole, atol=1e-4)
        parts = model.contributions([2], [1])[0]
        assert set(parts) == set(CRITERIA) and sum(parts.values()) == pytest.approx(whole[2, 1], abs=0.05)
        assert_matrix_is_the_sum_of_criteria(model, whole)
        if kind == "peer":
            np.testing.assert_allclose(whole, whole.T, atol=1e-4)


def assert_matrix_is_the_sum_of_criteria(model, whole):
    """The fast matrix (tables and products) against the cell-by-cell reference that explains pairs."""
    rows, cols = np.nonzero(np.ones_like(whole, bool))
    reference = (model.pair_criteria(rows, cols) * model.weights[:, None]).sum(axis=0)
    np.testing.assert_allclose(whole[rows, cols], reference, atol=1e-3)


@pytest.mark.parametrize("kind", ["one-on-one", "peer"])
def test_fast_scores_equal_the_reference_with_blanks_and_many_distinct_people(kind):
    rng = random.Random(3)
    terms = ["python", "sql", "go", "ux", "cloud", "ml"]
    def person(make, k):
        pick = lambda: "; ".join(rng.sample(terms, rng.randint(0, 3)))
        own = ({"goals": pick(), "preferred_type": rng.choice([None, "peer", "group"])} if make is mentee
               else {"mentorship_types": rng.choice(["", "group", "one-on-one; group"])})
        return make(f"p{k}", skills=pick(), interests=pick(), languages=pick(), **own,
                    seniority=rng.choice([None, 0, 1.5, 4, 9, 25]),
                    timezone=rng.choice(["", "Europe/Berlin", "Asia/Kolkata", "America/Chicago", "UTC+13"]))
    mentees = [person(mentee, k) for k in range(30)]
    others = mentees if kind == "peer" else [person(mentor, 100 + k) for k in range(17)]
    model = ScoreModel.build(mentees, others, kind, DEFAULT_WEIGHTS[kind], AS_OF)
    whole = model.matrix(chunk_rows=7)
    assert_matrix_is_the_sum_of_criteria(model, whole)


def test_each_criterion_rewards_what_it_says():
    ask = mentee("ask", goals="Python; SQL", interests="chess", seniority=1, timezone="Europe/Berlin",
                 languages="German", preferred_mentors="good@x.org", preferred_type="one-on-one")
    good = mentor("good", skills="python; sql", interests="Chess", seniority=6, timezone="Europe/Paris",
                  languages="german", mentorship_types="one-on-one")
    far = mentor("far", skills="Java", interests="golf", seniority=30, timezone="Pacific/Auckland",
                 languages="Japanese", mentorship_types="group")
    model = ScoreModel.build([ask], [good, far], "one-on-one", DEFAULT_WEIGHTS["one-on-one"], AS_OF)
    assert model.matrix()[0, 0] == pytest.approx(100)
    weak = model.contributions([0], [1])[0]
    assert weak["goals"] == weak["interests"] == weak["seniority"] == weak["language"] == weak["requested"] == 0
    assert weak["hours"] == 0  # Berlin and Auckland are 10 h apart in July: no shared hour of 09-17
    assert weak["type"] == pytest.approx(2.5)  # the mentee wants one-on-one, this mentor only runs groups
