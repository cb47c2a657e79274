"""办公会审定 for the cases chosen: core records it for all of them or for none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.qt import QDialogButtonBox, QWidget, Signal, from_qdate, qconnect, to_qdate
from desktop.views.review_meeting_view import ReviewMeetingView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class ReviewMeetingDialog(ReviewMeetingView):
    """``completed(Changes)`` once core has recorded the decision; a refusal stays in the dialog."""

    completed = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        case_ids: Sequence[int],
        case_numbers: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from core.db.clock import local_today

        self.context = context
        self.case_ids = list(case_ids)
        self.setWindowTitle(self.tr("Bureau meeting decision"))
        shown = "、".join(case_numbers[:6]) + ("…" if len(case_numbers) > 6 else "")
        self.intro.setText(
            self.tr("Record the bureau meeting's decision (办公会审定) on %1 case(s): %2")
            .replace("%1", str(len(self.case_ids)))
            .replace("%2", shown)
        )
        today = local_today(context.db.clock)
        self.date.setDate(to_qdate(today))
        # Core refuses a meeting date after today; the calendar does not offer one.
        self.date.setMaximumDate(to_qdate(today))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record"))
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)
        self.minute.setFocus()

    def meeting_date(self) -> dt.date:
        date = self.date.date()
        return from_qdate(date)

    def submit(self) -> None:
        from core.records.errors import RecordsError
        from core.records.workflow import record_meeting_decision

        minute = self.minute.text().strip()
        if not minute:
            self.message.setText(self.tr("Please fill in the minute number."))
            self.minute.setFocus()
            return
        try:
            changes = record_meeting_decision(
                self.context.db, self.context.user.id, self.case_ids, self.meeting_date(), minute
            )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.completed.emit(changes)
        self.accept()
