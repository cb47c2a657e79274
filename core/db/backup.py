"""Online backup, checking a backup file, and restoring one.

Backups use SQLite's online backup API, so the desk may stay open: the copy is one consistent
state. A backup is written to ``FILE.partial`` and renamed only when complete and checked, so a
cancelled or failed backup leaves nothing that looks like a backup.

A restore checks the file first (SQLite integrity, a schema revision this program knows, an
intact audit chain), keeps a safety copy of the current database, then copies the backup into
the live database through the same API: SQLite holds the write lock for the whole copy and
rolls it back if it is cancelled or fails, so the database is either the old one or the new one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from core.db.anchors import (
    Anchor,
    anchor_problem,
    backup_anchors,
    known_anchors,
    read_manifest,
    remember_restore,
    stamp_manifest,
)
from core.db.audit import AuditReport, record, verify_chain
from core.db.backup_note import note_backup
from core.db.clock import Clock, SystemClock, file_stamp, iso_utc, local_text
from core.db.database import (
    SQLITE_HEADER,
    Database,
    create_db_engine,
    open_database,
    resolve_url,
)
from core.db.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseNeedsUpgrade,
    DatabaseTooNew,
)
from core.db.integrity import verify_records
from core.db.models import Application, AuditEntry
from core.db.settings import LAST_BACKUP, LAST_RESTORE, get_setting, set_setting
from core.db.sqlite_copy import (  # BackupCancelled and copy_sqlite are part of this API
    PAGES_PER_STEP,
    BackupCancelled,
    Cancel,
    ProgressCallback,
    aside_path,
    copy_sqlite,
    fsync_file,
    step_progress,
)
from core.outputs import is_live_database_file

BACKUP_REMINDER_DAYS = 7
SYSTEM_ACTOR = "系统（备份与恢复）"


class RestoreRefused(DatabaseError):
    """The file is not fit to be restored; ``report`` says why.

    ``overridable``: only its trail is in doubt (chain, records, anchors), so an administrator
    may still restore it for disaster recovery with ``override=True``."""

    def __init__(self, report: BackupReport) -> None:
        problems = [*report.problems, *report.trust_problems]
        self.overridable = not report.problems
        hint = (
            "；如为灾难恢复确需使用此备份，管理员可强制恢复（--override），并将记入审计"
            if self.overridable
            else ""
        )
        super().__init__(f"不能从 {report.path} 恢复：{'；'.join(problems)}{hint}", report.path)
        self.report = report


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    at: dt.datetime
    anchor: Anchor | None = None  # the chain head the backup holds (its manifest)
    anchored: bool = False  # the head went into the anchor log


# A server database is restored into a new empty database on the server, checked, then swapped
# in by its administrator (issue 18 §4): never over the one the counters are using.
SERVER_RESTORE_ADVICE = (
    "{label} 是服务器上的数据库，不能在这里直接替换。请在服务器上新建一个空库，用 "
    "ipdesk-cli restore 备份文件 --db 新库地址 恢复并核对，再由服务器管理员替换"
    "（见安装说明“多个窗口共用一个数据库”）"
)


def backup_database(
    db: Database,
    dest: str | Path,
    *,
    progress: ProgressCallback | None = None,
    overwrite: bool = False,
    actor_id: int | None = None,
    actor_name: str = SYSTEM_ACTOR,
) -> BackupResult:
    """Copy the open database to ``dest`` and remember when (for the 7-day reminder)."""
    if not db.is_sqlite or db.path is None:
        # A server database: its own tools do it (core.db.server_backup).
        from core.db.server_backup import backup_server

        done = backup_server(
            db, dest, overwrite=overwrite, actor_id=actor_id, actor_name=actor_name
        )
        return BackupResult(done.path, done.size, db.clock.now(), done.anchor, done.anchored)
    target = Path(dest).expanduser().absolute()
    if db.path is not None and is_live_database_file(target, db.path):
        raise DatabaseError("备份文件不能是正在使用的数据库本身，请另选文件名")
    if target.is_dir():
        raise DatabaseError(f"{target} 是文件夹：请给出备份文件的完整文件名")
    if target.exists() and not overwrite:
        raise DatabaseError(f"文件 {target} 已存在：请换一个文件名，或确认覆盖")
    if not target.parent.is_dir():
        raise DatabaseError(f"文件夹 {target.parent} 不存在：请先创建或另选位置")
    at = db.clock.now()
    manifest: dict[str, Any] = {}

    def stamp(conn: sqlite3.Connection) -> None:
        manifest.update(stamp_manifest(conn, at=at, source=str(target)))

    copy_sqlite(db.engine, target, progress, stamp)
    anchor, anchored = note_backup(
        db,
        target,
        at,
        head=Anchor(manifest["head_id"], manifest["head_hash"]) if manifest["head_id"] else None,
        count=manifest["count"],
        actor_id=actor_id,
        actor_name=actor_name,
    )
    return BackupResult(target, target.stat().st_size, at, anchor, anchored)


@dataclass(frozen=True)
class LastBackup:
    at: dt.datetime
    file: str


def last_backup(db: Database) -> LastBackup | None:
    with db.read() as session:
        value = get_setting(session, LAST_BACKUP)
    if not value:
        return None
    return LastBackup(dt.datetime.fromisoformat(value["at"]), value["file"])


def backup_due(db: Database, days: int = BACKUP_REMINDER_DAYS) -> bool:
    """True when there is no backup, or the last one is older than ``days`` days."""
    last = last_backup(db)
    return last is None or db.clock.now() - last.at > dt.timedelta(days=days)


@dataclass
class BackupReport:
    path: Path
    ok: bool = False
    problems: list[str] = field(default_factory=list)
    # Problems of trust (the audit chain, the tables against it, the anchors): the file can be
    # restored, but what it says cannot be vouched for. Only an administrator's override
    # restores it anyway.
    trust_problems: list[str] = field(default_factory=list)
    revision: str | None = None
    needs_upgrade: bool = False
    case_count: int | None = None
    project_count: int | None = None
    audit: AuditReport | None = None
    last_change: str | None = None
    manifest: dict[str, Any] | None = None
    lost: str = ""  # set by check_restore: what the database in use has that the backup lacks

    @property
    def usable(self) -> bool:
        """Structurally restorable (a sound database of a schema this program knows)."""
        return not self.problems

    def summary(self) -> str:
        if not self.ok:
            problems = [*self.problems, *self.trust_problems]
            return f"备份文件 {self.path} 不可用：{'；'.join(problems)}"
        parts = [
            f"备份文件 {self.path} 检查通过",
            f"案件 {self.case_count} 件",
            f"培育项目 {self.project_count or 0} 个",
        ]
        if self.audit is not None:
            parts.append(f"审计记录 {self.audit.count} 条，完整")
        if self.last_change:
            parts.append(f"最后一次改动 {self.last_change}")
        if self.needs_upgrade:
            parts.append("为旧版本数据库，恢复后将自动升级")
        return "，".join(parts)


def _readonly_uri(path: Path) -> str:
    return path.absolute().as_uri() + "?mode=ro"


def verify_backup_file(path: str | Path, progress: ProgressCallback | None = None) -> BackupReport:
    """Check a backup file without changing it; ``report.ok`` says whether it can be restored."""
    from core.db import migrate

    file = Path(path).expanduser().absolute()
    report = BackupReport(file)
    if file.is_dir():
        report.problems.append("这是文件夹，请选择备份文件")
        return report
    if not file.is_file():
        report.problems.append("文件不存在")
        return report
    with file.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            report.problems.append("不是数据库文件（可能选错了文件）")
            return report
    uri = _readonly_uri(file)
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                report.problems.append(f"数据库完整性检查未通过（{'；'.join(rows[:3])}）")
                return report
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                report.problems.append("不是本系统的数据库（没有数据结构版本）")
                return report
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"文件已损坏，无法读取（{exc}）")
        return report
    report.revision = None if version is None else str(version[0])
    if report.revision is None or not migrate.is_known_revision(report.revision):
        report.problems.append(
            f"数据结构版本 {report.revision} 来自更新版本的本系统，本程序无法使用，请先升级程序"
        )
        return report
    report.needs_upgrade = report.revision != migrate.head_revision()
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True),
        poolclass=NullPool,
        hide_parameters=True,
    )
    try:
        with Session(engine) as session:
            report.audit = verify_chain(session, progress)
            report.case_count = len(session.scalars(select(Application.id)).all())
            report.project_count = _project_count(session.connection().exec_driver_sql)
            last = session.scalar(select(AuditEntry.at).order_by(AuditEntry.id.desc()).limit(1))
            if last:
                report.last_change = local_text(dt.datetime.fromisoformat(last))
            if not report.audit.ok:
                report.trust_problems.append(f"审计记录链不完整：{report.audit.message}")
            elif not report.needs_upgrade:
                # An older schema may lack a table the check reads; it is checked after the
                # upgrade that opening it runs.
                records = verify_records(session)
                if not records.ok:
                    report.trust_problems.append(records.message)
    finally:
        engine.dispose()
    report.manifest = read_manifest(file)
    report.ok = not report.trust_problems
    return report


@dataclass(frozen=True)
class RestoreResult:
    report: BackupReport
    safety_copy: Path | None
    upgraded_from: str | None
    lost: str = ""  # what the current database had that the backup does not
    overridden: tuple[str, ...] = ()  # trust problems an administrator restored over


def _project_count(execute: Any) -> int:
    # A database from before the cultivation projects (schema 0003 and older) has none.
    try:
        return int(execute("SELECT count(*) FROM projects").fetchone()[0])
    except (sqlite3.DatabaseError, SQLAlchemyError):
        return 0


def _counts(path: Path) -> tuple[int, int, int] | None:
    """(audit records, cases, projects) of a database file, or None if it cannot be read."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        with closing(sqlite3.connect(_readonly_uri(path), uri=True)) as conn:
            records = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            cases = conn.execute("SELECT count(*) FROM applications").fetchone()[0]
            projects = _project_count(conn.execute)
    except sqlite3.DatabaseError:
        return None
    return int(records), int(cases), projects


