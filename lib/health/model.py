"""Relationship health: for every pairing active on the as-of date, a 0-100 score, a status and the reasons.

The model (thresholds come from the `settings` tab; the README documents it):
- contact: the last check-in of the pair since it started, or the start itself when none was held yet;
- silence: days since that contact against the cadence (weekly 7, biweekly 14, monthly 30 days);
- frequency: check-ins in the last 8 weeks against what the cadence expects for the time the pair has run;
- feedback: the latest 1-5 rating from each side, and the one before it for the trend.
Score = 100 x (0.45 recency + 0.30 frequency + 0.25 feedback), feedback left out when there is none. The status is
the worse of the score band (70+ Healthy, 40+ Watch, else At risk) and the flags: silence past
`watch_missed_cadences` cadences, no first meeting after `first_meeting_days`, a rating at or below `low_rating`
or one that fell by 2 or more, or under half the expected check-ins each mean at least Watch; silence past `at_risk_missed_cadences` cadences
means At risk.
Everything is computed with pandas over the Dataset's log frames at once, pairs keyed by integer codes
(200,000 check-ins in well under a second).
"""

from __future__ import annotations

import re
from collections import namedtuple
from datetime import date

import numpy as np
import pandas as pd

from lib.contract.dates import format_date, month_so_far, month_so_far_words
from lib.health.fit import FIT_COLUMNS, fit_step, fit_words, judge_fit, not_a_fit_sides
from lib.health.pair_logs import Held, pair_codes
from lib.health.plan import checklist, overdue_steps, overdue_words
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    AT_RISK,
    CADENCE_DAYS,
    DEFAULT_CADENCE,
    FEEDBACK_ROLES,
    FIRST_CHECKIN,
    HEALTH_STATUSES,
    HEALTHY,
    PROPOSED,
    WATCH,
)

WINDOW_DAYS = 56  # frequency is judged over the last 8 weeks
WEIGHTS = {"recency": 0.45, "frequency": 0.30, "feedback": 0.25}
HEALTHY_FROM, WATCH_FROM = 70, 40
RATING_DROP = 2  # a side's rating falling this much since their previous one is a flag, whatever its level
COLUMNS = ["pairing_id", "mentor_email", "mentor", "mentee_email", "mentee", "type", "cadence", "started_on",
           "last_checkin", "days_silent", "checkins_8w", "expected_8w", "mentor_rating", "mentee_rating", "score",
           "status", "reasons", "next_step", "next_step_to", "urgency", "fit", "not_a_fit_from", "plan_overdue"]


def active_pairings(data: Dataset, on: date) -> pd.DataFrame:
    names = data.names
    default = data.settings.default_cadence or DEFAULT_CADENCE
    rows = [{"pairing_id": p.id, "mentor_email": p.mentor_email, "mentee_email": p.mentee_email, "type": p.type,
             "cadence": p.cadence or default, "started_on": p.started_on or on,
             "mentor": names.get(p.mentor_email, p.mentor_email), "mentee": names.get(p.mentee_email, p.mentee_email)}
            for p in data.pairings if p.status != PROPOSED and p.is_active_on(on)]
    frame = pd.DataFrame(rows, columns=["pairing_id", "mentor_email", "mentee_email", "type", "cadence", "started_on",
                                        "mentor", "mentee"])
    return frame


def program_plan(data: Dataset, as_of: date | None = None) -> pd.DataFrame:
    """Every active pair's plan checklist (lib.health.plan.COLUMNS), pairs in the pairings tab's order."""
    on = data.today(as_of)
    return checklist(data, active_pairings(data, on), on)


