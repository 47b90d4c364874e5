"""The program overview: the summary's counts on the sample, and how they follow the as-of date."""

from __future__ import annotations

from datetime import date

from lib.program.overview import mentor_load, program_summary, unmatched_mentees
from lib.reading.loader import load
from lib.sources import CsvSource, sample_source
from tests.conftest import SAMPLE_WAITING


def test_program_summary_on_the_sample():
    data = load(sample_source())
    summary = program_summary(data)
    assert summary.as_of == date(2026, 7, 24)  # pinned by the sample's settings
    assert (summary.mentors, summary.mentees) == (10, 22)
    assert summary.active_pairs == 14 and summary.proposed_pairs == 2
    capacity = mentor_load(data)
    assert summary.capacity_left == int(capacity[capacity["active"]]["left"].sum()) == 8
    assert summary.unmatched_mentees == 5
    assert set(unmatched_mentees(data)["email"]) == SAMPLE_WAITING
    july = [c for c in data.checkins if c.date.month == 7]
    assert summary.checkins_this_month == len(july)


def test_overview_counts_follow_the_as_of_date(sample_copy):
    data = load(CsvSource(folder=sample_copy))
    early = program_summary(data, as_of=date(2026, 6, 15))
    by_id = {p.id: p for p in data.pairings}
    assert by_id["P-015"].is_active_on(date(2026, 6, 15)) and not by_id["P-015"].is_active_on(date(2026, 7, 24))
    assert not by_id["P-005"].is_active_on(date(2026, 6, 15))  # started 6 Jul
    assert early.as_of == date(2026, 6, 15) and early.active_pairs == 14  # P-015 in, P-005 not yet
    assert early.checkins_this_month == sum(date(2026, 6, 1) <= c.date <= date(2026, 6, 15) for c in data.checkins)


def test_mentees_waiting_past_the_alert_are_flagged_longest_first():
    import shutil
    import tempfile
    from pathlib import Path

    from tests.conftest import CORPUS

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "form"
        shutil.copytree(CORPUS / "forms" / "google_form", folder)
        (folder / "settings.csv").write_text("key,value\nas_of,2026-06-18\nwaiting_alert_days,14\n", encoding="utf-8")
        data = load(CsvSource(folder=folder))
        waiting = unmatched_mentees(data)
        summary = program_summary(data)
    assert waiting["email"].tolist() == ["kim.park@acme.example", "ola.nowak@acme.example", "sam.ito@acme.example",
                                         "tom.berg@acme.example"]
    assert waiting["waiting_days"].tolist() == [17, 16, 15, 14]  # Tom's latest sign-up, 4 June, counts
    assert waiting["too_long"].tolist() == [True, True, True, False]
    assert summary.waiting_too_long == 3 and summary.incomplete_profiles == 8


def test_without_sign_up_times_nobody_is_flagged_for_waiting():
    waiting = unmatched_mentees(load(sample_source()))
    assert waiting["waiting_days"].isna().all() and not waiting["too_long"].any()


def test_a_pairing_ended_today_is_not_active_today_everywhere_at_once(sample_copy):
    from lib.health.model import assess
    from lib.writing import lifecycle
    from lib.writing.writer import Writer

    source = CsvSource(folder=sample_copy)
    data = load(source)
    today = data.today()
    p001 = next(p for p in data.pairings if p.id == "P-001")
    assert p001.is_active_on(today) and program_summary(data).active_pairs == 14
    lifecycle.end(Writer(source, data.tables), p001, today, "moved team")
    data = load(source)
    ended = next(p for p in data.pairings if p.id == "P-001")
    assert not ended.is_active_on(today) and ended.is_active_on(date(2026, 7, 23))
    summary = program_summary(data)
    assert summary.active_pairs == 13 and summary.unmatched_mentees == 6
    assert ended.mentee_email in set(unmatched_mentees(data)["email"])
    health = assess(data)
    assert len(health) == summary.active_pairs and "P-001" not in set(health["pairing_id"])


def test_next_steps_name_what_to_do_and_where_most_pressing_first():
    from lib.program.overview import next_steps

    data = load(sample_source())
    steps = next_steps(program_summary(data), at_risk=3)
    assert [(s.text, s.page, s.action) for s in steps] == [
        ("5 interns are waiting for a mentor", "pairings", "Suggest pairs"),
        ("3 pairs are at risk", "health", "See why on Health")]


def test_an_empty_roster_has_one_next_step_add_people(tmp_path):
    from lib.contract.tabs import TABS
    from lib.program.overview import next_steps

    for tab, spec in TABS.items():
        (tmp_path / f"{tab}.csv").write_text(",".join(spec.column_names) + "\n", encoding="utf-8")
    summary = program_summary(load(CsvSource(folder=tmp_path)))
    assert (summary.mentors, summary.mentees, summary.active_pairs) == (0, 0, 0)
    [step] = next_steps(summary, at_risk=0)
    assert step.text.startswith("No people yet: add your mentors and interns") and step.page == "setup"


def test_month_to_date_compares_the_same_days_of_each_month():
    from lib.contract.dates import month_so_far, month_so_far_words

    assert month_so_far(date(2026, 7, 24), 1) == (date(2026, 6, 1), date(2026, 6, 24))
    assert month_so_far(date(2026, 3, 31), 1) == (date(2026, 2, 1), date(2026, 2, 28))  # February is shorter
    assert month_so_far(date(2026, 1, 5), 1) == (date(2025, 12, 1), date(2025, 12, 5))
    assert month_so_far_words(date(2026, 7, 24)) == ("1–24 Jul", "1–24 Jun")
    assert month_so_far_words(date(2026, 7, 1)) == ("1 Jul", "1 Jun")
