"""A full disk and a read-only database are told in words a clerk can act on (issue 14 §5),
and the write is rolled back whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from core.db.database import Database, classify_sqlite_error
from core.db.errors import DatabaseDiskFull, DatabaseLocked, DatabaseReadOnly
from core.records import case_queries
from tests.core.db.conftest import People, case_form, register


@pytest.mark.sqlite_only("SQLite's own full-disk error, raised by a size limit on the file")
def test_sqlite_full_inside_a_write_is_disk_full_and_rolls_back(
    db: Database, people: People
) -> None:
    before = case_queries.count_cases(db)
    # SQLite's own way to make a file unable to grow: cap its pages at what it has now.
    with pytest.raises(DatabaseDiskFull, match="磁盘空间不足") as raised, db.write() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
        session.execute(text(f"PRAGMA max_page_count={pages}"))
        session.execute(text("CREATE TABLE filler (x BLOB)"))
        for _ in range(200):
            session.execute(text("INSERT INTO filler VALUES (zeroblob(8192))"))
    assert "已有数据不受影响" in str(raised.value)
    db.engine.dispose()  # the page cap was set on a pooled connection: drop it
    assert case_queries.count_cases(db) == before
    register(db, people, case_form(1))  # the database is still usable


def test_the_cause_is_found_behind_no_such_savepoint() -> None:
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("no such savepoint: sa_savepoint_1")  # noqa: B904
    except sqlite3.OperationalError as exc:
        assert isinstance(classify_sqlite_error(exc, None), DatabaseDiskFull)
    assert isinstance(
        classify_sqlite_error(sqlite3.OperationalError("database is locked"), None),
        DatabaseLocked,
    )
    assert classify_sqlite_error(sqlite3.OperationalError("no such table: x"), None) is None


def test_a_database_opened_read_only_says_so_on_write(db_path: Path) -> None:
    """SQLite's own read-only mode stands in for a read-only medium (root, who runs CI here,
    ignores file permissions)."""
    from sqlalchemy import create_engine

    from core.db.database import Database

    engine = create_engine(
        f"sqlite:///file:{db_path.as_posix()}?mode=ro&uri=true", hide_parameters=True
    )
    ro = Database(engine, engine.url, db_path)
    with pytest.raises(DatabaseReadOnly, match="只读"), ro.write() as session:
        session.execute(text("CREATE TABLE t (x)"))
    engine.dispose()


def test_the_read_only_message() -> None:
    error = classify_sqlite_error(
        sqlite3.OperationalError("attempt to write a readonly database"), Path("x.sqlite3")
    )
    assert isinstance(error, DatabaseReadOnly)
    assert "只读" in str(error) and "写入权限" in str(error)


def test_a_file_another_program_holds_open_on_windows_says_so() -> None:
    # Windows reports a file held open by another process (the desk, Excel) as EACCES with
    # winerror 32; it must not read as a permissions problem.
    import errno

    from core.db.errors import output_error

    held = PermissionError(errno.EACCES, "The process cannot access the file", "live.sqlite3")
    held.winerror = 32  # type: ignore[attr-defined]  # set by CPython on Windows only
    text = output_error(held)
    assert text is not None and "正被其他程序使用" in text and "live.sqlite3" in text
    plain = PermissionError(errno.EACCES, "Permission denied", "x.xlsx")
    assert "没有写入权限" in (output_error(plain) or "")
