"""系统管理 · 用户: every user with roles and state (``core.records.users.list_users``)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from desktop.models.table_model import CENTER, ERROR, MUTED, Column, RowsTableModel
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject, translate

if TYPE_CHECKING:
    import datetime as dt

    from core.records.users import UserInfo


class UsersModel(RowsTableModel["UserInfo"]):
    CONTEXT = "UsersModel"
    COLUMNS = (
        Column("username", QT_TRANSLATE_NOOP("UsersModel", "User name")),
        Column("display_name", QT_TRANSLATE_NOOP("UsersModel", "Name")),
        Column("roles", QT_TRANSLATE_NOOP("UsersModel", "Roles")),
        Column("active", QT_TRANSLATE_NOOP("UsersModel", "State"), CENTER),
        Column("password", QT_TRANSLATE_NOOP("UsersModel", "Password")),
    )

    def __init__(self, now: dt.datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.now = now

    def key(self, row: UserInfo) -> Hashable:
        return row.id

    def text(self, row: UserInfo, key: str) -> str:
        from core.records.users import lock_text, roles_label

        if key == "username":
            return row.username
        if key == "display_name":
            return row.display_name
        if key == "roles":
            return roles_label(row.roles)
        if key == "active":
            if not row.active:
                return translate("UsersModel", "Deactivated")
            return translate("UsersModel", "Active")
        if key == "password":
            parts = []
            if row.must_change_password:
                parts.append(translate("UsersModel", "to be changed at next login"))
            locked = lock_text(row, self.now)
            if locked:
                parts.append(locked)
            return "；".join(parts)
        return ""

    def foreground(self, row: UserInfo, key: str) -> QColor | None:
        if not row.active:
            return MUTED
        if key == "password" and self.text(row, key):
            return ERROR
        return None
