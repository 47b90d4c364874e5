"""The Roster page's edit form through AppTest, on a copy of the sample folder: fixed values are selects, opening and
saving changes nothing, a refused value's reason sits under its field with the summary beside Save, and a good
value changes exactly that cell."""

from __future__ import annotations

import csv

from lib.contract.values import timezone_choices
from tests.app.test_pages import assert_no_exception, open_location

ANA = "ana.ruiz@northwind.example"
KEY = f"edit_mentors_{ANA}_"


def mentor_rows(folder) -> list[list[str]]:
    with (folder / "mentors.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def save(at):
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert_no_exception(at)
    return at


def opened(app, folder):
    open_location(app, folder)
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    return app


def test_fixed_values_are_selects_and_saving_an_untouched_form_writes_nothing(app, sample_copy):
    text = (sample_copy / "mentors.csv").read_text(encoding="utf-8").replace(",yes,", ",Yes,", 1)
    (sample_copy / "mentors.csv").write_text(text, encoding="utf-8")  # a lead's own spelling stays as it is
    before = (sample_copy / "mentors.csv").read_bytes()
    at = opened(app, sample_copy)
    active = at.selectbox(key=KEY + "active")
    assert active.options == ["(blank)", "yes", "no"] and active.value == "yes"
    zone = at.selectbox(key=KEY + "timezone")
    assert zone.value == "Europe/Lisbon" and zone.options[1:] == timezone_choices()
    assert {"UTC+2", "UTC-5", "Europe/Berlin", "America/New_York"} <= set(zone.options)
    types = at.multiselect(key=KEY + "mentorship_types")
    assert types.value == ["one-on-one", "group"] and set(types.options) == {"one-on-one", "group", "peer"}
    save(at)
    assert [i.value for i in at.info] == ["Nothing changed: every field already had that value."]
    assert (sample_copy / "mentors.csv").read_bytes() == before


def test_a_refused_value_is_explained_under_its_field_and_beside_save_and_nothing_is_written(app, sample_copy):
    before = mentor_rows(sample_copy)
    at = opened(app, sample_copy)
    at.text_input(key=KEY + "capacity").input("two")
    save(at)
    errors = [e.value.replace("\\", "") for e in at.error]
    assert errors[0] == "'two' is not a number"  # under Capacity, in the form
    assert errors[1].startswith("Nothing was saved for Ana Ruiz: mentors row 2, column 'capacity': 'two' is not a")
    assert mentor_rows(sample_copy) == before
    assert at.text_input(key=KEY + "capacity").value == "two"  # what was typed stays to be corrected

    at.text_input(key=KEY + "capacity").input("4")
    at.selectbox(key=KEY + "timezone").set_value("UTC+2")
    at.multiselect(key=KEY + "mentorship_types").set_value(["group"])
    save(at)
    assert not at.error
    done = next(s.value.replace("\\", "") for s in at.success if s.value.startswith("Saved"))
    assert done.startswith("Saved 3 changes for Ana Ruiz:"), [s.value for s in at.success]
    after = mentor_rows(sample_copy)
    header = before[0]
    changed = {header[c] for r in range(len(before)) for c in range(len(before[r])) if before[r][c] != after[r][c]}
    assert changed == {"capacity", "timezone", "mentorship_types"}
    assert after[1][header.index("timezone")] == "UTC+2" and after[1][header.index("mentorship_types")] == "group"
