"""Housekeeping for the desk's demo databases: each ``--demo`` start makes a new file in the
data folder's ``demo`` subfolder, and without pruning a trainer's PC collects hundreds."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

KEEP_DEMO_DATABASES = 3
_SIDE_FILES = ("-wal", "-shm", "-journal")


def new_demo_path(folder: Path, now: dt.datetime | None = None) -> Path:
    """A fresh, sortable file name in ``folder`` (created when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"demo-{stamp}.sqlite3"


def prune_demo_databases(folder: Path, keep: int = KEEP_DEMO_DATABASES) -> list[Path]:
    """Delete all but the newest ``keep`` demo databases (with their -wal/-shm files).

    Returns what was deleted. A file that cannot be deleted (open in another desk on
    Windows) is left for the next start: pruning never stops a demo from opening."""
    if not folder.is_dir():
        return []
    # The names sort by time; only files this module named are touched.
    demos = sorted(p for p in folder.glob("demo-*.sqlite3") if p.is_file())
    removed: list[Path] = []
    for old in demos[: max(0, len(demos) - keep)]:
        try:
            old.unlink()
        except OSError:
            continue
        removed.append(old)
        for suffix in _SIDE_FILES:
            with contextlib.suppress(OSError):
                Path(f"{old}{suffix}").unlink(missing_ok=True)
    return removed
