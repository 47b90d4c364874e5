"""The Health page through AppTest: KPIs and the attention list from the model; logging on a folder copy."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from lib.health.model import assess, summary
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.app.test_pages import assert_no_exception, metrics, open_location
from tests.app.test_pairings_page import plain


@pytest.fixture
def page(app, sample_copy):
    open_location(app, sample_copy)
    app.switch_page("pages/health.py").run()
    assert_no_exception(app)
    return app


def rows(folder, tab: str) -> list[dict[str, str]]:
    with open(folder / f"{tab}.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_kpis_and_attention_list_follow_the_model(page, sample_copy):
    data = load(CsvSource(folder=sample_copy))
    health = assess(data)
    k = summary(health, data)
    shown = metrics(page)
    assert shown["Active pairs"] == str(k["active_pairs"]) and shown["At risk"] == str(k["at_risk"])
    assert shown["First meetings pending"] == "1"
    labels = [plain(e.label) for e in page.expander]
    needing = health[health["status"] != "Healthy"]
    assert labels == [f"{r.status}: {r.mentor} + {r.mentee} (score {r.score})" for r in needing.itertuples()]


def select_pair(at, key: str, pairing_id: str, folder) -> None:
    """Choose a pair the way the page keys them: pairing id and both emails."""
    pairing = next(p for p in load(CsvSource(folder=folder)).pairings if p.id == pairing_id)
    at.selectbox(key=key).set_value(f"{pairing.id} {pairing.mentor_email} {pairing.mentee_email}")


def test_logging_a_check_in_takes_a_silent_pair_out_of_danger(page, sample_copy):
    before = len(rows(sample_copy, "checkins"))
    select_pair(page, "log_pair", "P-009", sample_copy)
    page.run()
    page.text_area(key="checkin_notes").input("Back on track after the time-zone mix-up")
    page.button(key="FormSubmitter:log_checkin-Log check-in").click().run()
    assert_no_exception(page)
    logged = rows(sample_copy, "checkins")
    assert len(logged) == before + 1
    assert logged[-1]["mentee_email"] == "diego.hernandez@northwind.example" and logged[-1]["date"] == "2026-07-24"
    assert logged[-1]["notes"] == "Back on track after the time-zone mix-up" and logged[-1]["minutes"] == "30"
    assert metrics(page)["At risk"] == "2"
    diego = next(e for e in page.expander if "Diego" in e.label)  # out of danger; the plan still asks for goals
    assert plain(diego.label).startswith("Watch: Priya Raman + Diego Hernández")
    assert "plan step 'Goals agreed' overdue since 22 Jun 2026" in diego.text[0].value


def test_feedback_is_recorded_and_a_future_date_is_refused(page, sample_copy):
    select_pair(page, "log_pair", "P-001", sample_copy)
    page.run()
    page.select_slider(key="feedback_rating").set_value(1)
    page.button(key="FormSubmitter:log_feedback-Record feedback").click().run()
    assert_no_exception(page)
    latest = rows(sample_copy, "feedback")[-1]
    assert (latest["mentee_email"], latest["from_role"], latest["rating"]) == ("mei.chen@northwind.example",
                                                                                "mentee", "1")
    assert any("Ana Ruiz + Mei Chen" in plain(e.label) and e.label.startswith("Watch") for e in page.expander)

    before = len(rows(sample_copy, "checkins"))
    select_pair(page, "log_pair", "P-001", sample_copy)
    page.run()
    page.date_input(key="checkin_date").set_value(date(2026, 8, 30))
    page.button(key="FormSubmitter:log_checkin-Log check-in").click().run()
    assert any("in the future" in plain(e.value) for e in page.error)
    assert len(rows(sample_copy, "checkins")) == before


def test_reruns_reuse_the_health_model_and_a_write_computes_it_again(page, sample_copy, monkeypatch):
    """The model is worked out once per data read and as-of date: reruns (a widget changed, a chart filtered) reuse
    it; a logged check-in changes the data, and the next run assesses again, once."""
    from lib.health import model

    calls = []
    real = model.assess
    monkeypatch.setattr(model, "assess", lambda data, *args, **kwargs: calls.append(1) or real(data, *args, **kwargs))
    page.run()
    page.multiselect(key="heat_status").set_value(["At risk"]).run()
    page.text_input(key="heat_query").input("Ana").run()
    assert_no_exception(page) and calls == []
    select_pair(page, "log_pair", "P-009", sample_copy)
    page.button(key="FormSubmitter:log_checkin-Log check-in").click().run()
    assert_no_exception(page)
    assert len(calls) == 1 and metrics(page)["At risk"] == "2"


def test_a_not_a_good_fit_answer_turns_the_pair_at_risk_and_its_rematch_ends_it(page, sample_copy):
    select_pair(page, "log_pair", "P-001", sample_copy)
    page.run()
    page.radio(key="fit_role").set_value("mentee")
    page.radio(key="fit_answer").set_value(1)
    page.text_input(key="fit_comment").input("We never find a topic")
    page.button(key="FormSubmitter:log_fit-Record fit answer").click().run()
    assert_no_exception(page)
    written = rows(sample_copy, "feedback")[-1]
    assert (written["mentee_email"], written["rating"], written["question"]) == ("mei.chen@northwind.example", "1",
                                                                                "fit")
    mei = next(e for e in page.expander if "Mei Chen" in e.label)
    assert plain(mei.label).startswith("At risk: Ana Ruiz + Mei Chen")
    assert "mentee answered 'not a good fit' on 24 Jul 2026: consider a rematch" in mei.text[0].value
    page.button(key="FormSubmitter:fit_rematch_attention_P-001-End pairing and rematch").click().run()
    assert_no_exception(page)
    ended = next(r for r in rows(sample_copy, "pairings") if r["id"] == "P-001")
    assert (ended["status"], ended["ended_on"], ended["end_reason"]) == ("ended", "2026-07-24", "not a good fit")
    assert page.selectbox(key="rematch_mentee").value == "mei.chen@northwind.example"
    assert any("Suggest Mei Chen a new mentor under Rematch" in s.value for s in page.success)
