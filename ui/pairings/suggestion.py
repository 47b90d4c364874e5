"""The Pairings page's suggestion: the run with the session's locks and forbids, the suggested pairs to adjust,
why each pair was chosen, who waits and why, and accepting the pairs through the pairing lifecycle."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from lib.errors import TandemError
from lib.matching.criteria import LABELS
from lib.matching.options import PairingOptions
from lib.matching.suggestion import Suggestion
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from lib.vocabulary import ACTIVE, HOUSE_COLOUR, PEER, PROPOSED
from lib.writing import lifecycle
from lib.writing.goals import NO_GOALS_TAB, keeps_goals
from ui import notices, state
from ui.widgets import chart, csv_download, pick, xlsx_download

LOCKS, FORBIDS, RUN = "pairing_locks", "pairing_forbids", "pairing_run"


def run(data: Dataset, options: PairingOptions) -> None:
    """Suggest with the session's locks and forbids, and keep the result for this session."""
    from lib.matching.engine import (
        suggest,  # the solvers (scipy.optimize, OR-tools) load on the first request
    )
    locks = state.session_value(LOCKS, set())
    forbids = state.session_value(FORBIDS, set())
    options = PairingOptions(**{**options.__dict__, "locked": frozenset(locks), "forbidden": frozenset(forbids)})
    try:
        result = suggest(data, options)
    except TandemError as exc:  # a lock that a hard rule forbids: say which
        st.error(markdown_text(str(exc)), icon=":material/error:")
        return
    previous = (state.value(RUN) or {}).get("number", 0)
    state.set_value(RUN, {"options": options, "result": result, "version": state.data_version(),
                          "number": previous + 1})


def current_run() -> dict | None:
    """The last suggestion, unless the data changed since (then it is dropped: it may double-book)."""
    saved = state.value(RUN)
    if saved and saved["version"] != state.data_version():
        state.forget_value(RUN)
        return None
    return saved


def summary_metrics(result: Suggestion) -> None:
    s = result.summary
    cells = st.columns(4)
    cells[0].metric("Placed", s.placed)
    cells[1].metric("Unmatched", s.unmatched)
    cells[2].metric("Average score", f"{s.average_score:.0f}", help="0-100: the weighted criteria")
    cells[3].metric("Blocking pairs", s.blocking_pairs,
                    help="Two people who would both rather be paired with each other than with what they got: "
                         "0 means nobody has a reason to swap.")
    if result.blocking:
        with st.expander(f"Who would rather swap ({s.blocking_pairs})", icon=":material/swap_horiz:"):
            st.markdown("\n".join(f"- {markdown_text(line)}" for line in result.blocking))
            more = s.blocking_pairs - len(result.blocking)
            st.caption(("" if more <= 0 else f"and {plural(more, 'more pair')}. ") +
                       "Tandem places the most people with the best total score, so a few people can prefer each "
                       "other to what they got. Lock a pair to make it anyway.")


def pairs_editor(data: Dataset, saved: dict) -> pd.DataFrame:
    """The suggested pairs, with Lock and Forbid boxes; returns the table as the lead left it."""
    result: Suggestion = saved["result"]
    who = data.names
    peer = result.type == PEER
    locks = state.session_value(LOCKS, set())
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


def _marks(edited: pd.DataFrame) -> tuple[set, set]:
    """The Lock and Forbid ticks as the lead left them in the table (a pair ticked both ways is locked)."""
    locked = {(r.mentor_email, r.mentee_email) for r in edited.itertuples() if r.lock}
    return locked, {(r.mentor_email, r.mentee_email) for r in edited.itertuples() if r.forbid and not r.lock}


def unapplied_marks(saved: dict, edited: pd.DataFrame) -> bool:
    """Whether the table holds ticks the shown suggestion was not run with."""
    locked, forbidden = _marks(edited)
    shown = {(p.mentor_email, p.mentee_email) for p in saved["result"].pairs}
    return bool(forbidden) or locked != state.session_value(LOCKS, set()) & shown


def rerun_with_marks(data: Dataset, saved: dict, edited: pd.DataFrame) -> None:
    locked, forbidden = _marks(edited)
    state.set_value(LOCKS, locked)
    state.set_value(FORBIDS, state.session_value(FORBIDS, set()) | forbidden)
    run(data, saved["options"])


def marks_caption(data: Dataset) -> None:
    locks, forbids = state.session_value(LOCKS, set()), state.session_value(FORBIDS, set())
    if not (locks or forbids):
        return
    who = data.names
    listed = "; ".join(f"{who.get(a, a)} + {who.get(b, b)}" for a, b in sorted(forbids))
    st.caption(markdown_text(f"{plural(len(locks), 'locked pair')}, {plural(len(forbids), 'forbidden pair')}"
                             + (f". Forbidden: {listed}" if forbids else "")))


