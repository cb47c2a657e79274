"""The copy under every backup, restore and upgrade safety copy (core/db/sqlite_copy.py)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from core.db import sqlite_copy
from core.db.sqlite_copy import copy_sqlite, fsync_file


def windows_fsync(real: Callable[[int], None]) -> Callable[[int], None]:
    """os.fsync as Windows has it: FlushFileBuffers refuses a handle without write access
    (「[Errno 13] Permission denied」, issue 19). On Windows itself the real one checks."""

    def fsync(fd: int) -> None:
        try:
            import fcntl
        except ImportError:
            real(fd)
            return
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise PermissionError(13, "Permission denied")
        real(fd)

    return fsync


def test_fsync_opens_the_file_for_writing_as_windows_requires(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_copy.os, "fsync", windows_fsync(os.fsync))
    path = tmp_path / "copy.sqlite3"
    path.write_bytes(b"SQLite format 3\x00rest")
    fsync_file(path)
    assert path.read_bytes() == b"SQLite format 3\x00rest"  # nothing written


def test_the_old_read_only_fsync_fails_under_the_windows_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check above can fail: the read-only open that shipped is refused by it.
    monkeypatch.setattr(sqlite_copy.os, "fsync", windows_fsync(os.fsync))
    path = tmp_path / "copy.sqlite3"
    path.write_bytes(b"x")
    with path.open("rb") as f, pytest.raises(PermissionError):
        sqlite_copy.os.fsync(f.fileno())


def test_a_whole_copy_works_under_the_windows_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_copy.os, "fsync", windows_fsync(os.fsync))
    source = tmp_path / "live.sqlite3"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (42)")
    engine = create_engine(f"sqlite:///{source}")
    try:
        copy_sqlite(engine, tmp_path / "backup.sqlite3")
    finally:
        engine.dispose()
    with sqlite3.connect(tmp_path / "backup.sqlite3") as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(42,)]
    assert not (tmp_path / "backup.sqlite3.partial").exists()
