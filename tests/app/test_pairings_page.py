"""The Pairings page through AppTest: suggest, lock and forbid, accept, activate, end, rematch, hand-off.
Writes go to a temporary copy of the sample folder and are checked in its CSV files."""

from __future__ import annotations

import csv

import pytest

from lib.reading.loader import load
from lib.sources import CsvSource
from tests.app.test_pages import assert_no_exception, button, metrics, open_location
from tests.conftest import SAMPLE_WAITING

WAITING = SAMPLE_WAITING


@pytest.fixture
def page(app, sample_copy):
    open_location(app, sample_copy)
    app.switch_page("pages/pairings.py").run()
    assert_no_exception(app)
    return app


def suggest(at):
    at.button(key="FormSubmitter:pairing_options-Suggest pairs").click().run()
    assert_no_exception(at)
    return at


def plain(markdown: str) -> str:
    """Messages escape user text for Markdown; read them as a person sees them."""
    return markdown.replace("\\", "")


def pairings_rows(folder) -> list[dict[str, str]]:
    with open(folder / "pairings.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def editor_emails(at) -> list[tuple[str, str]]:
    result = at.session_state["pairing_run"]["result"]
    return [(p.mentor_email, p.mentee_email) for p in result.pairs]


def test_suggest_places_every_waiting_mentee_with_reasons(page):
    suggest(page)
    assert metrics(page)["Placed"] == "5" and metrics(page)["Unmatched"] == "0"
    assert {b for _, b in editor_emails(page)} == WAITING
    assert any(b.label == "Accept 5 pairs" for b in page.button)


def test_a_forbidden_pair_is_never_made_again_and_a_lock_is_kept(page):
    suggest(page)
    first, second = editor_emails(page)[:2]
    page.session_state["pairing_locks"] = {first}
    page.session_state["pairing_forbids"] = {second}
    suggest(page)  # a new run with other options keeps the session's marks
    made = editor_emails(page)
    assert first in made and second not in made
    assert second[1] in {b for _, b in made} or metrics(page)["Unmatched"] == "1"
    button(page.main, "Clear locks and forbids").click().run()
    assert not page.session_state["pairing_locks"] and not page.session_state["pairing_forbids"]


def test_best_matches_only_leaves_low_scores_waiting_with_the_reason(page):
    page.radio(key="pair_goal").set_value("best")
    page.slider(key="pair_min_score").set_value(95)
    suggest(page)
    assert metrics(page)["Placed"] == "0"
    waiting = next(d.value for d in page.main.dataframe if "reason" in d.value.columns)
    reasons = waiting["reason"].tolist()
    assert reasons and all("minimum score of 95" in r for r in reasons)


def test_the_seniority_gap_fields_hold_in_every_pair_and_a_reversed_gap_is_refused(page, sample_copy):
    data = load(CsvSource(folder=sample_copy))
    years = {p.email: p.seniority for p in [*data.mentors, *data.mentees]}
    page.number_input(key="pair_gap_min").set_value(3)
    page.number_input(key="pair_gap_max").set_value(8)
    suggest(page)
    made = editor_emails(page)
    known = [(a, b) for a, b in made if years[a] is not None and years[b] is not None]
    assert known and all(3 <= years[a] - years[b] <= 8 for a, b in known)
    shown = " ".join(plain(e.value) for kind in ("caption", "markdown", "info") for e in getattr(page, kind))
    assert "Every mentor is 3 to 8 years more senior than their mentee" in shown
    page.number_input(key="pair_gap_min").set_value(9)
    suggest(page)
    assert any("The seniority gap's minimum (9) is above its maximum (8)." in e.value for e in page.error)


def test_type_switches_the_preset_and_peer_runs_pair_mentees(page):
    page.radio(key="pair_type").set_value("peer").run()
    assert page.selectbox(key="pair_preset").value == "Peer circle"
    suggest(page)
    assert int(metrics(page)["Placed"]) >= 2


def test_accept_writes_proposed_pairs_then_activate_and_end_change_one_row(page, sample_copy):
    before = len(pairings_rows(sample_copy))
    suggest(page)
    button(page.main, "Accept 5 pairs").click().run()
    assert_no_exception(page)
    rows = pairings_rows(sample_copy)
    assert len(rows) == before + 5
    new = rows[before:]
    assert {r["mentee_email"] for r in new} == WAITING and {r["status"] for r in new} == {"proposed"}
    assert any("Saved 5 pairings as proposed" in s.value for s in page.success)

    target = new[0]["id"]
    label = next(o for o in page.selectbox(key="lifecycle_pairing").options if o.startswith(target))
    page.selectbox(key="lifecycle_pairing").set_value(label).run()
    page.button(key="FormSubmitter:activate_pairing-Activate").click().run()
    assert_no_exception(page)
    row = next(r for r in pairings_rows(sample_copy) if r["id"] == target)
    assert row["status"] == "active" and row["started_on"] == "2026-07-24"

    label = next(o for o in page.selectbox(key="lifecycle_pairing").options if o.startswith(target))
    page.selectbox(key="lifecycle_pairing").set_value(label).run()
    page.button(key="FormSubmitter:end_pairing-End pairing").click().run()
    assert [plain(e.value) for e in page.error] == ["Say why the pairing ends: the reason is kept with it for "
                                                    "the program's history."]
    page.text_input(key=f"end_reason_{target}").input("internship finished")  # the field of this pairing
    page.button(key="FormSubmitter:end_pairing-End pairing").click().run()
    row = next(r for r in pairings_rows(sample_copy) if r["id"] == target)
    assert (row["status"], row["ended_on"], row["end_reason"]) == ("ended", "2026-07-24", "internship finished")
    changes = CsvSource(folder=sample_copy).read_tables()["changes"]
    assert sum(1 for r in changes.rows if changes.cell(r, "key") == target) == 1 + 2 + 3

    # The mentee is waiting again: a rematch suggests someone and saves it as proposed.
    mentee = row["mentee_email"]
    page.selectbox(key="rematch_mentee").set_value(mentee).run()
    button(page.main, "Suggest a new mentor").click().run()
    button(page.main, "Accept as proposed").click().run()
    assert_no_exception(page)
    latest = pairings_rows(sample_copy)[-1]
    assert latest["mentee_email"] == mentee and latest["status"] == "proposed"


def test_a_conflicting_edit_is_refused_and_both_versions_shown(page, sample_copy, monkeypatch):
    from ui import state
    monkeypatch.setattr(state, "_signature", lambda source: ())  # as if the edit landed after the page read
    label = next(o for o in page.selectbox(key="lifecycle_pairing").options if o.startswith("P-016"))
    page.selectbox(key="lifecycle_pairing").set_value(label).run()
    path = sample_copy / "pairings.csv"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("P-016,"))
    path.write_text(text.replace(line, line.replace(",proposed,", ",active,")), encoding="utf-8")
    page.button(key="FormSubmitter:activate_pairing-Activate").click().run()
    assert_no_exception(page)
    errors = [plain(e.value) for e in page.error]
    assert errors and "Nothing was saved" in errors[0] and "P-016" in errors[0]
    versions = next(d.value for d in page.main.dataframe if "in the spreadsheet now" in d.value.columns)
    assert versions.loc["status"].tolist() == ["proposed", "active"]
    assert next(r for r in pairings_rows(sample_copy) if r["id"] == "P-016")["started_on"] == ""


