"""The server dialog's logic: read the address through core, say which field to fix."""

from __future__ import annotations

from dataclasses import dataclass

from core.db.server import (
    DEFAULT_DATABASE,
    DEFAULT_PORT,
    DEFAULT_USER,
    AddressError,
    ServerAddress,
    can_remember_passwords,
    parse_address,
)
from desktop.qt import QWidget, Signal, qconnect
from desktop.views.server_view import ServerView


@dataclass(frozen=True)
class ServerLogin:
    """What the dialog hands over: the password stays in memory, never in settings."""

    address: ServerAddress
    password: str
    remember: bool


class ServerDialog(ServerView):
    chosen = Signal(object)  # ServerLogin
    cancelled = Signal()

    def __init__(
        self,
        address: ServerAddress | None = None,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.host.setText(address.host if address else "")
        self.port.setText(str(address.port if address else DEFAULT_PORT))
        self.database.setText(address.database if address else DEFAULT_DATABASE)
        self.user.setText(address.user if address else DEFAULT_USER)
        # Where the OS keeps no passwords, the box would promise what cannot be done.
        self.remember.setVisible(can_remember_passwords())
        self.message.setText(problem)
        qconnect(self.connect_button.clicked, self.submit)
        qconnect(self.cancel_button.clicked, self.reject)
        qconnect(self.rejected, self.cancelled.emit)
        first_empty = next(
            (e for e in (self.host, self.user, self.password) if not e.text()), self.password
        )
        first_empty.setFocus()

    def submit(self) -> None:
        try:
            address = parse_address(
                self.host.text(), self.port.text(), self.database.text(), self.user.text()
            )
        except AddressError as exc:
            self.message.setText(str(exc))
            field = getattr(self, exc.field)
            field.setFocus()
            field.selectAll()
            return
        self.message.setText(self.tr("Connecting…"))
        self.connect_button.setEnabled(False)
        self.chosen.emit(ServerLogin(address, self.password.text(), self.remember.isChecked()))

    def show_problem(self, message: str) -> None:
        """The server said no (unreachable, wrong password): say why, let them try again."""
        self.connect_button.setEnabled(True)
        self.message.setText(message)
        self.password.setFocus()
        self.password.selectAll()
