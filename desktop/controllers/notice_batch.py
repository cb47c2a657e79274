"""A new notice batch. Every figure is core's ``preview_notice_batch`` — the same computation
``create_notice_batch`` saves — asked again whenever a case is ticked or the period changes;
so what the supervisor sees before saving is exactly what is saved."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop import messages
from desktop.models.notice_models import NoticePreviewModel
from desktop.models.review_queue_model import DECIDED_COLUMNS, ReviewQueueModel
from desktop.qt import (
    QDialogButtonBox,
    QHeaderView,
    QTimer,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
)
from desktop.views.notice_batch_view import NoticeBatchView

if TYPE_CHECKING:
    from core.records.notice import NoticePreview
    from desktop.context import DeskContext

PREVIEW_DELAY_MS = 120


class NoticeBatchDialog(NoticeBatchView):
    """``completed(Changes)`` after core has created the batch."""

    completed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.db.clock import local_today
        from core.records.states import Status
        from core.records.supervisor_queries import review_queue

        self.context = context
        self.preview: NoticePreview | None = None
        self.setWindowTitle(self.tr("New notice batch"))
        self.candidates = ReviewQueueModel(context.policy, DECIDED_COLUMNS, self, checkable=True)
        self.candidates_table.setModel(self.candidates)
        self.lines = NoticePreviewModel(self)
        self.preview_table.setModel(self.lines)
        for table, widths in (
            (self.candidates_table, (210, 230, 190, 130)),
            (self.preview_table, (230, 270, 130, 150)),
        ):
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        rows = review_queue(
            context.db, context.user.id, (Status.DECIDED,), policy_id=context.policy.id
        )
        self.candidates.set_rows(rows)
        self.candidates.check_all(True)
        today = local_today(context.db.clock)
        self.start.setDate(to_qdate(today))
        self.days.setValue(context.policy.notice_working_days)
        self.days.setToolTip(context.policy.notice_clause)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Create the notice batch"))
        self.ok_button = ok
        qconnect(ok.clicked, self.create_batch)
        qconnect(self.buttons.rejected, self.reject)
        qconnect(self.tick_all_button.clicked, self._tick_all)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        qconnect(self.timer.timeout, self.update_preview)
        qconnect(self.candidates.checked_changed, self.timer.start)
        qconnect(self.start.dateChanged, lambda _: self.timer.start())
        qconnect(self.days.valueChanged, lambda _: self.timer.start())
        self.update_preview()

    def _tick_all(self) -> None:
        everything = len(self.candidates.checked) < self.candidates.rowCount()
        self.candidates.check_all(everything)

    def start_date(self) -> dt.date:
        date = self.start.date()
        return from_qdate(date)

    def case_ids(self) -> list[int]:
        return [r.id for r in self.candidates.checked_rows()]

    # -- the preview -------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Ask core what the batch would be; show it (or core's refusal)."""
        from core.records.errors import RecordsError
        from core.records.notice import preview_notice_batch

        self.timer.stop()
        ids = self.case_ids()
        self.preview = None
        if not ids:
            self._show(None)
            self.message.setText(self.tr("Tick at least one case."))
            return
        try:
            preview = preview_notice_batch(
                self.context.db,
                self.context.user.id,
                ids,
                start_date=self.start_date(),
                working_days=self.days.value(),
            )
        except RecordsError as exc:
            self._show(None)
            self.message.setText(str(exc))
            return
        self.preview = preview
        # Core's refusal (over the budget, no 年度核定 yet) or, before the deadline, what the
        # supervisor will be asked to confirm.
        self.message.setText(preview.refusal or preview.warning)
        self.message.setStyleSheet("color: #b00020;" if preview.refusal else "color: #8a5300;")
        self._show(preview)

    def _show(self, preview: NoticePreview | None) -> None:
        from core.engine.results import ratio_text
        from core.money import format_yuan

        self.ok_button.setEnabled(preview is not None and not preview.refusal)
        if preview is None:
            for label in self.figures.values():
                label.setText("—")
            self.explanation.clear()
            self.end.clear()
            self.lines.set_rows([])
            return
        yuan = self.tr("%1 yuan")
        for key, value in (
            ("budget", preview.budget),
            ("used", preview.used_before),
            ("remaining", preview.remaining),
            ("requested", preview.requested),
            ("total", preview.total),
        ):
            self.figures[key].setText(yuan.replace("%1", format_yuan(value)))
        ratio = ratio_text(preview.ratio)
        self.figures["ratio"].setText(
            ratio if not preview.prorated else self.tr("%1 (prorated)").replace("%1", ratio)
        )
        self.figures["ratio"].setStyleSheet("color: #8a5300;" if preview.prorated else "")
        self.explanation.setText("\n".join(preview.explanation))
        self.end.setText(
            self.tr("ends %1 (holidays counted by the notice calendar)").replace(
                "%1", preview.end_date.isoformat()
            )
        )
        self.lines.set_rows(preview.lines)

    # -- creating ----------------------------------------------------------------------------

    def create_batch(self) -> bool:
        from core.money import format_yuan
        from core.records.errors import RecordsError
        from core.records.notice import create_notice_batch

        self.update_preview()
        preview = self.preview
        if preview is None or preview.refusal:
            return False
        question = (
            self.tr(
                "Put %1 case(s) on notice from %2 to %3, %4 yuan in all? The amounts shown are "
                "saved with the batch."
            )
            .replace("%1", str(len(preview.lines)))
            .replace("%2", preview.start_date.isoformat())
            .replace("%3", preview.end_date.isoformat())
            .replace("%4", format_yuan(preview.total))
        )
        if preview.warning:
            question = preview.warning + "\n\n" + question
        if not messages.confirm(self, self.windowTitle(), question):
            return False
        try:
            saved, changes = create_notice_batch(
                self.context.db,
                self.context.user.id,
                [line.case_id for line in preview.lines],
                start_date=preview.start_date,
                working_days=self.days.value(),
                # Confirmed just now, with the warning in the question.
                confirmed_before_deadline=bool(preview.warning),
            )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return False
        # Core computed again inside the transaction; a change meanwhile would show here.
        if saved != preview:
            self.preview = saved
            self._show(saved)
        self.completed.emit(changes)
        self.accept()
        return True
