"""Backing up and restoring a server database with PostgreSQL's own tools (issue 18 §4).

``backup`` runs ``pg_dump`` in its custom format (``-Fc``: compressed, restorable table by
table) into a temporary file beside the target, checks it with ``pg_restore --list``, and only
then gives it its name: a failed dump leaves no half file and never touches an existing one.
As on SQLite, the chain head the dump holds goes into the audit trail and into this PC's
anchor log, so ``audit verify`` binds the server's trail to it later.

``restore`` goes into an **empty** database only (created on the server as the installation
guide says): a server database in use is never overwritten from a counter. After
``pg_restore`` the restored database is read back: the audit chain and the tables against it.
If either fails, the restored tables are dropped again (the target was empty, so nothing else
is touched) and the restore is refused with what was wrong.

The tools are found on PATH, in ``IPDESK_PG_BIN``, in Debian's ``/usr/lib/postgresql/N/bin``
or in ``C:\\Program Files\\PostgreSQL\\N\\bin``, newest first: ``pg_dump`` must be at least the
server's major version.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import URL

from core.db.anchors import Anchor, chain_head
from core.db.audit import record, verify_chain
from core.db.backup_note import note_backup
from core.db.clock import iso_utc
from core.db.database import Database, open_database, without_password
from core.db.errors import DatabaseError, server_label
from core.db.integrity import verify_records
from core.db.models import AuditEntry, Base
from core.db.settings import LAST_RESTORE, set_setting
from core.outputs import OutputRefused, check_output

BIN_ENV = "IPDESK_PG_BIN"
TOOL_TIMEOUT_S = 3600


class ServerBackupError(DatabaseError):
    pass


def find_tool(name: str) -> Path:
    """``pg_dump`` or ``pg_restore``: the first of $IPDESK_PG_BIN, PATH, the newest install."""
    exe = name + (".exe" if os.name == "nt" else "")
    folders: list[Path] = []
    if os.environ.get(BIN_ENV):
        folders.append(Path(os.environ[BIN_ENV]))
    on_path = shutil.which(name)
    if on_path:
        folders.append(Path(on_path).parent)
    patterns = ("/usr/lib/postgresql/*/bin", r"C:\Program Files\PostgreSQL\*\bin")
    installed = [Path(p) for pattern in patterns for p in glob.glob(pattern)]

    def version(folder: Path) -> int:
        text = folder.parent.name
        return int(text) if text.isdigit() else 0

    folders.extend(sorted(installed, key=version, reverse=True))
    for folder in folders:
        if (folder / exe).is_file():
            return folder / exe
    raise ServerBackupError(
        f"找不到 PostgreSQL 的 {name}：请在本机安装 PostgreSQL 的命令行工具（与服务器同版本或更新），"
        f"或用环境变量 {BIN_ENV} 指向其 bin 文件夹"
    )


def _connection(url: URL) -> tuple[list[str], dict[str, str]]:
    """libpq's options for ``url``; the password goes through the environment, never the
    command line (another user could read it there)."""
    args = ["-h", url.host or "localhost", "-p", str(url.port or 5432)]
    if url.username:
        args += ["-U", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise ServerBackupError(f"{what}失败：{exc}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise ServerBackupError(f"{what}失败：{detail[-1] if detail else done.returncode}")
    return done.stdout


def _archive_listing(file: Path, env: dict[str, str]) -> str:
    return _run([str(find_tool("pg_restore")), "--list", str(file)], env, f"读取备份文件 {file}")


@dataclass(frozen=True)
class ServerBackupResult:
    path: Path
    size: int
    anchor: Anchor | None
    anchored: bool


def backup_server(
    db: Database,
    dest: str | Path,
    *,
    overwrite: bool = False,
    actor_id: int | None = None,
    actor_name: str,
) -> ServerBackupResult:
    """``pg_dump -Fc`` of the server database ``db`` into ``dest`` (see module doc)."""
    if db.is_sqlite:
        raise ServerBackupError("本功能只备份服务器上的数据库")
    try:
        target = check_output(
            Path(dest).expanduser().absolute(),
            (".dump", ".backup"),
            "服务器数据库的备份",
            overwrite=overwrite,
            verb="备份",
        )
    except OutputRefused as exc:
        raise ServerBackupError(str(exc)) from None
    at = db.clock.now()
    with db.read() as session:
        head = chain_head(session)
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    args, env = _connection(db.url)
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".partial", dir=target.parent
    )
    os.close(fd)
    temp = Path(temp_name)
    try:
        _run(
            [str(find_tool("pg_dump")), *args, "-Fc", "-f", str(temp), str(db.url.database)],
            env,
            f"备份 {db.label}",
        )
        listing = _archive_listing(temp, env)
        if "TABLE DATA public audit_log" not in listing:
            raise ServerBackupError(f"备份文件中没有审计记录表：{db.label} 不是本系统的数据库？")
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    anchor, anchored = note_backup(
        db, target, at, head=head, count=count, actor_id=actor_id, actor_name=actor_name
    )
    return ServerBackupResult(target, target.stat().st_size, anchor, anchored)


@dataclass(frozen=True)
class ServerRestoreResult:
    target: str
    cases: int
    audit_message: str
    records_message: str


def _drop_restored(db: Database) -> None:
    """Undo a restore into a database that was empty: drop this program's tables."""
    with db.engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def restore_server(target: str, file: str | Path, *, actor_name: str) -> ServerRestoreResult:
    """``pg_restore`` of ``file`` into the empty server database ``target``, then checked."""
    from core.db.database import create_db_engine, resolve_url

    source = Path(file).expanduser().absolute()
    if not source.is_file():
        raise ServerBackupError(f"找不到备份文件 {source}")
    url, path = resolve_url(target)
    if path is not None:
        raise ServerBackupError("本功能只恢复到服务器上的数据库")
    label = server_label(url.host, url.port, url.database)
    args, env = _connection(url)
    try:
        listing = _archive_listing(source, env)
    except ServerBackupError:
        raise ServerBackupError(
            f"{source} 不是 pg_dump 的备份文件（应由 ipdesk-cli backup 或 pg_dump -Fc 生成）"
        ) from None
    if "TABLE DATA public audit_log" not in listing:
        raise ServerBackupError(f"{source} 不是本系统数据库的备份（其中没有审计记录表）")
    engine = create_db_engine(url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
    except Exception as exc:
        from core.db.database import classify_sqlite_error

        raise classify_sqlite_error(exc, None, url) or exc from None
    finally:
        engine.dispose()
    if tables:
        raise ServerBackupError(
            f"{label} 不是空的（有 {len(tables)} 张表）：服务器上的数据库只恢复到新建的空库，"
            "核对无误后再由服务器管理员改名替换（见安装说明）"
        )
    _run(
        [
            str(find_tool("pg_restore")),
            *args,
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "-d",
            str(url.database),
            str(source),
        ],
        env,
        f"恢复到 {label}",
    )
    db = open_database(target, create=False)
    try:
        from core.db.move import vacuum_analyze

        # pg_restore leaves the planner without statistics (see vacuum_analyze).
        vacuum_analyze(db)
        with db.read() as session:
            audit = verify_chain(session)
            records = verify_records(session) if audit.ok else None
        if not audit.ok or records is None or not records.ok:
            problems = [audit.message] if not audit.ok else (records.problems if records else [])
            _drop_restored(db)
            raise ServerBackupError(
                f"备份文件 {source} 的审计记录不能核实，已撤销恢复（{label} 仍为空）："
                + "；".join(problems[:3])
            )
        with db.write() as session:
            info = {"at": iso_utc(db.clock.now()), "file": str(source)}
            set_setting(session, LAST_RESTORE, info)
            record(
                session,
                at=db.clock.now(),
                actor_id=None,
                actor_name=actor_name,
                entity="database",
                entity_id="main",
                action="restore",
                after=info,
            )
        from core.db.models import Application

        with db.read() as session:
            cases = session.scalar(select(func.count()).select_from(Application)) or 0
        return ServerRestoreResult(without_password(db.url), cases, audit.message, records.message)
    finally:
        db.close()
