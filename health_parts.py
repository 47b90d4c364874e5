"""The Health page's parts: KPIs, charts, the at-risk list, one pair's story, and logging check-ins and feedback."""

from __future__ import annotations

from datetime import timedelta

import altair as alt
import pandas as pd
import streamlit as st

import app_state
from lib import health_charts
from lib.dataset import Dataset
from lib.dates import format_date
from lib.errors import TandemError
from lib.exports import csv_bytes, dated_name
from lib.health import CADENCE_DAYS, STATUSES, report, summary
from lib.logbook import CHANNELS, log_checkin, log_feedback
from lib.pdf import health_report_pdf
from lib.text import markdown_text
from pairing_parts import flash, write_failed

STATUS_COLOURS = alt.Scale(domain=list(STATUSES), range=["#2e7d32", "#f9a825", "#c62828"])
PAGE_SIZE = 40
PAIR_AXIS = alt.Axis(labelLimit=280, labelOverlap=False)  # every pair named, names not cut short
ROW = 22  # pixels per pair in the charts with one row per pair


def label(row) -> str:
    return f"{row['mentor']} + {row['mentee']}"


def by_pair(health: pd.DataFrame) -> dict[str, pd.Series]:
    """Rows keyed by the pairing, not by position: after a write the order changes under the same widget."""
    return {f"{row['pairing_id']} {row['mentor_email']} {row['mentee_email']}": row for _, row in health.iterrows()}


def kpis(health: pd.DataFrame, data: Dataset) -> None:
    k = summary(health, data)
    cells = st.columns(6)
    cells[0].metric("Active pairs", k["active_pairs"])
    cells[1].metric("Healthy", f"{k['healthy_share']:.0%}", help=f"{k['watch']} to watch, {k['at_risk']} at risk")
    cells[2].metric("At risk", k["at_risk"])
    cells[3].metric("Check-ins (month)", k["checkins_this_month"],
                    delta=k["checkins_this_month"] - k["checkins_last_month"], help="against last month")
    ratings = " / ".join("–" if v is None else f"{v:.1f}" for v in (k["mentor_rating"], k["mentee_rating"]))
    cells[4].metric("Ratings", ratings, help="Mentors / mentees: the average of each side's latest rating (1-5)")
    cells[5].metric("First meetings pending", k["first_meetings_pending"])


def date_range(data: Dataset) -> tuple:
    today = data.today()
    start = data.settings.program_start or today - timedelta(weeks=12)
    picked = st.date_input("Weeks shown", (min(start, today), today), key="health_range", format="YYYY-MM-DD")
    return picked if isinstance(picked, tuple) and len(picked) == 2 else (min(start, today), today)


def weekly_chart(data: Dataset, health: pd.DataFrame, start, end) -> None:
    weekly = health_charts.weekly_checkins(data, health, start, end)
    st.subheader("Check-ins per week")
    if weekly.empty:
        st.info("No check-ins in these weeks.", icon=":material/info:")
        return
    st.altair_chart(alt.Chart(weekly).mark_bar().encode(
        x=alt.X("yearmonthdate(week):O", title="week of", axis=alt.Axis(format="%d %b", labelAngle=0)),
        y=alt.Y("sum(checkins):Q", title="check-ins"),
        color=alt.Color("status:N", scale=STATUS_COLOURS, title="pair status today"),
        tooltip=[alt.Tooltip("week:T", title="week of"), "status:N", "checkins:Q"]), width="stretch")


def heatmap(data: Dataset, health: pd.DataFrame, start, end) -> None:
    """Pairs by week, most urgent first, paged: a silent stretch is a row of empty weeks."""
    st.subheader("Who met when")
    left, middle, right = st.columns([2, 2, 1])
    statuses = left.multiselect("Status", list(STATUSES), default=list(STATUSES), key="heat_status")
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
    grid = health_charts.pair_weeks(data, shown, start, end)
    order = list(dict.fromkeys(shown["mentor"] + " + " + shown["mentee"]))
    st.altair_chart(alt.Chart(grid).mark_rect(stroke="white").encode(
        x=alt.X("yearmonthdate(week):O", title="week of", axis=alt.Axis(format="%d %b", labelAngle=0)),
        y=alt.Y("pair:N", sort=order, title=None, axis=PAIR_AXIS),
        color=alt.Color("checkins:Q", title="check-ins",  # an empty week is pale grey, so silence stands out
                        scale=alt.Scale(domain=[0, max(int(grid["checkins"].max()), 1)], range=["#eeeeee", "#1b5e20"])),
        tooltip=["pair:N", alt.Tooltip("week:T", title="week of"), "checkins:Q", "status:N"],
    ).properties(height=ROW * len(order) + 40), width="stretch")


def silence_chart(health: pd.DataFrame) -> None:
    """Days since the last contact for each pair, against its cadence (the tick)."""
    st.subheader("Days since the last check-in")
    top = health.head(PAGE_SIZE).assign(pair=lambda f: f["mentor"] + " + " + f["mentee"],
                                        cadence_days=lambda f: f["cadence"].map(CADENCE_DAYS))
    order = list(top["pair"])
    bars = alt.Chart(top).mark_bar().encode(
        x=alt.X("days_silent:Q", title="days since the last check-in (or the start)"),
        y=alt.Y("pair:N", sort=order, title=None, axis=PAIR_AXIS), color=alt.Color("status:N", scale=STATUS_COLOURS),
        tooltip=["pair:N", "days_silent:Q", "cadence:N", "status:N"])
    ticks = alt.Chart(top).mark_tick(color="black", thickness=2).encode(
        x="cadence_days:Q", y=alt.Y("pair:N", sort=order), tooltip=["cadence:N", "cadence_days:Q"])
    st.altair_chart((bars + ticks).properties(height=ROW * len(order) + 40), width="stretch")
    st.caption("The black tick is the pair's cadence: a bar past it means a meeting is overdue.")


