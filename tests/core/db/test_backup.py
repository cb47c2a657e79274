import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest

from core.db import migrate
from core.db.backup import (
    BackupCancelled,
    RestoreRefused,
    backup_database,
    backup_due,
    last_backup,
    restore_database,
    verify_backup_file,
)
from core.db.database import open_database
from core.db.errors import DatabaseError
from core.records import case_queries
from tests.core.db.conftest import case_form, register
from tests.core.db.test_migrations import bare

# The SQLite file backup; a server database is backed up on the server with pg_dump
# (docs/installing.md), and test_server.py checks that this one says so.
pytestmark = pytest.mark.sqlite_only("backs up and restores the SQLite file itself")


def numbers(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT case_number FROM applications ORDER BY id")]


def test_backup_and_restore_round_trip(db, people, tmp_path: Path):
    first = case_queries.get_case(db, register(db, people)).case_number
    backup = tmp_path / "backup.sqlite3"
    result = backup_database(db, backup)
    assert result.path == backup and result.size > 0
    second = case_queries.get_case(db, register(db, people, case_form(2))).case_number

    restored = restore_database(db, backup, actor_name="测试")

    assert numbers(db.path) == [first]
    assert restored.safety_copy is not None and restored.safety_copy.exists()
    assert ".before-restore-" in restored.safety_copy.name
    assert numbers(restored.safety_copy) == [first, second]
    # The same Database object goes on working on the restored content.
    assert case_queries.count_cases(db) == 1
    with sqlite3.connect(db.path) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-1] == "restore"
    assert verify_backup_file(db.path).ok
    # Issue 20 §14: the restored copy predates its own backup record, yet the desk must not
    # say 「从未备份」: the backup now in use is the last one.
    last = last_backup(db)
    assert last is not None and last.file == str(backup) and last.at == result.at


def test_a_backup_is_one_checked_self_contained_file(db, people, tmp_path: Path):
    register(db, people)
    backup = tmp_path / "b.sqlite3"
    backup_database(db, backup)
    assert not Path(str(backup) + "-wal").exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    report = verify_backup_file(backup)
    assert report.ok, report.problems
    assert report.case_count == 1
    assert report.revision == migrate.head_revision()
    assert report.audit is not None and report.audit.ok
    assert "检查通过" in report.summary()


def test_the_last_backup_time_is_remembered(db, tmp_path: Path):
    assert last_backup(db) is None
    assert backup_due(db)
    backup_database(db, tmp_path / "b.sqlite3")
    assert last_backup(db).at == db.clock.now()
    assert not backup_due(db)
    db.clock.advance(dt.timedelta(days=7))
    assert not backup_due(db)
    db.clock.advance(dt.timedelta(minutes=1))
    assert backup_due(db)


def test_backup_is_online_while_another_writer_holds_a_transaction(db, people, tmp_path: Path):
    register(db, people)
    other = sqlite3.connect(db.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO settings (key, value) VALUES ('uncommitted', '1')")
        backup = tmp_path / "online.sqlite3"
        # The write lock is held elsewhere: only the record of the backup has to wait, so
        # copy first and let that record fail fast.
        from core.db.backup import copy_sqlite

        copy_sqlite(db.engine, backup)
    finally:
        other.rollback()
        other.close()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM settings WHERE key='uncommitted'").fetchone() == (
            0,
        )
        assert conn.execute("SELECT count(*) FROM applications").fetchone() == (1,)


def test_cancelling_a_backup_leaves_no_file(db, people, tmp_path: Path):
    register(db, people)
    target = tmp_path / "cancelled.sqlite3"
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    with pytest.raises(BackupCancelled, match="已取消"):
        backup_database(db, target, progress=progress)
    assert calls and calls[0][1] > 0
    assert list(tmp_path.iterdir()) == [db.path] or not target.exists()
    assert not target.exists()
    assert not Path(str(target) + ".partial").exists()
    assert last_backup(db) is None


def test_cancelling_a_restore_changes_nothing(db, people, tmp_path: Path):
    register(db, people)
    backup = tmp_path / "b.sqlite3"
    backup_database(db, backup)
    register(db, people, case_form(2))
    with pytest.raises(BackupCancelled):
        restore_database(db, backup, progress=lambda done, total: False)
    assert len(numbers(db.path)) == 2


def test_backup_refuses_to_overwrite_or_to_copy_onto_itself(db, tmp_path: Path):
    existing = tmp_path / "exists.sqlite3"
    existing.write_bytes(b"keep")
    with pytest.raises(DatabaseError, match="已存在"):
        backup_database(db, existing)
    assert existing.read_bytes() == b"keep"
    backup_database(db, existing, overwrite=True)
    assert verify_backup_file(existing).ok
    with pytest.raises(DatabaseError, match="本身"):
        backup_database(db, db.path)
    with pytest.raises(DatabaseError, match="不存在"):
        backup_database(db, tmp_path / "no" / "such" / "dir.sqlite3")


