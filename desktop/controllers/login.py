"""The login window's logic: log in through core, show the lockout with its time left."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import settings
from desktop.qt import QTimer, QWidget, Signal, qconnect
from desktop.views.login_view import LoginView

if TYPE_CHECKING:
    from core.db.database import Database
    from core.records.users import UserInfo


class LoginWindow(LoginView):
    logged_in = Signal(object)  # UserInfo
    other_database_requested = Signal()
    server_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self._locked_until: dt.datetime | None = None
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        qconnect(self._lock_timer.timeout, self._show_lock)
        qconnect(self.login_button.clicked, self.submit)
        qconnect(self.username.returnPressed, self.password.setFocus)
        qconnect(self.password.returnPressed, self.submit)
        qconnect(self.other_db_button.clicked, self.other_database_requested.emit)
        qconnect(self.server_button.clicked, self.server_requested.emit)
        qconnect(self.quit_button.clicked, self.quit_requested.emit)
        self.username.setText(settings.get_str(settings.LAST_USER))
        self.set_opening(None)

    # -- the database ---------------------------------------------------------------------

    def set_opening(self, path: Path | str | None) -> None:
        """Shown while the database opens in the background: the form waits."""
        self.db = None
        self.login_button.setEnabled(False)
        self.status.setText(self.tr("Opening the database…") if path is not None else "")
        self.database.setText(self.tr("Database: %1").replace("%1", str(path)) if path else "")

    def set_database(self, db: Database, demo_users: list[tuple[str, str, str]] | None) -> None:
        """Ready to log in. ``demo_users``: (user name, password, roles) to show for a demo."""
        from desktop.programme import current_policy

        self.db = db
        self.issuer.setText(current_policy(db).issuer)
        self.login_button.setEnabled(True)
        self.status.clear()
        self.database.setText(self.tr("Database: %1").replace("%1", db.label))
        if demo_users:
            lines = [f"{name}　/　{password}　（{roles}）" for name, password, roles in demo_users]
            self.demo_users.setText("\n".join(lines))
            self.demo_box.show()
            if not self.username.text():
                self.username.setText(demo_users[0][0])
        else:
            self.demo_box.hide()
        (self.password if self.username.text() else self.username).setFocus()

    # -- logging in -----------------------------------------------------------------------

    def submit(self) -> None:
        from core.records.errors import AccountLocked, LoginFailed
        from core.records.users import login

        if self.db is None:
            return
        if not self.username.text().strip():
            self.message.setText(self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        try:
            user: UserInfo = login(self.db, self.username.text(), self.password.text())
        except AccountLocked as exc:
            self._locked_until = exc.until
            self.message.setText(str(exc))
            self._show_lock()
            self._lock_timer.start()
            self.password.clear()
            return
        except LoginFailed as exc:
            self.message.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self._lock_timer.stop()
        self._locked_until = None
        self.message.clear()
        self.password.clear()
        settings.put(settings.LAST_USER, user.username)
        self.logged_in.emit(user)

    def _show_lock(self) -> None:
        """Count the lock down to the second, so the clerk knows when to try again."""
        if self._locked_until is None or self.db is None:
            self._lock_timer.stop()
            return
        left = self._locked_until - self.db.clock.now()
        seconds = int(left.total_seconds())
        if seconds <= 0:
            self._lock_timer.stop()
            self._locked_until = None
            self.status.setText(self.tr("The lock has expired. You may try again."))
            return
        self.status.setText(
            self.tr("Account locked. Time left: %1 min %2 s")
            .replace("%1", str(seconds // 60))
            .replace("%2", f"{seconds % 60:02d}")
        )
