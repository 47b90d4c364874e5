"""The Pairings page's parts: the run's options, the suggestion with locks and forbids, accepting it."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import app_state
from lib import lifecycle
from lib.dataset import Dataset
from lib.errors import TandemError, WriteConflict
from lib.exports import csv_bytes, dated_name, xlsx_bytes
from lib.matching import CRITERIA, LABELS, PRESET_FOR_TYPE, PRESETS, PairingOptions, Suggestion, Weights, suggest
from lib.text import markdown_text, plural

TYPES = {"one-on-one": "One-on-one", "group": "Group", "peer": "Peer"}
GOALS = {"everyone": "Match everyone first", "best": "Best matches only"}
ALL_COHORTS = "All cohorts"
LOCKS, FORBIDS, RUN, FLASH = "pairing_locks", "pairing_forbids", "pairing_run", "pairing_flash"


def names(data: Dataset) -> dict[str, str]:
    return {p.email: p.name or p.email for p in [*data.mentees, *data.mentors]}


def flash(message: str) -> None:
    """A message to show after the rerun that follows a write."""
    st.session_state[FLASH] = message


def show_flash() -> None:
    """Always a container, message or not: the tabs below keep their place, so the browser keeps the open tab."""
    box = st.container()
    if message := st.session_state.pop(FLASH, None):
        box.success(markdown_text(message), icon=":material/check_circle:")


def write_failed(exc: TandemError) -> None:
    """A refused write says why; a conflict shows both versions of the row so nothing is overwritten blindly."""
    st.error(markdown_text(str(exc)), icon=":material/error:")
    if isinstance(exc, WriteConflict):
        versions = pd.DataFrame({"as the dashboard read it": exc.seen,
                                 "in the spreadsheet now": exc.current or {}}).fillna("")
        st.dataframe(versions)
        st.button("Reload the data", on_click=app_state.after_write, icon=":material/refresh:")


# --- options ----------------------------------------------------------------------------------------------

def _apply_preset() -> None:
    weights = PRESETS[st.session_state["pair_preset"]]
    for name in CRITERIA:
        st.session_state[f"weight_{name}"] = int(getattr(weights, name))


def _preset_for_type() -> None:
    st.session_state["pair_preset"] = PRESET_FOR_TYPE[st.session_state["pair_type"]]
    _apply_preset()


def options_form(data: Dataset) -> PairingOptions | None:
    """The run's options; returned when the lead asks for a suggestion."""
    if "pair_preset" not in st.session_state:
        st.session_state["pair_type"] = "one-on-one"
        _preset_for_type()
    left, right = st.columns(2)
    kind = left.radio("Mentorship type", list(TYPES), format_func=TYPES.get, key="pair_type", horizontal=True,
                      on_change=_preset_for_type)
    right.selectbox("Weights preset", list(PRESETS), key="pair_preset", on_change=_apply_preset,
                    help="A starting point for the weights below; each type opens on its own.")
    cohorts = sorted({m.cohort for m in data.mentees if m.cohort})
    with st.form("pairing_options", border=True):
        one, two, three = st.columns(3)
        goal = one.radio("Goal", list(GOALS), format_func=GOALS.get, key="pair_goal",
                         help="Match everyone first: the most mentees placed, then the best total. Best matches "
                              "only: no pair below the minimum score; those mentees wait, with the reason.")
        min_score = one.slider("Minimum score (best matches only)", 0, 100, 40, key="pair_min_score")
        not_same_team = two.toggle("Never two people of the same team", key="pair_not_same_team")
        cohort = two.selectbox("Cohort", [ALL_COHORTS, *cohorts], key="pair_cohort",
                               disabled=not cohorts, help="Pair only the mentees of one cohort.")
        with three.expander("Weights", icon=":material/tune:"):
            for name in CRITERIA:
                st.slider(LABELS[name].capitalize(), 0, 100, key=f"weight_{name}")
        if not st.form_submit_button("Suggest pairs", type="primary", icon=":material/join:"):
            return None
    values = {name: float(st.session_state[f"weight_{name}"]) for name in CRITERIA}
    if not any(values.values()):
        st.error("Give at least one criterion a weight above 0.", icon=":material/error:")
        return None
    return PairingOptions(type=kind, goal=goal, min_score=float(min_score), not_same_team=not_same_team,
                          cohort="" if cohort == ALL_COHORTS else cohort, weights=Weights(**values))