def attention_list(health: pd.DataFrame) -> None:
    """Pairs at risk or to watch, most urgent first, each with its reasons and a message to send."""
    needing = health[health["status"] != "Healthy"]
    if needing.empty:
        st.success("Every active pair is healthy.", icon=":material/check_circle:")
        return
    for _, row in needing.iterrows():
        icon = ":material/error:" if row["status"] == "At risk" else ":material/visibility:"
        with st.expander(markdown_text(f"{row['status']}: {label(row)} (score {row['score']})"), icon=icon,
                         expanded=row["status"] == "At risk"):
            st.text("\n".join(f"• {r}" for r in row["reasons"]))
            st.code(row["next_step"], language=None, wrap_lines=True)


def pair_story(data: Dataset, health: pd.DataFrame) -> None:
    """One pair: its numbers, ratings from both sides over time, and everything logged, newest first."""
    rows = by_pair(health)
    row = rows[st.selectbox("Pair", list(rows), format_func=lambda k: label(rows[k]), key="story_pair")]
    cells = st.columns(4)
    cells[0].metric("Status", row["status"], help="; ".join(row["reasons"]) or "no warning signs")
    cells[1].metric("Score", row["score"])
    cells[2].metric("Days since contact", row["days_silent"], help=f"cadence {row['cadence']}")
    cells[3].metric("Check-ins, 8 weeks", row["checkins_8w"], help=f"about {row['expected_8w']:.0f} expected")
    ratings = health_charts.rating_history(data, row)
    if not ratings.empty:
        st.altair_chart(alt.Chart(ratings).mark_line(point=True).encode(
            x=alt.X("date:T"), y=alt.Y("rating:Q", scale=alt.Scale(domain=[1, 5]), title="rating (1-5)"),
            color=alt.Color("side:N", title="from"), tooltip=["date:T", "side:N", "rating:Q", "comment:N"]),
            width="stretch")
    st.dataframe(health_charts.timeline(data, row), hide_index=True, width="stretch", column_config={
        "date": st.column_config.DateColumn("Date", format="D MMM YYYY"), "what": "What",
        "detail": st.column_config.TextColumn("Detail", width="large")})


def log_forms(data: Dataset, health: pd.DataFrame) -> None:
    """Log a check-in or record feedback; written through the data layer and shown at once."""
    if health.empty:
        return
    rows = by_pair(health)
    # Labels without the status: Streamlit keeps a choice by its label, and logging changes the status.
    chosen = rows[st.selectbox("Pair", list(rows), format_func=lambda k: label(rows[k]), key="log_pair")]
    left, right = st.columns(2)
    action = None  # run after the forms: a refused write shows widgets that a form cannot hold
    with left.form("log_checkin", clear_on_submit=True):
        st.markdown("**Log a check-in**")
        day = st.date_input("Date", data.today(), key="checkin_date", format="YYYY-MM-DD")
        minutes = st.number_input("Minutes", 0, 600, 30, step=5, key="checkin_minutes")
        channel = st.selectbox("Channel", CHANNELS, key="checkin_channel")
        notes = st.text_area("Notes", key="checkin_notes", placeholder="What you talked about (optional)")
        if st.form_submit_button("Log check-in", type="primary", icon=":material/add:"):
            action = (lambda: log_checkin(app_state.writer(data), chosen["mentor_email"], chosen["mentee_email"], day,
                                          data.today(), chosen["started_on"], int(minutes), channel, notes),
                      f"Logged a check-in for {label(chosen)} on {format_date(day)}.")
    with right.form("log_feedback", clear_on_submit=True):
        st.markdown("**Record feedback**")
        day_f = st.date_input("Date", data.today(), key="feedback_date", format="YYYY-MM-DD")
        role = st.radio("From", ["mentee", "mentor"], horizontal=True, key="feedback_role")
        rating = st.select_slider("Rating", [1, 2, 3, 4, 5], value=4, key="feedback_rating")
        comment = st.text_area("Comment", key="feedback_comment", placeholder="In their words (optional)")
        if st.form_submit_button("Record feedback", icon=":material/rate_review:"):
            action = (lambda: log_feedback(app_state.writer(data), chosen["mentor_email"], chosen["mentee_email"],
                                           day_f, data.today(), role, rating, chosen["started_on"], comment),
                      f"Recorded {role} feedback ({rating} of 5) for {label(chosen)}.")
    if action:
        try:
            action[0]()
        except TandemError as exc:
            write_failed(exc)
            return
        app_state.after_write()
        flash(action[1])
        st.rerun()


def report_download(health: pd.DataFrame, data: Dataset) -> None:
    csv_column, pdf_column = st.columns(2)
    csv_column.download_button("Health report (CSV)", csv_bytes(report(health)),
                               dated_name("health-report", data.today(), "csv"), mime="text/csv", on_click="ignore",
                               icon=":material/download:")
    pdf_column.download_button("Health report (PDF)", lambda: health_report_pdf(report(health), data),
                               dated_name("health-report", data.today(), "pdf"), mime="application/pdf",
                               on_click="ignore", icon=":material/picture_as_pdf:")  # built on click: a PDF takes time


def caption(data: Dataset) -> None:
    pinned = " (date pinned by the `as_of` setting)" if data.settings.as_of else ""
    st.caption(markdown_text(f"Every pairing active on {format_date(data.today())}") + pinned + ". Status is the worse "
               "of the score and the warning signs; thresholds come from your settings tab.")
