"""The Google Sheets source through the real gspread client against the local Sheets API (tests/fake_sheets):
one metadata request and one batchGet per read, only the decided cells written, no lost update, no doubled row."""

from __future__ import annotations

import time
from datetime import date

import pytest

from lib.errors import ContractError, SheetsUnavailable, SourceError, WriteConflict
from lib.reading.loader import load
from lib.sources import open_source
from lib.sources.google_calls import RetryPolicy
from lib.sources.google_sheet import GoogleSheetSource, sheet_key
from lib.writing.log_entries import log_checkin
from lib.writing.roster_edit import save_edit
from lib.writing.writer import Writer

ANA = "ana.ruiz@northwind.example"
QUICK = RetryPolicy(base=0.01, cap=0.05, budget=2.0)


def source(url: str, **kw) -> GoogleSheetSource:
    return GoogleSheetSource(url, policy=QUICK, **kw)


def writes(fake) -> list:
    return [r for r in fake.requests if r.kind in ("update", "append", "values.batchUpdate", "batchUpdate", "clear")]


def test_a_read_is_one_metadata_request_and_one_batch_get_and_values_stay_as_typed(sheets):
    fake, url = sheets
    key = sheet_key(url)
    fake.set_cell(key, "mentors", "G2", None)
    fake.store.spreadsheets[key].sheet_named("mentors").write(1, 6, [["007"]])  # text a person typed as '007
    src = open_source(url)
    data = load(src)
    assert (len(data.mentors), len(data.mentees), len(data.pairings)) == (11, 23, 17)
    assert data.source_label == "Google Sheet 'Northwind mentoring'"
    assert data.tables["mentors"].cell(data.tables["mentors"].rows[0], "seniority") == "007"
    assert [r.kind for r in fake.requests] == ["metadata", "batchGet"]
    load(src)
    assert [r.kind for r in fake.requests] == ["metadata", "batchGet", "batchGet"]  # metadata once per open


def test_dates_are_read_with_the_spreadsheet_locale(sheets):
    fake, _ = sheets
    rows = [["mentor_email", "mentee_email", "status", "started_on"], ["m@example.org", "e@example.org", "active",
                                                                        "03/04/2026"]]
    people = {"mentors": [["email", "name"], ["m@example.org", "Mia"]],
              "mentees": [["email", "name"], ["e@example.org", "Eli"]], "pairings": rows}
    for locale, expected in (("en_GB", date(2026, 4, 3)), ("en_US", date(2026, 3, 4))):
        key = fake.add_spreadsheet(f"program {locale}", people, locale=locale)
        assert load(source(key)).pairings[0].started_on == expected


def test_a_missing_roster_tab_names_the_tabs_found(sheets):
    fake, _ = sheets
    key = fake.add_spreadsheet("half", {"Sheet1": [["a"]], "Mentors": [["email", "name"]]})
    with pytest.raises(ContractError, match=r"no 'mentees' tab \(tabs found: 'Sheet1', 'Mentors'\)"):
        load(source(key))


def test_an_edit_writes_exactly_the_changed_cell_as_a_plain_value_and_logs_it(sheets):
    fake, url = sheets
    src = source(url)
    data = load(src)
    fake.clear_log()
    save_edit(Writer(src, data.tables), data, "mentors", ANA, {"capacity": "4", "skills": "=HYPERLINK(\"x\")"})
    edits = [r for r in fake.requests if r.kind == "values.batchUpdate" and "'mentors'" in str(r.body)]
    assert len(edits) == 1 and edits[0].body["valueInputOption"] == "RAW"
    assert sorted(edits[0].body["data"], key=lambda d: d["range"]) == [
        {"range": "'mentors'!E2", "values": [["=HYPERLINK(\"x\")"]]}, {"range": "'mentors'!I2", "values": [[4]]}]
    key = sheet_key(url)
    assert fake.values(key, "mentors")[1][4] == "=HYPERLINK(\"x\")"  # stored as text, never a formula
    log = fake.values(key, "changes")
    assert log[0][:4] == ["id", "changed_at", "tab", "key"] and [r[5] for r in log[1:]] == ["capacity", "skills"]
    assert fake.count("batchGet") == 1  # the row re-read before writing, nothing more


