"""Chart data: aggregated by week, zeros kept so silence shows, bounded in size, one pair's story in order."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from lib.contract.models import CheckIn
from lib.health import charts as health_charts
from lib.health.model import assess
from lib.reading.loader import load
from lib.sources import sample_source
from tests.unit.health.test_model import AS_OF, program

START, END = date(2026, 6, 1), date(2026, 7, 24)


def test_weekly_counts_add_up_to_the_check_ins_of_active_pairs_in_range():
    data = load(sample_source())
    health = assess(data)
    weekly = health_charts.weekly_checkins(data, health, START, END)
    active = set(zip(health["mentor_email"], health["mentee_email"]))
    expected = sum((c.mentor_email, c.mentee_email) in active and START <= c.date <= END for c in data.checkins)
    assert weekly["checkins"].sum() == expected
    assert set(weekly["status"]) <= {"Healthy", "Watch", "At risk"}
    assert (weekly["week"].dt.day_of_week == 0).all()  # Mondays


def test_pair_weeks_has_every_week_for_every_pair_with_zeros_for_silence():
    data = load(sample_source())
    health = assess(data)
    grid = health_charts.pair_weeks(data, health, START, END)
    weeks = grid["week"].nunique()
    assert len(grid) == len(health) * weeks and weeks == 8
    quiet = grid[grid["pair"] == "Aiko Tanaka + Sofia Rossi"].sort_values("week")
    assert quiet["checkins"].tolist()[-6:] == [0] * 6  # silent since early June


def test_pair_weeks_never_exceeds_the_point_budget():
    data = program(met=tuple(range(1, 700, 7)), started=700)
    health = pd.concat([assess(data)] * 300, ignore_index=True)  # as if 300 pairs
    grid = health_charts.pair_weeks(data, health, AS_OF - timedelta(days=700), AS_OF)
    assert len(grid) <= health_charts.MAX_POINTS


def test_timeline_lists_check_ins_feedback_and_the_start_newest_first():
    data = program(met=(2, 9), ratings=[("mentee", 5, 4)])
    data.checkins[0] = CheckIn(date=AS_OF - timedelta(days=2), mentor_email="ana@x.org", mentee_email="bo@x.org",
                               minutes=30, channel="video", notes="Planned the demo")
    row = assess(data).iloc[0]
    story = health_charts.timeline(data, row)
    assert story["what"].tolist() == ["check-in", "mentee feedback", "check-in", "started"]
    assert story["detail"][0] == "30 min · video · Planned the demo" and story["detail"][1] == "4 of 5"
    assert story["date"][0] == date(2026, 7, 22)
