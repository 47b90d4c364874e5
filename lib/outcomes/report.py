"""The impact report: what the program achieved, per cohort, as of a date. The README defines every figure.

Everything dated after the as-of date is left out: pairings started later, check-ins, ratings, goals updated and
outcomes recorded later. Fractions are 0-1 and unrounded; a figure without data is None, never a division error.
Computed over whole columns (check-ins joined to pairs by an integer code of the two people), so 10,000 pairs with
200,000 check-ins take a fraction of a second.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from lib.reading.dataset import Dataset
from lib.reading.log_frames import positions
from lib.vocabulary import (
    CADENCE_DAYS,
    DEFAULT_CADENCE,
    DONE_GOAL,
    DROPPED_GOAL,
    FEEDBACK_ROLES,
    NACE_ACCEPTANCE_RATE,
    NACE_OFFER_RATE,
    NO_COHORT,
    NOT_APPLICABLE,
    OFFER_ACCEPTED,
    OFFERED,
    PEER,
    STARTED_STATUSES,
)

FIGURES = ("match_rate", "median_days_to_first_meeting", "on_cadence_rate", "goal_completion_rate",
           "average_mentor_rating", "average_mentee_rating", "offer_rate", "acceptance_rate", "skills_gain",
           "offer_rate_on_cadence", "offer_rate_off_cadence")
COUNTS = ("active_mentees", "started_pairs", "goals", "outcomes")
FRACTIONS = frozenset(FIGURES) - {"median_days_to_first_meeting", "average_mentor_rating", "average_mentee_rating",
                                  "skills_gain"}
LABELS = {"match_rate": "Mentees matched", "median_days_to_first_meeting": "Days to first meeting (median)",
          "on_cadence_rate": "Pairs on cadence", "goal_completion_rate": "Goals completed",
          "average_mentor_rating": "Rating by mentors (1-5)", "average_mentee_rating": "Rating by mentees (1-5)",
          "offer_rate": "Mentees offered a job", "acceptance_rate": "Offers accepted",
          "skills_gain": "Skills gain (self-rated, 1-5 scale)",
          "offer_rate_on_cadence": "Offered, pairs on cadence", "offer_rate_off_cadence": "Offered, pairs off cadence",
          "active_mentees": "Active mentees", "started_pairs": "Pairs started", "goals": "Goals (not dropped)",
          "outcomes": "Outcomes recorded"}


def cohort_of(data: Dataset) -> dict[str, str]:
    """Each mentee's cohort by email (NO_COHORT when blank)."""
    return {m.email: m.cohort.strip() or NO_COHORT for m in data.mentees}


def cohorts(data: Dataset) -> list[str]:
    return sorted(set(cohort_of(data).values()))


def impact(data: Dataset, as_of: date | None = None, cohort: str | None = None) -> dict[str, dict[str, object]]:
    """{cohort: {figure: value}} for every cohort of the mentees (only `cohort` when given, empty figures when no
    mentee is in it): FIGURES (fractions 0-1, days, ratings, skill levels; None without data) and COUNTS."""
    on = data.today(as_of)
    groups = cohort_of(data)
    wanted = [cohort] if cohort is not None else sorted(set(groups.values()))
    pairs = _started_pairs(data, on, groups)
    people = _outcomes(data, on)
    out = {}
    for name in wanted:
        mine = pairs[pairs["cohort"] == name]
        mentees = [m for m in data.mentees if groups[m.email] == name]
        outcomes = people[people["mentee_email"].isin({m.email for m in mentees})]
        on_cadence = _mentees_of(mine[mine["on_cadence"]])
        off_cadence = _mentees_of(mine) - on_cadence
        ratings = {side: mine[f"{side}_rating"].dropna() for side in FEEDBACK_ROLES}
        goals = _goals(data, on, {p.id.lower() for p in data.pairings if p.id and groups.get(p.mentee_email) == name
                                  and _started(p, on)})  # a proposal's goals are not yet worked on
        figures = {
            "match_rate": _share(*_matched(data, on, mentees)),
            "median_days_to_first_meeting": _median(mine["days_to_first"].dropna()),
            "on_cadence_rate": _share(int(mine["on_cadence"].sum()), len(mine)),
            "goal_completion_rate": _share(goals[0], goals[1]),
            "average_mentor_rating": _mean(ratings["mentor"]),
            "average_mentee_rating": _mean(ratings["mentee"]),
            **_offers(outcomes),
            "skills_gain": _mean(pd.Series([g for gains in outcomes["gains"] for g in gains], dtype=float)),
            "offer_rate_on_cadence": _offers(outcomes[outcomes["mentee_email"].isin(on_cadence)])["offer_rate"],
            "offer_rate_off_cadence": _offers(outcomes[outcomes["mentee_email"].isin(off_cadence)])["offer_rate"],
        }
        counts = {"active_mentees": sum(m.active for m in mentees), "started_pairs": len(mine), "goals": goals[1],
                  "outcomes": len(outcomes)}
        out[name] = {**figures, **counts}
    return out


