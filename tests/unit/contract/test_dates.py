"""Dates as leads type them: the forms read, the day/month order inferred per column or from the locale, the problems
named, and the form a lead reads back."""

from datetime import date

import pytest

from lib.contract.dates import DMY, MDY, format_date, infer_order, locale_order, parse_date
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