def test_handoff_offers_the_sheet_and_an_introduction_per_pair(page):
    assert_no_exception(page)
    codes = [c.value for c in page.code]
    assert codes and codes[0].startswith("Subject: Introduction: ")
    assert any(d.label == "Pairing sheet (XLSX)" for d in page.get("download_button"))


def test_accept_and_pair_save_write_the_same_rows(page, sample_copy, tmp_path):
    """One path per action: the page's Accept and `python -m lib pair --save` write the same columns and values
    (type, status, cadence, goals...), only the new ids differ."""
    import shutil

    from tests.unit.cli.test_main import run

    other = tmp_path / "other"
    shutil.copytree(sample_copy, other)
    suggest(page)
    button(page.main, "Accept 5 pairs").click().run()
    assert_no_exception(page)
    saved = run("pair", str(other), "--save")
    assert saved.returncode == 0, saved.stderr
    accepted, by_cli = pairings_rows(sample_copy)[17:], pairings_rows(other)[17:]
    assert len(accepted) == len(by_cli) == 5
    assert all(r["cadence"] == "biweekly" and r["status"] == "proposed" and r["type"] == "one-on-one" for r in by_cli)

    def without_id(rows):
        return sorted(tuple(sorted((k, v) for k, v in r.items() if k != "id")) for r in rows)
    assert without_id(accepted) == without_id(by_cli)
    assert list(accepted[0]) == list(by_cli[0])  # the same columns, in the same order


def test_an_ended_pairs_cancelled_meetings_are_offered_where_it_was_ended(page):
    labels = [d.label for d in page.get("download_button")]
    assert "Meetings of all 14 active pairs, 1 ended cancelled (.ics)" in labels  # the hand-off's file
    assert "Cancel this pair's meetings (.ics)" in labels
    assert [o.split(" ·")[0] for o in page.selectbox(key="ended_pairing").options] == ["P-015"]
    label = next(o for o in page.selectbox(key="lifecycle_pairing").options if o.startswith("P-001"))
    page.selectbox(key="lifecycle_pairing").set_value(label).run()
    page.text_input(key="end_reason_P-001").input("moved team")
    page.button(key="FormSubmitter:end_pairing-End pairing").click().run()
    assert_no_exception(page)
    assert any("Send both people its cancelled meetings" in s.value for s in page.success)
    ended = page.selectbox(key="ended_pairing")
    assert ended.value.startswith("P-001 ") and ended.options[0].startswith("P-001")  # chosen; the latest first
    assert "Meetings of all 13 active pairs, 2 ended cancelled (.ics)" in [d.label for d in page.get("download_button")]
