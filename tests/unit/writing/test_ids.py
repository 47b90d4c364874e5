"""New ids in the sheet's own pattern."""

from __future__ import annotations

from lib.writing.ids import next_ids


def test_the_next_number_in_the_pattern_most_ids_follow_as_wide_as_written():
    assert next_ids(["P-001", "P-017", "P-009"], "P", 2) == ["P-018", "P-019"]
    assert next_ids(["C-0411", "C-0002"], "C", 1) == ["C-0412"]
    assert next_ids(["P-9", "P-10"], "P", 1) == ["P-11"]  # not zero-padded: not padded
    assert next_ids(["PAIR_07", "PAIR_08", "P-b70de799"], "P", 1) == ["PAIR_09"]  # the most common pattern


def test_without_a_pattern_the_short_fallback_and_never_a_taken_id():
    assert next_ids([], "P", 2) == ["P-001", "P-002"]
    assert next_ids(["P-b70de799", "x"], "P", 1) == ["P-001"]
    assert next_ids(["p-003", "P-001", "P-002", "P-003"], "P", 1) == ["P-004"]
    assert next_ids(["A-1", "A-2", "B-3"], "B", 1) == ["A-3"]
