"""Small key/value settings kept in the database (last backup, the notice calendar)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from core.db.models import Setting

LAST_BACKUP = "last_backup"
LAST_RESTORE = "last_restore"
HOLIDAYS = "calendar_holidays"
EXTRA_WORKDAYS = "calendar_extra_workdays"


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> Any:
    """Store ``value``; returns the previous value (None if there was none)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
        return None
    previous = row.value
    row.value = value
    return previous
