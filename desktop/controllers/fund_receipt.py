"""Recording a transfer received from the 区财政局 (五(三)2). Every check, and the rule that
payouts stay within the money received, is core's (``core.records.funds``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.qt import QDialogButtonBox, QWidget, Signal, from_qdate, qconnect, to_qdate
from desktop.views.fund_receipt_view import FundReceiptView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class FundReceiptDialog(FundReceiptView):
    """``completed(Changes)`` once core recorded the receipt; stays open on a refusal."""

    completed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.db.clock import local_today

        self.context = context
        self.setWindowTitle(self.tr("Funds received from the finance bureau"))
        self.intro.setText(
            self.tr(
                "五(三)2: the finance bureau transfers the funds to the bureau, which pays the "
                "awards. Once a transfer is recorded, payouts cannot exceed what was received."
            )
        )
        self.received_on.setDate(to_qdate(local_today(context.db.clock)))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record"))
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)
        self.amount.setFocus()

    def submit(self) -> None:
        from core.records.errors import RecordsError
        from core.records.funds import record_fund_receipt

        try:
            changes = record_fund_receipt(
                self.context.db,
                self.context.user.id,
                self.context.policy.id,
                from_qdate(self.received_on.date()),
                self.amount.text(),
                self.reference.text(),
                self.note.text(),
            )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.completed.emit(changes)
        self.accept()
