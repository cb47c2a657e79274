"""Opening the case database: where it is, how SQLite is set up, and upgrades on open.

``open_database()`` is the one way in for the GUI, the CLI and the tests. It finds the file
(``--db``, ``IPDESK_DB`` or the user data directory), refuses what it must not touch (a file
that is not a database, a newer program's database, a locked file) with a Chinese message, and
brings an older database up to date after a safety copy next to it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from core.db.clock import Clock, SystemClock
from core.db.errors import (
    DatabaseCorrupt,
    DatabaseDiskFull,
    DatabaseError,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseUnreachable,
    server_label,
)
from core.db.migrations import HEAD_REVISION

DB_ENV = "IPDESK_DB"
DEFAULT_FILE_NAME = "ipdesk.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
# The execution option a write transaction sets so SQLite takes the write lock at BEGIN.
_BEGIN_OPTION = "ipdesk_begin"
# PostgreSQL's advisory lock that stands for SQLite's write lock (any 64-bit number that no
# other program on the same server uses: "ipdesk" in ASCII).
WRITE_LOCK_KEY = 0x69706465736B


def default_database_path() -> Path:

    return Path(user_data_dir("ipdesk", appauthor=False)) / DEFAULT_FILE_NAME


def resolve_url(target: str | Path | None = None) -> tuple[URL, Path | None]:
    """The SQLAlchemy URL and, for SQLite files, the path.

    ``target`` wins, then ``IPDESK_DB``, then the file in the user data directory. Text with
    "://" is a SQLAlchemy URL; anything else is a path to a SQLite file.
    """
    if target is None or (isinstance(target, str) and not target.strip()):
        target = os.environ.get(DB_ENV) or default_database_path()
    if isinstance(target, str) and "://" in target:
        try:
            url = make_url(target)
        except Exception:  # sqlalchemy raises ArgumentError; the text is the user's
            raise DatabaseError(
                f"数据库地址“{target}”写法不对：服务器数据库请写成 "
                "postgresql://用户名@服务器:5432/数据库名，本机数据库请直接写文件路径"
            ) from None
        backend = url.get_backend_name()
        if backend == "postgresql":
            # One driver for every caller (psycopg 3, the [postgres] extra): "postgresql://"
            # would otherwise pick psycopg2, which the bundle does not ship.
            return url.set(drivername="postgresql+psycopg"), None
        if backend != "sqlite":
            raise DatabaseError(
                f"不支持的数据库类型“{backend}”：请用本机数据库文件（SQLite）或 PostgreSQL 服务器"
            )
        if not url.database or url.database == ":memory:":
            raise DatabaseError("不支持内存数据库：请给出数据库文件的路径")
        path = Path(url.database).expanduser().absolute()
        return url.set(database=str(path)), path
    path = Path(target).expanduser().absolute()
    return URL.create("sqlite+pysqlite", database=str(path)), path


def without_password(url: URL) -> str:
    """The address as text with no password in it (``URL.set(password=None)`` keeps it)."""
    return url._replace(password=None).render_as_string(hide_password=False)


def _sqlite_events(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself, so write transactions can ask
        # for BEGIN IMMEDIATE (the pysqlite driver would otherwise begin lazily and late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            # FULL: a power cut at the counter must not lose the last approved amounts;
            # it cost 3–4 ms a registration here, 22 → 25 ms (bench/bench_registration.py).
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A deferred transaction that reads and then writes fails at once with "database is
        # locked" when another writer got in between (WAL snapshots cannot be upgraded);
        # taking the lock first makes writers queue up for busy_timeout instead.
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def create_db_engine(url: URL, busy_timeout_ms: int = 5000) -> Engine:
    if url.get_backend_name() == "sqlite":
        # hide_parameters: a failing statement's error (and the log) must never print a bank
        # account or a name (issue 14 §5).
        engine = create_engine(
            url,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            hide_parameters=True,
        )
        _sqlite_events(engine, busy_timeout_ms)
        return engine
    # A server that does not answer is reported in seconds, not after the OS's TCP timeout.
    return create_engine(
        url,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"connect_timeout": 10, "application_name": "ipdesk"},
    )


def classify_sqlite_error(
    exc: BaseException, path: Path | None, url: URL | None = None
) -> DatabaseError | None:
    """The DatabaseError a driver error stands for (locked, full, read-only, corrupt; for a
    server: unreachable, login refused, no such database), or None.

    A full disk inside a savepoint makes SQLite roll the whole transaction back, and the
    rollback to the savepoint then fails with "no such savepoint": the cause is looked for
    along the exception's chain."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        found = (
            _classify_server(seen, url)
            if url is not None and url.get_backend_name() != "sqlite"
            else _classify_one(seen, path)
        )
        if found is not None:
            return found
        seen = seen.__cause__ or seen.__context__
    return None


