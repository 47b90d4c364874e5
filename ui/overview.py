"""The Overview page's parts: what Tandem is for and what to do next, the program's figures in two rows, who is
waiting, and each mentor's capacity."""

from __future__ import annotations

import streamlit as st

from lib.program.overview import (
    NextStep,
    ProgramSummary,
    mentor_load,
    unmatched_mentees,
)
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from ui.widgets import mail_links, people_columns

PURPOSE = ("Tandem pairs your interns with mentors, follows how each pair is doing, and shows what the program "
           "achieves, from the spreadsheet you already keep.")
STEP_PAGES = {"pairings": ("pages/pairings.py", ":material/join:"),
              "health": ("pages/health.py", ":material/ecg_heart:"),
              "roster": ("pages/roster.py", ":material/group:"),
              "setup": ("pages/setup.py", ":material/table_view:")}


def next_steps(steps: list[NextStep]) -> None:
    """One card per thing to do, each with a link to the page that does it."""
    if not steps:
        st.success("Nothing waits for you: every intern has a mentor, no pair is at risk and the data reads "
                   "cleanly.", icon=":material/check_circle:")
        return
    for cell, step in zip(st.columns(len(steps)), steps):
        with cell.container(border=True):
            st.markdown(markdown_text(step.text))
            page, icon = STEP_PAGES[step.page]
            st.page_link(page, label=step.action, icon=icon)


def figures(summary: ProgramSummary, at_risk: int, on_plan: tuple[int, int]) -> None:
    """The program in numbers; `on_plan` is (active pairs with no overdue plan step, active pairs)."""
    row = st.columns(5)
    row[0].metric("People", f"{summary.mentors + summary.mentees}",
                  help=f"{summary.mentors} active mentors, {summary.mentees} active mentees")
    row[1].metric("Mentors", summary.mentors)
    row[2].metric("Mentees", summary.mentees)
    row[3].metric("Active pairs", summary.active_pairs, help=f"{summary.proposed_pairs} more proposed")
    row[4].metric("Capacity left", summary.capacity_left, help=f"of {summary.capacity_total} mentoring slots")
    this, last = summary.periods
    row = st.columns(6)
    row[0].metric("Unmatched mentees", summary.unmatched_mentees)
    row[1].metric("Pairs at risk", at_risk, help="as the Health page judges them today")
    row[2].metric("Check-ins this month", summary.checkins_this_month,
                  delta=f"{summary.checkins_this_month - summary.checkins_last_month:+d} against {last}",
                  help=f"Check-ins {this} against {last}: the same days of each month")
    row[3].metric("Incomplete profiles", summary.incomplete_profiles,
                  help="Active people missing a field the pairing reads (goals or skills, time zone, seniority, "
                       "languages, interests, a mentor's capacity): the Roster page shows what each one misses")
    row[4].metric("Data problems", summary.problems, help=f"{summary.problem_errors} of them are errors: a row or "
                  "value that was not loaded; the rest are warnings")
    kept, pairs = on_plan
    row[5].metric("Pairs on plan", f"{kept / pairs:.0%}" if pairs else "–",
                  help=f"{kept} of {pairs} active pairs have no overdue step of the program plan (Health, One pair)")


def waiting(data: Dataset) -> None:
    st.subheader("Waiting for a mentor")
    mentees = unmatched_mentees(data)
    if mentees.empty and not any(m.active for m in data.mentees):
        st.caption("No active mentees yet: add interns on the Roster page (or to the mentees tab), then suggest "
                   "pairs.")
        return
    if mentees.empty:
        st.success("Every active mentee has a proposed or active pairing.", icon=":material/check_circle:")
        return
    late = mentees[mentees["too_long"]]
    if len(late):
        days = data.settings.waiting_alert_days
        named = "; ".join(f"{n} ({d} days)" for n, d in zip(late["name"].head(5), late["waiting_days"].head(5)))
        more = f" and {len(late) - 5} more" if len(late) > 5 else ""
        st.warning(markdown_text(f"{plural(len(late), 'mentee has', 'mentees have')} waited more than {days} days "
                                 f"since signing up: {named}{more}."), icon=":material/schedule:")
    shown = mentees.drop(columns=["too_long"] + ([] if mentees["waiting_days"].notna().any() else ["waiting_days"]))
    st.dataframe(mail_links(shown), hide_index=True, width="stretch", column_config={
        **people_columns(), "waiting_days": st.column_config.NumberColumn("Waiting (days)", format="%d",
                                                                          help="since they signed up")})


def capacity(data: Dataset) -> None:
    st.subheader("Mentor capacity")
    load = mentor_load(data)
    if load.empty:
        st.info("No mentors yet: add them to the mentors tab.", icon=":material/info:")
        return
    shown = mail_links(load[load["active"].astype(bool)].drop(columns=["active"]))
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        **people_columns(),
        "used": st.column_config.ProgressColumn("Used", help="proposed and active pairings", format="%d",
                                                min_value=0, max_value=max(int(load["capacity"].max()), 1)),
        "left": st.column_config.NumberColumn("Left"),
        "capacity": st.column_config.NumberColumn("Capacity"),
    })
    if inactive := int((~load["active"].astype(bool)).sum()):
        st.caption(f"{plural(inactive, 'inactive mentor')} not shown: they take no mentees.")
