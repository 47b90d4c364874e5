"""Opening a source: uploads past the size limit are refused before anything is read."""

from __future__ import annotations

import pytest

from lib.errors import SourceError
from lib.sources import upload_source
from lib.sources.opening import MAX_UPLOAD_BYTES
from tests.unit.hostile import MENTEES

pytestmark = pytest.mark.timeout(60)  # a hang guard, not a performance figure (those are in bench/)


def test_uploads_past_the_size_limit_are_refused_before_reading():
    with pytest.raises(SourceError, match="mentors.csv is larger than 20 MB"):
        upload_source([("mentors.csv", b"x" * (MAX_UPLOAD_BYTES + 1)), ("mentees.csv", MENTEES.encode())])
