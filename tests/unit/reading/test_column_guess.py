"""Guessing the field of a column Tandem does not recognise, from the header's words and the values' shape, on the
headers real Google Forms and HR exports use."""

from __future__ import annotations

import pytest

from lib.contract.tabs import MENTEES, MENTORS
from lib.reading.column_guess import guess_field

READ = {"email", "name"}


@pytest.mark.parametrize("spec, header, values, field", [
    (MENTEES, "What do you most want to learn this summer?", ["Kubernetes, Go", "SQL", "React, Testing"], "goals"),
    (MENTEES, "Your time zone", ["Europe/Berlin", "UTC+1", "America/New_York"], "timezone"),
    (MENTEES, "Anyone you would like as a mentor? (email)", ["ana@x.org", "bo@x.org"], "preferred_mentors"),
    (MENTEES, "Which kind of mentoring would you like?", ["One-on-one", "Peer", "One-on-one, Group"],
     "preferred_type"),
    (MENTEES, "Who is your manager? (email)", ["lead@x.org", "cto@x.org"], "manager_email"),
    (MENTEES, "Hobbies outside work", ["climbing, chess", "music"], "interests"),
    (MENTORS, "How many interns can you take?", ["2", "0", "1", "3"], "capacity"),
    (MENTORS, "What can you teach? (pick all that apply)", ["Python, SQL", "Kubernetes"], "skills"),
    (MENTORS, "Years in the industry", ["8", "12"], "seniority"),
    (MENTORS, "Languages you speak", ["English, Portuguese", "Czech"], "languages"),
    (MENTORS, "Where are you based?", ["Europe/Lisbon", "Asia/Singapore"], "timezone"),  # the values say it
    (MENTEES, "Would you like email reminders?", ["Yes", "No", "Yes"], "reminders"),
    (MENTORS, "How many years have you worked here?", ["8", "3", "12"], "seniority"),  # not capacity: years
    (MENTORS, "How long have you been with the company?", ["8", "3"], "seniority"),
    (MENTORS, "What could you help an intern with?", ["SQL, Python", "Public speaking"], "skills"),
    (MENTEES, "What are you hoping to get out of the program?", ["Kubernetes, Go", "Confidence in code review"],
     "goals"),
    (MENTEES, "What do you need help with?", ["SQL", "Testing, React"], "goals"),  # a mentee's need: not skills
])
def test_form_headers_get_the_field_they_ask_for(spec, header, values, field):
    assert guess_field(spec, header, values, set(READ)) == field


@pytest.mark.parametrize("spec, header, values", [
    (MENTORS, "Job Title", ["Senior Engineer", "Data Analyst"]),
    (MENTORS, "Hire Date", ["2019-03-01", "2021-06-14"]),
    (MENTEES, "Shoe size", ["42", "39"]),
    (MENTEES, "Phone", ["+351 912 345 678"]),
    (MENTORS, "Anything else we should know?", ["Mornings only", "On leave in June"]),
])
def test_columns_no_criterion_reads_get_no_guess(spec, header, values):
    assert guess_field(spec, header, values, set(READ)) is None


def test_values_that_cannot_be_the_field_overrule_the_header():
    assert guess_field(MENTORS, "How many interns can you take?", ["two or three", "ask me"], set(READ)) is None
    assert guess_field(MENTEES, "Your time zone", ["somewhere sunny", "home"], set(READ)) is None


def test_a_field_already_read_is_not_offered_again():
    header, values = "How many interns can you take?", ["2", "1"]
    assert guess_field(MENTORS, header, values, READ | {"capacity"}) is None
