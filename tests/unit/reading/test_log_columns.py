"""Check-ins and feedback read and validated column-wise give exactly what the row-by-row path gives.

The row-by-row path (tests/unit/reading/row_by_row.py: every row through its pydantic model, then the list-based
rules across tabs) is the reference. For the awkward and broken corpora, the sample, and
generated log tabs (good rows mixed with bad emails, odd dates in several forms, blank cells, numbers as text,
unknown people, repeated ids, rows shorter or longer than the header), both paths must load the same models, field
by field, and report the same problems in the same order.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.contract.raw_table import build_table
from lib.contract.tabs import TABS
from lib.reading.dataset import Dataset
from lib.reading.loader import build_dataset
from lib.reading.log_frames import LOG_MODELS, frame_from_models
from lib.sources import CsvSource, sample_source
from lib.sources.csv_files import parse_csv, read_csv_table
from tests.unit.reading.row_by_row import reference_dataset

LOGS = ("checkins", "feedback")


def snapshot(data: Dataset) -> dict:
    """Everything loading decided, in order: problems, and every model with its values and the fields it set."""
    models = {tab: [(type(m).__name__, m.model_dump(), sorted(m.model_fields_set)) for m in getattr(data, tab)]
              for tab in ("mentors", "mentees", "pairings", *LOGS)}
    return {"problems": list(data.problems), **models}


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({"mentor_email": object, "mentee_email": object})


def assert_same(tables_factory, locale=None, reference_tables=None) -> Dataset:
    fast = build_dataset(tables_factory(), locale)
    slow = reference_dataset((reference_tables or tables_factory)(), locale)
    assert snapshot(fast) == snapshot(slow)
    for tab, log in (("checkins", fast.checkin_log), ("feedback", fast.feedback_log)):
        pd.testing.assert_frame_equal(plain(log), plain(frame_from_models(tab, getattr(slow, tab))))
    return fast


@pytest.mark.parametrize("name", ["awkward_valid", "broken", "sample"])
def test_corpora_load_the_same_column_wise_and_row_by_row(name, corpus_copy):
    source = sample_source() if name == "sample" else CsvSource(folder=corpus_copy(name))
    data = assert_same(source.read_tables, source.locale)
    if name == "sample":
        assert len(data.checkin_log) == len(data.checkins) > 50 and len(data.feedback_log) > 50


# --- generated log tabs ------------------------------------------------------------------------------------------

MENTORS, MENTEES = ["ana@x.org", "bo@x.org"], ["cy@x.org", "dee@x.org", "eve@x.org"]


def mostly(good: list[str], odd: list[str], extra=None):
    """Cells that are usually fine (so most rows load, some by the column path and some not) and sometimes odd."""
    cells = st.sampled_from(good * max(1, 3 * len(odd) // len(good)) + odd)
    return st.one_of(cells, extra) if extra is not None else cells


EMAILS = mostly(MENTORS + MENTEES, [" Ana@X.org ", "ANA@x.org", "Ana Ruiz <ana@x.org>", "CY@x.org\t", "zed@x.org",
                                    "sam@", "", "  ", "not an email", "a@b", "cy@x.org; dee@x.org", "bo@x.org>"])
DATES = mostly(["2026-03-14", "2026-05-02", "2026-06-02"], [
    " 2026-03-14 ", "2026-3-4", "14/03/2026", "03/04/2026", "04/03/2026", "13/13/2026", "14 Mar 2026",
    "March 14, 2026", "14th March 2026", "2026-02-30", "2026/03/14", "", " ", "soon", "2030-01-01",
    "0000-01-01", "2026-03-14T10:00", "1/2/26", "12.05.2026", "Smarch 3, 2026"],
    st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)).map(str))
MINUTES = mostly(["30", "45", ""], ["30", " 45 ", "45 min", "1,5", "-3", "2000", "1440", "1441", "abc", "007",
                                    "30.0", "30.5", "0", "+5", "1e3", "٣٠", "30 yrs"])
RATINGS = mostly(["1", "2", "3", "4", "5"], [" 3 ", "7", "0", "4.0", "four", "", "5.5", "-1", "٤"])
ROLES = mostly(["mentor", "mentee"], ["Mentee", " MENTOR ", "both", "", "Mentor ", "mentorship"])
IDS = mostly(["", "C-1", "C-2", "C-3", "C-4", "C-5", "C-6"], ["c-1", " C-3 ", "007", "  ", "İd", "i̇d"])
TEXT = st.text(st.sampled_from(list("ab =+,;é\t\n") + ["\u00a0", "\u2028"]), max_size=6)
HEADERS = {
    "checkins": [["id", "date", "mentor_email", "mentee_email", "minutes", "channel", "notes"],
                 ["Check-in ID", "Met on", "Mentor", "Intern", "Duration", "Medium", "Summary", "My own", ""],
                 ["date", "mentee", "mentor", "Date", "notes", "", "Extra"],
                 ["mentor_email", "mentee_email", "date"]],
    "feedback": [["id", "date", "mentor_email", "mentee_email", "from_role", "rating", "comment"],
                 ["Feedback ID", "Submitted on", "Mentor", "Intern", "Given by", "Score", "Comments", "Survey",
                  "Extra"],
                 ["rating", "from", "date", "mentee", "mentor", "rating"],
                 ["date", "mentor_email", "mentee_email", "rating"]],  # no from_role: nothing loads, one problem
}
TEXT_NO_BREAK = st.text(st.sampled_from(list("ab =+;é\t") + ["\u00a0", "\u2028"]), max_size=6)
CELLS = {"id": IDS, "checkin id": IDS, "feedback id": IDS, "date": DATES, "met on": DATES, "submitted on": DATES,
         "mentor_email": EMAILS, "mentor": EMAILS, "mentee_email": EMAILS, "mentee": EMAILS, "intern": EMAILS,
         "minutes": MINUTES, "duration": MINUTES, "rating": RATINGS, "score": RATINGS, "from_role": ROLES,
         "from": ROLES, "given by": ROLES}


@st.composite
def log_grid(draw, tab: str, ragged: bool = True) -> list[list[str]]:
    """A log tab; not ragged: every row as wide as the header, as the fastest CSV reader wants them."""
    header = draw(st.sampled_from(HEADERS[tab]))
    rows = [[] for _ in range(draw(st.integers(0, 2) if ragged else st.just(0)))] + [header]  # blank rows count
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(["row", "row", "row", "row", "blank", "short", "long"] if ragged else ["row"]))
        if kind == "blank":
            rows.append(draw(st.sampled_from([[], [""], ["  ", ""]])))
            continue
        cells = [draw(CELLS.get(h.lower().replace("-", ""), TEXT if ragged else TEXT_NO_BREAK)) for h in header]
        if kind == "short":
            cells = cells[:draw(st.integers(0, len(cells)))]
        elif kind == "long":
            cells += draw(st.lists(TEXT, min_size=1, max_size=2))
        rows.append(cells)
    return rows


ROSTERS = {
    "mentors": [["email", "name"], ["ana@x.org", "Ana"], ["bo@x.org", "Bo"]],
    "mentees": [["email", "name"], ["cy@x.org", "Cy"], ["dee@x.org", "Dee"], ["eve@x.org", "Eve"]],
    "pairings": [["id", "mentor_email", "mentee_email", "type", "started_on"],
                 ["P-1", "ana@x.org", "cy@x.org", "", "02/03/2026"],
                 ["P-2", "bo@x.org", "dee@x.org", "", ""], ["P-3", "cy@x.org", "eve@x.org", "peer", ""]],
}


def csv_tables(grids: dict[str, list[list[str]]], column_readers: bool) -> dict:
    """The grids written as CSV files and read back: by the column readers (Arrow or pandas, whichever takes the
    file), or row by row by the csv module, as before."""
    tables = {}
    for tab, grid in grids.items():
        data, name = "\r\n".join(",".join(row) for row in grid).encode("utf-8"), f"{tab}.csv"
        tables[tab] = (read_csv_table(TABS[tab], name, data, columnar_from=0)[0] if column_readers else
                       build_table(TABS[tab], name, parse_csv(data, name)[0]))
    return tables


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(checkins=st.one_of(log_grid("checkins"), log_grid("checkins", ragged=False)),
       feedback=st.one_of(log_grid("feedback"), log_grid("feedback", ragged=False)),
       locale=st.sampled_from([None, "en_US", "de_DE"]),
       as_of=st.sampled_from(["2026-06-01", "2026-03-14", None]), as_files=st.booleans())
def test_generated_log_tabs_load_the_same_column_wise_and_row_by_row(checkins, feedback, locale, as_of, as_files):
    grids = {**ROSTERS, "checkins": checkins, "feedback": feedback,
             "settings": [["key", "value"]] + ([["as_of", as_of]] if as_of else [])}
    if as_files:  # read as the CSV source reads a large file, against the csv module and the row path
        assert_same(lambda: csv_tables(grids, True), locale, lambda: csv_tables(grids, False))
    else:
        assert_same(lambda: {tab: build_table(TABS[tab], tab, grid) for tab, grid in grids.items()}, locale)


def test_a_big_clean_log_loads_without_a_row_object():
    grid = [["id", "date", "mentor_email", "mentee_email", "minutes", "notes"]]
    grid += [[f"C-{k}", f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}", MENTORS[k % 2], MENTEES[k % 3], str(k % 90), "ok"]
             for k in range(3000)]
    grids = {**ROSTERS, "checkins": grid, "settings": [["key", "value"], ["as_of", "2026-12-31"]]}
    tables = {tab: build_table(TABS[tab], tab, g) for tab, g in grids.items()}
    data = build_dataset(tables)
    assert len(data.checkin_log) == 3000  # all known people; the pairs not on the pairings tab are warnings only
    assert {p.message for p in data.problems if p.tab == "checkins"} == {
        "no pairing of these two people on the pairings tab"}
    assert tables["checkins"].__dict__["_rows"] is None  # never built row objects
    assert data.checkin_log["minutes"].dtype == "Int64" and data.checkin_log["date"].dtype == "datetime64[s]"


def test_the_log_models_validate_each_field_on_its_own():
    """What makes validating each distinct cell once sound: no validator looks at two fields of a row."""
    for model in LOG_MODELS.values():
        found = model.__pydantic_decorators__
        assert not (found.model_validators or found.field_validators or found.validators or found.root_validators)
