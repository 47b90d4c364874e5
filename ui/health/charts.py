"""The Health page's charts, on data aggregated by lib.health.charts: check-ins per week by status, who met when
(pair by week, filterable and paged), and days since the last contact against each pair's cadence."""

from __future__ import annotations

from datetime import timedelta

import altair as alt
import pandas as pd
import streamlit as st

from lib.health import charts as health_charts
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    CADENCE_DAYS,
    EMPTY_WEEK_COLOUR,
    FULL_WEEK_COLOUR,
    HEALTH_STATUSES,
    STATUS_COLOURS,
)
from ui import state
from ui.widgets import chart

STATUS_SCALE = alt.Scale(domain=list(HEALTH_STATUSES), range=[STATUS_COLOURS[s] for s in HEALTH_STATUSES])
PAGE_SIZE = 40
PAIR_AXIS = alt.Axis(labelLimit=280, labelOverlap=False)  # every pair named, names not cut short
ROW = 22  # pixels per pair in the charts with one row per pair


def date_range(data: Dataset) -> tuple:
    today = data.today()
    start = data.settings.program_start or today - timedelta(weeks=12)
    picked = st.date_input("Weeks shown", (min(start, today), today), key="health_range", format="YYYY-MM-DD")
    return picked if isinstance(picked, tuple) and len(picked) == 2 else (min(start, today), today)


def weekly_chart(data: Dataset, health: pd.DataFrame, start, end) -> None:
    weekly = state.derived("weekly checkins", data, lambda: health_charts.weekly_checkins(data, health, start, end),
                           data.today(), start, end)
    st.subheader("Check-ins per week")
    if weekly.empty:
        st.info("No check-ins in these weeks.", icon=":material/info:")
        return
    chart(data, "weekly", lambda: alt.Chart(weekly).mark_bar().encode(
        x=alt.X("yearmonthdate(week):O", title="week of", axis=alt.Axis(format="%d %b", labelAngle=0)),
        y=alt.Y("sum(checkins):Q", title="check-ins"),
        color=alt.Color("status:N", scale=STATUS_SCALE, title="pair status today"),
        tooltip=[alt.Tooltip("week:T", title="week of"), "status:N", "checkins:Q"]), data.today(), start, end)


def heatmap(data: Dataset, health: pd.DataFrame, start, end) -> None:
    """Pairs by week, most urgent first, paged: a silent stretch is a row of empty weeks."""
    st.subheader("Who met when")
    left, middle, right = st.columns([2, 2, 1])
    statuses = left.multiselect("Status", list(HEALTH_STATUSES), default=list(HEALTH_STATUSES), key="heat_status")
    query = middle.text_input("Name contains", key="heat_query", placeholder="e.g. Ana")
    shown = health[health["status"].isin(statuses)]
    if query:
        shown = shown[(shown["mentor"] + " " + shown["mentee"]).str.contains(query, case=False, regex=False)]
    pages = max((len(shown) - 1) // PAGE_SIZE + 1, 1)
    page = right.number_input("Page", 1, pages, 1, key="heat_page") if pages > 1 else 1
    shown = shown.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    st.caption(f"{len(shown)} pairs, most urgent first" + (f" (page {page} of {pages})" if pages > 1 else ""))
    if shown.empty:
        return

    def build():
        grid = health_charts.pair_weeks(data, shown, start, end)
        most = max(int(grid["checkins"].max()), 1)
        order = list(dict.fromkeys(shown["mentor"] + " + " + shown["mentee"]))
        return alt.Chart(grid).mark_rect(stroke="white").encode(
            x=alt.X("yearmonthdate(week):O", title="week of", axis=alt.Axis(format="%d %b", labelAngle=0)),
            y=alt.Y("pair:N", sort=order, title=None, axis=PAIR_AXIS),
            # an empty week is pale grey, so silence stands out; the legend counts in whole check-ins
            color=alt.Color("checkins:Q", title="check-ins",
                            scale=alt.Scale(domain=[0, most], range=[EMPTY_WEEK_COLOUR, FULL_WEEK_COLOUR]),
                            legend=alt.Legend(format="d", type="gradient",
                                              values=sorted({*range(0, most + 1, max(most // 4, 1)), most}))),
            tooltip=["pair:N", alt.Tooltip("week:T", title="week of"), "checkins:Q", "status:N"],
        ).properties(height=ROW * len(order) + 40)

    chart(data, "heatmap", build, data.today(), start, end, tuple(statuses), query, page)


def silence_chart(data: Dataset, health: pd.DataFrame) -> None:
    """Days since the last contact for each pair, against its cadence (the tick)."""
    st.subheader("Days since the last check-in")

    def build():
        top = health.head(PAGE_SIZE)[["mentor", "mentee", "days_silent", "cadence", "status"]].assign(
            pair=lambda f: f["mentor"] + " + " + f["mentee"], cadence_days=lambda f: f["cadence"].map(CADENCE_DAYS))
        order = list(top["pair"])
        bars = alt.Chart(top).mark_bar().encode(
            x=alt.X("days_silent:Q", title="days since the last check-in (or the start)"),
            y=alt.Y("pair:N", sort=order, title=None, axis=PAIR_AXIS),
            color=alt.Color("status:N", scale=STATUS_SCALE),
            tooltip=["pair:N", "days_silent:Q", "cadence:N", "status:N"])
        ticks = alt.Chart(top).mark_tick(color="black", thickness=2).encode(
            x="cadence_days:Q", y=alt.Y("pair:N", sort=order), tooltip=["cadence:N", "cadence_days:Q"])
        return (bars + ticks).properties(height=ROW * len(order) + 40)

    chart(data, "silence", build, data.today())
    st.caption("The black tick is the pair's cadence: a bar past it means a meeting is overdue.")
