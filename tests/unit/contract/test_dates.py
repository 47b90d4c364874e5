"""Dates as leads type them: the forms read, the day/month order inferred per column or from the locale, the problems
named, and the form a lead reads back."""

from datetime import date, datetime

import pytest

from lib.contract.dates import (
    DMY,
    MDY,
    format_date,
    infer_order,
    locale_order,
    parse_date,
    parse_datetime,
)
from lib.errors import DateProblem


@pytest.mark.parametrize("text, order, expected", [
    ("2026-03-14", None, date(2026, 3, 14)),
    ("2026/3/4", None, date(2026, 3, 4)),
    ("14/03/2026", None, date(2026, 3, 14)),
    ("03/14/2026", None, date(2026, 3, 14)),
    ("03/04/2026", DMY, date(2026, 4, 3)),
    ("03/04/2026", MDY, date(2026, 3, 4)),
    ("05/05/26", None, date(2026, 5, 5)),
    ("14 Mar 2026", None, date(2026, 3, 14)),
    ("March 14, 2026", None, date(2026, 3, 14)),
    ("2026-03-14 09:30:00", None, date(2026, 3, 14)),
])
def test_parse_date(text, order, expected):
    assert parse_date(text, order) == expected


@pytest.mark.parametrize("text, words", [("03/04/2026", "could be 3 April or 4 March"),
                                         ("2026-02-30", "not a real date"), ("soon", "not a date")])
def test_parse_date_problems(text, words):
    with pytest.raises(DateProblem, match=words):
        parse_date(text)


def test_infer_order_per_column_and_locale():
    assert infer_order(["01/02/2026", "25/02/2026"]) == DMY
    assert infer_order(["01/02/2026", "02/25/2026"]) == MDY
    assert infer_order(["01/02/2026"]) is None
    assert infer_order(["01/02/2026"], locale_order("en_US")) == MDY
    assert infer_order(["01/02/2026"], locale_order("de_DE")) == DMY
    assert infer_order(["13/01/2026", "01/13/2026"]) is None  # contradictory evidence decides nothing


def test_format_date_as_a_lead_reads_it():
    assert format_date(date(2026, 3, 4)) == "4 Mar 2026" and format_date(None) == ""


@pytest.mark.parametrize("text, order, expected", [
    ("6/2/2026 9:14:03", MDY, datetime(2026, 6, 2, 9, 14, 3)),  # a Google Form's Timestamp, US owner
    ("02/06/2026 09:14:03", DMY, datetime(2026, 6, 2, 9, 14, 3)),  # the same, UK owner
    ("2026-06-02 09:14", None, datetime(2026, 6, 2, 9, 14)),
    ("2026-06-02T09:14:03Z", None, datetime(2026, 6, 2, 9, 14, 3)),
    ("2 Jun 2026 4:05 PM", None, datetime(2026, 6, 2, 16, 5)),
    ("June 2, 2026 12:30 am", None, datetime(2026, 6, 2, 0, 30)),
    ("2026-06-02", None, datetime(2026, 6, 2)),  # a date alone is midnight
    # with an offset from UTC, the moment in UTC: two offsets order as the sign-ups happened
    ("2026/06/15 2:00:00 PM GMT+2", None, datetime(2026, 6, 15, 12)),
    ("2026-06-02T09:14:03+02:00", None, datetime(2026, 6, 2, 7, 14, 3)),
    ("2026-06-02T09:14:03+0200", None, datetime(2026, 6, 2, 7, 14, 3)),
    ("2026-06-02 23:30 UTC-5:30", None, datetime(2026, 6, 3, 5, 0)),
])
def test_parse_datetime(text, order, expected):
    assert parse_datetime(text, order) == expected


@pytest.mark.parametrize("text, order, words", [("6/2/2026 25:00", MDY, "not a real time of day"),
                                                ("6/2/2026 13:00 PM", MDY, "has no hour 13 PM"),
                                                ("soon 9:00", MDY, "not a date Tandem can read"),
                                                ("2026-06-02 9:14 GMT+15", None, "more than 14 hours from UTC"),
                                                ("6/2/2026 9:14", None, "could be 6 February or 2 June")])
def test_parse_datetime_problems(text, order, words):
    with pytest.raises(DateProblem, match=words):
        parse_datetime(text, order)


def test_a_timestamps_date_is_evidence_for_the_order():
    assert infer_order(["6/2/2026 9:14:03", "6/14/2026 8:00:00"]) == MDY
    assert infer_order(["14/6/2026 9:14:03"]) == DMY
