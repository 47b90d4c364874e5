"""One pair on the Health page: its numbers, ratings from both sides over time and everything logged; and the forms
to log a check-in or record feedback, written through the writer and shown at once."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from lib.contract.dates import format_date
from lib.health import charts as health_charts
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from lib.vocabulary import CHANNELS, SIDE_COLOURS, SIDE_SHAPES
from lib.writing.log_entries import log_checkin, log_feedback
from ui import notices, state
from ui.health.fit import fit_form, rematch_offer
from ui.health.goals import goals_section
from ui.health.pairs import label, pick_pair, stored_pairing
from ui.health.plan import plan_section
from ui.widgets import calendar_button, chart


def pair_story(data: Dataset, health: pd.DataFrame) -> None:
    """One pair: its numbers, ratings from both sides over time, and everything logged, newest first."""
    row = pick_pair(health, key="story_pair")
    cells = st.columns(4)
    cells[0].metric("Status", row["status"], help=markdown_text("; ".join(row["reasons"]) or "no warning signs"))
    cells[1].metric("Score", row["score"])
    cells[2].metric("Days since contact", row["days_silent"], help=f"cadence {row['cadence']}")
    cells[3].metric("Check-ins, 8 weeks", row["checkins_8w"], help=f"about {row['expected_8w']:.0f} expected")
    pairing = row["pairing_id"], row["mentor_email"], row["mentee_email"]
    stored = stored_pairing(data, row)
    if row["fit"]:
        st.caption(markdown_text(f"Pairing fit: {row['fit']}"))
    rematch_offer(data, row, stored, "story")
    if stored is not None:
        calendar_button(data, [stored], "Meetings for this pair (.ics)", "story_calendar",
                        f"meetings-{stored.mentee_email}")
    ratings = state.derived("ratings", data, lambda: health_charts.rating_history(data, row), *pairing)
    if not ratings.empty:
        chart(data, "ratings", lambda: rating_chart(ratings), *pairing)
    goals_section(data, stored)
    plan_section(data, row)
    st.subheader("Everything logged")
    timeline = state.derived("timeline", data, lambda: health_charts.timeline(data, row), *pairing)
    st.dataframe(timeline, hide_index=True, width="stretch", column_config={
        "date": st.column_config.DateColumn("Date", format="D MMM YYYY"), "what": "What",
        "detail": st.column_config.TextColumn("Detail", width="large")})


def rating_chart(ratings: pd.DataFrame) -> alt.LayerChart:
    """Both sides' ratings over time: a colour and a shape per side, the mentee's points nudged up a little so an
    equal rating on the same day never hides the other, and one date label per week."""
    sides = list(SIDE_COLOURS)
    shown = ratings.assign(shown=ratings["rating"] + ratings["side"].map(dict(zip(sides, (-0.06, 0.06)))))
    encoding = {
        "x": alt.X("date:T", title=None, axis=alt.Axis(format="%d %b", labelAngle=0, tickCount="week")),
        "y": alt.Y("shown:Q", title="rating (1-5)", scale=alt.Scale(domain=[0.7, 5.3]),
                   axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d")),
        "color": alt.Color("side:N", title="from", scale=alt.Scale(domain=sides, range=list(SIDE_COLOURS.values()))),
        "tooltip": [alt.Tooltip("date:T", format="%d %b %Y"), alt.Tooltip("side:N", title="from"), "rating:Q",
                    "comment:N"]}
    line = alt.Chart(shown).mark_line(strokeWidth=2).encode(**encoding, strokeDash=alt.StrokeDash(
        "side:N", title="from", scale=alt.Scale(domain=sides, range=[[1, 0], [5, 3]])))
    points = alt.Chart(shown).mark_point(size=90, filled=True).encode(**encoding, shape=alt.Shape(
        "side:N", title="from", scale=alt.Scale(domain=sides, range=list(SIDE_SHAPES.values()))))
    return (line + points).resolve_scale(color="shared")


def log_forms(data: Dataset, health: pd.DataFrame) -> None:
    """Log a check-in, record feedback or a fit answer; written through the data layer and shown at once."""
    if health.empty:
        return
    chosen = pick_pair(health, key="log_pair")
    left, right = st.columns(2)
    action = None  # run after the forms: a refused write shows widgets that a form cannot hold
    with left.form("log_checkin", clear_on_submit=True):
        st.markdown("**Log a check-in**")
        day = st.date_input("Date", data.today(), key="checkin_date", format="YYYY-MM-DD")
        minutes = st.number_input("Minutes", 0, 600, 30, step=5, key="checkin_minutes")
        channel = st.selectbox("Channel", CHANNELS, key="checkin_channel")
        notes = st.text_area("Notes", key="checkin_notes", placeholder="What you talked about (optional)")
        if st.form_submit_button("Log check-in", type="primary", icon=":material/add:"):
            action = (lambda: log_checkin(state.writer(data), chosen["mentor_email"], chosen["mentee_email"], day,
                                          data.today(), chosen["started_on"], int(minutes), channel, notes),
                      f"Logged a check-in for {label(chosen)} on {format_date(day)}.")
    with right.form("log_feedback", clear_on_submit=True):
        st.markdown("**Record feedback**")
        day_f = st.date_input("Date", data.today(), key="feedback_date", format="YYYY-MM-DD")
        role = st.radio("From", ["mentee", "mentor"], horizontal=True, key="feedback_role")
        rating = st.select_slider("Rating", [1, 2, 3, 4, 5], value=4, key="feedback_rating")
        comment = st.text_area("Comment", key="feedback_comment", placeholder="In their words (optional)")
        if st.form_submit_button("Record feedback", icon=":material/rate_review:"):
            action = (lambda: log_feedback(state.writer(data), chosen["mentor_email"], chosen["mentee_email"],
                                           day_f, data.today(), role, rating, chosen["started_on"], comment),
                      f"Recorded {role} feedback ({rating} of 5) for {label(chosen)}.")
    action = fit_form(data, chosen, st.columns(2)[0]) or action
    if action:
        notices.save(*action)
