"""系统管理 · 用户: add, reset a password, set roles, deactivate and reactivate — all core's
operations (``core.records.users``), refused in core's words (e.g. the last administrator)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import messages
from desktop.controllers.admin_user import ADD, PASSWORD, ROLES, AdminUserDialog
from desktop.models.table_model import ROW_ROLE
from desktop.models.users_model import UsersModel
from desktop.qt import QHeaderView, QWidget, Signal, qconnect
from desktop.views.admin_users_view import AdminUsersView

if TYPE_CHECKING:
    from core.records.changes import Changes
    from core.records.users import UserInfo
    from desktop.context import DeskContext


class AdminUsers(AdminUsersView):
    changed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = UsersModel(context.db.clock.now(), self)
        self.table.setModel(self.model)
        for column, width in enumerate((140, 140, 220, 80)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        qconnect(self.table.selectionModel().currentRowChanged, lambda *_: self._buttons())
        qconnect(self.add_button.clicked, lambda: self.open_dialog(ADD))
        qconnect(self.password_button.clicked, lambda: self.open_dialog(PASSWORD))
        qconnect(self.roles_button.clicked, lambda: self.open_dialog(ROLES))
        qconnect(self.deactivate_button.clicked, lambda: self.set_active(False))
        qconnect(self.reactivate_button.clicked, lambda: self.set_active(True))
        self.refresh()

    def refresh(self) -> None:
        from core.records.users import list_users

        current = self.current_user()
        self.model.now = self.context.db.clock.now()
        self.model.set_rows(list_users(self.context.db))
        if current is not None:
            row = self.model.row_of_key(current.id)
            if row is not None:
                self.table.selectRow(row)
        self._buttons()

    def current_user(self) -> UserInfo | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def select(self, username: str) -> None:
        for row, user in enumerate(self.model.rows):
            if user.username == username:
                self.table.selectRow(row)

    def _buttons(self) -> None:
        user = self.current_user()
        for button in (self.password_button, self.roles_button):
            button.setEnabled(user is not None)
        self.deactivate_button.setEnabled(user is not None and user.active)
        self.reactivate_button.setEnabled(user is not None and not user.active)

    def open_dialog(self, mode: str) -> AdminUserDialog | None:
        user = self.current_user()
        if mode != ADD and user is None:
            return None
        dialog = AdminUserDialog(self.context, mode, user, self)
        qconnect(dialog.completed, self._done)
        dialog.open()
        return dialog

    def _done(self, changes: Changes) -> None:
        self.refresh()
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(changes.note or self.tr("Saved."))
        self.changed.emit(changes)

    def set_active(self, active: bool) -> bool:
        from core.records.errors import RecordsError
        from core.records.users import deactivate_user, reactivate_user

        user = self.current_user()
        if user is None:
            return False
        who = f"{user.display_name}（{user.username}）"
        if not active and not messages.confirm(
            self,
            self.tr("Deactivate"),
            self.tr(
                "Deactivate %1? They can no longer log in; their name stays in the records."
            ).replace("%1", who),
        ):
            return False
        try:
            operation = reactivate_user if active else deactivate_user
            changes = operation(self.context.db, self.context.user.id, user.id)
        except RecordsError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(str(exc))
            messages.warn(self, self.tr("Users"), str(exc))
            return False
        self._done(changes)
        return True