def assess(data: Dataset, as_of: date | None = None) -> pd.DataFrame:
    """One row per pairing active on the as-of date, most urgent first (see COLUMNS)."""
    on = data.today(as_of)
    today = pd.Timestamp(on)
    pairs = active_pairings(data, on)
    if pairs.empty:
        return pd.DataFrame(columns=COLUMNS)
    pairs["start"] = pd.to_datetime(pairs["started_on"])
    cadence_days = pairs["cadence"].map(CADENCE_DAYS).fillna(CADENCE_DAYS[DEFAULT_CADENCE]).astype(float)
    people = pd.Index(pd.unique(pd.concat([pairs["mentor_email"], pairs["mentee_email"]]).to_numpy(dtype=object)),
                      dtype=object)
    pairs["code"] = pair_codes(pairs["mentor_email"], pairs["mentee_email"], people)
    _, group = np.unique(pairs["code"].to_numpy(), return_inverse=True)  # pairings of the same two people share one
    starts = pairs["start"].to_numpy().astype("datetime64[s]")

    held = Held(data.checkin_log, people, pairs["code"].to_numpy(), group, starts, on)
    last = np.full(group.max() + 1, np.datetime64("NaT"), dtype="datetime64[s]")
    np.maximum.at(last.view(np.int64), held.group, held.dates.view(np.int64))  # NaT is the smallest int64
    window_from = np.datetime64(on, "s") - np.timedelta64(WINDOW_DAYS, "D")
    recent = np.bincount(held.group[held.dates > window_from], minlength=len(last))
    pairs["last_checkin"] = pd.Series(last[group], index=pairs.index)
    contact = pairs["last_checkin"].fillna(pairs["start"])
    pairs["days_silent"] = (today - contact).dt.days.clip(lower=0)
    days_running = (today - pairs["start"]).dt.days.clip(lower=0)
    pairs["checkins_8w"] = recent[group].astype(int)
    pairs["expected_8w"] = (np.minimum(days_running, WINDOW_DAYS) / cadence_days).round(1)

    given = Held(data.rating_log, people, pairs["code"].to_numpy(), group, starts, on, "from_role", "rating")
    answered = Held(data.fit_log, people, pairs["code"].to_numpy(), group, starts, on, "from_role", "rating")
    for side in FEEDBACK_ROLES:
        for name, values in _latest_two(given, side, len(last)).items():
            pairs[f"{side}_{name}"] = values[group]
        fit = _latest_two(answered, side, len(last))
        pairs[f"{side}_fit"], pairs[f"{side}_fit_on"] = fit["rating"][group], fit["rated_on"][group]

    recency = np.clip(1 - (pairs["days_silent"] - cadence_days) / (2 * cadence_days), 0, 1)
    frequency = np.where(pairs["expected_8w"] >= 1, np.clip(pairs["checkins_8w"] / pairs["expected_8w"], 0, 1), 1.0)
    latest = pairs[["mentor_rating", "mentee_rating"]]
    feedback = ((latest.mean(axis=1) - 1) / 4).to_numpy()
    known = ~np.isnan(feedback)
    weighted = WEIGHTS["recency"] * recency + WEIGHTS["frequency"] * frequency
    pairs["score"] = np.round(100 * np.where(known, weighted + WEIGHTS["feedback"] * np.nan_to_num(feedback),
                                            weighted / (WEIGHTS["recency"] + WEIGHTS["frequency"])), 0).astype(int)

    settings = data.settings
    rows = records(pairs, _JUDGED)
    results = [_judge(row, cadence, settings) for row, cadence in zip(rows, cadence_days.tolist())]
    if data.goals:
        results = _with_goals_past_target(results, pairs["pairing_id"].tolist(), data, on)
    if len(answered.group):
        results = [_with_fit(row, result) for row, result in zip(rows, results)]
    late = overdue_steps(checklist(data, pairs, on), len(pairs))
    results = [_with_plan(result, steps) for result, steps in zip(results, late)]
    pairs["plan_overdue"] = [tuple(step for step, _, _ in steps) for steps in late]
    pairs["status"] = [r[0] for r in results]
    pairs["reasons"] = [r[1] for r in results]
    steps = [fit_step(row) or _next_step(row, reasons) if len(answered.group) else _next_step(row, reasons)
             for row, (_, reasons) in zip(rows, results)]
    pairs["fit"] = [fit_words(row) for row in rows] if len(answered.group) else ""
    # the sides whose latest fit answer is "not a good fit" (empty: none)
    pairs["not_a_fit_from"] = [tuple(not_a_fit_sides(row)) if len(answered.group) else () for row in rows]
    pairs["next_step"] = [text for text, _ in steps]
    pairs["next_step_to"] = [to for _, to in steps]
    pairs["urgency"] = pairs["status"].map(HEALTH_STATUSES.index) * 1000 + (100 - pairs["score"])
    pairs["started_on"] = pairs["start"].dt.date
    pairs["last_checkin"] = pairs["last_checkin"].dt.date
    return pairs.sort_values(["urgency", "days_silent"], ascending=False)[COLUMNS].reset_index(drop=True)


def _latest_two(given: Held, side: str, groups: int) -> dict[str, np.ndarray]:
    """Per pair: that side's latest rating, the one before it, and the latest's date (by date; on the same date the
    later row of the sheet is the later rating)."""
    mine = np.flatnonzero(given.from_role == side)
    order = mine[np.lexsort((mine, given.dates[mine], given.group[mine]))]
    group = given.group[order]
    ends = np.flatnonzero(np.append(group[1:] != group[:-1], True)) if len(order) else order
    out = {"rating": np.full(groups, np.nan), "before": np.full(groups, np.nan),
           "rated_on": np.full(groups, np.datetime64("NaT"), dtype="datetime64[s]")}
    out["rating"][group[ends]] = given.rating[order[ends]]
    out["rated_on"][group[ends]] = given.dates[order[ends]]
    has_before = (ends > 0) & (group[np.maximum(ends - 1, 0)] == group[ends])
    out["before"][group[ends[has_before]]] = given.rating[order[ends[has_before] - 1]]
    return out


