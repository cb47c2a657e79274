"""Why a database cannot be used, in words a clerk can act on.

The GUI shows ``str(error)`` and offers a way out (restore a backup, choose another file, wait
for the other program). Each class is a distinct situation so the GUI can pick the way out.
"""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """A database that cannot be opened or used. ``str()`` is one Chinese sentence."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer version of the program (an unknown schema revision)."""

    def __init__(self, path: Path | None, revision: str) -> None:
        where = f"数据库文件 {path}" if path else "该数据库"
        super().__init__(
            f"{where}由更新版本的本系统创建（数据结构版本 {revision}），本程序无法识别。"
            "请安装最新版本的专利转化运用资助受理审核系统后再打开，切勿用旧版本修改此文件",
            path,
        )
        self.revision = revision


class DatabaseCorrupt(DatabaseError):
    """Not a database, not this program's database, or the integrity check failed."""


class DatabaseLocked(DatabaseError):
    """Another program holds the file; waiting longer did not help."""

    def __init__(self, path: Path | None, detail: str = "") -> None:
        where = f"数据库文件 {path}" if path else "数据库"
        super().__init__(
            f"{where}正被其他程序占用（{detail or '数据库被锁定'}）。"
            "请关闭其他正在使用该文件的本系统窗口或备份程序后重试",
            path,
        )


class DatabaseNeedsUpgrade(DatabaseError):
    """Raised only when the caller asked not to upgrade an older database."""

    def __init__(self, path: Path | None, current: str, head: str) -> None:
        super().__init__(f"数据库（版本 {current}）需要升级到版本 {head} 后才能使用", path)
        self.current = current
