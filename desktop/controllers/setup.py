"""The first-run setup: choose (or create) the database, then create the administrator."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.qt import QFileDialog, QWidget, Signal, qconnect
from desktop.views.setup_view import SetupView

if TYPE_CHECKING:
    from core.db.database import Database

DB_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"


class SetupDialog(SetupView):
    """Step 1 emits ``location_chosen``; the caller opens the file and calls ``ask_admin``
    when it has no users yet. Step 2 emits ``admin_created`` once core has made the account."""

    location_chosen = Signal(object)  # Path
    admin_created = Signal(object)  # UserInfo
    quit_requested = Signal()

    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.location.setText(str(suggested))
        qconnect(self.browse_button.clicked, self.browse)
        qconnect(self.next_button.clicked, self.next_step)
        qconnect(self.cancel_button.clicked, self.quit_requested.emit)
        qconnect(self.location.returnPressed, self.next_step)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.location.text(),
            DB_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.location.setText(path)

    def next_step(self) -> None:
        if self.pages.currentWidget() is self.location_page:
            text = self.location.text().strip()
            if not text:
                self.message.setText(self.tr("Please choose where the database file goes."))
                return
            self.message.clear()
            self.location_chosen.emit(Path(text).expanduser())
        else:
            self.create_admin()

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def ask_admin(self, db: Database) -> None:
        self.db = db
        self.message.clear()
        self.pages.setCurrentWidget(self.admin_page)
        self.next_button.setText(self.tr("&Create administrator"))
        self.username.setFocus()

    def create_admin(self) -> None:
        from core.records.errors import RecordsError
        from core.records.users import create_first_admin

        assert self.db is not None
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ. Please type them again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            user = create_first_admin(
                self.db, self.username.text(), self.display_name.text(), self.password.text()
            )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.admin_created.emit(user)
        self.accept()

    def reject(self) -> None:
        self.quit_requested.emit()
        super().reject()
