"""Saving a file so that a crash half way never leaves it broken: temp file, fsync, rename, plus a backup."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return kept


def _prune(path: Path) -> None:
    olds = sorted((path.parent / BACKUP_DIR).glob(f"{path.stem}-*{path.suffix}"))
    for old in olds[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
