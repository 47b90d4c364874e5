"""The Outcomes page's parts: the impact figures cohort beside cohort (table and chart, with the published reference
labelled as one), the one-page PDF for leadership, and the form that records what became of a mentee."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from lib.contract.dates import format_date
from lib.contract.values import skill_ratings_text
from lib.outcomes.report import FIGURES, LABELS, chart_frame, table
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from lib.vocabulary import (
    COHORT_COLOURS,
    NACE_ACCEPTANCE_RATE,
    NACE_OFFER_RATE,
    NACE_REFERENCE,
    OFFER_LABELS,
    OFFERS,
    REFERENCE_COLOUR,
    SKILL_LEVELS,
)
from lib.writing.outcomes import latest_outcome, record_outcome
from ui import notices, state
from ui.widgets import PDF, chart

REFERENCE_NOTE = (f"Reference, not a target: {NACE_REFERENCE} (NACE, the US National Association of Colleges and "
                  f"Employers), {NACE_OFFER_RATE * 100:.1f} % of interns offered a job and "
                  f"{NACE_ACCEPTANCE_RATE * 100:.1f} % of offers accepted.")


def figures_table(report: dict[str, dict[str, object]]) -> None:
    st.dataframe(table(report), width="stretch", column_config={"_index": st.column_config.TextColumn("Figure")})


def figures_chart(data: Dataset, report: dict[str, dict[str, object]], on: date) -> None:
    frame = chart_frame(report)
    if frame.empty:
        st.info("No figure has data yet: pairs, check-ins, goals and outcomes fill them in.", icon=":material/info:")
        return
    chart(data, "impact", lambda: impact_chart(frame), on, tuple(report))
    st.caption(markdown_text(REFERENCE_NOTE))


def impact_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Each fraction as a bar per cohort (house palette), the reference as a dark dashed tick on its figure."""
    cohorts = list(dict.fromkeys(frame["cohort"]))
    colours = [COHORT_COLOURS[k % len(COHORT_COLOURS)] for k in range(len(cohorts))]
    order = [LABELS[k] for k in FIGURES if LABELS[k] in set(frame["figure"])]
    y = alt.Y("figure:N", title=None, sort=order, axis=alt.Axis(labelLimit=260))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("value:Q", title=None, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        y=y, yOffset=alt.YOffset("cohort:N", sort=cohorts),
        color=alt.Color("cohort:N", title="cohort", sort=cohorts, scale=alt.Scale(domain=cohorts, range=colours)),
        tooltip=[alt.Tooltip("cohort:N"), alt.Tooltip("figure:N"), alt.Tooltip("value:Q", format=".0%")])
    references = frame.dropna(subset=["reference"]).drop_duplicates("figure")
    ticks = alt.Chart(references).mark_tick(color=REFERENCE_COLOUR, thickness=2, strokeDash=[4, 2], size=26).encode(
        x="reference:Q", y=y, tooltip=[alt.Tooltip("figure:N"), alt.Tooltip("reference:Q", title=NACE_REFERENCE,
                                                                            format=".1%")])
    labels = alt.Chart(references).mark_text(align="left", dx=4, dy=-10, fontSize=11, color=REFERENCE_COLOUR).encode(
        x="reference:Q", y=y, text=alt.value(f"{NACE_REFERENCE} (reference)"))
    return (bars + ticks + labels).properties(height=alt.Step(14))


ALL_COHORTS = "All cohorts"


def cohort_choice(report: dict[str, dict[str, object]]) -> tuple[dict[str, dict[str, object]], str | None]:
    """The cohorts the page (and its PDF) shows, all (cohort beside cohort) or the one the lead picks, and its name
    (None: all)."""
    if len(report) < 2:
        return report, None
    chosen = st.selectbox("Cohorts", [ALL_COHORTS, *report], key="impact_cohort",
                          help="The figures, the chart and the PDF for every cohort, or for one")
    return (report, None) if chosen == ALL_COHORTS else ({chosen: report[chosen]}, chosen)


