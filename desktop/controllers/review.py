"""待我审核: the supervisor's two queues and one review window per case.

The queues are core's (``review_queue``: oldest first, with the days waited); the window
(:class:`~desktop.controllers.review_case.ReviewCase`) shows the whole file read-only and
takes the decision. The bureau meeting (办公会审定) is recorded for the ticked cases at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import messages
from desktop.models.review_queue_model import (
    APPROVED_COLUMNS,
    REVIEW_COLUMNS,
    ReviewQueueModel,
)
from desktop.models.table_model import KEY_ROLE
from desktop.qt import (
    QHeaderView,
    QKeySequence,
    QModelIndex,
    QShortcut,
    Qt,
    QTableView,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.review_view import ReviewView

if TYPE_CHECKING:
    from core.records.changes import Changes
    from desktop.context import DeskContext
    from desktop.controllers.review_case import ReviewCase


class Review(ReviewView):
    """``changed(Changes)`` after any decision taken here; ``edit_requested(id)`` to open a
    case in the case window (to set recognition results before approval)."""

    changed = Signal(object)
    edit_requested = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.windows: dict[int, ReviewCase] = {}
        self.queue_model = ReviewQueueModel(context.policy, REVIEW_COLUMNS, self)
        self.queue_table.setModel(self.queue_model)
        self.approved_model = ReviewQueueModel(
            context.policy, APPROVED_COLUMNS, self, checkable=True
        )
        self.approved_table.setModel(self.approved_model)
        for table, widths in (
            (self.queue_table, (200, 230, 190, 100, 70, 130)),
            (self.approved_table, (220, 240, 200, 130, 130)),
        ):
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        qconnect(self.queue_table.doubleClicked, self._open_index)
        qconnect(self.approved_table.doubleClicked, self._open_index)
        qconnect(self.open_button.clicked, lambda: self.open_current(self.queue_table))
        qconnect(self.open_approved_button.clicked, lambda: self.open_current(self.approved_table))
        qconnect(self.refresh_button.clicked, self.refresh)
        qconnect(self.select_all_button.clicked, self._tick_all)
        qconnect(self.meeting_button.clicked, self.record_meeting)
        qconnect(self.approved_model.checked_changed, self._update_meeting_button)
        for table in (self.queue_table, self.approved_table):
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(key), table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                qconnect(shortcut.activated, lambda t=table: self.open_current(t))
        self.refresh()

    # -- the queues --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read both queues again (a decision here or elsewhere, a restore)."""
        from core.records.states import Status
        from core.records.supervisor_queries import review_queue

        db, user = self.context.db, self.context.user.id
        waiting = review_queue(db, user, (Status.AWAITING_SUPERVISOR,))
        approved = review_queue(db, user, (Status.APPROVED,))
        self.queue_model.set_rows(waiting)
        self.approved_model.set_rows(approved)
        self.tabs.setTabText(
            0, self.tr("&Awaiting my review (%1)").replace("%1", str(len(waiting)))
        )
        self.tabs.setTabText(
            1, self.tr("Awaiting the &bureau meeting (%1)").replace("%1", str(len(approved)))
        )
        oldest = max((r.days_waited for r in waiting), default=0)
        self.queue_summary.setText(
            self.tr("%1 case(s) awaiting review; the oldest has waited %2 days.")
            .replace("%1", str(len(waiting)))
            .replace("%2", str(oldest))
            if waiting
            else self.tr("Nothing is awaiting review.")
        )
        self._update_meeting_button()
        for window in list(self.windows.values()):
            window.refresh()

    def _update_meeting_button(self) -> None:
        ticked = len(self.approved_model.checked)
        self.meeting_button.setEnabled(ticked > 0)
        self.meeting_summary.setText(
            self.tr("%1 of %2 case(s) ticked.")
            .replace("%1", str(ticked))
            .replace("%2", str(self.approved_model.rowCount()))
        )

    def _tick_all(self) -> None:
        everything = len(self.approved_model.checked) < self.approved_model.rowCount()
        self.approved_model.check_all(everything)

    # -- opening -----------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        value = index.model().data(index, KEY_ROLE)
        if isinstance(value, int):
            self.open_case(value)

    def open_current(self, table: QTableView) -> None:
        index = table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def open_case(self, case_id: int) -> ReviewCase:
        from desktop.controllers.review_case import ReviewCase

        window = self.windows.get(case_id)
        if window is None:
            # Owned by the area: a logout (which deletes the main window) takes it along.
            window = ReviewCase(self.context, case_id, self)
            self.windows[case_id] = window
            qconnect(window.changed, self._decided)
            qconnect(window.edit_requested, self.edit_requested.emit)
            qconnect(window.open_case_requested, self.open_case)
            qconnect(window.closed, lambda cid=case_id: self.windows.pop(cid, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _decided(self, changes: Changes) -> None:
        self.refresh()
        self.changed.emit(changes)

    # -- the bureau meeting ------------------------------------------------------------------

    def record_meeting(self) -> QWidget | None:
        from desktop.controllers.review_meeting import ReviewMeetingDialog

        rows = self.approved_model.checked_rows()
        if not rows:
            messages.inform(
                self,
                self.tr("Bureau meeting decision"),
                self.tr("Tick the cases the meeting decided first."),
            )
            return None
        dialog = ReviewMeetingDialog(
            self.context, [r.id for r in rows], [r.case.case_number for r in rows], parent=self
        )
        qconnect(dialog.completed, self._meeting_done)
        dialog.open()
        return dialog

    def _meeting_done(self, changes: Changes) -> None:
        self.approved_model.check_all(False)
        self._decided(changes)
        messages.inform(self, self.tr("Bureau meeting decision"), changes.note)
