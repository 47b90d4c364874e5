"""Saving a file so that a crash half way never leaves it broken: temp file, fsync, rename, plus a backup."""

from __future__ import annotations

import html
import io
import os
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Iterable

from lib.errors import SourceError

BACKUP_DIR = ".tandem-backups"
KEEP_BACKUPS = 20  # per file; older ones are pruned so a busy folder does not fill up


def backup_path(path: Path, when: datetime) -> Path:
    return path.parent / BACKUP_DIR / f"{path.stem}-{when:%Y%m%dT%H%M%S%f}{path.suffix}"


def save_atomically(path: Path, data: bytes, *, backup: bool = True, now: datetime | None = None) -> Path | None:
    """Replace `path` with `data`; the old file is copied to the backup folder first. Returns the backup."""
    path = Path(path)
    kept = None
    if backup and path.exists():
        kept = backup_path(path, now or datetime.now())
        kept.parent.mkdir(exist_ok=True)
        shutil.copy2(path, kept)
        _prune(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SourceError(f"Nothing was saved: {path.name} cannot be written ({exc.strerror or exc}).") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # disk full, permissions, a file locked by Excel: said, never a traceback
            raise SourceError(f"Nothing was saved: writing {path.name} failed ({exc.strerror or exc}); the file is "
                              "as it was" + (f", and a copy is in {kept.parent.name}/." if kept else ".")) from None
        raise
    return kept


def _prune(path: Path) -> None:
    olds = sorted((path.parent / BACKUP_DIR).glob(f"{path.stem}-*{path.suffix}"))
    for old in olds[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


def backups_of(path: Path) -> list[Path]:
    """The backups kept of one file, oldest first."""
    path = Path(path)
    return sorted((path.parent / BACKUP_DIR).glob(f"{path.stem}-*{path.suffix}"))


def drop_backups_mentioning(backups: Iterable[Path], mentions: list[str]) -> int:
    """Delete the backups whose text contains any of `mentions` (case-insensitively); returns how many."""
    wanted = [m.casefold() for m in mentions if m.strip()]
    removed = 0
    for backup in backups:
        text = _text_of(backup.read_bytes()).casefold()
        if any(m in text for m in wanted):
            backup.unlink(missing_ok=True)
            removed += 1
    return removed


def _text_of(data: bytes) -> str:
    """The readable text of a backup: a CSV in any encoding Tandem reads, or the XML parts of an .xlsx."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml")]
            return html.unescape("\n".join(parts))
        except zipfile.BadZipFile:
            pass
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")
