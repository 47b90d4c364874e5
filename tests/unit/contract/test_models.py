"""The contract's models: optional fields left blank stay blank, and bounds apply only to values."""

import pytest


def test_blank_optional_numbers_are_blank_and_bounds_apply_only_to_values():
    from pydantic import ValidationError

    from lib.contract.models import CheckIn, Mentee, Mentor
    assert Mentee(email="a@b.co", name="A", seniority="").seniority is None
    assert Mentor(email="a@b.co", name="A", capacity="").capacity == 1
    assert CheckIn(date="2026-03-14", mentor_email="a@b.co", mentee_email="c@d.co", minutes=" ").minutes is None
    with pytest.raises(ValidationError):
        Mentor(email="a@b.co", name="A", capacity="51")