def run(data: Dataset, options: PairingOptions) -> None:
    """Suggest with the session's locks and forbids, and keep the result for this session."""
    locks = app_state.session_value(LOCKS, set())
    forbids = app_state.session_value(FORBIDS, set())
    options = PairingOptions(**{**options.__dict__, "locked": frozenset(locks), "forbidden": frozenset(forbids)})
    try:
        result = suggest(data, options)
    except TandemError as exc:  # a lock that a hard rule forbids: say which
        st.error(markdown_text(str(exc)), icon=":material/error:")
        return
    previous = st.session_state.get(RUN, {}).get("number", 0)
    st.session_state[RUN] = {"options": options, "result": result, "version": app_state.data_version(),
                             "number": previous + 1}


def current_run() -> dict | None:
    """The last suggestion, unless the data changed since (then it is dropped: it may double-book)."""
    saved = st.session_state.get(RUN)
    if saved and saved["version"] != app_state.data_version():
        app_state.forget_value(RUN)
        return None
    return saved


# --- the suggestion ---------------------------------------------------------------------------------------

def summary_metrics(result: Suggestion) -> None:
    s = result.summary
    cells = st.columns(4)
    cells[0].metric("Placed", s.placed)
    cells[1].metric("Unmatched", s.unmatched)
    cells[2].metric("Average score", f"{s.average_score:.0f}", help="0-100: the weighted criteria")
    cells[3].metric("Blocking pairs", s.blocking_pairs,
                    help="Pairs not made where both would rather have each other than what they got: "
                         "0 means nobody has a reason to swap.")


def pairs_editor(data: Dataset, saved: dict) -> pd.DataFrame:
    """The suggested pairs, with Lock and Forbid boxes; returns the table as the lead left it."""
    result: Suggestion = saved["result"]
    who = names(data)
    peer = result.type == "peer"
    locks = app_state.session_value(LOCKS, set())
    frame = pd.DataFrame({
        "lock": [(p.mentor_email, p.mentee_email) in locks for p in result.pairs],
        "forbid": False,
        "mentor": [who.get(p.mentor_email, p.mentor_email) for p in result.pairs],
        "mentee": [who.get(p.mentee_email, p.mentee_email) for p in result.pairs],
        "score": [p.score for p in result.pairs],
        "reason": [p.reason for p in result.pairs],
        "runner_up": [f"{who.get(p.runner_up, p.runner_up)} ({p.runner_up_score:.0f})" if p.runner_up else ""
                      for p in result.pairs],
        "mentor_email": [p.mentor_email for p in result.pairs],
        "mentee_email": [p.mentee_email for p in result.pairs],
    })
    return st.data_editor(
        frame, key=f"pairs_editor_{saved['number']}", hide_index=True, width="stretch",
        disabled=["mentor", "mentee", "score", "reason", "runner_up"],
        column_order=["lock", "forbid", "mentor", "mentee", "score", "reason", "runner_up"],
        column_config={
            "lock": st.column_config.CheckboxColumn("Lock", help="Keep this pair in every rerun"),
            "forbid": st.column_config.CheckboxColumn("Forbid", help="Never make this pair"),
            "mentor": "Peer" if peer else "Mentor",
            "mentee": "Peer" if peer else "Mentee",
            "score": st.column_config.ProgressColumn("Score", min_value=0, max_value=100, format="%.0f"),
            "reason": st.column_config.TextColumn("Why this pair", width="large"),
            "runner_up": st.column_config.TextColumn("Runner-up", help="The best other candidate the rules allow"),
        })


def rerun_with_marks(data: Dataset, saved: dict, edited: pd.DataFrame) -> None:
    locked = {(r.mentor_email, r.mentee_email) for r in edited.itertuples() if r.lock}
    forbidden = {(r.mentor_email, r.mentee_email) for r in edited.itertuples() if r.forbid and not r.lock}
    st.session_state[LOCKS] = locked
    st.session_state[FORBIDS] = app_state.session_value(FORBIDS, set()) | forbidden
    run(data, saved["options"])