_JUDGED = ("days_silent", "cadence", "last_checkin", "expected_8w", "checkins_8w", "score", "mentor", "mentee",
           "started_on", *(f"{side}_{what}" for side in FEEDBACK_ROLES for what in ("rating", "before", "rated_on")),
           *FIT_COLUMNS)


def records(frame: pd.DataFrame, columns: tuple[str, ...] | None = None) -> list:
    """The rows of some columns (all by default) as named tuples of Python values: what itertuples gives, without
    its cost on text columns."""
    columns = tuple(frame.columns) if columns is None else columns
    row = namedtuple("Row", columns)
    return list(map(row._make, zip(*(frame[c].tolist() for c in columns))))


def _judge(row, cadence_days: float, settings) -> tuple[str, list[str]]:
    """The status and the reasons in words, worst first."""
    reasons, level = [], 0
    silent, cadence = int(row.days_silent), row.cadence
    never_met = pd.isna(row.last_checkin)
    if never_met and silent > settings.first_meeting_days:
        reasons.append(f"first meeting not held, started {silent} days ago")
        level = max(level, 1)
    if silent > settings.at_risk_missed_cadences * cadence_days:
        if not never_met:
            reasons.insert(0, f"no check-in for {silent} days, cadence {cadence}")
        level = 2
    elif silent > settings.watch_missed_cadences * cadence_days and not never_met:
        reasons.append(f"no check-in for {silent} days, cadence {cadence}")
        level = max(level, 1)
    if row.expected_8w >= 2 and row.checkins_8w < row.expected_8w / 2 and not never_met:
        reasons.append(f"{row.checkins_8w} check-in{'s' if row.checkins_8w != 1 else ''} in the last 8 weeks, "
                       f"{cadence} expects about {row.expected_8w:.0f}")
        level = max(level, 1)
    for side in ("mentee", "mentor"):
        rating, before = getattr(row, f"{side}_rating"), getattr(row, f"{side}_before")
        fell = pd.notna(before) and before - rating >= RATING_DROP
        if fell:
            reasons.append(f"{side} rating fell from {before:.0f} to {rating:.0f}")
        elif pd.notna(rating) and rating <= settings.low_rating:
            reasons.append(f"{side} rated the mentoring {rating:.0f} of 5 "
                           f"on {format_date(getattr(row, f'{side}_rated_on').date())}")
        level = max(level, 1) if fell or (pd.notna(rating) and rating <= settings.low_rating) else level
    band = 0 if row.score >= HEALTHY_FROM else 1 if row.score >= WATCH_FROM else 2
    if band > level:
        reasons.append(f"health score {row.score} of 100")
    return HEALTH_STATUSES[max(level, band)], reasons


def _with_fit(row, result: tuple[str, list[str]]) -> tuple[str, list[str]]:
    """The fit answers' reasons first (a pair that does not fit is the news), and their level."""
    level, reasons = judge_fit(row)
    status, before = result
    return HEALTH_STATUSES[max(HEALTH_STATUSES.index(status), level)], reasons + before


def _with_plan(result: tuple[str, list[str]], late: list[tuple[str, str, date]]) -> tuple[str, list[str]]:
    """An overdue plan step is a reason, and makes the pair at least Watch; a kickoff step the first-meeting flag
    already names is not said twice."""
    status, reasons = result
    met_flag = any(r.startswith("first meeting not held") for r in reasons)
    extra = [overdue_words(step, due) for step, done_when, due in late if not (done_when == FIRST_CHECKIN and met_flag)]
    if extra:
        status = HEALTH_STATUSES[max(HEALTH_STATUSES.index(status), HEALTH_STATUSES.index(WATCH))]
    return status, reasons + extra


_LATE_GOAL = re.compile(r"^goal '(?P<goal>.*)' past its target, (?P<due>.+)$")
_LATE_STEP = re.compile(r"^plan step '(?P<step>.*)' overdue since (?P<due>.+)$")


def _with_goals_past_target(results: list[tuple[str, list[str]]], pairing_ids: list[str], data: Dataset,
                            on: date) -> list[tuple[str, list[str]]]:
    """A goal past its target date and not done (nor dropped) is a reason, and makes the pair at least Watch."""
    late: dict[str, list[str]] = {}
    for goal in sorted(data.goals, key=lambda g: g.target_date or on):
        if goal.past_target_on(on):
            late.setdefault(goal.pairing_id.lower(), []).append(
                f"goal '{goal.goal}' past its target, {format_date(goal.target_date)}")
    judged = []
    for (status, reasons), pairing_id in zip(results, pairing_ids):
        extra = late.get(str(pairing_id or "").lower(), [])
        if extra:
            status = HEALTH_STATUSES[max(HEALTH_STATUSES.index(status), HEALTH_STATUSES.index(WATCH))]
        judged.append((status, reasons + extra))
    return judged