def restore_loss(path: Path, report: BackupReport) -> str:
    """What restoring ``report``'s backup over ``path`` gives up, in words ("" if nothing)."""
    now = _counts(path)
    if now is None or report.audit is None:
        return ""
    records, cases, projects = now
    lost_records = max(records - report.audit.count, 0)
    lost_cases = max(cases - (report.case_count or 0), 0)
    lost_projects = max(projects - (report.project_count or 0), 0)
    if not lost_records and not lost_cases and not lost_projects:
        return ""
    text = f"恢复后，备份之后的 {lost_records} 条审计记录所记的改动"
    later = [
        f"{n} {unit}" for n, unit in ((lost_cases, "件案件"), (lost_projects, "个培育项目")) if n
    ]
    if later:
        text += f"（含其后登记的 {'、'.join(later)}）"
    return text + "不在恢复后的数据库中，只保留在恢复前的安全副本里"


def anchor_problems(path: Path, file: Path) -> list[str]:
    """Where the backup ``file`` contradicts the anchors recorded for the database ``path``.

    An anchor past the backup's head is no contradiction: an older backup is a prefix of
    the history, and restoring it is what backups are for.
    """
    anchors = known_anchors(path)
    if not anchors:
        return []
    hashes, count = backup_anchors(file)
    problems = [
        problem
        for anchor in anchors
        if anchor.id <= count and (problem := anchor_problem(hashes, count, anchor)) is not None
    ]
    return [f"备份与本机记下的链头不符：{p}" for p in problems[:3]]