def marks_caption(data: Dataset) -> None:
    locks, forbids = app_state.session_value(LOCKS, set()), app_state.session_value(FORBIDS, set())
    if not (locks or forbids):
        return
    who = names(data)
    listed = "; ".join(f"{who.get(a, a)} + {who.get(b, b)}" for a, b in sorted(forbids))
    st.caption(markdown_text(f"{plural(len(locks), 'locked pair')}, {plural(len(forbids), 'forbidden pair')}"
                             + (f". Forbidden: {listed}" if forbids else "")))


def clear_marks() -> None:
    app_state.forget_value(LOCKS, FORBIDS)


def contributions_chart(data: Dataset, result: Suggestion) -> None:
    """Every criterion's points for one pair; they add up to its score."""
    who = names(data)
    by_key = {f"{p.mentor_email} {p.mentee_email}": p for p in result.pairs}  # stable across reruns
    labels = {k: f"{who.get(p.mentor_email, p.mentor_email)} + {who.get(p.mentee_email, p.mentee_email)}"
              for k, p in by_key.items()}
    key = st.selectbox("Explain a pair", list(labels), format_func=labels.get, key="explain_pair")
    if key is None:
        return
    pair = by_key[key]
    parts = pd.DataFrame({"criterion": [LABELS[c] for c in pair.contributions],
                          "points": list(pair.contributions.values())})
    chart = alt.Chart(parts).mark_bar().encode(
        x=alt.X("points:Q", title="points of the score"), y=alt.Y("criterion:N", sort="-x", title=None),
        tooltip=["criterion", alt.Tooltip("points:Q", format=".1f")])
    st.altair_chart(chart, width="stretch")
    st.caption(markdown_text(f"Score {pair.score:.1f} = the sum of the bars. Shared goals saved with the pair: "
                             f"{'; '.join(pair.goals) or 'none'}."))


def unmatched_table(data: Dataset, result: Suggestion) -> None:
    if not result.unmatched:
        return
    who = names(data)
    st.subheader(f"Waiting ({len(result.unmatched)})")
    st.dataframe(pd.DataFrame({"mentee": [who.get(u.mentee_email, u.mentee_email) for u in result.unmatched],
                               "email": [u.mentee_email for u in result.unmatched],
                               "reason": [u.reason for u in result.unmatched]}),
                 hide_index=True, column_config={"mentee": "Mentee", "email": "Email",
                                                 "reason": st.column_config.TextColumn("Why", width="large")})


def groups_table(data: Dataset, result: Suggestion) -> None:
    if not result.groups:
        return
    who = names(data)
    st.subheader("Groups")
    st.dataframe(pd.DataFrame({"mentor": [who.get(g.mentor_email, g.mentor_email) for g in result.groups],
                               "members": [", ".join(who.get(e, e) for e in g.members) for g in result.groups],
                               "themes": ["; ".join(g.themes) or "none shared yet" for g in result.groups]}),
                 hide_index=True, column_config={"mentor": "Mentor", "members": "Members",
                                                 "themes": "Common themes"})


def accept_form(data: Dataset, saved: dict) -> None:
    result: Suggestion = saved["result"]
    if not result.pairs:
        return
    left, right = st.columns([2, 3])
    status = left.radio("Save the pairs as", ["proposed", "active"], key="accept_status", horizontal=True,
                        format_func={"proposed": "Proposed", "active": "Active from today"}.get)
    if right.button(f"Accept {plural(len(result.pairs), 'pair')}", type="primary", icon=":material/done_all:"):
        try:
            ids = lifecycle.accept(app_state.writer(data), data, result.pairs,
                                   activate_on=data.today() if status == "active" else None)
        except TandemError as exc:
            write_failed(exc)
            return
        clear_marks()
        app_state.forget_value(RUN)
        app_state.after_write()
        flash(f"Saved {plural(len(ids), 'pairing')} as {status} ({', '.join(ids)}).")
        st.rerun()


def suggestion_downloads(data: Dataset, result: Suggestion) -> None:
    frame = result.frame()
    left, right = st.columns(2)
    left.download_button("Suggestion (CSV)", csv_bytes(frame), dated_name("suggested-pairs", data.today(), "csv"),
                         mime="text/csv", on_click="ignore", icon=":material/download:")
    right.download_button("Suggestion (XLSX)", xlsx_bytes(frame, "suggested pairs"),
                          dated_name("suggested-pairs", data.today(), "xlsx"), on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:")

