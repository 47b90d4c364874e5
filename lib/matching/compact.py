"""Large peer runs in less memory: scores kept as whole hundredths, eligibility worked out row by row.

A peer run of 10,000 interns compares everyone with everyone: 10^8 cells. As float32 scores plus a rule code and
an eligibility flag per cell that is 600 MB before any work. Scores are shown to two decimals anyway, so here they
are stored as int16 hundredths of a point (200 MB), and eligibility is read from the rules' codes (and the minimum
score) for the rows a solver asks for, never stored. Both are indexed like the arrays they stand for; everything
that reads scores and eligibility by rows or cells (the pruned solver, runners-up, blocking pairs, the reasons why
someone waits) works on them unchanged.
"""

from __future__ import annotations

import numpy as np

from lib.matching.rules import RuleMatrix

HUNDRED = np.float32(100)


class Hundredths:
    """Scores 0..100 stored as int16 hundredths, read as float32 points."""

    def __init__(self, values: np.ndarray):
        self.values = values

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape

    def __getitem__(self, index):
        return self.values[index].astype(np.float32) / HUNDRED

    def thousandths(self, index) -> np.ndarray:
        """Whole thousandths of a point as float64, straight from the hundredths: what the pruned solver needs."""
        return self.values[index] * 10.0


class EligibleRows:
    """Allowed by every rule and, with a minimum, scoring at least it: computed for the rows or cells asked."""

    def __init__(self, rules: RuleMatrix, scores, min_score: float | None):
        self.codes, self.scores, self.min_score = rules.codes, scores, min_score

    @property
    def shape(self) -> tuple[int, int]:
        return self.codes.shape

    def __getitem__(self, index):
        eligible = self.codes[index] == 0
        if self.min_score is not None:
            eligible &= self.scores[index] >= self.min_score
        return eligible
