"""Schema revisions with Alembic, run from code (no alembic.ini, so a PyInstaller bundle works).

The migration scripts live in ``core/db/migrations``. On open, a fresh file is built through
every revision; an older database gets a safety copy next to it and is upgraded; a database
stamped with a revision this program does not know came from a newer program and is refused.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from core.db.clock import file_stamp
from core.db.errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    DatabaseNeedsUpgrade,
    DatabaseTooNew,
)
from core.db.sqlite_copy import aside_path

if TYPE_CHECKING:  # database.py runs prepare() when it opens a file: no import back at run time
    from core.db.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None, "no migration scripts found"
    return head


def known_revisions() -> list[str]:
    """Every revision this program knows, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def is_known_revision(revision: str) -> bool:
    return revision in known_revisions()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction."""
    config = alembic_config()
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if isinstance(raw, sqlite3.Connection):
            # Batch migrations rebuild tables; foreign keys must be off while they do (this
            # pragma is ignored inside a transaction, hence before BEGIN), then checked.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            conn = conn.execution_options(ipdesk_begin="IMMEDIATE")
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
                if isinstance(raw, sqlite3.Connection):
                    broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseCorrupt(
                            f"升级数据库后发现 {len(broken)} 处引用错误（如表 {broken[0][0]}），"
                            "升级已撤销，数据库保持原样。请联系技术支持",
                            db.path,
                        )
        finally:
            if isinstance(raw, sqlite3.Connection):
                raw.execute("PRAGMA foreign_keys=ON")


def safety_copy_path(path: Path, revision: str, when: dt.datetime) -> Path:
    return aside_path(path, f"before-upgrade-{revision}", file_stamp(when))


def prepare(db: Database, *, upgrade_allowed: bool = True, create: bool = True) -> None:
    """Create, check and upgrade the schema of a just-opened database (see module doc)."""
    with db.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if current is None:
        if tables - {"alembic_version"}:
            where = f"文件 {db.path}" if db.path else db.label
            raise DatabaseCorrupt(
                f"{where}不是本系统的数据库（其中有其他程序的数据表）。请选择正确的数据库",
                db.path,
            )
        if not create:
            raise DatabaseMissing(
                f"{db.label} 尚未初始化（其中没有本系统的数据表）：请先运行 "
                "ipdesk-cli db init --db 地址，或在桌面程序中打开它完成首次设置",
                db.path,
            )
        upgrade(db)
        return
    if not is_known_revision(current):
        raise DatabaseTooNew(db.path, current)
    if current == head_revision():
        return
    if not upgrade_allowed:
        raise DatabaseNeedsUpgrade(db.path, current, head_revision())
    if db.path is not None:
        from core.db.sqlite_copy import copy_sqlite

        target = safety_copy_path(db.path, current, db.clock.now())
        copy_sqlite(db.engine, target)
        db.safety_copy = target
    db.upgraded_from = current
    upgrade(db)
