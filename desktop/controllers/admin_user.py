"""Adding a user, resetting a password, or changing roles: one dialog, the fields each needs.
Whether a name, password or set of roles is acceptable is core's (its Chinese reason shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.qt import QDialogButtonBox, QWidget, Signal, qconnect
from desktop.views.admin_user_view import AdminUserView

if TYPE_CHECKING:
    from core.records.users import UserInfo
    from desktop.context import DeskContext

ADD = "add"
PASSWORD = "password"
ROLES = "roles"


class AdminUserDialog(AdminUserView):
    """``completed(Changes)`` after core has made the change."""

    completed = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        mode: str,
        user: UserInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.mode = mode
        self.user = user
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        who = f"{user.display_name}（{user.username}）" if user is not None else ""
        if mode == ADD:
            self.setWindowTitle(self.tr("Add a user"))
            self.intro.setText(self.tr("The new user changes this password at the first login."))
            ok.setText(self.tr("&Add"))
            self.role_boxes["clerk"].setChecked(True)
        elif mode == PASSWORD:
            self.setWindowTitle(self.tr("Reset the password"))
            self.intro.setText(
                self.tr(
                    "A new password for %1, to be changed at the next login. A lock after "
                    "wrong passwords is lifted too."
                ).replace("%1", who)
            )
            ok.setText(self.tr("&Reset"))
        else:
            self.setWindowTitle(self.tr("Roles"))
            self.intro.setText(self.tr("The roles of %1:").replace("%1", who))
            ok.setText(self.tr("&Save"))
            assert user is not None
            for role, box in self.role_boxes.items():
                box.setChecked(any(r.value == role for r in user.roles))
        for widget in (self.username, self.username_label, self.display_name, self.display_label):
            widget.setVisible(mode == ADD)
        for widget in (self.password, self.password_label, self.repeat, self.repeat_label):
            widget.setVisible(mode in (ADD, PASSWORD))
        self.roles_label.setVisible(mode in (ADD, ROLES))
        for box in self.role_boxes.values():
            box.setVisible(mode in (ADD, ROLES))
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)
        (self.username if mode == ADD else self.password).setFocus()

    def roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def submit(self) -> None:
        from core.records import users
        from core.records.errors import RecordsError

        if self.mode in (ADD, PASSWORD) and self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ. Type the same one twice."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        db, actor = self.context.db, self.context.user.id
        try:
            if self.mode == ADD:
                _, changes = users.create_user(
                    db,
                    actor,
                    self.username.text(),
                    self.display_name.text().strip() or self.username.text().strip(),
                    self.password.text(),
                    self.roles(),
                )
            elif self.mode == PASSWORD:
                assert self.user is not None
                changes = users.reset_password(db, actor, self.user.id, self.password.text())
            else:
                assert self.user is not None
                changes = users.set_roles(db, actor, self.user.id, self.roles())
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.completed.emit(changes)
        self.accept()
