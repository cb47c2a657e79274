"""The desk says it has a database open, so that ``ipdesk-cli restore`` and ``demo --force``
can refuse instead of swapping the database from under it (issue 19).

On Windows a file another process holds open cannot be replaced, and even where SQLite lets a
restore through (it copies into the live file between the desk's transactions), the desk's open
windows would then show and save a history that no longer exists. SQLite cannot tell who else
has the file open, and the ways a process can ask the OS differ per platform (``fcntl`` is
POSIX-only; on Windows ``os.kill(pid, 0)`` would terminate the process). So the desk keeps a
small marker next to the database, ``NAME.in-use``, and refreshes its time every minute;
a marker not refreshed for three minutes is a desk that crashed, and is ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import time
from pathlib import Path

MARK_SUFFIX = ".in-use"
REFRESH_SECONDS = 60
STALE_SECONDS = 180


def marker_path(database: Path) -> Path:
    return Path(str(database) + MARK_SUFFIX)


class DeskPresence:
    """The marker of one open desk; ``touch`` every :data:`REFRESH_SECONDS`, ``release`` at
    close. Failing to write it never stops the desk: it only protects against others."""

    def __init__(self, database: Path) -> None:
        self.path = marker_path(database)
        self.token = f"{socket.gethostname()}:{os.getpid()}:{time.time_ns()}"
        info = {
            "token": self.token,
            "host": socket.gethostname(),
            "since": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        }
        with contextlib.suppress(OSError):
            self.path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")

    def touch(self) -> None:
        with contextlib.suppress(OSError):
            os.utime(self.path)

    def release(self) -> None:
        """Remove the marker if it is still ours (a second desk may have written its own)."""
        try:
            if json.loads(self.path.read_text(encoding="utf-8")).get("token") == self.token:
                self.path.unlink()
        except (OSError, ValueError, AttributeError):
            pass


def desk_holding(database: Path, now: float | None = None) -> str | None:
    """Who has ``database`` open at a desk, in words, or None (no marker, or a stale one)."""
    path = marker_path(database)
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
        if age > STALE_SECONDS:
            return None
        info = json.loads(path.read_text(encoding="utf-8"))
        host, since = str(info.get("host", "")), str(info.get("since", ""))
    except (OSError, ValueError, AttributeError):
        return None
    where = f"计算机 {host} 上" if host else ""
    return f"{where}本系统的窗口自 {since} 起打开着它" if since else f"{where}本系统的窗口打开着它"


__all__ = ["MARK_SUFFIX", "REFRESH_SECONDS", "DeskPresence", "desk_holding", "marker_path"]