def pdf_download(data: Dataset, report: dict[str, dict[str, object]], on: date, cohort: str | None = None,
                 where=st) -> None:
    from lib.documents.pdf.impact_report import impact_report_pdf  # fpdf2 loads once a page offers a PDF

    named = f"-{'-'.join(cohort.lower().split())}" if cohort else ""
    where.download_button("Impact report (PDF, one page)", lambda: impact_report_pdf(report, data, on),
                          f"tandem-impact{named}-{on.isoformat()}.pdf", mime=PDF, on_click="ignore",
                          icon=":material/picture_as_pdf:")


def outcome_form(data: Dataset) -> None:
    """Record what became of a mentee; the skills before start from their latest record."""
    who = data.names
    mentees = sorted((m.email for m in data.mentees), key=lambda e: who.get(e, e).casefold())
    if not mentees:
        return
    st.subheader("Record an outcome")
    mentee = st.selectbox("Mentee", mentees, format_func=lambda e: who.get(e, e), key="outcome_mentee")
    latest = latest_outcome(data, mentee)
    if latest is not None:
        offer = OFFER_LABELS[latest.offer] if latest.offer else "no offer said"
        st.caption(markdown_text(f"Latest record, {format_date(latest.date)}: {offer}"
                                 + (f"; {latest.next_step}" if latest.next_step else "")
                                 + ". A new record becomes the latest: the form starts from this one."))
    action = None  # run after the form: a refused write shows widgets that a form cannot hold
    with st.form(f"record_outcome_{mentee}", clear_on_submit=False):
        left, right = st.columns(2)
        day = left.date_input("Date", data.today(), key=f"outcome_date_{mentee}", format="YYYY-MM-DD")
        offer = right.selectbox("Job offer", OFFERS, index=OFFERS.index(latest.offer) if latest and latest.offer
                                else None, format_func=lambda o: OFFER_LABELS[o].capitalize(), placeholder="Choose",
                                key=f"outcome_offer_{mentee}")
        next_step = st.text_input("Next step", key=f"outcome_next_{mentee}", value=latest.next_step if latest else "",
                                  placeholder="e.g. joins the platform team in September")
        levels = f"{SKILL_LEVELS[0]}-{SKILL_LEVELS[1]} each"
        before = left.text_input(f"Skills before ({levels})", key=f"outcome_before_{mentee}",
                                 value=skill_ratings_text(latest.skills_before) if latest else "",
                                 placeholder="SQL:2; Airflow:1")
        after = right.text_input(f"Skills after ({levels})", key=f"outcome_after_{mentee}",
                                 value=skill_ratings_text(latest.skills_after) if latest else "",
                                 placeholder="SQL:4; Airflow:3")
        notes = st.text_area("Notes", key=f"outcome_notes_{mentee}", placeholder="Optional")
        if st.form_submit_button("Record outcome", type="primary", icon=":material/flag:"):
            def action():
                return record_outcome(state.writer(data), data, mentee, day, offer or "", next_step, before, after,
                                      notes)
    if action:
        notices.save(action, f"Recorded the outcome of {who.get(mentee, mentee)} on {format_date(day)}"
                             + (f": {OFFER_LABELS[offer]}." if offer else "."))


def latest_table(data: Dataset) -> None:
    """Each mentee's latest outcome, for the lead to check what the report counts."""
    who = data.names
    rows = [latest_outcome(data, m.email) for m in data.mentees]
    rows = [o for o in rows if o is not None]
    if not rows:
        st.caption("No outcome is recorded yet.")
        return
    frame = pd.DataFrame([{"mentee": who.get(o.mentee_email, o.mentee_email), "date": o.date,
                           "offer": OFFER_LABELS[o.offer] if o.offer else "",
                           "next step": o.next_step, "skills before": skill_ratings_text(o.skills_before),
                           "skills after": skill_ratings_text(o.skills_after)} for o in rows])
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"date": st.column_config.DateColumn("date", format="D MMM YYYY")})
