"""Per-user desk settings (QSettings) and the data folder for recovery drafts and demo data.

Settings here are the desk's own look and habits (window geometry, last filters, the last
database opened). Anything that matters to the office (users, cases, rules) lives in the
database, not here. Tests point both at temporary folders (tests/desktop/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.paths import user_data_folder
from desktop.qt import QByteArray, QSettings

ORGANIZATION = "ipdesk"
APPLICATION = "ipdesk"

# Keys, in one place so a typo cannot silently create a second setting.
LAST_DATABASE = "database/last_path"
MAIN_GEOMETRY = "main_window/geometry"
MAIN_STATE = "main_window/state"
EDITOR_GEOMETRY = "case_editor/geometry"
CASE_LIST_FILTERS = "case_list/filters"
# v2: the default layout moved 状态 and 金额 into view on a 1366-pixel screen (issue 20 §7);
# a layout saved under the old key is not carried over, so every desk gets the new default.
CASE_LIST_HEADER = "case_list/header_v2"
LAST_USER = "login/last_user"


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def data_dir() -> Path:
    return user_data_folder()


def get_str(key: str, default: str = "") -> str:
    value = settings().value(key, default)
    return value if isinstance(value, str) else default


def get_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) else None


def get_dict(key: str) -> dict[str, Any]:
    value = settings().value(key)
    return value if isinstance(value, dict) else {}


def put(key: str, value: Any) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()