def test_verify_reports_what_is_wrong(db, people, tmp_path: Path):
    assert verify_backup_file(tmp_path / "missing.sqlite3").problems == ["文件不存在"]
    assert verify_backup_file(tmp_path).problems == ["这是文件夹，请选择备份文件"]
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"PK\x03\x04 a zip file")
    assert "不是数据库文件" in verify_backup_file(junk).problems[0]

    register(db, people)
    tampered = tmp_path / "tampered.sqlite3"
    backup_database(db, tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE audit_log SET actor_name = '某人' WHERE id = 2")
    report = verify_backup_file(tampered)
    assert not report.ok
    assert report.usable and not report.problems  # sound as a file: only its trail is doubted
    assert "审计记录链不完整" in report.trust_problems[0] and "第 2 条" in report.trust_problems[0]

    newer = tmp_path / "newer.sqlite3"
    backup_database(db, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff00000000'")
    report = verify_backup_file(newer)
    assert not report.ok and "更新版本" in report.problems[0]


def test_a_bad_backup_is_refused_and_the_database_kept(db, people, tmp_path: Path):
    register(db, people)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("不是备份", encoding="utf-8")
    with pytest.raises(RestoreRefused, match="不是数据库文件"):
        restore_database(db, junk)
    assert len(numbers(db.path)) == 1
    assert list(tmp_path.glob("*.before-restore-*")) == []


def test_restore_by_path_replaces_a_corrupt_file(db, people, tmp_path: Path, clock):
    register(db, people)
    backup = tmp_path / "good.sqlite3"
    backup_database(db, backup)
    target = tmp_path / "broken" / "ipdesk.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"garbage" * 1000)

    result = restore_database(target, backup, clock=clock)

    assert result.safety_copy is not None
    assert result.safety_copy.read_bytes() == b"garbage" * 1000
    reopened = open_database(target)
    try:
        assert case_queries.count_cases(reopened) == 1
    finally:
        reopened.close()


def test_restore_by_path_into_a_working_database(db, people, tmp_path: Path, clock):
    register(db, people)
    backup = tmp_path / "b.sqlite3"
    backup_database(db, backup)
    register(db, people, case_form(2))
    path = db.path
    db.close()
    result = restore_database(path, backup, clock=clock)
    assert result.safety_copy is not None
    assert len(numbers(path)) == 1
    assert len(numbers(result.safety_copy)) == 2


@pytest.mark.skipif(len(migrate.known_revisions()) < 2, reason="needs an older revision")
def test_an_older_backup_is_upgraded_when_restored(db, people, tmp_path: Path):
    old = tmp_path / "old-backup.sqlite3"
    older = bare(old)
    migrate.upgrade(older, migrate.known_revisions()[-2])
    older.close()
    report = verify_backup_file(old)
    assert report.ok and report.needs_upgrade
    result = restore_database(db, old)
    assert result.upgraded_from == migrate.known_revisions()[-2]
    assert migrate.current_revision(db) == migrate.head_revision()


def test_a_backup_never_lands_on_the_live_database_under_any_spelling(db, people, tmp_path: Path):
    # `backup sub/../live.sqlite3 --overwrite` bypassed the same-file check (issue 14 §2).
    import os

    from core.db.backup import backup_database
    from core.db.errors import DatabaseError

    register(db, people)
    live = db.path
    sub = live.parent / "sub"
    sub.mkdir()
    hard = live.parent / "another-name.sqlite3"
    os.link(live, hard)
    spellings = [sub / ".." / live.name, hard, Path(f"{live}-wal")]
    if sys.platform != "win32":
        # Windows lets only administrators make a symlink; wine 8 makes none and says it did.
        link = tmp_path / "link.sqlite3"
        os.symlink(live, link)
        spellings.append(link)
    before = live.read_bytes()[:100]
    for target in spellings:
        with pytest.raises(DatabaseError, match="正在使用的数据库"):
            backup_database(db, target, overwrite=True)
    assert live.read_bytes()[:100] == before
    assert case_queries.count_cases(db) == 1


def test_what_a_restore_gives_up_counts_projects_too(db, people, tmp_path: Path):
    """Issue 20 §14: the comparison counted cases but not cultivation projects."""
    from core.db.backup import check_restore
    from tests.core.projects import helpers as hvp

    backup = tmp_path / "backup.sqlite3"
    result = backup_database(db, backup)
    assert "培育项目 0 个" in verify_backup_file(backup).summary()
    hvp.at(db, hvp.RECEIVED)
    hvp.register(db, people)
    report = check_restore(db.path, backup)
    assert report.ok and "1 个培育项目" in report.lost
    assert result.path == backup
