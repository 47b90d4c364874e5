"""Pseudonyms of forgotten people: one per person and salt, a valid email, recognised in any case."""

from __future__ import annotations

import re

import numpy as np

from lib.contract.pseudonyms import forgotten_mask, is_forgotten, pseudonym
from lib.contract.values import check_email
from tests.unit.writing.test_forget import MEI, SALT, TOMAS


def test_a_pseudonym_is_one_per_person_and_salt_and_is_recognised():
    alias = pseudonym(MEI, SALT)
    assert alias == pseudonym(" Mei.Chen@NORTHWIND.example ", SALT) != pseudonym(MEI, b"another salt")
    assert alias != pseudonym(TOMAS, SALT) and check_email(alias) == alias
    assert re.fullmatch(r"forgotten-[0-9a-f]{8}@forgotten\.invalid", alias)
    assert is_forgotten(alias.upper()) and not is_forgotten(MEI) and not is_forgotten("")
    assert not is_forgotten("someone@forgotten.invalid.example.org")
    emails = np.array([MEI, alias, "", " " + alias.upper()], dtype=object)
    assert forgotten_mask(emails).tolist() == [False, True, False, True]
