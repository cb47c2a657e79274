"""Why a database cannot be used, in words a clerk can act on.

The GUI shows ``str(error)`` and offers a way out (restore a backup, choose another file, wait
for the other program). Each class is a distinct situation so the GUI can pick the way out.
"""

from __future__ import annotations

import errno
from pathlib import Path


class DatabaseError(Exception):
    """A database that cannot be opened or used. ``str()`` is one Chinese sentence."""

    def __init__(self, message: str, path: Path | None = None, server: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        # A server database's address without its password: the desk offers it again, in
        # the server dialog, with this message.
        self.server = server


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


class DatabaseMissing(DatabaseError):
    """A command that reads asked for a database that was never set up (issue 18 §0): no
    file there, or a server database without this program's tables. Nothing was created."""


class DatabaseUnreachable(DatabaseError):
    """The database server did not answer, or refused the login: nothing typed is lost, the
    desk keeps it until the server is back."""


def server_label(host: str | None, port: int | None, database: str | None) -> str:
    """How a server database is named to a clerk: 数据库服务器 host:port 上的数据库 name."""
    where = host or "本机"
    if port:
        where += f":{port}"
    return f"数据库服务器 {where} 上的数据库 {database or ''}".rstrip()


class DatabaseDiskFull(DatabaseError):
    """SQLite could not grow the file: the disk (or the folder's quota) is full."""

    def __init__(self, path: Path | None) -> None:
        where = f"（{path.parent}）" if path else ""
        super().__init__(
            f"磁盘空间不足{where}：本次操作没有保存，已有数据不受影响。"
            "请清理磁盘或把数据库移到空间充足的位置后重试",
            path,
        )


class DatabaseReadOnly(DatabaseError):
    """The file or its folder cannot be written (read-only medium, permissions)."""

    def __init__(self, path: Path | None) -> None:
        where = f"数据库文件 {path} 或其所在文件夹" if path else "数据库"
        super().__init__(
            f"{where}是只读的，无法保存：请检查文件夹的写入权限（或是否在只读的U盘、光盘、"
            "网络位置上），或把数据库复制到有写入权限的位置后打开",
            path,
        )


def output_error(exc: OSError) -> str | None:
    """One Chinese line for a file that could not be written, or None when the errno is not
    one of these (disk full, read-only, no permission)."""

    where = f" {exc.filename}" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"磁盘空间不足，无法写入{where}：请清理磁盘或换一个位置后重试（没有留下不完整的文件）"
        )
    # Windows: another process has the file open (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION);
    # errno says only EACCES, which would read as a permissions problem.
    if getattr(exc, "winerror", None) in (32, 33):
        return f"文件{where}正被其他程序使用（例如本系统的窗口仍开着）：请先关闭它，再重试"
    if exc.errno == errno.EROFS:
        return f"位置是只读的，无法写入{where}：请换一个有写入权限的位置"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"没有写入权限{where}：请换一个位置，或请管理员开放该文件夹的写入权限"
    return None
