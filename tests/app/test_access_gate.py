"""The access gate in AppTest: nothing of the data (no source, no page) shows before the person may enter."""

from __future__ import annotations

import streamlit as st

from lib.access import hash_passphrase
from tests.app.conftest import new_app

PHRASE = "mentoring matters most"
STORED = hash_passphrase(PHRASE, iterations=1_000)


def started(**secrets):
    st.cache_data.clear()
    st.cache_resource.clear()
    at = new_app()
    for key, value in secrets.items():
        at.secrets[key] = value
    return at


def shows_no_data(at) -> bool:
    return not at.main.metric and not at.main.dataframe and not at.sidebar.radio and not at.tabs


def test_open_by_default_and_says_so_once(app):
    assert [t.value for t in app.toast] and "open to anyone" in app.toast[0].value
    assert app.main.metric  # the Overview on the sample
    app.run()
    assert not app.toast  # once per session


def test_a_passphrase_keeps_everything_hidden_until_it_is_given():
    at = started(access={"passphrase_hash": STORED}).run()
    assert shows_no_data(at) and at.title[0].value == "Tandem"
    at.text_input[0].input("not the phrase at all")
    at.button[0].click().run()
    assert shows_no_data(at) and at.error[0].value == "That passphrase is not right."
    at.text_input[0].input(PHRASE)
    at.button[0].click().run()
    assert not at.exception and at.main.metric and at.sidebar.radio
    at.switch_page("pages/roster.py").run()
    assert at.main.dataframe  # unlocked for the whole session


def test_pages_asked_for_directly_stay_locked():
    at = started(access={"passphrase_hash": STORED})
    at.switch_page("pages/roster.py").run()
    assert shows_no_data(at) and at.text_input[0].label == "Passphrase"


def test_repeated_wrong_passphrases_are_slowed_down_across_sessions():
    first = started(access={"passphrase_hash": STORED}).run()
    for _ in range(10):
        first.text_input[0].input("wrong wrong wrong")
        first.button[0].click().run()
    second = new_app()  # a new browser session: the limiter is per server
    second.secrets["access"] = {"passphrase_hash": STORED}
    second.run()
    second.text_input[0].input(PHRASE)
    second.button[0].click().run()
    assert "Too many wrong passphrases" in second.error[0].value and shows_no_data(second)


def test_sign_in_with_an_allow_list():
    auth = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
            "client_id": "id", "client_secret": "secret",
            "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration"}
    at = started(access={"allowed_emails": ["lead@example.org", "*@northwind.example"]}, auth=auth)
    at.user = {"is_logged_in": False}
    at.run()
    assert shows_no_data(at) and at.button[0].label == "Sign in"
    at.user = {"is_logged_in": True, "email": "stranger@elsewhere.org"}
    at.run()
    assert shows_no_data(at) and "may not open this dashboard" in at.error[0].value
    at.user = {"is_logged_in": True, "email": "ana.ruiz@northwind.example"}
    at.run()
    assert not at.exception and at.main.metric
    assert any("Signed in as" in c.value for c in at.sidebar.caption)


def test_an_allow_list_without_sign_in_configured_shows_nothing():
    at = started(access={"allowed_emails": ["lead@example.org"]}).run()
    assert shows_no_data(at) and "[auth] table" in at.error[0].value