def _next_step(row, reasons: list[str]) -> tuple[str, tuple[str, ...]]:
    """A message the lead can copy to nudge the pair (empty when all is well), and whom it is for (FEEDBACK_ROLES:
    both sides, or the mentee alone when it is about their feedback)."""
    if not reasons:
        return "", ()
    mentor, mentee = row.mentor.split()[0], row.mentee.split()[0]
    text = " ".join(reasons)
    late = [_LATE_GOAL.match(r) for r in reasons]
    steps = [_LATE_STEP.match(r) for r in reasons]
    if all(g or p for g, p in zip(late, steps)) and any(steps):
        named = " and ".join(f"'{m['step']}' (due {m['due']})" for m in steps if m)
        goals = [f"'{m['goal']}'" for m in late if m]
        also = f", and your goal{'s' if len(goals) > 1 else ''} {' and '.join(goals)} past its date" if goals else ""
        return (f"Hi {mentor} and {mentee}, the program plan has {named}{also}, and I don't see it done yet. Could "
                "you take care of it this week, and tell me if anything is in the way?", FEEDBACK_ROLES)
    if all(late):
        goals = " and ".join(f"'{m['goal']}' (due {m['due']})" for m in late)
        verb = "is" if len(late) == 1 else "are"
        return (f"Hi {mentor} and {mentee}, your goal{'s' if len(late) > 1 else ''} {goals} {verb} not marked done "
                "yet. Is it done, or does it need a new date? Tell me where it stands.", FEEDBACK_ROLES)
    if "first meeting" in text:
        return (f"Hi {mentor} and {mentee}, your mentoring started on {format_date(row.started_on)} and I don't "
                "see a first meeting yet. Could you book 30 minutes this week? Tell me if anything is in the way.",
                FEEDBACK_ROLES)
    if "no check-in" in text or "check-ins in the last" in text or "rating" not in text:
        return (f"Hi {mentor} and {mentee}, it has been {row.days_silent} days since your last check-in. Could you "
                "find 30 minutes this week to catch up, and log it so we can see how it goes?", FEEDBACK_ROLES)
    return (f"Hi {mentee}, thanks for your honest feedback on the mentoring with {row.mentor}. Could we have a "
            "short chat this week about what would make it more useful for you?", ("mentee",))


def at_risk_count(health: pd.DataFrame) -> int:
    """Pairs At risk in an `assess` table: the Overview's, Health's and `health --fail-on-risk`'s one count."""
    return int((health["status"] == AT_RISK).sum()) if len(health) else 0


def summary(health: pd.DataFrame, data: Dataset, as_of: date | None = None) -> dict[str, object]:
    """Program KPIs for the Health page."""
    on = data.today(as_of)
    mentor_ratings, mentee_ratings = health["mentor_rating"].dropna(), health["mentee_rating"].dropna()
    return {
        "active_pairs": len(health),
        "healthy_share": float((health["status"] == HEALTHY).mean()) if len(health) else 0.0,
        "at_risk": at_risk_count(health),
        "watch": int((health["status"] == WATCH).sum()),
        "checkins_this_month": data.checkins_between(*month_so_far(on)),
        "checkins_last_month": data.checkins_between(*month_so_far(on, 1)),
        "periods": month_so_far_words(on),
        "mentor_rating": float(mentor_ratings.mean()) if len(mentor_ratings) else None,
        "mentee_rating": float(mentee_ratings.mean()) if len(mentee_ratings) else None,
        "first_meetings_pending": int(health["reasons"].map(lambda r: any("first meeting" in x for x in r)).sum()),
    }


REPORT_COLUMNS = {"pairing_id": "pairing", "mentor": "mentor", "mentee": "mentee", "status": "status",
                  "score": "score", "cadence": "cadence", "days_silent": "days since contact",
                  "checkins_8w": "check-ins (8 weeks)", "mentor_rating": "mentor rating",
                  "mentee_rating": "mentee rating", "reasons": "reasons", "next_step": "suggested message"}


def report(health: pd.DataFrame) -> pd.DataFrame:
    """The health table as exported and printed: one row per active pair, reasons joined in words."""
    out = health.assign(reasons=health["reasons"].map("; ".join))[list(REPORT_COLUMNS)]
    return out.rename(columns=REPORT_COLUMNS)
