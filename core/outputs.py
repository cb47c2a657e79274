"""One guard for every file the program writes: it never lands on a database (issue 14 §2).

``ipdesk-cli intake template --out live.sqlite3`` and two ``project`` commands wrote a
workbook or a PDF over the live database, which then opened as 「不是数据库文件」. Every
command and every desk save checks its target here first, and writes through
:func:`write_output`: a temporary file in the same folder, then ``os.replace``, so a failed
write never leaves half a file and never touches the target until the new one is whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class OutputRefused(ValueError):
    """The target may not be written; the message says why and what to do, in Chinese."""


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _database_of(path: Path) -> Path | None:
    """The database a -wal/-shm/-journal file belongs to, when it is one."""
    for suffix in _SIDE_SUFFIXES:
        if path.name.endswith(suffix):
            owner = path.with_name(path.name[: -len(suffix)])
            if _is_sqlite(owner):
                return owner
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def is_live_database_file(target: Path, live: Path) -> bool:
    """``target`` is the database ``live`` or one of its -wal/-shm/-journal files, under any
    spelling: ``sub/../live.sqlite3``, a symbolic link, a hard link (another name)."""
    real = os.path.realpath(target)
    for candidate in (live, *(Path(f"{live}{s}") for s in _SIDE_SUFFIXES)):
        if real == os.path.realpath(candidate):
            return True
        if target.exists() and candidate.exists() and _same(target, candidate):
            return True
    return False


def check_output(
    target: str | Path,
    suffixes: Sequence[str],
    what: str,
    *,
    overwrite: bool = False,
    databases: Sequence[str | Path | None] = (),
    verb: str = "保存",
) -> Path:
    """The target, checked: refused (:class:`OutputRefused`) when it is a folder, sits in a
    folder that does not exist, has another extension, is or belongs to a database (the
    live one under any spelling of its path — ``..``, a link, another name — or any SQLite
    file), or exists and ``overwrite`` was not given."""
    path = Path(target)
    if path.is_dir():
        raise OutputRefused(f"{target} 是文件夹，请给出文件名")
    if not path.parent.is_dir():
        raise OutputRefused(f"找不到输出文件夹 {path.parent}，请先建好或换一个位置")
    if path.suffix.lower() not in tuple(s.lower() for s in suffixes):
        allowed = " 或 ".join(suffixes)
        raise OutputRefused(f"{what}只能{verb}为 {allowed} 文件，而 {target} 不是")
    real = Path(os.path.realpath(path))
    for db in databases:
        if db is not None and is_live_database_file(path, Path(db)):
            raise OutputRefused(
                f"{target} 是正在使用的数据库（{db}）的文件，不能写入{what}；请换一个文件名"
            )
    if path.exists():
        owner = _database_of(real)
        if _is_sqlite(real) or owner is not None:
            raise OutputRefused(f"{target} 是一个数据库文件，不能用{what}覆盖；请换一个文件名")
        if not overwrite:
            raise OutputRefused(f"{target} 已存在；如要覆盖请加 --overwrite，或换一个文件名")
    return path


def write_output(path: Path, data: bytes) -> Path:
    """Write ``data`` whole or not at all: a temporary file beside it, then a rename."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path


# Windows refuses these in a file name (and the control characters); a name may not end in a
# dot or a space, and these device names are reserved with any extension.
_FORBIDDEN_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)


def default_file_name(text: str, suffix: str) -> str:
    """A file name offered in a save dialog, built from user text (a case or project number,
    a title): valid on Windows whatever the text holds. 〔〕 become () so that the name is
    also easy to type in a command prompt."""
    stem = text.strip().replace("〔", "(").replace("〕", ")")
    stem = _FORBIDDEN_IN_NAMES.sub("-", stem).rstrip(". ")
    if not stem or stem.split(".")[0].upper() in _RESERVED_NAMES:
        stem = f"_{stem}"
    # Leaves room for the folder within Windows' 260-character path limit.
    return stem[:120] + suffix