def _restore_copy_path(path: Path, when: dt.datetime) -> Path:
    return aside_path(path, "before-restore", file_stamp(when))


def _restore_live(db: Database, file: Path, progress: ProgressCallback | None) -> None:
    """Copy the backup into the open database.

    First into a staging file next to it (this part reports progress and may be cancelled),
    then from there into the live database in one backup step: SQLite holds the write lock
    for that step and commits only at its end, so readers see the old or the new database.
    """
    assert db.path is not None
    staging = db.path.with_name(db.path.name + ".restoring")
    staging.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(_readonly_uri(file), uri=True)) as source,
            closing(sqlite3.connect(staging)) as copy,
        ):
            source.backup(copy, pages=PAGES_PER_STEP, progress=step_progress(progress))
        raw = db.engine.raw_connection()
        try:
            target = raw.driver_connection
            assert isinstance(target, sqlite3.Connection)
            with closing(sqlite3.connect(staging)) as copy:
                copy.backup(target)
        finally:
            raw.close()
    except Cancel:
        raise BackupCancelled() from None
    finally:
        staging.unlink(missing_ok=True)
    # Pooled connections may hold schema caches of the replaced database.
    db.engine.dispose()


def _restore_file(target: Path, file: Path, progress: ProgressCallback | None) -> None:
    """Replace a database file nobody can open (corrupt or too new) by the backup."""
    staging = target.with_name(target.name + ".restoring")
    staging.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(_readonly_uri(file), uri=True)) as source,
            closing(sqlite3.connect(staging)) as dest,
        ):
            source.backup(dest, pages=PAGES_PER_STEP, progress=step_progress(progress))
        fsync_file(staging)
        # A -wal left beside the old file would be replayed into the new one.
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(staging, target)
    except Cancel:
        staging.unlink(missing_ok=True)
        raise BackupCancelled() from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


