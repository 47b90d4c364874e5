"""The Data set-up page through AppTest: a Google Form's responses opened from a folder, their columns mapped with
the guesses pre-filled and a preview, the map saved in the settings tab; and a responses file chosen as the mentees
when no tab of that name exists."""

from __future__ import annotations

import csv
import shutil

from tests.app.test_pages import assert_no_exception, button, metrics, open_location
from tests.app.test_pairings_page import plain
from tests.conftest import CORPUS

FORM = CORPUS / "forms" / "google_form"
SETUP = "pages/setup.py"


def settings_rows(folder) -> list[list[str]]:
    with open(folder / "settings.csv", newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))[1:]


def test_the_form_columns_come_with_their_guess_and_saving_the_map_reads_them(app, tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    open_location(app, folder)
    app.switch_page(SETUP).run()
    assert_no_exception(app)
    goals = app.selectbox(key="map_mentees_What do you most want to learn this summer?")
    assert goals.value == "goals"
    assert app.selectbox(key="map_mentors_Anything else we should know?").value == "Not read"  # no guess
    assert not [s for s in app.selectbox if s.key == "map_mentees_Timestamp"]  # read as signed_up_on, no map
    assert app.selectbox(key="map_mentors_How many interns can you take?").value == "capacity"
    preview = app.main.dataframe[1].value  # the mentees' preview: mentors come first
    assert "goals ← What do you most want to learn this summer?" in preview.columns
    button(app.main, "Save the mentees map").click().run()
    assert_no_exception(app)
    assert ["column.mentees.goals", "What do you most want to learn this summer?"] in settings_rows(folder)
    assert any("Saved the mentees map: goals = 'What do you most want to learn this summer?'" in plain(s.value)
               for s in app.success)
    button(app.main, "Save the mentors map").click().run()
    app.switch_page("pages/pairings.py").run()
    app.button(key="FormSubmitter:pairing_options-Suggest pairs").click().run()
    assert_no_exception(app)
    result = app.session_state["pairing_run"]["result"]
    ola = next(p for p in result.pairs if p.mentee_email == "ola.nowak@acme.example")
    assert "covers React and Testing" in ola.reason


def test_a_responses_file_is_chosen_as_the_mentees_when_no_tab_has_that_name(app, tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    (folder / "mentees.csv").rename(folder / "Intern sign-up (Responses) - Form Responses 1.csv")
    open_location(app, folder)
    assert_no_exception(app)
    assert any("has no 'mentees' tab" in e.value for e in app.main.error)
    assert any("Say which on the Data set-up page" in i.value for i in app.main.info)
    app.switch_page(SETUP).run()
    assert_no_exception(app)
    app.selectbox(key="tab_map_mentees").set_value("Intern sign-up (Responses) - Form Responses 1.csv").run()
    button(app.main, "Read the mentees from 'Intern sign-up (Responses) - Form Responses 1.csv'").click().run()
    assert_no_exception(app)
    assert settings_rows(folder) == [["tab.mentees", "Intern sign-up (Responses) - Form Responses 1.csv"]]
    app.switch_page("pages/overview.py").run()
    assert_no_exception(app)
    assert not app.main.error and metrics(app)["People"] == "8"  # 4 mentors and the 4 interns who signed up


def test_one_field_chosen_for_two_columns_is_said_and_save_waits(app, tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    open_location(app, folder)
    app.switch_page(SETUP).run()
    app.selectbox(key="map_mentees_Your time zone").set_value("goals").run()
    assert_no_exception(app)
    errors = [plain(e.value) for e in app.main.error]
    assert errors == ["'What do you most want to learn this summer?' and 'Your time zone' are both chosen as goals: "
                      "a field is read from one column. Choose another field (or Not read) for all but one."]
    assert next(b for b in app.button if b.label == "Save the mentees map").disabled
    assert not (folder / "settings.csv").exists()


def test_a_field_the_tab_reads_from_its_own_column_is_refused_on_save_as_the_command_line_refuses_it(app, tmp_path):
    """'Full name' is the mentees' name: choosing name for another column is refused, in the reader's words."""
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    open_location(app, folder)
    app.switch_page(SETUP).run()
    app.selectbox(key="map_mentees_Who is your manager? (email)").set_value("name").run()
    button(app.main, "Save the mentees map").click().run()
    assert_no_exception(app)
    assert [plain(e.value) for e in app.main.error] == [
        "The tab 'mentees.csv' has a name column of its own, 'Full name', which the map would drop: delete or rename "
        "that column first, or leave name as it is."]
    assert not (folder / "settings.csv").exists()