def test_an_edit_made_in_the_sheet_meanwhile_is_refused_and_nothing_is_written(sheets):
    fake, url = sheets
    src = source(url)
    data = load(src)
    fake.set_cell(sheet_key(url), "mentors", "H2", "Europe/Madrid")  # someone else, in the browser
    fake.clear_log()
    with pytest.raises(WriteConflict) as conflict:
        save_edit(Writer(src, data.tables), data, "mentors", ANA, {"capacity": "1"})
    assert (conflict.value.seen["timezone"], conflict.value.current["timezone"]) == ("Europe/Lisbon", "Europe/Madrid")
    assert writes(fake) == []


def test_an_appended_check_in_goes_after_the_last_row_with_raw_values(sheets):
    fake, url = sheets
    key = sheet_key(url)
    src = source(url)
    data = load(src)
    before = fake.values(key, "checkins")
    fake.clear_log()
    pairing = next(p for p in data.pairings if p.status == "active")
    log_checkin(Writer(src, data.tables), pairing.mentor_email, pairing.mentee_email, date(2026, 7, 24),
                date(2026, 7, 24), pairing.started_on, 30, "video", "+1 call me")
    appends = [r for r in fake.requests if r.kind == "append"]
    assert [a.query["valueInputOption"] for a in appends] == [["RAW"], ["RAW"]]  # check-in, then the change log
    assert all(a.query["insertDataOption"] == ["INSERT_ROWS"] for a in appends)
    after = fake.values(key, "checkins")
    assert after[:-1] == before and after[-1][1:] == ["2026-07-24", pairing.mentor_email, pairing.mentee_email,
                                                      "30", "video", "+1 call me"]


@pytest.mark.parametrize("failure", ["fail", "drop_connection"])
def test_an_append_whose_answer_was_lost_is_not_doubled(sheets, failure):
    fake, url = sheets
    key = sheet_key(url)
    src = source(url)
    data = load(src)
    rows_before = len(fake.values(key, "checkins"))
    getattr(fake, failure)("append", applied=True)  # the row lands, the answer does not
    pairing = next(p for p in data.pairings if p.status == "active")
    log_checkin(Writer(src, data.tables), pairing.mentor_email, pairing.mentee_email, date(2026, 7, 24),
                date(2026, 7, 24), pairing.started_on, 30, "video", "once")
    notes = [r[-1] for r in fake.values(key, "checkins")]
    assert len(notes) == rows_before + 1 and notes.count("once") == 1
    assert fake.count("values.get") == 1  # the check by id, before deciding not to retry


def test_an_append_that_failed_before_landing_is_retried_once(sheets):
    fake, url = sheets
    key = sheet_key(url)
    src = source(url)
    data = load(src)
    rows_before = len(fake.values(key, "checkins"))
    fake.fail("append", 503)
    pairing = next(p for p in data.pairings if p.status == "active")
    log_checkin(Writer(src, data.tables), pairing.mentor_email, pairing.mentee_email, date(2026, 7, 24),
                date(2026, 7, 24), pairing.started_on, 45, "video", "retried")
    assert [r[-1] for r in fake.values(key, "checkins")].count("retried") == 1
    assert len(fake.values(key, "checkins")) == rows_before + 1


def test_a_new_column_past_the_grid_widens_the_tab_first(sheets):
    fake, _ = sheets
    key = fake.add_spreadsheet("narrow", {"mentors": [["email", "name"], ["m@example.org", "Mia"]],
                                          "mentees": [["email", "name"], ["e@example.org", "Eli"]]}, cols=2)
    src = source(key)
    data = load(src)
    save_edit(Writer(src, data.tables), data, "mentors", "m@example.org", {"capacity": "2"})
    assert fake.values(key, "mentors") == [["email", "name", "capacity"], ["m@example.org", "Mia", "2"]]


def test_not_shared_names_the_service_account_to_share_with(sheets):
    fake, url = sheets
    fake.share(sheet_key(url), False)
    with pytest.raises(SourceError, match="share it with the service account tandem@demo.iam.gserviceaccount.com"):
        load(source(url, credentials={"client_email": "tandem@demo.iam.gserviceaccount.com"}))