def open_for_replacement(path: Path, clock: Clock) -> Database | None:
    """The database at ``path``, opened without upgrading it (it is about to be replaced), or
    None if it cannot be opened at all (corrupt or too new)."""
    try:
        return open_database(path, clock=clock, upgrade=False)
    except DatabaseNeedsUpgrade:
        # Its schema is about to be replaced along with everything else: no upgrade first.
        url, resolved = resolve_url(path)
        return Database(create_db_engine(url), url, resolved, clock)
    except (DatabaseCorrupt, DatabaseTooNew):
        return None


def _replace_unusable(
    path: Path, file: Path, clock: Clock, progress: ProgressCallback | None
) -> Path:
    safety = _restore_copy_path(path, clock.now())
    shutil.copy2(path, safety)
    wal = Path(str(path) + "-wal")
    if wal.exists():
        shutil.copy2(wal, Path(str(safety) + "-wal"))
    _restore_file(path, file, progress)
    return safety


def _restore_open(
    db: Database, file: Path, clock: Clock, progress: ProgressCallback | None
) -> Path:
    if not db.is_sqlite or db.path is None:
        raise DatabaseError(SERVER_RESTORE_ADVICE.format(label=db.label))
    if db.path == file:
        raise DatabaseError("备份文件与要恢复的数据库是同一个文件")
    safety = _restore_copy_path(db.path, clock.now())
    copy_sqlite(db.engine, safety)
    _restore_live(db, file, progress)
    return safety


def check_restore(
    live: Path | None, backup_file: str | Path, progress: ProgressCallback | None = None
) -> BackupReport:
    """Everything a restore of ``backup_file`` over the database at ``live`` would be judged
    on, without restoring: the file (:func:`verify_backup_file`), the anchors recorded for
    ``live``, and what the restore would give up (``report.lost``)."""
    report = verify_backup_file(backup_file, progress)
    if report.usable and live is not None:
        report.trust_problems.extend(anchor_problems(live, report.path))
        report.ok = not report.trust_problems
        report.lost = restore_loss(live, report)
    return report