def _started(pairing, on: date) -> bool:
    """Active or ended, and started on or before the as-of date: the pairings whose figures the report counts."""
    return pairing.status in STARTED_STATUSES and pairing.started_on is not None and pairing.started_on <= on


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _mean(values: pd.Series) -> float | None:
    return float(values.mean()) if len(values) else None


def _median(values: pd.Series) -> float | None:
    return float(values.median()) if len(values) else None


def _mentees_of(pairs: pd.DataFrame) -> set[str]:
    """The mentees of these pairs: both sides of a peer pairing."""
    return set(pairs["mentee_email"]) | set(pairs.loc[pairs["type"] == PEER, "mentor_email"])


def _matched(data: Dataset, on: date, mentees) -> tuple[int, int]:
    """Active mentees with a proposed, active or ended pairing (either side of a peer pairing), of all active."""
    paired = set()
    for p in data.pairings:
        if p.started_on is None or p.started_on <= on:  # proposed pairings have no start
            paired.add(p.mentee_email)
            if p.type == PEER:
                paired.add(p.mentor_email)
    active = [m.email for m in mentees if m.active]
    return sum(e in paired for e in active), len(active)


def _started_pairs(data: Dataset, on: date, groups: dict[str, str]) -> pd.DataFrame:
    """One row per pairing started (active or ended) on or before the as-of date: its mentee and cohort, days to the
    first check-in, whether it is on cadence, and each side's latest 1-5 rating."""
    default = data.settings.default_cadence or DEFAULT_CADENCE
    rows = [(p.mentor_email, p.mentee_email, p.type, groups.get(p.mentee_email, ""), p.started_on,
             p.ended_on if p.ended_on and p.ended_on <= on else on,
             CADENCE_DAYS.get(p.cadence or default, CADENCE_DAYS[DEFAULT_CADENCE]))
            for p in data.pairings if _started(p, on)]
    pairs = pd.DataFrame(rows, columns=["mentor_email", "mentee_email", "type", "cohort", "start", "end",
                                        "cadence_days"])
    pairs["start"] = pd.to_datetime(pairs["start"]).astype("datetime64[s]")
    pairs["end"] = pd.to_datetime(pairs["end"]).astype("datetime64[s]")
    people = pd.Index(pd.unique(pd.concat([pairs["mentor_email"], pairs["mentee_email"]]).to_numpy(dtype=object)),
                      dtype=object)
    pairs["code"] = _codes(pairs["mentor_email"], pairs["mentee_email"], people)
    pairs["k"] = np.arange(len(pairs))
    held = _joined(data.checkin_log, people, pairs, on)
    inside = held[held["date"] <= held["end"]]
    first = inside.groupby("k")["date"].min()
    count = inside.groupby("k").size().reindex(pairs["k"], fill_value=0).to_numpy()
    pairs["days_to_first"] = ((first.reindex(pairs["k"]).to_numpy() - pairs["start"].to_numpy())
                              / np.timedelta64(1, "D"))
    span = (pairs["end"] - pairs["start"]).dt.days.to_numpy()
    pairs["on_cadence"] = count >= 0.5 * span / pairs["cadence_days"].to_numpy()
    rated = _joined(data.rating_log, people, pairs, on, "from_role", "rating", "row")
    rated = rated.sort_values(["date", "row"], kind="stable")
    for side in FEEDBACK_ROLES:
        latest = rated[rated["from_role"] == side].groupby("k")["rating"].last()
        pairs[f"{side}_rating"] = latest.reindex(pairs["k"]).to_numpy(dtype=float)
    return pairs


