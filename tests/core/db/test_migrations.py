import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from core.db import migrate
from core.db.clock import FixedClock
from core.db.database import Database, create_db_engine, open_database, resolve_url
from core.db.errors import DatabaseNeedsUpgrade, DatabaseTooNew
from core.db.migrations import HEAD_REVISION
from core.db.models import Base
from tests.core.db.conftest import START


def bare(path: Path | str) -> Database:
    """A Database on a file without the checks and upgrade of open_database."""
    url, p = resolve_url(path)
    return Database(create_db_engine(url), url, p, FixedClock(START))


def revision_of(path: Path) -> str | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else row[0]


def test_revisions_form_one_line():
    revisions = migrate.known_revisions()
    assert revisions[0] == "0001"
    assert revisions[-1] == migrate.head_revision()
    assert len(set(revisions)) == len(revisions)


def test_the_head_known_without_alembic_is_alembics_head():
    # A new migration must move HEAD_REVISION too, or databases at the new head would be
    # handed to Alembic on every open (slow, not wrong) and older ones judged current (wrong).
    assert migrate.head_revision() == HEAD_REVISION


def test_a_current_database_opens_without_importing_alembic(tmp_path: Path):
    path = tmp_path / "current.sqlite3"
    open_database(path).close()  # built through every revision
    probe = (
        "import sys; from core.db.database import open_database; "
        f"db = open_database({str(path)!r}); "
        "print('alembic' in sys.modules, db.upgraded_from); db.close()"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.stdout.split() == ["False", "None"]


def test_an_older_database_is_still_upgraded_through_alembic(tmp_path: Path):
    path = tmp_path / "older.sqlite3"
    db = bare(path)
    migrate.upgrade(db, "0003")
    db.close()
    db = open_database(path)
    try:
        assert db.upgraded_from == "0003"
        assert migrate.current_revision(db) == HEAD_REVISION
    finally:
        db.close()


@pytest.fixture
def empty_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest):
    """A database with no tables at all: a new file, or a new database on the server."""
    if backend == "sqlite":
        yield str(tmp_path / "steps.sqlite3")
        return
    from tests.pg_server import create_database, drop_database, fresh_name

    server = request.getfixturevalue("pg_server")
    name = fresh_name("steps")
    yield create_database(server, name)
    drop_database(server, name)


def _server_indexes(conn) -> list[str]:
    """The trigram indexes of migration 0015, present on a server only (not in the models)."""
    if conn.dialect.name != "postgresql":
        return []
    from sqlalchemy import text

    found = conn.execute(
        text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%\\_trgm' ESCAPE '\\'")
    ).scalars()
    names = sorted(found)
    assert names == ["ix_applicants_credit_code_trgm", "ix_claims_patent_trgm"]
    return names


def test_every_revision_applies_in_turn_and_the_result_matches_the_models(empty_target: str):
    # On PostgreSQL too: it enforces the lengths and types SQLite lets pass (issue 18 §2).
    db = bare(empty_target)
    try:
        for revision in migrate.known_revisions():
            migrate.upgrade(db, revision)
            assert migrate.current_revision(db) == revision
        with db.engine.connect() as conn:
            server_only = set(_server_indexes(conn))
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_object": lambda obj, name, kind, reflected, other: (
                        kind != "index" or name not in server_only
                    )
                },
            )
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
    finally:
        db.close()


def test_open_database_builds_a_fresh_file_at_head(tmp_path: Path):
    path = tmp_path / "fresh.sqlite3"
    db = open_database(path)
    db.close()
    assert revision_of(path) == migrate.head_revision()
    # Nothing to protect in a new file: no safety copy.
    assert list(tmp_path.glob("*.before-upgrade-*")) == []


def test_downgrade_to_nothing_and_back(tmp_path: Path):
    db = bare(tmp_path / "down.sqlite3")
    try:
        migrate.upgrade(db)
        config = migrate.alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with sqlite3.connect(db.path) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        assert tables <= {"alembic_version"}
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.close()


@pytest.mark.skipif(len(migrate.known_revisions()) < 2, reason="needs an older revision")
def test_an_older_database_is_upgraded_after_a_safety_copy(tmp_path: Path):
    path = tmp_path / "ipdesk.sqlite3"
    older = migrate.known_revisions()[-2]
    db = bare(path)
    migrate.upgrade(db, older)
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO users (username, display_name, password_hash, roles, active,"
            " must_change_password, failed_logins, created_at, updated_at, version)"
            " VALUES ('old', '旧用户', 'x', 'admin', 1, 0, 0, '2024-01-01 00:00:00',"
            " '2024-01-01 00:00:00', 1)"
        )

    opened = open_database(path, clock=FixedClock(START))
    opened.close()

    assert revision_of(path) == migrate.head_revision()
    assert opened.upgraded_from == older
    copies = list(tmp_path.glob(f"ipdesk.sqlite3.before-upgrade-{older}-*"))
    assert copies == [opened.safety_copy]
    assert revision_of(copies[0]) == older
    for file in (path, copies[0]):
        with sqlite3.connect(file) as conn:
            assert conn.execute("SELECT username FROM users").fetchall() == [("old",)]


@pytest.mark.skipif(len(migrate.known_revisions()) < 2, reason="needs an older revision")
def test_an_older_database_can_be_left_alone(tmp_path: Path):
    path = tmp_path / "keep.sqlite3"
    db = bare(path)
    migrate.upgrade(db, migrate.known_revisions()[0])
    db.close()
    with pytest.raises(DatabaseNeedsUpgrade):
        open_database(path, upgrade=False)
    assert revision_of(path) == migrate.known_revisions()[0]


def test_a_newer_database_is_refused_and_left_untouched(db_path: Path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9f3e1c2a7b77'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本") as caught:
        open_database(db_path)
    assert caught.value.revision == "9f3e1c2a7b77"
    assert "9f3e1c2a7b77" in str(caught.value)
    assert revision_of(db_path) == "9f3e1c2a7b77"
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("*.before-upgrade-*")) == []