def _classify_server(exc: BaseException, url: URL) -> DatabaseError | None:
    text = str(getattr(exc, "orig", exc))
    lower = text.lower()
    label = server_label(url.host, url.port, url.database)
    server = without_password(url)
    if f'database "{url.database}" does not exist' in text:
        return DatabaseMissing(
            f"{label} 不存在：请先在服务器上建库（见安装说明“多个窗口共用一个数据库”），"
            "再运行 ipdesk-cli db init",
            server=server,
        )
    if "password authentication failed" in lower or "no password supplied" in lower:
        return DatabaseUnreachable(
            f"{label} 拒绝了用户 {url.username or ''} 的登录：密码不对或该用户无权使用此数据库。"
            "请重新输入密码，或请管理员检查账户",
            server=server,
        )
    if "permission denied" in lower:
        return DatabaseUnreachable(
            f"{label} 的用户 {url.username or ''} 没有所需的权限（{text.splitlines()[0]}）。"
            "请管理员按安装说明授予权限",
            server=server,
        )
    unreachable = (
        "connection refused",
        "could not connect",
        "connection failed",
        "timeout expired",
        "server closed the connection",
        "connection is lost",
        "connection is closed",
        "could not translate host name",
        "no route to host",
        "network is unreachable",
        "the database system is starting up",
        "the database system is shutting down",
        "terminating connection",
    )
    if any(word in lower for word in unreachable):
        return DatabaseUnreachable(
            f"无法连接数据库服务器（{label}）：请确认服务器已开启、网线或网络已连通，"
            "稍后重试。本窗口中已输入的内容不会丢失",
            server=server,
        )
    return None


def _classify_one(exc: BaseException, path: Path | None) -> DatabaseError | None:
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "disk full" in text:
        return DatabaseDiskFull(path)
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(path)
    if "locked" in text or "busy" in text:
        return DatabaseLocked(path, "数据库被锁定")
    if "not a database" in text or "malformed" in text or "disk image" in text:
        where = f"文件 {path}" if path else "该文件"
        return DatabaseCorrupt(
            f"{where}已损坏或不是数据库文件，无法打开。请从备份恢复（「恢复备份」），"
            "或选择其他数据库文件",
            path,
        )
    return None


