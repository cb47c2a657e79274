"""A consistent copy of a live SQLite file, made durable before it is renamed into place.

Used by backup and restore (core/db/backup.py) and by the safety copy taken before a schema
upgrade (core/db/migrate.py). Kept apart from both so that neither imports the other: the
database module opens files through migrate, and backup opens databases.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine

from core.db.errors import DatabaseCorrupt, DatabaseError

# (pages done, pages in all) -> False to cancel.
ProgressCallback = Callable[[int, int], bool]
PAGES_PER_STEP = 256


class BackupCancelled(DatabaseError):
    def __init__(self) -> None:
        super().__init__("已取消，未生成任何文件，数据库未作改动")


class Cancel(Exception):
    """Raised inside sqlite3's backup callback to stop the copy (it is then rolled back)."""


def step_progress(progress: ProgressCallback | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None

    def call(status: int, remaining: int, total: int) -> None:
        if not progress(total - remaining, total):
            # Raising inside the callback makes sqlite3 finish the backup early; the
            # destination's write transaction is then rolled back.
            raise Cancel

    return call


def aside_path(path: Path, label: str, stamp: str) -> Path:
    """``NAME.label-stamp`` next to ``path`` (``-2``, ``-3`` … if taken): where a database is
    kept before something replaces it (an upgrade, a restore, ``demo --force``)."""
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    return candidate


def fsync_file(path: Path) -> None:
    """Push a written file to the disk before it is renamed into place.

    Opened for writing: on Windows ``os.fsync`` is ``_commit`` → ``FlushFileBuffers``, which
    needs a handle with write access, and a read-only handle fails with 「Permission denied」
    (every backup and restore failed on Windows, issue 19). Nothing is written."""
    with path.open("r+b") as f:
        os.fsync(f.fileno())


def copy_sqlite(
    engine: Engine,
    dest: Path,
    progress: ProgressCallback | None = None,
    finish: Callable[[sqlite3.Connection], None] | None = None,
) -> None:
    """A consistent copy of a live SQLite database into ``dest`` (replaced only on success).

    ``finish`` runs on the copy before it is checked and renamed (the backup's manifest), so
    a copy is never in place without it."""
    dest = Path(dest)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with closing(sqlite3.connect(partial)) as target:
            source.backup(target, pages=PAGES_PER_STEP, progress=step_progress(progress))
            # A backup is one self-contained file (no -wal beside it) to carry on a USB stick.
            target.execute("PRAGMA journal_mode=DELETE")
            if finish is not None:
                finish(target)
                target.commit()
            rows = [r[0] for r in target.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise DatabaseCorrupt(f"备份副本检查未通过（{'；'.join(rows[:3])}）", dest)
        fsync_file(partial)
        os.replace(partial, dest)
    except Cancel:
        partial.unlink(missing_ok=True)
        raise BackupCancelled() from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
