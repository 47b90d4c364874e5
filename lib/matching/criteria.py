"""How well each candidate suits each mentee: weighted criteria, vectorised as float32 matrices.

Every criterion is a value in 0..1 per (mentee, candidate); the score is 100 x the weighted mean, so the
criteria's contributions (weight x value, in points) add up to the score. A value that cannot be known
(a blank time zone, no languages listed) counts as 0.5: it neither wins nor loses a pair.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timezone

import numpy as np
from scipy import sparse

from lib.contract.models import Mentee, Mentor, MentorshipType
from lib.contract.values import utc_offset_hours
from lib.matching import bigarray
from lib.vocabulary import GROUP, ONE_ON_ONE, PEER

UNKNOWN = 0.5
WORKDAY_HOURS = 8.0  # 09:00-17:00 local
IDEAL_GAP = (2.0, 8.0)  # years a mentor is ahead of the mentee; more than 16 scores 0
CHUNK_ROWS = 64  # mentee rows per block: measured fastest (block temporaries stay small and in cache)


@dataclass(frozen=True)
class Weights:
    goals: float
    interests: float
    hours: float
    seniority: float
    language: float
    requested: float
    type: float

    def as_array(self) -> np.ndarray:
        raw = np.array([getattr(self, f.name) for f in fields(self)], dtype=np.float32)
        if (raw < 0).any() or raw.sum() <= 0:
            raise ValueError("criterion weights must be zero or more, and not all zero")
        return raw * np.float32(100.0 / raw.sum())


CRITERIA = tuple(f.name for f in fields(Weights))
LABELS = {"goals": "goals covered", "interests": "shared interests", "hours": "working-hours overlap",
          "seniority": "seniority gap", "language": "shared language", "requested": "requested by the mentee",
          "type": "mentorship type fits"}

DEFAULT_WEIGHTS: dict[MentorshipType, Weights] = {
    # Interests hold what a lead lists as shared ground, identity included: at 15 points (from 5, with seniority
    # and requests 10 each, from 15) mentor-match's sample meets 210 of its 221 identity requests (95.0 %, from
    # 82.4 %) with every mentee still placed on their profession, and Tandem's sample pairs as before.
    ONE_ON_ONE: Weights(goals=35, interests=15, hours=15, seniority=10, language=10, requested=10, type=5),
    GROUP: Weights(goals=40, interests=10, hours=20, seniority=10, language=10, requested=5, type=5),
    # Peers: complementary goals and skills both ways matter most; being close in seniority helps a little.
    PEER: Weights(goals=45, interests=15, hours=20, seniority=5, language=10, requested=0, type=5),
}


def _incidence(lists: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """People x terms, 1 where a person lists a term (case-insensitively). New terms join `vocabulary` in the
    order they first appear; blanks are no term."""
    lengths = np.fromiter(map(len, lists), np.int64, len(lists))
    terms = np.fromiter((vocabulary.setdefault(t, len(vocabulary)) if t else -1
                         for items in lists for t in (s.strip().lower() for s in items)), np.int64, int(lengths.sum()))
    rows = np.repeat(np.arange(len(lists)), lengths)
    listed = terms >= 0
    matrix = sparse.csr_matrix((np.ones(int(listed.sum()), np.float32), (rows[listed], terms[listed])),
                               shape=(len(lists), max(len(vocabulary), 1)))
    matrix.data[:] = 1.0  # a term listed twice still counts once
    return matrix


def _incidences(*groups: list[list[str]]) -> tuple[sparse.csr_matrix, ...]:
    """One incidence matrix per group of people, all over the same terms so they can be multiplied."""
    vocabulary: dict[str, int] = {}
    built = [_incidence(lists, vocabulary) for lists in groups]
    for matrix in built:
        matrix.resize((matrix.shape[0], max(len(vocabulary), 1)))
    return tuple(built)


def offsets_on(people: list, on: date) -> np.ndarray:
    """UTC offsets in hours at noon UTC of `on` (so daylight saving follows the as-of date); NaN when blank."""
    noon = datetime.combine(on, time(12), tzinfo=timezone.utc)
    cache: dict[str, float] = {}
    out = np.empty(len(people), np.float32)
    for k, person in enumerate(people):
        if person.timezone not in cache:
            value = utc_offset_hours(person.timezone, noon)
            cache[person.timezone] = np.nan if value is None else value
        out[k] = cache[person.timezone]
    return out


def _seniority(people: list) -> np.ndarray:
    return np.array([np.nan if p.seniority is None else p.seniority for p in people], np.float32)


@dataclass(frozen=True, eq=False)
class ScoreModel:
    """The people's features as arrays; `matrix()` scores everyone, `contributions()` explains chosen pairs."""

    kind: MentorshipType
    weights: np.ndarray  # per criterion, summing to 100
    goals: sparse.csr_matrix  # mentees x terms
    skills: sparse.csr_matrix  # candidates x terms
    goals_back: sparse.csr_matrix | None  # peer: candidates' goals, covered by the mentees' skills
    skills_back: sparse.csr_matrix | None
    interests: tuple[sparse.csr_matrix, sparse.csr_matrix]
    languages: tuple[sparse.csr_matrix, sparse.csr_matrix]
    offsets: tuple[np.ndarray, np.ndarray]
    seniority: tuple[np.ndarray, np.ndarray]
    requested: sparse.csr_matrix  # mentees x candidates, 1 where the mentee asked for the candidate
    type_fit: tuple[np.ndarray, np.ndarray]  # mentee prefers the run's type; candidate offers it

    @classmethod
    def build(cls, mentees: list[Mentee], candidates: list[Mentor] | list[Mentee], kind: MentorshipType,
              weights: Weights, on: date) -> "ScoreModel":
        peer = kind == PEER
        goals, skills, goals_back, skills_back = _incidences(
            [m.goals for m in mentees], [c.skills for c in candidates],
            [c.goals for c in candidates] if peer else [], [m.skills for m in mentees] if peer else [])
        interests = _incidences([m.interests for m in mentees], [c.interests for c in candidates])
        languages = _incidences([m.languages for m in mentees], [c.languages for c in candidates])
        column_of = {c.email: j for j, c in enumerate(candidates)}
        asked = [(i, column_of[e]) for i, m in enumerate(mentees) for e in m.preferred_mentors if e in column_of]
        if peer:  # a peer's wish counts for the pair whichever of the two made it
            asked += [(j, i) for i, j in asked]
        rows, cols = (np.array(x, dtype=np.int64) for x in zip(*asked)) if asked else (np.array([], np.int64),) * 2
        requested = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                                      shape=(len(mentees), len(candidates)))
        requested.data[:] = 1.0  # the same wish written twice still counts once
        wants = np.array([m.preferred_type in (None, kind) for m in mentees], np.float32)
        offers = np.array([(c.preferred_type in (None, kind)) if peer else
                           (not c.mentorship_types or kind in c.mentorship_types) for c in candidates], np.float32)
        return cls(kind, weights.as_array(), goals, skills, goals_back if peer else None,
                   skills_back if peer else None, interests, languages,
                   (offsets_on(mentees, on), offsets_on(candidates, on)), (_seniority(mentees), _seniority(candidates)),
                   requested, (wants, offers))

    @property
    def shape(self) -> tuple[int, int]:
        return self.requested.shape

    def matrix(self, chunk_rows: int = CHUNK_ROWS, hundredths: bool = False) -> np.ndarray:
        """Scores 0..100, mentees x candidates, float32 (or, with `hundredths`, int16 whole hundredths of a point:
        half the memory, for the largest peer runs), in blocks of rows.

        Equal to the weighted sum of `pair_criteria` in every cell, computed the fast way: what depends on each
        person alone (time zone, seniority, list lengths, type) is scored once per distinct combination in a
        small table and gathered; what depends on shared terms is a sparse x dense product. Peer scores are
        symmetric, so each block of rows is scored from its diagonal on and mirrored: half the work, and
        exactly symmetric.
        """
        n, m = self.shape
        peer = self.kind == PEER
        out = bigarray.empty((n, m), np.int16 if hundredths else np.float32)
        tables = _Tables.build(self)
        w = self.weights
        skills = _dense_t(self.skills)
        goals = _scale_rows(self.goals, w[0] / (2 if peer else 1))
        if peer:  # the other direction: the mentee's skills against the candidate's goals
            goals_back = _dense_t(_scale_rows(self.goals_back, w[0] / 2))
        interests, languages = _dense_t(self.interests[1]), _dense_t(self.languages[1])
        buffer = np.empty((chunk_rows, m), np.float32) if hundredths else None
        for start in range(0, n, chunk_rows):
            rows = slice(start, min(start + chunk_rows, n))
            cols = slice(start if peer else 0, m)
            block = buffer[:rows.stop - start, :m - cols.start] if hundredths else out[rows, cols]  # filled in place
            block[:] = tables.gather("base", rows, cols)
            block += goals[rows] @ skills[:, cols]
            if peer:
                block += self.skills_back[rows] @ goals_back[:, cols]
            block += tables.gather("interest_factor", rows, cols) * (self.interests[0][rows] @ interests[:, cols])
            block += tables.gather("language_points", rows, cols) * ((self.languages[0][rows] @ languages[:, cols]) > 0)
            asked = self.requested[rows].tocoo()
            mine = asked.col >= cols.start
            block[asked.row[mine], asked.col[mine] - cols.start] += w[5]
            if hundredths:
                out[rows, cols] = np.rint(block * 100)
            if peer:  # mirror: below the block from its right, and the block's own square from its upper half
                out[rows.stop:, rows] = out[rows, rows.stop:].T
                square = out[rows, rows]
                below = np.tril_indices(len(square), -1)
                square[below] = square.T[below]
        return out

    def pair_criteria(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Criterion values for the pairs (rows[k], cols[k]) only, shape (criteria, pairs): explains a result."""
        rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
        out = np.empty((len(CRITERIA), len(rows)), np.float32)
        out[0] = _covered_pairs(self.goals[rows], self.skills[cols])
        if self.kind == PEER:
            out[0] = (out[0] + _covered_pairs(self.goals_back[cols], self.skills_back[rows])) / 2
        for k, (left, right), any_one in ((1, self.interests, False), (4, self.languages, True)):
            a, b = left[rows], right[cols]
            overlap = _row_sums(a.multiply(b))
            short = np.minimum(_row_sums(a), _row_sums(b))
            value = (overlap > 0) if any_one else np.minimum(overlap / np.maximum(short, 1), 1)
            out[k] = np.where(short > 0, value, UNKNOWN)
        out[2] = _hours(self.offsets[0][rows], self.offsets[1][cols])
        out[3] = _seniority_fit(self.seniority[0][rows], self.seniority[1][cols], peers=self.kind == PEER)
        out[5] = np.asarray(self.requested[rows, cols]).ravel()
        out[6] = (self.type_fit[0][rows] + self.type_fit[1][cols]) / 2
        return out

    def contributions(self, rows: np.ndarray, cols: np.ndarray) -> list[dict[str, float]]:
        """Each criterion's points for each pair (rows[k], cols[k]); they add up to the pair's score."""
        values = np.round((self.pair_criteria(rows, cols) * self.weights[:, None]).astype(np.float64), 2)
        return [dict(zip(CRITERIA, column)) for column in values.T.tolist()]


def _row_sums(matrix: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1), np.float32).ravel()


def _covered_pairs(goals: sparse.csr_matrix, skills: sparse.csr_matrix) -> np.ndarray:
    counts = _row_sums(goals)
    return np.where(counts > 0, _row_sums(goals.multiply(skills)) / np.maximum(counts, 1), UNKNOWN)


def _hours(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Overlap of two 8-hour local workdays as a share of 8 h; working days repeat, so offsets wrap at 24 h.
    Element-wise (broadcasting), like _seniority_fit: blocks pass a column and a row."""
    diff = np.abs(left - right) % 24
    overlap = np.clip(WORKDAY_HOURS - np.minimum(diff, 24 - diff), 0, WORKDAY_HOURS) / WORKDAY_HOURS
    return np.where(np.isnan(overlap), UNKNOWN, overlap).astype(np.float32)


def overlap_hours(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Hours of shared working time, element-wise; NaN where a time zone is not known."""
    hours = _hours(left, right) * np.float32(WORKDAY_HOURS)
    return np.where(np.isnan(left) | np.isnan(right), np.nan, hours)


def _seniority_fit(mentee: np.ndarray, candidate: np.ndarray, peers: bool) -> np.ndarray:
    gap = candidate - mentee
    if peers:  # peers learn best from someone close to their own level
        fit = np.clip(1 - np.abs(gap) / 4, 0, 1)
    else:  # a mentor ahead by 2-8 years is ideal; less ramps up from 0, more fades out by 16
        low, high = IDEAL_GAP
        fit = np.where(gap < low, np.clip(gap / low, 0, 1), np.clip(1 - (gap - high) / high, 0, 1))
    return np.where(np.isnan(gap), UNKNOWN, fit).astype(np.float32)


@dataclass(frozen=True, eq=False)
class _Tables:
    """Every person reduced to the features that need no partner's terms, each distinct combination once.

    Programs have few time zones, seniority levels and list lengths, so the tables are small; in the worst case
    (everyone different) they are as large as the score matrix and no slower than scoring cell by cell.
    """

    row_kind: np.ndarray  # per mentee: index of its combination
    col_kind: np.ndarray  # per candidate
    tables: dict[str, np.ndarray]  # (row combinations x column combinations), float32

    @classmethod
    def build(cls, model: ScoreModel) -> "_Tables":
        w, peer = model.weights, model.kind == PEER
        has_goals = (_row_sums(model.goals) > 0, _row_sums(model.goals_back) > 0 if peer else None)
        sides = []
        for k in (0, 1):
            goals = has_goals[k] if has_goals[k] is not None else np.ones(model.shape[1], bool)
            sides.append(_distinct(model.offsets[k], model.seniority[k], model.type_fit[k], goals,
                                   _row_sums(model.interests[k]), _row_sums(model.languages[k]) > 0))
        (row_kind, r), (col_kind, c) = sides
        offset, seniority, type_fit, goals, interests, languages = ((r[:, f, None], c[None, :, f]) for f in range(6))
        interests_known = (interests[0] > 0) & (interests[1] > 0)
        languages_known = (languages[0] > 0) & (languages[1] > 0)
        goals_unknown = (2 - goals[0] - goals[1]) / 2 if peer else 1 - goals[0]
        base = (w[0] * UNKNOWN * goals_unknown + w[1] * UNKNOWN * ~interests_known + w[2] * _hours(*offset)
                + w[3] * _seniority_fit(*seniority, peers=peer) + w[4] * UNKNOWN * ~languages_known
                + w[6] * (type_fit[0] + type_fit[1]) / 2)
        shorter = np.maximum(np.minimum(*interests), 1)
        tables = {"base": base, "interest_factor": np.where(interests_known, w[1] / shorter, 0),
                  "language_points": np.where(languages_known, w[4], 0)}
        return cls(row_kind, col_kind, {k: np.ascontiguousarray(v, np.float32) for k, v in tables.items()})

    def gather(self, name: str, rows: slice, cols: slice) -> np.ndarray:
        return self.tables[name][self.row_kind[rows]][:, self.col_kind[cols]]


def _distinct(*features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each person's index among the distinct rows of their features, and those rows (NaN kept)."""
    stacked = np.column_stack([np.asarray(f, np.float64) for f in features])
    blank = -1e300  # np.unique sorts rows; NaN would make every blank person distinct
    kinds, inverse = np.unique(np.where(np.isnan(stacked), blank, stacked), axis=0, return_inverse=True)
    return inverse.ravel(), np.where(kinds == blank, np.nan, kinds)


def _dense_t(matrix: sparse.csr_matrix) -> np.ndarray:
    """Terms x people as a dense float32 array: the right-hand side of a fast sparse x dense product."""
    return np.ascontiguousarray(matrix.T.toarray(), np.float32)


def _scale_rows(matrix: sparse.csr_matrix, total: float) -> sparse.csr_matrix:
    """Each non-empty row scaled to add up to `total`: a product with it gives the share covered, in points."""
    counts = _row_sums(matrix)
    scale = np.where(counts > 0, total / np.maximum(counts, 1), 0).astype(np.float32)
    return sparse.csr_matrix(sparse.diags(scale) @ matrix)


# Named weightings a lead can start from; each run type opens on its own default.
PRESETS: dict[str, Weights] = {
    "Formal program": DEFAULT_WEIGHTS[ONE_ON_ONE],
    "Group sessions": DEFAULT_WEIGHTS[GROUP],
    "Peer circle": DEFAULT_WEIGHTS[PEER],
    "Skills first": Weights(goals=60, interests=5, hours=10, seniority=10, language=5, requested=5, type=5),
    "Remote, across time zones": Weights(goals=30, interests=5, hours=35, seniority=10, language=10, requested=5,
                                         type=5),
    "Mentees' wishes first": Weights(goals=25, interests=5, hours=10, seniority=5, language=5, requested=40, type=10),
}
PRESET_FOR_TYPE: dict[MentorshipType, str] = {ONE_ON_ONE: "Formal program", GROUP: "Group sessions",
                                              PEER: "Peer circle"}
