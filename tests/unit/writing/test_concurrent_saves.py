"""Several Tandem processes saving to one local CSV folder or workbook at once: every save reported is stored
exactly once, with an id no other row has, and nothing anyone wrote is lost."""

from __future__ import annotations

import csv
import io
import multiprocessing
import sys
import threading
from pathlib import Path

import openpyxl
import pytest

from lib.errors import SourceBusy
from lib.sources import CsvSource, XlsxSource, file_lock
from lib.sources.csv_files import LOCK_FILE
from lib.sources.safe_save import BACKUP_DIR
from lib.writing.writer import Writer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the writers are forked processes")

HEADER = ["id", "date", "mentor_email", "mentee_email", "minutes", "channel", "notes"]
STORED = [["C-0001", "2026-06-01", "ana@x.org", "mei@x.org", "45", "chat", "kick-off"],
          ["C-0002", "2026-06-08", "ana@x.org", "mei@x.org", "30", "video", "second"]]
WRITERS, SAVES = 3, 8
GENEROUS = 60  # seconds: a bound on work that takes about one, so a slow machine never fails the test


def _csv_folder(folder: Path) -> CsvSource:
    folder.mkdir()
    (folder / "checkins.csv").write_text("\n".join(",".join(r) for r in [HEADER, *STORED]) + "\n", encoding="utf-8")
    return CsvSource(folder=folder)


def _workbook(path: Path) -> XlsxSource:
    book = openpyxl.Workbook()
    book.active.title = "checkins"
    for row in [HEADER, *STORED]:
        book.active.append(row)
    book.save(path)
    return XlsxSource(path=path)


def _stored_csv(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "checkins.csv").read_text(encoding="utf-8-sig"))))


def _stored_xlsx(path: Path) -> list[dict[str, str]]:
    rows = list(openpyxl.load_workbook(path, read_only=True)["checkins"].iter_rows(values_only=True))
    return [{name: "" if v is None else str(v) for name, v in zip(rows[0], row)} for row in rows[1:]]


def _record(note: str) -> dict[str, object]:
    return {"date": "2026-06-15", "mentor_email": "ana@x.org", "mentee_email": "mei@x.org", "minutes": 20,
            "channel": "chat", "notes": note}


def _save(source, who: int, start, results) -> None:
    """One session: its own source object and writer, saving one check-in at a time as a page does."""
    writer = Writer(source, source.read_tables())
    start.wait(GENEROUS)
    saved = []
    try:
        for k in range(SAVES):
            note = f"writer {who} save {k}"
            saved.append((note, writer.append("checkins", [_record(note)])[0]))
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put((who, saved, repr(exc)))
        return
    results.put((who, saved, None))


def _run_writers(make_source, context) -> list[tuple[str, str]]:
    start, results = context.Barrier(WRITERS), context.Queue()
    workers = [context.Process(target=_save, args=(make_source(), who, start, results)) for who in range(WRITERS)]
    for worker in workers:
        worker.start()
    try:
        reports = [results.get(timeout=GENEROUS) for _ in workers]
    finally:
        for worker in workers:
            worker.join(GENEROUS)
    assert [error for _, _, error in reports if error] == []
    return [saved for _, done, _ in reports for saved in done]


def _assert_each_save_once(saved: list[tuple[str, str]], stored: list[dict[str, str]]) -> None:
    assert len(saved) == WRITERS * SAVES
    assert [[r[h] for h in HEADER] for r in stored[:len(STORED)]] == STORED  # the rows before are untouched
    ids = [r["id"] for r in stored]
    assert len(set(ids)) == len(ids) == len(STORED) + len(saved)
    by_note = {r["notes"]: r["id"] for r in stored[len(STORED):]}
    assert by_note == dict(saved)  # every save reported is there once, with the id it was reported with


def test_processes_appending_to_one_csv_folder_keep_every_row_with_unique_ids(tmp_path):
    folder = tmp_path / "data"
    _csv_folder(folder)
    saved = _run_writers(lambda: CsvSource(folder=folder), multiprocessing.get_context("fork"))
    _assert_each_save_once(saved, _stored_csv(folder))
    changes = list(csv.DictReader(io.StringIO((folder / "changes.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["key"] for r in changes if r["action"] == "append") == sorted(i for _, i in saved)


def test_processes_appending_to_one_workbook_keep_every_row_with_unique_ids(tmp_path):
    path = tmp_path / "program.xlsx"
    _workbook(path)
    saved = _run_writers(lambda: XlsxSource(path=path), multiprocessing.get_context("fork"))
    _assert_each_save_once(saved, _stored_xlsx(path))


def test_threads_of_one_process_appending_to_one_csv_folder_keep_every_row(tmp_path):
    folder = tmp_path / "data"
    _csv_folder(folder)

    class Threads:  # the thread counterparts of what _run_writers takes from a multiprocessing context
        Barrier, Queue = threading.Barrier, __import__("queue").Queue

        @staticmethod
        def Process(target, args):  # noqa: N802 - mirrors multiprocessing's name
            return threading.Thread(target=target, args=args)

    saved = _run_writers(lambda: CsvSource(folder=folder), Threads)
    _assert_each_save_once(saved, _stored_csv(folder))


def _hold(lock_file: Path, held, release) -> None:
    with file_lock.exclusive(lock_file, "held by the test"):
        held.set()
        release.wait(GENEROUS)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_save_while_another_process_holds_the_lock_is_refused_and_writes_nothing(tmp_path, monkeypatch, kind):
    if kind == "csv":
        source = _csv_folder(tmp_path / "data")
        lock_file, data, what = tmp_path / "data" / LOCK_FILE, tmp_path / "data" / "checkins.csv", "the folder"
    else:
        source = _workbook(tmp_path / "program.xlsx")
        lock_file, data, what = tmp_path / "program.xlsx.lock", tmp_path / "program.xlsx", "program.xlsx"
    writer = Writer(source, source.read_tables())
    files_before = sorted(p.name for p in data.parent.rglob("*")) + [lock_file.name]  # the holder makes it
    bytes_before = data.read_bytes()
    context = multiprocessing.get_context("fork")
    held, release = context.Event(), context.Event()
    holder = context.Process(target=_hold, args=(lock_file, held, release))
    holder.start()
    monkeypatch.setattr(file_lock, "LOCK_WAIT", 0.3)
    try:
        assert held.wait(GENEROUS)
        with pytest.raises(SourceBusy, match=f"Nothing was saved: another Tandem session has been saving to {what}.* "
                                             "for 0.3 s. Try again in a moment."):
            writer.append("checkins", [_record("refused")])
        with pytest.raises(SourceBusy):
            writer.update("checkins", "C-0001", {"minutes": 50})
    finally:
        release.set()
        holder.join(GENEROUS)
    assert data.read_bytes() == bytes_before  # nothing written: no row, no change log, no backup
    assert sorted(p.name for p in data.parent.rglob("*")) == sorted(files_before)
    assert not (data.parent / BACKUP_DIR).exists()
    assert writer.append("checkins", [_record("once free")]) == ["C-0003"]  # and saving works once it is free
