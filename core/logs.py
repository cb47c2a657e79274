"""Where faults are written: a log file in the user's data directory, never a traceback on screen."""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path

from platformdirs import user_log_dir


def log_dir() -> Path:
    override = os.environ.get("IPDESK_LOG_DIR")
    if override:
        return Path(override)

    return Path(user_log_dir("ipdesk", appauthor=False))


def log_exception(program: str, exc: BaseException) -> Path:
    """Append the traceback to the log file and return its path (best effort)."""
    path = log_dir() / f"{program}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"\n=== {dt.datetime.now().isoformat(timespec='seconds')} ===\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass
    return path
