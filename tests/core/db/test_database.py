import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from core.db.database import DB_ENV, default_database_path, open_database, resolve_url
from core.db.errors import DatabaseCorrupt, DatabaseError, DatabaseLocked


def test_a_plain_path_means_a_sqlite_file(tmp_path: Path):
    url, path = resolve_url(str(tmp_path / "a.sqlite3"))
    assert url.get_backend_name() == "sqlite"
    assert path == tmp_path / "a.sqlite3"


def test_a_url_is_taken_as_it_is(tmp_path: Path):
    _url, path = resolve_url(f"sqlite:///{tmp_path}/b.sqlite3")
    assert path == tmp_path / "b.sqlite3"
    pg, pg_path = resolve_url("postgresql+psycopg://desk@server/ipdesk")
    assert pg.get_backend_name() == "postgresql"
    assert pg_path is None


def test_the_environment_variable_points_elsewhere(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.sqlite3"))
    assert resolve_url(None)[1] == tmp_path / "env.sqlite3"
    # An explicit --db wins over the environment.
    assert resolve_url(str(tmp_path / "x.sqlite3"))[1] == tmp_path / "x.sqlite3"


def test_default_is_in_the_user_data_directory(monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    path = resolve_url(None)[1]
    assert path == default_database_path()
    assert path.name == "ipdesk.sqlite3"
    assert "ipdesk" in str(path.parent)


def test_memory_databases_are_refused():
    with pytest.raises(DatabaseError, match="内存"):
        resolve_url("sqlite://")


def test_pragmas_are_set_on_every_connection(db_path: Path):
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            values = {
                name: conn.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            }
    finally:
        db.close()
    assert values == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,  # FULL (issue 14 §5)
        "busy_timeout": 5000,
    }


def test_a_new_file_is_created_with_its_folder(tmp_path: Path):
    target = tmp_path / "deep" / "folder" / "new.sqlite3"
    db = open_database(target)
    db.close()
    assert target.is_file()


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception, match=r"(?i)FOREIGN KEY"), db.write() as session:
        session.execute(
            text(
                "INSERT INTO claims (application_id, position, item, date, facts, paid_months)"
                " VALUES (999, 0, 'transfer_in', '2024-01-01', '{}', 0)"
            )
        )


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseCorrupt, match="不是数据库文件"):
        open_database(bad)
    assert bad.read_text(encoding="utf-8") == "这不是数据库"


def test_another_programs_database_is_refused(tmp_path: Path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseCorrupt, match="不是本系统的数据库"):
        open_database(other)


def test_a_damaged_file_fails_the_integrity_check(db_path: Path, tmp_path: Path):
    # Fill a database, then overwrite pages in the middle of the file.
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("CREATE TABLE filler (x TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(400)])
        conn.execute("CREATE INDEX filler_x ON filler (x)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 2):
        data[offset + 8 : offset + 200] = b"\xff" * 192
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt, match="从备份恢复"):
        open_database(db_path)


def test_a_locked_file_is_reported_as_locked(db_path: Path):
    holder = sqlite3.connect(db_path)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE hold (x)")
        with pytest.raises(DatabaseLocked, match="正被其他程序占用"):
            open_database(db_path, busy_timeout_ms=100)
    finally:
        holder.rollback()
        holder.close()


def test_a_folder_is_not_a_database(tmp_path: Path):
    with pytest.raises(DatabaseError, match="文件夹"):
        open_database(tmp_path)


def test_write_rolls_back_on_error(db):
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('k', '1')"))
        raise RuntimeError("stop")
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM settings WHERE key='k'")).scalar() == 0
