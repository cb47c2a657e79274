"""兑现 of one case or many: the date and each case's voucher; core records all or none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.models.notice_models import NoticePaymentsModel
from desktop.qt import (
    QDialogButtonBox,
    QHeaderView,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
)
from desktop.views.notice_payment_view import NoticePaymentView

if TYPE_CHECKING:
    from core.records.supervisor_queries import EntryRow
    from desktop.context import DeskContext


class NoticePaymentDialog(NoticePaymentView):
    """``completed(Changes)`` after core has recorded the payouts."""

    completed = Signal(object)

    def __init__(
        self, context: DeskContext, entries: Sequence[EntryRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from core.db.clock import local_today
        from core.money import format_yuan, rmb_capitals, total_yuan

        self.context = context
        self.setWindowTitle(self.tr("Mark paid"))
        self.model = NoticePaymentsModel(self)
        self.model.set_rows(entries)
        self.table.setModel(self.model)
        for column, width in enumerate((230, 250, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        total = total_yuan(e.amount for e in entries)
        self.intro.setText(
            self.tr(
                "Record the payout of %1 case(s) cleared after the notice. Type the voucher "
                "number of each payment in the table, or one number for all."
            ).replace("%1", str(len(entries)))
        )
        self.total.setText(
            self.tr("Total: %1 yuan (%2)")
            .replace("%1", format_yuan(total))
            .replace("%2", rmb_capitals(total))
        )
        today = local_today(context.db.clock)
        self.date.setDate(to_qdate(today))
        # Core refuses a payment date after today.
        self.date.setMaximumDate(to_qdate(today))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record the payout"))
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)
        qconnect(self.fill_button.clicked, lambda: self.model.fill(self.voucher.text()))
        qconnect(self.voucher.returnPressed, lambda: self.model.fill(self.voucher.text()))
        self.voucher.setFocus()

    def paid_on(self) -> dt.date:
        date = self.date.date()
        return from_qdate(date)

    def submit(self) -> None:
        from core.records.errors import RecordsError
        from core.records.notice import Payment, mark_paid

        missing = [r.case_number for r in self.model.rows if not self.model.vouchers.get(r.case_id)]
        if missing:
            self.message.setText(
                self.tr("Voucher number missing for: %1").replace("%1", "、".join(missing))
            )
            return
        payments = [Payment(r.case_id, self.model.vouchers[r.case_id]) for r in self.model.rows]
        try:
            changes = mark_paid(self.context.db, self.context.user.id, payments, self.paid_on())
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.completed.emit(changes)
        self.accept()