def restore_database(
    target: Database | str | Path,
    backup_file: str | Path,
    *,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
    actor_id: int | None = None,
    actor_name: str = SYSTEM_ACTOR,
    override: bool = False,
    checked: BackupReport | None = None,
) -> RestoreResult:
    """Check ``backup_file``, keep a safety copy of the current database, then swap it in.

    ``target`` is the open database (the GUI) or a path (the CLI). A path that cannot be opened
    because it is corrupt or too new is replaced as a file, after a byte copy for safety.

    A backup whose trail cannot be vouched for (a broken chain, tables that contradict it,
    a chain that contradicts the anchors this PC recorded) is refused; ``override`` restores
    it anyway, for disaster recovery, and the restored database's audit says so and lists
    what was overridden. ``checked`` is :func:`check_restore`'s report of this same file, when
    the caller already showed it (the desk's confirmation, the CLI's refusal before a
    password): the file is then not read through a second time.
    """
    file = Path(backup_file).expanduser().absolute()
    live_path = (
        target.path if isinstance(target, Database) else Path(target).expanduser().absolute()
    )
    report = checked if checked is not None and checked.path == file else None
    if report is None:
        report = check_restore(live_path, file)
    if not report.usable or (report.trust_problems and not override):
        raise RestoreRefused(report)
    overridden = tuple(report.trust_problems)
    lost = report.lost
    safety: Path | None
    if isinstance(target, Database):
        clock = clock or target.clock
        safety = _restore_open(target, file, clock, progress)
        assert target.path is not None
        path = target.path
    else:
        clock = clock or SystemClock()
        path = Path(target).expanduser().absolute()
        if path == file:
            raise DatabaseError("备份文件与要恢复的数据库是同一个文件")
        if not path.exists() or path.stat().st_size == 0:
            safety = None
            _restore_file(path, file, progress)
        else:
            db = open_for_replacement(path, clock)
            if db is None:
                safety = _replace_unusable(path, file, clock, progress)
            else:
                try:
                    safety = _restore_open(db, file, clock, progress)
                finally:
                    db.close()
    # Opening runs the upgrade (with its own safety copy) when the backup is older.
    reopened = open_database(path, clock=clock)
    try:
        at = clock.now()
        with reopened.write() as session:
            info: dict[str, Any] = {
                "at": iso_utc(at),
                "file": str(file),
                "safety_copy": str(safety or ""),
            }
            if lost:
                info["lost"] = lost
            if overridden:
                info["override"] = True
                info["overridden"] = list(overridden)
            set_setting(session, LAST_RESTORE, info)
            # The copy was taken before its own backup was noted in it, so the restored
            # database would say 「从未备份」 or name an older backup (issue 20 §14). What is
            # in use now is that backup: note it, from the backup's manifest.
            made = (report.manifest or {}).get("at")
            noted = get_setting(session, LAST_BACKUP)
            noted_at = noted.get("at") if isinstance(noted, dict) else None
            if isinstance(made, str) and (
                not isinstance(noted_at, str)
                or dt.datetime.fromisoformat(noted_at) < dt.datetime.fromisoformat(made)
            ):
                set_setting(
                    session,
                    LAST_BACKUP,
                    {"at": iso_utc(dt.datetime.fromisoformat(made)), "file": str(file)},
                )
            record(
                session,
                at=at,
                actor_id=actor_id,
                actor_name=actor_name,
                entity="database",
                entity_id="main",
                action="restore",
                after=info,
            )
        upgraded = reopened.upgraded_from
        if report.audit is not None:
            remember_restore(path, report.audit.count, at=at, reset=bool(overridden))
    finally:
        reopened.close()
    if isinstance(target, Database):
        target.engine.dispose()
    return RestoreResult(report, safety, upgraded, lost, overridden)