def _codes(first, second, people: pd.Index) -> np.ndarray:
    """An integer per pair of people, the same whichever way round; -1 when either is not in a started pair."""
    a, b = positions(first, people), positions(second, people)
    return np.where((a >= 0) & (b >= 0), np.minimum(a, b).astype(np.int64) * len(people) + np.maximum(a, b), -1)


def _joined(log: pd.DataFrame, people: pd.Index, pairs: pd.DataFrame, on: date, *fields: str) -> pd.DataFrame:
    """The log's entries dated up to the as-of date, each given to the latest started pairing of its two people that
    began on or before it (so a second pairing of the same two people takes only what came after its start)."""
    codes = _codes(log["mentor_email"], log["mentee_email"], people)
    keep = (codes >= 0) & (log["date"].to_numpy() <= np.datetime64(on, "s"))
    entries = pd.DataFrame({"code": codes[keep], "date": log["date"].to_numpy()[keep].astype("datetime64[s]"),
                            **{f: log[f].to_numpy()[keep] for f in fields}})
    starts = pairs[["code", "k", "start", "end"]].sort_values("start", kind="stable")
    joined = pd.merge_asof(entries.sort_values("date", kind="stable"), starts, left_on="date", right_on="start",
                           by="code", direction="backward")
    return joined[joined["k"].notna()].astype({"k": np.int64})


def _goals(data: Dataset, on: date, pairing_ids: set[str]) -> tuple[int, int]:
    """(goals done, goals not dropped) of these pairings, as updated on or before the as-of date."""
    counted = [g for g in data.goals if g.pairing_id.lower() in pairing_ids
               and (g.updated_on is None or g.updated_on <= on) and g.status != DROPPED_GOAL]
    return sum(g.status == DONE_GOAL for g in counted), len(counted)


def _outcomes(data: Dataset, on: date) -> pd.DataFrame:
    """Each mentee's latest outcome dated on or before the as-of date (by date, then sheet order): the offer, and the
    gains after - before of every skill rated both times (skills compared without case)."""
    latest = {}
    for outcome in sorted((o for o in data.outcomes if o.date <= on), key=lambda o: (o.date, o.row)):
        latest[outcome.mentee_email] = outcome
    rows = []
    for email, outcome in latest.items():
        before = {skill.casefold(): level for skill, level in outcome.skills_before.items()}
        gains = [level - before[skill.casefold()] for skill, level in outcome.skills_after.items()
                 if skill.casefold() in before]
        rows.append((email, outcome.offer, gains))
    return pd.DataFrame(rows, columns=["mentee_email", "offer", "gains"])


def _offers(outcomes: pd.DataFrame) -> dict[str, float | None]:
    recorded = outcomes["offer"] != NOT_APPLICABLE  # a latest outcome without an offer said counts as none
    offered = outcomes["offer"].isin(OFFERED)
    return {"offer_rate": _share(int(offered.sum()), int(recorded.sum())),
            "acceptance_rate": _share(int((outcomes["offer"] == OFFER_ACCEPTED).sum()), int(offered.sum()))}


def chart_frame(report: dict[str, dict[str, object]]) -> pd.DataFrame:
    """The fractions of the report in long form for a chart: cohort, figure (in words), value 0-1 (figures without
    data left out), and the published reference where there is one."""
    references = {"offer_rate": NACE_OFFER_RATE, "acceptance_rate": NACE_ACCEPTANCE_RATE}
    rows = [(name, LABELS[key], float(figures[key]), references.get(key))
            for name, figures in report.items() for key in FIGURES if key in FRACTIONS and figures[key] is not None]
    return pd.DataFrame(rows, columns=["cohort", "figure", "value", "reference"])


def table(report: dict[str, dict[str, object]]) -> pd.DataFrame:
    """The report as a table: one row per figure (in words), one column per cohort, values as they read."""
    return pd.DataFrame({name: {LABELS[k]: shown(k, v) for k, v in figures.items()}
                         for name, figures in report.items()})


def shown(key: str, value) -> str:
    """A figure as people read it: whole percentages ("75 %"), days and ratings to one decimal, "–" without data."""
    if value is None:
        return "–"
    if key in FRACTIONS:
        return f"{math.floor(100 * value + 0.5):.0f} %"  # half up, as people round: 12.5 % reads 13 %
    if key in COUNTS:
        return f"{value:,}"
    return f"{value:+.1f}" if key == "skills_gain" else f"{value:.1f}"