def clear_marks() -> None:
    state.forget_value(LOCKS, FORBIDS)


def forget_run() -> None:
    """After the pairs are saved: the suggestion and its marks belong to the data before the write."""
    clear_marks()
    state.forget_value(RUN)


def contributions_chart(data: Dataset, saved: dict) -> None:
    """Every criterion's points for one pair; they add up to its score."""
    result: Suggestion = saved["result"]
    who = data.names
    pair = pick("Explain a pair", {f"{p.mentor_email} {p.mentee_email}": p for p in result.pairs},
                lambda p: f"{who.get(p.mentor_email, p.mentor_email)} + {who.get(p.mentee_email, p.mentee_email)}",
                key="explain_pair")
    if pair is None:
        return
    parts = pd.DataFrame({"criterion": [LABELS[c] for c in pair.contributions],
                          "points": list(pair.contributions.values())})
    chart(data, "contributions", lambda: alt.Chart(parts).mark_bar(color=HOUSE_COLOUR).encode(
        x=alt.X("points:Q", title="points of the score"),
        y=alt.Y("criterion:N", sort="-x", title=None, axis=alt.Axis(labelLimit=0)),  # labels never cut short
        tooltip=["criterion", alt.Tooltip("points:Q", format=".1f")]),
          saved["number"], pair.mentor_email, pair.mentee_email)
    st.caption(markdown_text(f"Score {pair.score:.1f} = the sum of the bars. Shared goals saved with the pair: "
                             f"{'; '.join(pair.goals) or 'none'}."))


def unmatched_table(data: Dataset, result: Suggestion) -> None:
    if not result.unmatched:
        return
    who = data.names
    st.subheader(f"Waiting ({len(result.unmatched)})")
    st.dataframe(pd.DataFrame({"mentee": [who.get(u.mentee_email, u.mentee_email) for u in result.unmatched],
                               "email": [u.mentee_email for u in result.unmatched],
                               "reason": [u.reason for u in result.unmatched]}),
                 hide_index=True, column_config={"mentee": "Mentee", "email": "Email",
                                                 "reason": st.column_config.TextColumn("Why", width="large")})


def groups_table(data: Dataset, result: Suggestion) -> None:
    if not result.groups:
        return
    who = data.names
    st.subheader("Groups")
    st.dataframe(pd.DataFrame({"mentor": [who.get(g.mentor_email, g.mentor_email) for g in result.groups],
                               "members": [", ".join(who.get(e, e) for e in g.members) for g in result.groups],
                               "themes": ["; ".join(g.themes) or "none shared yet" for g in result.groups]}),
                 hide_index=True, column_config={"mentor": "Mentor", "members": "Members",
                                                 "themes": "Common themes"})


def accept_form(data: Dataset, saved: dict, edited: pd.DataFrame) -> None:
    """Accept saves the pairs shown. Lock or Forbid ticks not yet applied are applied first: when the pairs stay
    the same they are saved; when they change, nothing is saved and the lead reviews the new pairs."""
    result: Suggestion = saved["result"]
    if not result.pairs:
        return
    left, right = st.columns([2, 3])
    status = left.radio("Save the pairs as", [PROPOSED, ACTIVE], key="accept_status", horizontal=True,
                        format_func={PROPOSED: "Proposed", ACTIVE: "Active from today"}.get)
    if not right.button(f"Accept {plural(len(result.pairs), 'pair')}", type="primary", icon=":material/done_all:"):
        return
    if unapplied_marks(saved, edited):
        before = [(p.mentor_email, p.mentee_email) for p in result.pairs]
        rerun_with_marks(data, saved, edited)
        applied = current_run()
        if applied is None or applied is saved:  # the run was refused (a lock a rule forbids): said above
            return
        result = applied["result"]
        if [(p.mentor_email, p.mentee_email) for p in result.pairs] != before:
            notices.flash("Your Lock and Forbid ticks were applied first, and the suggested pairs changed, so "
                          "nothing was saved yet. Review the pairs below, then press Accept again.", kind="info")
            st.rerun()
    notices.save(lambda: lifecycle.accept(state.writer(data), data, result.pairs,
                                          activate_on=data.today() if status == ACTIVE else None),
                 lambda ids: f"Saved {plural(len(ids), 'pairing')} as {status} ({', '.join(ids)})."
                 + ("" if keeps_goals(data) else " " + NO_GOALS_TAB),
                 then=forget_run)


def suggestion_downloads(data: Dataset, result: Suggestion) -> None:
    frame = result.frame()
    left, right = st.columns(2)
    csv_download("Suggestion (CSV)", frame, "suggested-pairs", data.today(), where=left)
    xlsx_download("Suggestion (XLSX)", frame, "suggested pairs", "suggested-pairs", data.today(), where=right)
