"""Time, injected: every rule that depends on "now" asks a :class:`Clock`, so tests pin dates.

Instants are timezone-aware and stored in UTC. Office dates (a notice's end, a lock shown to a
clerk) are read in China Standard Time, which has had no daylight saving since 1991, so a fixed
+08:00 offset is exact and does not depend on the Windows machine's zone settings.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock that stands still until told to move (for tests and the demo generator)."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=CHINA_TZ)
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def set(self, when: dt.datetime) -> None:
        self._now = when if when.tzinfo is not None else when.replace(tzinfo=CHINA_TZ)

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta


def local_today(clock: Clock) -> dt.date:
    return clock.now().astimezone(CHINA_TZ).date()


def local_text(when: dt.datetime) -> str:
    """An instant as a clerk reads it: 2024年3月5日 14:07 (Beijing time)."""
    local = when.astimezone(CHINA_TZ)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def file_stamp(when: dt.datetime) -> str:
    """An instant in a file name, in the Beijing time the screens show (issue 20 §14: names in
    UTC did not match the time beside them): 20241205-143000."""
    return when.astimezone(CHINA_TZ).strftime("%Y%m%d-%H%M%S")


def backup_file_name(when: dt.datetime, *, server: bool = False) -> str:
    """A dated backup name: a SQLite file, or a pg_dump archive for a server database."""
    return f"ipdesk-backup-{file_stamp(when)}.{'dump' if server else 'sqlite3'}"


def iso_utc(when: dt.datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("时间缺少时区信息")
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")
