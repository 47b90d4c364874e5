"""The Pairings page's options: the mentorship type, the weights preset and the run's options form."""

from __future__ import annotations

import streamlit as st

from lib.matching.criteria import CRITERIA, LABELS, PRESET_FOR_TYPE, PRESETS, Weights
from lib.matching.options import PairingOptions
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    DEFAULT_MIN_SCORE,
    DEFAULT_TYPE,
    MENTORSHIP_TYPES,
    TYPE_LABELS,
)
from ui import state

GOALS = {"everyone": "Match everyone first", "best": "Best matches only"}
ALL_COHORTS = "All cohorts"


def _apply_preset() -> None:
    """The weight sliders take the chosen preset's values."""
    weights = PRESETS[state.value("pair_preset")]
    for name in CRITERIA:
        state.set_value(f"weight_{name}", int(getattr(weights, name)))


def _preset_for_type() -> None:
    state.set_value("pair_preset", PRESET_FOR_TYPE[state.value("pair_type")])
    _apply_preset()


def options_form(data: Dataset) -> PairingOptions | None:
    """The run's options; returned when the lead asks for a suggestion."""
    if state.value("pair_preset") is None:
        state.set_value("pair_type", DEFAULT_TYPE)
        _preset_for_type()
    left, right = st.columns(2)
    kind = left.radio("Mentorship type", MENTORSHIP_TYPES, format_func=TYPE_LABELS.get, key="pair_type",
                      horizontal=True, on_change=_preset_for_type)
    right.selectbox("Weights preset", list(PRESETS), key="pair_preset", on_change=_apply_preset,
                    help="A starting point for the weights below; each type opens on its own.")
    cohorts = sorted({m.cohort for m in data.mentees if m.cohort})
    with st.form("pairing_options", border=True):
        one, two, three = st.columns(3)
        goal = one.radio("Goal", list(GOALS), format_func=GOALS.get, key="pair_goal",
                         help="Match everyone first: the most mentees placed, then the best total. Best matches "
                              "only: no pair below the minimum score; those mentees wait, with the reason.")
        min_score = one.slider("Minimum score (best matches only)", 0, 100, DEFAULT_MIN_SCORE,
                               key="pair_min_score")
        not_same_team = two.toggle("Never two people of the same team", key="pair_not_same_team")
        cohort = two.selectbox("Cohort", [ALL_COHORTS, *cohorts], key="pair_cohort",
                               disabled=not cohorts, help="Pair only the mentees of one cohort.")
        low_col, high_col = two.columns(2)
        gap_help = ("A rule: every mentor this many years more senior than their mentee (seniority minus "
                    "seniority). Empty: no limit. A person with no seniority is not ruled out. Default: the {} "
                    "setting.")
        low = low_col.number_input("Seniority gap, at least", min_value=0, max_value=80, step=1,
                                   value=data.settings.min_seniority_gap, key="pair_gap_min",
                                   help=gap_help.format("min_seniority_gap"))
        high = high_col.number_input("at most (years)", min_value=0, max_value=80, step=1,
                                     value=data.settings.max_seniority_gap, key="pair_gap_max",
                                     help=gap_help.format("max_seniority_gap"))
        with three.expander("Weights", icon=":material/tune:"):
            for name in CRITERIA:
                st.slider(LABELS[name].capitalize(), 0, 100, key=f"weight_{name}")
        if not st.form_submit_button("Suggest pairs", type="primary", icon=":material/join:"):
            return None
    if low is not None and high is not None and low > high:
        st.error(f"The seniority gap's minimum ({low:g}) is above its maximum ({high:g}).", icon=":material/error:")
        return None
    values = {name: float(state.value(f"weight_{name}")) for name in CRITERIA}
    if not any(values.values()):
        st.error("Give at least one criterion a weight above 0.", icon=":material/error:")
        return None
    gap = (None if low is None else int(low), None if high is None else int(high))
    return PairingOptions(type=kind, goal=goal, min_score=float(min_score), not_same_team=not_same_team,
                          seniority_gap=gap, cohort="" if cohort == ALL_COHORTS else cohort,
                          weights=Weights(**values))
