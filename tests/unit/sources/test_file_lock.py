"""The write lock of local files: one holder at a time across processes and threads, re-entrant, bounded wait."""

from __future__ import annotations

import importlib.util
import multiprocessing
import sys
import threading

import pytest

from lib.errors import SourceBusy, SourceError
from lib.sources import CsvSource, XlsxSource, file_lock
from lib.sources.csv_files import LOCK_FILE

fork = pytest.mark.skipif(sys.platform == "win32", reason="the processes are forked")
GENEROUS = 30  # seconds: a bound for a step that takes milliseconds, so a slow machine never fails the test


def _hold(lock_file, held, release):
    with file_lock.exclusive(lock_file, "the test folder"):
        held.set()
        release.wait(GENEROUS)


@fork
def test_a_lock_another_process_holds_is_waited_for_then_refused_with_a_message(tmp_path):
    lock_file = tmp_path / LOCK_FILE
    context = multiprocessing.get_context("fork")
    held, release = context.Event(), context.Event()
    holder = context.Process(target=_hold, args=(lock_file, held, release))
    holder.start()
    try:
        assert held.wait(GENEROUS)
        with pytest.raises(SourceBusy, match="Nothing was saved: another Tandem session has been saving to the test "
                                             "folder for 0.2 s. Try again in a moment."):
            with file_lock.exclusive(lock_file, "the test folder", wait=0.2):
                pytest.fail("the lock was taken while another process held it")
    finally:
        release.set()
        holder.join(GENEROUS)
    with file_lock.exclusive(lock_file, "the test folder", wait=GENEROUS):  # free again once the holder is done
        pass


def test_threads_take_turns_and_the_holder_may_take_it_again(tmp_path):
    lock_file, inside, most = tmp_path / "x.lock", [0], [0]

    def work():
        for _ in range(20):
            with file_lock.exclusive(lock_file, "x"), file_lock.exclusive(lock_file, "x"):  # re-entrant
                inside[0] += 1
                most[0] = max(most[0], inside[0])
                inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(GENEROUS)
    assert most == [1] and inside == [0]


def test_a_thread_waits_at_most_the_bound_for_another_thread(tmp_path):
    lock_file, held, release = tmp_path / "x.lock", threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(lock_file, held, release))
    holder.start()
    try:
        assert held.wait(GENEROUS)
        with pytest.raises(SourceBusy, match="saving to x for 0.1 s"):
            with file_lock.exclusive(lock_file, "x", wait=0.1):
                pass
    finally:
        release.set()
        holder.join(GENEROUS)


def test_without_an_os_lock_it_imports_and_still_keeps_threads_apart(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "fcntl", None)  # as on Windows: `import fcntl` fails
    monkeypatch.setitem(sys.modules, "msvcrt", None)  # and as where msvcrt is missing too
    spec = importlib.util.spec_from_file_location("lock_without_os", file_lock.__file__)
    bare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bare)
    assert bare.fcntl is None and bare.msvcrt is None
    with bare.exclusive(tmp_path / "x.lock", "x"), bare.exclusive(tmp_path / "x.lock", "x"):
        assert (tmp_path / "x.lock").exists()


def test_the_lock_file_is_beside_the_data_and_never_counts_as_data(tmp_path, sample_copy):
    source = CsvSource(folder=sample_copy)
    with source.write_lock():
        pass
    assert (sample_copy / LOCK_FILE).is_file()
    assert LOCK_FILE not in [p.name for p in source.stored_files()]
    (sample_copy / ".mentors.csv.abc123.tmp").write_bytes(b"")  # another session's save, half way
    assert all(p.suffix == ".csv" for p in source.stored_files())
    book = tmp_path / "program.xlsx"
    book.write_bytes(b"")
    with XlsxSource(path=book).write_lock():
        assert (tmp_path / "program.xlsx.lock").is_file()


def test_a_missing_folder_or_workbook_is_said_as_such(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        CsvSource(folder=tmp_path / "gone").write_lock()
    with pytest.raises(SourceError, match="does not exist"):
        XlsxSource(path=tmp_path / "gone.xlsx").write_lock()


def test_uploads_need_no_lock():
    with CsvSource(files={"mentors.csv": b"email\n"}).write_lock():
        pass


def test_a_file_system_that_takes_no_locks_still_saves(tmp_path, monkeypatch, sample_copy):
    import errno

    from lib.reading.loader import load
    from lib.writing.writer import Writer

    class NoLocks:
        LOCK_EX, LOCK_NB, LOCK_UN = 2, 4, 8

        @staticmethod
        def flock(fd, operation):  # what some network shares answer
            raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(file_lock, "fcntl", NoLocks)
    source = CsvSource(folder=sample_copy)
    data = load(source)
    [key] = Writer(source, data.tables).append("checkins", [{"date": "2026-07-24", "mentor_email":
                                                             "ana.ruiz@northwind.example", "mentee_email":
                                                             "mei.chen@northwind.example"}])
    assert key in {c for c in load(source).checkin_log["id"]}
