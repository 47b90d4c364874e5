"""Cell values: lists, emails, yes/no, whole numbers and time zones as leads type them."""

import pytest

from lib.contract.values import (
    check_email,
    parse_bool,
    parse_timezone,
    parse_whole,
    split_list,
    utc_offset_hours,
)


def test_values():
    assert split_list("Python; SQL, python ,, Go") == ["Python", "SQL", "Go"]
    assert check_email("  Ana Ruiz <Ana.Ruiz@Example.org> ") == "ana.ruiz@example.org"
    assert check_email("Ana Costa (Ana.Costa@example.com)") == "ana.costa@example.com"  # as HR exports write it
    with pytest.raises(ValueError):
        check_email("Ana Costa (ask her)")
    with pytest.raises(ValueError):
        check_email("ana at example")
    assert parse_bool("Yes") is True and parse_bool("n") is False
    assert parse_whole("2.0") == 2
    with pytest.raises(ValueError):
        parse_whole("two")
    assert parse_timezone("utc+5:30") == "UTC+5:30" and parse_timezone("europe/berlin") == "Europe/Berlin"
    assert utc_offset_hours("UTC-3:30") == -3.5
    with pytest.raises(ValueError):
        parse_timezone("UTC+20")


def test_checkbox_and_list_answers_split_on_commas_semicolons_and_new_lines():
    assert split_list("Kubernetes, Go") == ["Kubernetes", "Go"]  # a Form's checkboxes, joined by ", "
    assert split_list("SQL\ndbt;Data modelling") == ["SQL", "dbt", "Data modelling"]


def test_a_number_too_large_for_a_float_is_refused_not_a_crash():
    with pytest.raises(ValueError, match="too large a number"):
        parse_whole("9" * 400)
