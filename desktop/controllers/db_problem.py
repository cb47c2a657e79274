"""What to say, and which ways out to offer, for each reason a database cannot be opened."""

from __future__ import annotations

from enum import Enum

from desktop.qt import QWidget, Signal, qconnect
from desktop.views.db_problem_view import DbProblemView


class WayOut(Enum):
    CHOOSE = "choose"
    RESTORE = "restore"
    RETRY = "retry"
    QUIT = "quit"


class DbProblemDialog(DbProblemView):
    chosen = Signal(object)  # WayOut

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.db.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew

        self.error = error
        # core's message is already Chinese and says what happened; the heading and hint
        # say which way out fits.
        self.message.setText(str(error))
        if isinstance(error, DatabaseLocked):
            self.heading.setText(self.tr("The database is in use by another program"))
            self.hint.setText(self.tr("Close the other program, then choose Try again."))
            self.restore_button.hide()
        elif isinstance(error, DatabaseTooNew):
            self.heading.setText(self.tr("The database was made by a newer version"))
            self.hint.setText(
                self.tr("Install the newer version of this program, or open another database file.")
            )
            self.retry_button.hide()
        elif isinstance(error, DatabaseCorrupt):
            self.heading.setText(self.tr("The database file is damaged"))
            self.hint.setText(self.tr("Restore the latest backup, or open another database file."))
            self.retry_button.hide()
        else:
            self.heading.setText(self.tr("The database cannot be used"))
            self.hint.setText(self.tr("Open another database file, or restore a backup."))
        for button, way in (
            (self.choose_button, WayOut.CHOOSE),
            (self.restore_button, WayOut.RESTORE),
            (self.retry_button, WayOut.RETRY),
            (self.quit_button, WayOut.QUIT),
        ):
            qconnect(button.clicked, lambda _=False, w=way: self._choose(w))

    def _choose(self, way: WayOut) -> None:
        self.chosen.emit(way)
        self.accept()

    def reject(self) -> None:  # Esc or the window's close button: same as Quit
        self.chosen.emit(WayOut.QUIT)
        super().reject()
