"""One writer at a time for a file on disk: an exclusive lock held across a whole read-modify-write.

Two Tandem sessions saving to one CSV folder or workbook would each read the file, change it and write it back,
and the later save would drop the earlier one's rows. The writer holds this lock from its fresh read to the
atomic rename, so the second save reads the first's rows (and numbers its ids after them).

Between processes it is an OS lock on a small lock file beside the data (`fcntl.flock`, or `msvcrt.locking`
on Windows; where neither exists, only the threads of one process are kept apart). Within a process a
threading lock comes first, and the lock is re-entrant for its thread (an append's renumbering is an update).
The lock file is left in place: removing it while another process waits on it would let two writers in.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from lib.errors import SourceBusy, SourceError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
try:
    import msvcrt
except ImportError:  # everywhere but Windows
    msvcrt = None

LOCK_WAIT = 10.0  # seconds a save waits for another session's save before it gives up
POLL = 0.02  # seconds between tries for the OS lock (neither flock nor msvcrt waits with a bound)


class _PathLock:
    """The lock of one lock file in this process: the thread that holds it, how deep, and the open file."""

    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.handle = None
        self.os_locked = False  # False on a file system that takes no locks


_locks: dict[str, _PathLock] = {}
_registry = threading.Lock()


def _forget_inherited() -> None:
    # A forked child holds none of its parent's locks; it must open its own lock file to be kept apart.
    global _registry
    _locks.clear()
    _registry = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_inherited)


def _lock_for(path: Path) -> _PathLock:
    with _registry:
        return _locks.setdefault(os.path.abspath(path), _PathLock())


HELD_ERRNOS = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


def _try_os_lock(handle) -> bool | None:
    """True: locked; False: another process holds it; None: this file system takes no locks (some network shares:
    ENOLCK, EOPNOTSUPP), so only the threads of this process are kept apart, as before locks existed."""
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        elif msvcrt is not None:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            return None
    except OSError as exc:
        return False if exc.errno in HELD_ERRNOS else None
    return True


def _os_unlock(handle) -> None:
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    elif msvcrt is not None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _busy(what: str, wait: float) -> SourceBusy:
    return SourceBusy(f"Nothing was saved: another Tandem session has been saving to {what} for {wait:g} s. "
                      "Try again in a moment.")


def _open(lock_file: Path, what: str):
    try:
        return open(lock_file, "a+b")
    except OSError as exc:
        raise SourceError(f"Nothing was saved: {what} cannot be locked for writing ({exc.strerror or exc}).") from None


@contextmanager
def exclusive(lock_file: Path, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of `lock_file` (created when missing) for the block, waiting at most `wait` seconds (LOCK_WAIT)
    for another thread or process; then raise SourceBusy naming `what`, before anything is read or written."""
    wait = LOCK_WAIT if wait is None else wait
    lock = _lock_for(lock_file)
    deadline = time.monotonic() + wait
    if not lock.thread_lock.acquire(timeout=wait):
        raise _busy(what, wait)
    try:
        if lock.depth == 0:
            handle = _open(lock_file, what)
            while (locked := _try_os_lock(handle)) is False:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise _busy(what, wait)
                time.sleep(POLL)
            lock.handle, lock.os_locked = handle, locked is True
        lock.depth += 1
        try:
            yield
        finally:
            lock.depth -= 1
            if lock.depth == 0:
                handle, lock.handle = lock.handle, None
                try:
                    if lock.os_locked:
                        _os_unlock(handle)
                finally:
                    handle.close()
    finally:
        lock.thread_lock.release()
