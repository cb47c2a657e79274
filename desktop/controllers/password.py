"""Changing one's own password (also forced after an administrator reset it)."""

from __future__ import annotations

from desktop.context import DeskContext
from desktop.qt import QDialogButtonBox, QWidget, Signal, qconnect
from desktop.views.password_view import PasswordView


class PasswordDialog(PasswordView):
    changed = Signal()

    def __init__(
        self, context: DeskContext, parent: QWidget | None = None, *, forced: bool = False
    ):
        super().__init__(parent)
        self.context = context
        if forced:
            self.intro.setText(
                self.tr("Your password was set by the administrator. Please choose your own now.")
            )
        else:
            self.intro.hide()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)

    def submit(self) -> None:
        from core.records.errors import RecordsError
        from core.records.users import change_password

        if self.new_password.text() != self.repeat_password.text():
            self.message.setText(self.tr("The two new passwords differ. Please type them again."))
            self.repeat_password.clear()
            self.repeat_password.setFocus()
            return
        try:
            change_password(
                self.context.db,
                self.context.user.id,
                self.old_password.text(),
                self.new_password.text(),
            )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.changed.emit()
        self.accept()
