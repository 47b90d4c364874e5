"""Chart data for the Health page, aggregated here so a browser never receives more than a few thousand points."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.health.pair_logs import pair_codes
from lib.reading.dataset import Dataset
from lib.vocabulary import FIT_ANSWERS

MAX_POINTS = 5_000
CHECKIN_COLUMNS = ["date", "mentor_email", "mentee_email", "minutes", "channel", "notes"]


def _label(health: pd.DataFrame) -> pd.Series:
    return health["mentor"] + " + " + health["mentee"]


def _week(dates: pd.Series) -> pd.Series:
    """Monday of each date's week."""
    return (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()


def _between(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    return frame[(frame["date"] >= pd.Timestamp(start)) & (frame["date"] <= pd.Timestamp(end))]


def _with_status(frame: pd.DataFrame, health: pd.DataFrame) -> pd.DataFrame:
    """Entries of the pairs in `health` (either way round), with each pair's label, status and pairing id."""
    people = pd.Index(pd.unique(pd.concat([health["mentor_email"], health["mentee_email"]]).to_numpy(dtype=object)),
                      dtype=object)
    keys = health.assign(code=pair_codes(health["mentor_email"], health["mentee_email"], people), pair=_label(health))
    codes = pair_codes(frame["mentor_email"], frame["mentee_email"], people)
    entries = frame[codes >= 0].assign(code=codes[codes >= 0])
    return entries.merge(keys[["code", "pair", "status", "pairing_id"]].drop_duplicates("code"), on="code")


def _one_pair(log: pd.DataFrame, pairing: pd.Series) -> pd.DataFrame:
    """The entries of one pair, logged either way round, since it started."""
    a, b = pairing["mentor_email"], pairing["mentee_email"]
    mentor, mentee = log["mentor_email"], log["mentee_email"]
    mine = ((mentor == a) & (mentee == b)) | ((mentor == b) & (mentee == a))
    return log[mine.to_numpy() & (log["date"] >= pd.Timestamp(pairing["started_on"])).to_numpy()]


def weekly_checkins(data: Dataset, health: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Check-ins per week of the active pairs, split by each pair's status today: week, status, checkins."""
    held = _with_status(_between(data.checkin_log[CHECKIN_COLUMNS], start, end), health)
    if held.empty:
        return pd.DataFrame(columns=["week", "status", "checkins"])
    held["week"] = _week(held["date"])
    return held.groupby(["week", "status"], as_index=False).size().rename(columns={"size": "checkins"})


def pair_weeks(data: Dataset, health: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Check-ins per pair and week, zeros included, so silent stretches show: pair, week, checkins, status.

    `health` is the pairs to show (already filtered and paged by the caller); capped at MAX_POINTS cells."""
    weeks = pd.date_range(_week(pd.Series([pd.Timestamp(start)]))[0], pd.Timestamp(end), freq="W-MON")
    shown = health.head(max(MAX_POINTS // max(len(weeks), 1), 1))
    held = _with_status(_between(data.checkin_log[CHECKIN_COLUMNS], start, end), shown)
    held["week"] = _week(held["date"]) if len(held) else pd.Series(dtype="datetime64[ns]")
    counts = held.groupby(["pair", "week"]).size()
    grid = pd.MultiIndex.from_product([_label(shown).unique(), weeks], names=["pair", "week"])
    out = counts.reindex(grid, fill_value=0).rename("checkins").reset_index()
    return out.merge(shown.assign(pair=_label(shown))[["pair", "status"]].drop_duplicates("pair"), on="pair")


def rating_history(data: Dataset, pairing: pd.Series) -> pd.DataFrame:
    """One pair's ratings over time from both sides: date, side, rating, comment."""
    mine = _one_pair(data.rating_log, pairing)
    return mine.rename(columns={"from_role": "side"})[["date", "side", "rating", "comment"]].sort_values("date")


def timeline(data: Dataset, pairing: pd.Series) -> pd.DataFrame:
    """Everything that happened to one pair, newest first: date, what, detail."""
    started = pd.Timestamp(pairing["started_on"])
    held = _one_pair(data.checkin_log, pairing)
    rows = [{"date": d, "what": "check-in", "detail": " · ".join(
        x for x in (f"{m:.0f} min" if pd.notna(m) else "", c, n) if x)}
        for d, m, c, n in zip(held["date"], held["minutes"], held["channel"], held["notes"])]
    ratings = rating_history(data, pairing)
    rows += [{"date": d, "what": f"{side} feedback", "detail": f"{r} of 5" + (f" · {c}" if c else "")}
             for d, side, r, c in zip(ratings["date"], ratings["side"], ratings["rating"], ratings["comment"])]
    fits = _one_pair(data.fit_log, pairing)
    rows += [{"date": d, "what": f"{side} on the fit", "detail": FIT_ANSWERS.get(r, str(r)) + (f" · {c}" if c else "")}
             for d, side, r, c in zip(fits["date"], fits["from_role"], fits["rating"], fits["comment"])]
    rows.append({"date": started, "what": "started", "detail": f"{pairing['type']}, cadence {pairing['cadence']}"})
    out = pd.DataFrame(rows).sort_values("date", ascending=False, kind="stable")
    out["date"] = out["date"].dt.date
    return out.reset_index(drop=True)
