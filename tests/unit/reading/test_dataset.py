"""The Dataset keeps its frames and its models in step: models built from a loaded frame equal the validated ones,
changing the list of models rebuilds the frame, and a loaded dataset pickles and comes back equal."""

from __future__ import annotations

import pickle
from datetime import date

import pandas as pd

from lib.contract.models import CheckIn, Feedback
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.reading.log_frames import models_from_frame
from lib.sources import sample_source
from tests.unit.reading.row_by_row import reference_dataset


def checkin(day: int, mentor="ana@x.org", mentee="cy@x.org", **fields) -> CheckIn:
    return CheckIn(date=date(2026, 3, day), mentor_email=mentor, mentee_email=mentee, **fields)


def test_models_built_from_a_loaded_frame_equal_the_validated_ones():
    data = load(sample_source())
    reference = reference_dataset(sample_source().read_tables())
    assert models_from_frame("checkins", data.checkin_log) == reference.checkins
    assert [m.model_fields_set for m in data.feedback] == [m.model_fields_set for m in reference.feedback]


def test_changing_the_list_of_models_rebuilds_the_frame():
    data = Dataset(checkins=[checkin(1), checkin(2, minutes=30, extra={"Room": "4"})])
    assert data.checkin_log["date"].dt.day.tolist() == [1, 2] and data.checkin_log["extra"][1] == {"Room": "4"}
    data.checkins.append(checkin(3))
    assert len(data.checkin_log) == 3
    data.checkins[0] = checkin(9)
    data.checkins.sort(key=lambda c: c.date)
    assert data.checkin_log["date"].dt.day.tolist() == [2, 3, 9]
    del data.checkins[0]
    data.checkins += [checkin(4)]
    assert data.checkin_log["date"].dt.day.tolist() == [3, 9, 4]
    data.checkins = [checkin(5, mentor="bo@x.org")]
    assert data.checkin_log["mentor_email"].tolist() == ["bo@x.org"]
    assert data.feedback_log.empty and list(data.feedback_log.columns)[-1] == "extra"


def test_a_loaded_dataset_pickles_its_frames_and_comes_back_equal():
    data = load(sample_source())
    again = pickle.loads(pickle.dumps(data))
    assert again.checkins == data.checkins and again.feedback == data.feedback
    pd.testing.assert_frame_equal(again.checkin_log, data.checkin_log)
    data.feedback.append(Feedback(date=date(2026, 7, 1), mentor_email="a@b.co", mentee_email="c@d.co",
                                  from_role="mentor", rating=3))
    assert len(pickle.loads(pickle.dumps(data)).feedback_log) == len(again.feedback_log) + 1
