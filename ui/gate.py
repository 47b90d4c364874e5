"""The gates a run passes before a page shows anything: who may see the dashboard (sign-in with an allow-list, or a
shared passphrase), and whether there is data to show (else why not, and what to do)."""

from __future__ import annotations

import streamlit as st

from lib.access import (
    OPEN,
    PASSPHRASE,
    AccessPolicy,
    AttemptLimiter,
    check_passphrase,
    email_allowed,
)
from lib.errors import AccessConfigError
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from ui import notices, state

UNLOCKED, OPEN_NOTICE = "tandem_unlocked", "tandem_open_notice"


def access_policy() -> AccessPolicy:
    return AccessPolicy.from_settings(state.secret("access"), auth_configured=bool(state.secret("auth")))


def may_enter() -> bool:
    """Whether this session may see the data now (no rendering: app.py uses it to hide the page menu)."""
    try:
        policy = access_policy()
    except AccessConfigError:
        return False
    if policy.mode == OPEN:
        return True
    if policy.mode == PASSPHRASE:
        return bool(state.value(UNLOCKED))
    return bool(st.user.is_logged_in) and email_allowed(st.user.get("email"), list(policy.allowed_emails))


@st.cache_resource
def _attempts() -> AttemptLimiter:
    return AttemptLimiter()  # one per server process: a new browser session does not reset it


def gate() -> None:
    """Before anything shows data: sign-in with an allow-list, or a passphrase, when secrets configure one;
    otherwise say once that the dashboard is open to anyone who can reach it. Stops the run until allowed."""
    try:
        policy = access_policy()
    except AccessConfigError as exc:
        st.error(str(exc), icon=":material/lock:")
        st.stop()
    if policy.mode == OPEN:
        if not state.value(OPEN_NOTICE):
            state.set_value(OPEN_NOTICE, True)
            st.toast("Tandem is open to anyone who can reach this address. To require a sign-in or a passphrase, "
                     "see Deploying in the README.", icon=":material/lock_open:")
        return
    if policy.mode == PASSPHRASE:
        _passphrase_gate(policy)
    else:
        _sign_in_gate(policy)


def _passphrase_gate(policy: AccessPolicy) -> None:
    if state.value(UNLOCKED):
        st.sidebar.button("Lock", icon=":material/lock:", on_click=state.forget_value, args=(UNLOCKED,))
        return
    st.title("Tandem")
    st.caption("This dashboard holds people's names and feedback: enter the team's passphrase to open it.")
    with st.form("unlock"):
        typed = st.text_input("Passphrase", type="password")
        submitted = st.form_submit_button("Unlock", type="primary", icon=":material/lock_open:")
    if submitted:
        wait = _attempts().blocked_for()
        if wait:
            st.error(f"Too many wrong passphrases: try again in {wait:.0f} seconds.", icon=":material/timer:")
        elif check_passphrase(typed, policy.passphrase_hash):
            state.set_value(UNLOCKED, True)
            st.rerun()
        else:
            _attempts().failed()
            st.error("That passphrase is not right.", icon=":material/error:")
    st.stop()


def _sign_in_gate(policy: AccessPolicy) -> None:
    if not st.user.is_logged_in:
        st.title("Tandem")
        st.caption("This dashboard holds people's names and feedback: sign in to open it.")
        st.button("Sign in", type="primary", icon=":material/login:", on_click=st.login)
        st.stop()
    email = st.user.get("email")
    if not email_allowed(email, list(policy.allowed_emails)):
        st.error(f"{markdown_text(email or 'This account')} may not open this dashboard: ask the team lead to add "
                 "the address to the allow-list.", icon=":material/block:")
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
        st.stop()
    st.sidebar.caption(f"Signed in as {markdown_text(email)}")
    st.sidebar.button("Sign out", on_click=st.logout, icon=":material/logout:")


def require_data() -> Dataset:
    """For pages: the data, or a clear message and a stop (never a traceback, never the sample instead)."""
    data, error = state.current_data()
    if data is None:
        st.error(f"The data could not be read: {error}", icon=":material/error:")
        source = state.current_source()
        if state.lacks_tabs():
            st.info("Are the mentors or mentees in a tab or file of another name (a Google Form's 'Form Responses "
                    "1', say)? Say which on the Data set-up page.", icon=":material/info:")
            st.page_link("pages/setup.py", label="Choose the tabs on Data set-up", icon=":material/arrow_forward:")
        if source.adds_tabs and state.lacks_tabs():
            st.info("Starting from a blank Google Sheet? Tandem can add its tabs (mentors, mentees, pairings, "
                    "checkins, feedback, settings) with their header rows; tabs already there are left alone.",
                    icon=":material/info:")
            if st.button("Add Tandem's tabs to this sheet", icon=":material/add_box:"):
                notices.save(source.add_missing_tabs, lambda added: f"Added the tabs {', '.join(added)}: fill in "
                             "mentors and mentees, then press Refresh data.")
        elif not state.lacks_tabs():
            st.info("Fix the file or choose another data source in the sidebar.", icon=":material/info:")
        st.stop()
    if state.is_stale():
        st.warning(f"Showing the data read at {state.loaded_at():%H:%M:%S}: the source cannot be read now ({error}). "
                   "Saving is paused until it can be read again.", icon=":material/cloud_off:")
    return data
