"""Check-ins and feedback held column-wise: one DataFrame per log, with the models built only when asked for.

A program can log hundreds of thousands of check-ins; a pydantic object per entry cost seconds to build and to
read back. So the loader hands the Dataset one frame per log (`LOG_COLUMNS`; one row per loaded entry, in
spreadsheet order), and `Dataset.checkins` / `Dataset.feedback` stay lists of models, built from the frame on first
use. Either side may be the source of truth: a Dataset made from models (tests, scripts) derives its frame from
them, and a list that code changes in place (append, assignment...) marks the frame stale, so the two never
disagree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.contract.models import CheckIn, Feedback

LOG_MODELS = {"checkins": CheckIn, "feedback": Feedback}
_SHARED = ("row", "id", "date", "mentor_email", "mentee_email")
LOG_COLUMNS: dict[str, tuple[str, ...]] = {
    "checkins": (*_SHARED, "minutes", "channel", "notes", "extra"),
    "feedback": (*_SHARED, "from_role", "rating", "comment", "question", "extra"),
}
# dtypes: row int64; date datetime64[s]; mentor_email and mentee_email category (both columns share the log's
# people as categories: compare them with == or isin as strings; their codes key people without hashing text);
# minutes Int64 (<NA> when blank); rating int64; other text object (Python str, "" when blank); extra object (the
# user's own cells as a dict, None when the row has none).
DATE_DTYPE = "datetime64[s]"
EMAILS = ("mentor_email", "mentee_email")
_NUMBERS = {"row": "int64", "minutes": "Int64", "rating": "int64"}


def people_columns(mentor, mentee) -> tuple[pd.Categorical, pd.Categorical]:
    """The two email columns as categoricals over the same sorted categories (their union)."""
    if (isinstance(mentor, pd.Categorical) and isinstance(mentee, pd.Categorical)
            and mentor.categories.equals(mentee.categories)):
        return mentor, mentee
    mentor, mentee = np.asarray(mentor, dtype=object), np.asarray(mentee, dtype=object)
    people = pd.Index(sorted(set(mentor.tolist()) | set(mentee.tolist())), dtype=object)
    return (pd.Categorical.from_codes(people.get_indexer(mentor), dtype=pd.CategoricalDtype(people)),
            pd.Categorical.from_codes(people.get_indexer(mentee), dtype=pd.CategoricalDtype(people)))


def positions(column, index: pd.Index) -> np.ndarray:
    """Where each entry of a column of emails is in `index` (-1 when absent); for a categorical column only its
    categories are looked up, so a log of 200,000 entries costs a few thousand lookups."""
    values = column.array if isinstance(column, pd.Series) else column
    if isinstance(values, pd.Categorical):
        found = index.get_indexer(pd.Index(np.asarray(values.categories, dtype=object), dtype=object))
        return np.where(values.codes >= 0, found[values.codes], -1)
    return index.get_indexer(pd.Index(np.asarray(values, dtype=object), dtype=object))


def log_frame(tab: str, values: dict[str, object]) -> pd.DataFrame:
    """A log frame from one array or list per column of LOG_COLUMNS[tab] (dates as datetime64 or date objects;
    minutes as Int64 or ints and None)."""
    data = {}
    data["mentor_email"], data["mentee_email"] = people_columns(values["mentor_email"], values["mentee_email"])
    for name in LOG_COLUMNS[tab]:
        column = values[name]
        if name in EMAILS:
            continue
        if name == "date":
            data[name] = np.asarray(column, dtype="datetime64[D]").astype(DATE_DTYPE)
        elif name == "minutes":
            data[name] = column if isinstance(column, pd.arrays.IntegerArray) else pd.array(column, dtype="Int64")
        elif name in _NUMBERS:
            data[name] = np.asarray(column, dtype=_NUMBERS[name])
        else:
            data[name] = np.asarray(column, dtype=object) if len(column) else np.empty(0, dtype=object)
    return pd.DataFrame({name: pd.Series(data[name], dtype=object if data[name].dtype == object else None)
                         for name in LOG_COLUMNS[tab]})


def empty_log(tab: str) -> pd.DataFrame:
    return log_frame(tab, {name: [] for name in LOG_COLUMNS[tab]})


def frame_from_models(tab: str, entries: list) -> pd.DataFrame:
    """The frame of a list of CheckIn or Feedback models (for Datasets built from models)."""
    values = {name: [getattr(e, name) for e in entries] for name in LOG_COLUMNS[tab] if name != "extra"}
    values["extra"] = [dict(e.extra) if e.extra else None for e in entries]
    return log_frame(tab, values)


def models_from_frame(tab: str, frame: pd.DataFrame) -> list:
    """The models of a loaded log, from values the loader already validated (no validation runs again).
    Fields set are the ones the spreadsheet filled, as validating the row would record them."""
    model = LOG_MODELS[tab]
    names = [n for n in LOG_COLUMNS[tab] if n != "extra"]
    columns = []
    for name in names:
        column = frame[name]
        if name == "date":
            columns.append(column.to_numpy().astype("datetime64[D]").astype(object).tolist())
        elif name == "minutes":
            columns.append(column.to_numpy(dtype=object, na_value=None).tolist())
        else:
            columns.append(column.to_numpy().tolist())
    always = {"row", "extra", *(n for n in names if model.model_fields[n].is_required())}
    optional = [n for n in names if n not in always]
    out = []
    for values, extra in zip(zip(*columns), frame["extra"].tolist()):
        fields = dict(zip(names, values))
        filled = {n for n in optional if fields[n] not in ("", None)}
        out.append(model.model_construct(always | filled, extra=dict(extra) if extra else {}, **fields))
    return out


class _TrackedList(list):
    """A list that tells its owner when it changes, so a frame derived from it is rebuilt."""

    def __init__(self, items, on_change):
        super().__init__(items)
        self._on_change = on_change

    def __reduce__(self):  # pickles and copies as a plain list
        return list, (list(self),)


def _tracked(method_name: str):
    method = getattr(list, method_name)

    def changed(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self._on_change()
        return self if method_name in ("__iadd__", "__imul__") else result
    changed.__name__ = method_name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__",
              "__delitem__", "__iadd__", "__imul__"):
    setattr(_TrackedList, _name, _tracked(_name))


class LogStore:
    """One log of a Dataset: the frame, the models, or both (built from each other on demand)."""

    def __init__(self, tab: str, entries):
        self.tab = tab
        if isinstance(entries, pd.DataFrame):
            self._frame, self._models = entries, None
        else:
            self._frame, self._models = None, _TrackedList(entries, self._stale)

    def _stale(self) -> None:
        self._frame = None

    def models(self) -> list:
        if self._models is None:
            self._models = _TrackedList(models_from_frame(self.tab, self._frame), self._stale)
        return self._models

    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = frame_from_models(self.tab, self._models)
        return self._frame

    def __len__(self) -> int:
        return len(self._frame) if self._frame is not None else len(self._models)

    def __getstate__(self):  # a cached Dataset pickles its frame, not a list of models
        return {"tab": self.tab, "entries": self._frame if self._frame is not None else list(self._models)}

    def __setstate__(self, state) -> None:
        self.__init__(state["tab"], state["entries"])


class LogField:
    """A Dataset field holding a log: reads as the list of models; accepts a list of models or a log frame."""

    def __init__(self, tab: str):
        self.tab = tab

    def __set_name__(self, owner, name: str) -> None:
        self.slot = f"_{name}_log"

    def __get__(self, dataset, owner=None):
        if dataset is None:
            return ()  # the dataclass default (immutable): an empty log
        return dataset.__dict__[self.slot].models()

    def __set__(self, dataset, entries) -> None:
        if isinstance(entries, tuple):
            entries = list(entries)
        dataset.__dict__[self.slot] = LogStore(self.tab, entries)

    def store(self, dataset) -> LogStore:
        return dataset.__dict__[self.slot]