def test_a_wrong_key_is_one_plain_sentence(sheets):
    _, _ = sheets
    with pytest.raises(SourceError, match=r"There is no Google Sheet with the key 'x{40}'"):
        load(source("x" * 40))
    with pytest.raises(SourceError, match="not a Google Sheets URL or key"):
        source("https://docs.google.com/document/d/abc/edit")


def test_quota_errors_back_off_then_say_so_within_the_time_budget(sheets):
    fake, url = sheets
    src = source(url)
    src.layout()
    fake.fail("batchGet", 429, times=50)
    started = time.monotonic()
    with pytest.raises(SheetsUnavailable, match="limiting requests"):
        load(src)
    assert time.monotonic() - started < 3
    assert 2 <= fake.count("batchGet") <= 5


def test_a_passing_5xx_on_read_is_retried_transparently(sheets):
    fake, url = sheets
    fake.fail("batchGet", 503, times=2)
    assert len(load(source(url)).mentors) == 11
    assert fake.count("batchGet") == 3


def test_the_command_line_reads_a_sheet_url_in_one_batch_get(sheets, capsys):
    from lib.cli import main

    fake, url = sheets
    assert main(["validate", url]) == 0
    assert "Google Sheet 'Northwind mentoring': 11 mentors, 23 mentees" in capsys.readouterr().err
    assert [r.kind for r in fake.requests] == ["metadata", "batchGet"]
    fake.share(sheet_key(url), False)
    assert main(["health", url]) == 2
    assert "share it with" in capsys.readouterr().err


def test_add_missing_tabs_prepares_a_blank_sheet_and_leaves_existing_tabs_alone(sheets):
    fake, _ = sheets
    key = fake.add_spreadsheet("blank", {"Sheet1": [["keep me"]], "Mentors": [["email", "name"]]})
    assert source(key).add_missing_tabs() == ["mentees", "pairings", "checkins", "feedback", "goals", "outcomes", "settings"]
    assert fake.values(key, "Sheet1") == [["keep me"]] and fake.values(key, "Mentors") == [["email", "name"]]
    assert fake.values(key, "mentees")[0][:2] == ["email", "name"]
    assert load(source(key)).mentors == []


def test_refused_or_unreadable_credentials_are_one_plain_sentence(sheets, tmp_path, monkeypatch):
    fake, url = sheets
    fake.fail("metadata", 401)
    with pytest.raises(SourceError, match="Google refused the credentials"):
        load(source(url))
    monkeypatch.delenv("GOOGLE_SHEETS_API_URL")  # real Google from here on: nothing may be sent
    key_file = tmp_path / "key.json"
    key_file.write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    with pytest.raises(SourceError, match="GOOGLE_APPLICATION_CREDENTIALS .* cannot be read"):
        GoogleSheetSource(url)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS")
    with pytest.raises(SourceError, match="No Google credentials"):
        GoogleSheetSource(url)
    with pytest.raises(SourceError, match="service-account credentials are not valid"):
        GoogleSheetSource(url, credentials={"type": "service_account", "client_email": "x@y"})


def test_pair_save_appends_proposed_pairings_to_the_sheet(sheets, capsys):
    from lib.cli import main

    fake, url = sheets
    before = len(fake.values(sheet_key(url), "pairings"))
    assert main(["pair", url, "--save"]) in (0, 1)
    saved = fake.values(sheet_key(url), "pairings")[before:]
    assert saved and all(r[4] == "proposed" for r in saved)
    assert f"saved {len(saved)} proposed pairings" in capsys.readouterr().out


def test_a_new_tab_comes_with_its_header_in_one_request_and_a_lost_race_is_not_an_error(sheets):
    fake, url = sheets
    key = sheet_key(url)
    first, second = source(url), source(url)
    first.layout(), second.layout()  # both opened before either made the changes tab
    fake.clear_log()
    first._add_tab("changes", ["id", "changed_at"])
    assert [r.kind for r in fake.requests] == ["batchUpdate"]
    assert fake.values(key, "changes") == [["id", "changed_at"]]
    second._add_tab("changes", ["id", "changed_at"])  # Google answers 'already exists': fine, it is there
    assert fake.values(key, "changes") == [["id", "changed_at"]]
    assert [s.title for s in fake.store.spreadsheets[key].sheets].count("changes") == 1