@dataclass
class Database:
    """An open case database: the engine, sessions, and (for SQLite) the file path."""

    engine: Engine
    url: URL
    path: Path | None
    clock: Clock = field(default_factory=SystemClock)
    # Set by open_database when an upgrade made a safety copy of the previous file.
    upgraded_from: str | None = None
    safety_copy: Path | None = None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def label(self) -> str:
        """How this database is named to a person: the file, or the server and database."""
        if self.path is not None:
            return str(self.path)
        return server_label(self.url.host, self.url.port, self.url.database)

    @property
    def identity(self) -> str:
        """A stable key for what this PC remembers of the database (audit anchors): the file,
        or the server address without the password."""
        if self.path is not None:
            return str(self.path)
        return without_password(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; nothing is committed."""
        session = self._sessions()
        try:
            yield session
        except OperationalError as exc:
            raise self._translate(exc) from exc
        finally:
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            if self.is_sqlite:
                session.connection(execution_options={_BEGIN_OPTION: "IMMEDIATE"})
            else:
                # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: case numbers are
                # read-then-written, and the audit chain's head is read and extended, in the
                # same transaction. The lock goes with the transaction; statements after it
                # see every earlier writer's commit (READ COMMITTED takes a snapshot each).
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise self._translate(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _translate(self, exc: OperationalError) -> Exception:
        return classify_sqlite_error(exc, self.path, self.url) or exc

    def close(self) -> None:
        if self.is_sqlite:
            # SQLite's advice for long-lived databases: refresh the planner's statistics now
            # and then, bounded so that closing stays quick on a large file.
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA analysis_limit=400")
                    conn.exec_driver_sql("PRAGMA optimize")
            except SADatabaseError:
                pass
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_server_encoding(db: Database) -> None:
    """Chinese names and the full-width brackets of case numbers need UTF-8: a server database
    in another encoding would refuse them one by one, at the counter (docs/installing.md)."""
    with db.engine.connect() as conn:
        encoding = str(conn.execute(text("SHOW server_encoding")).scalar())
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise DatabaseError(
            f"{db.label} 的字符编码是 {encoding}，不能保存中文：请按安装说明以 ENCODING 'UTF8' "
            "重新建库"
        )


def _prepare_sqlite_path(path: Path) -> None:
    """Refuse what is not a SQLite file; create the folder of a file yet to be made."""
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"无法创建文件夹 {path.parent}（{exc.strerror}）：请选择有写入权限的位置", path
            ) from None
        return
    if path.is_dir():
        raise DatabaseError(f"{path} 是文件夹，不是数据库文件：请选择一个 .sqlite3 文件", path)
    if path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseCorrupt(
            f"文件 {path} 不是数据库文件（可能选错了文件，或文件已损坏）。"
            "请选择正确的数据库文件，或从备份恢复",
            path,
        )


def _quick_check(conn: sqlite3.Connection, path: Path | None) -> None:
    # quick_check skips the index-versus-table comparison of integrity_check: 0.35 s on a file
    # of 100,000 cases at every start; backups and restores run the full check.
    rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        where = f"数据库文件 {path}" if path else "数据库"
        raise DatabaseCorrupt(
            f"{where}完整性检查未通过（{'；'.join(rows[:3])}），为免数据进一步损坏已停止打开。"
            "请从备份恢复（「恢复备份」）",
            path,
        )


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    """The one revision stamped in ``alembic_version``, read with plain SQL; None when there
    is no such table or it does not hold exactly one (Alembic then decides)."""
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def open_database(
    target: str | Path | None = None,
    *,
    clock: Clock | None = None,
    busy_timeout_ms: int = 5000,
    upgrade: bool = True,
    create: bool = True,
) -> Database:
    """Open (creating or upgrading as needed) the case database.

    ``create=False`` is for everything that reads, exports or verifies: a missing file, or a
    server database without this program's tables, raises :class:`DatabaseMissing` and nothing
    is created (issue 18 §0). Setting one up is an explicit step (``db init``, the desk's
    first run).

    Raises :class:`DatabaseCorrupt`, :class:`DatabaseLocked`, :class:`DatabaseTooNew`,
    :class:`DatabaseUnreachable` (all :class:`DatabaseError`) with a Chinese message the GUI
    can show as it is.
    """
    url, path = resolve_url(target)
    if path is not None:
        if not create and (not path.is_file() or path.stat().st_size == 0):
            raise DatabaseMissing(
                f"找不到数据库文件 {path}；请用 --db 指定数据库文件，或设置环境变量 {DB_ENV}",
                path,
            )
        _prepare_sqlite_path(path)
    engine = create_db_engine(url, busy_timeout_ms)
    db = Database(engine, url, path, clock or SystemClock())
    try:
        if db.is_sqlite:
            with engine.connect() as conn:
                raw = conn.connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                _quick_check(raw, path)
                if _sqlite_revision(raw) == HEAD_REVISION:
                    return db  # the schema is current: nothing for Alembic to do
        else:
            with engine.connect() as conn:
                found = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
                if found is not None:
                    rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
                    if [r[0] for r in rows] == [HEAD_REVISION]:
                        return db
            _check_server_encoding(db)
        from core.db import migrate

        migrate.prepare(db, upgrade_allowed=upgrade, create=create)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        translated = classify_sqlite_error(exc, path, url)
        if translated is None:
            raise
        raise translated from exc
    except BaseException:
        engine.dispose()
        raise
    return db
