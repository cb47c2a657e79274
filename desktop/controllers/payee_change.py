"""收款账户变更 at the desk (core.records.payee): a clerk records the new payee of an approved
case; a supervisor who is neither that clerk nor the case's registrar approves or rejects.
Core decides who may; the dialogs show its refusals where the user is working."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.qt import QDialogButtonBox, QWidget, Signal, qconnect
from desktop.views.payee_change_view import PayeeChangeView, PayeeDecisionView

if TYPE_CHECKING:
    from core.records.payee import PayeeChangeInfo
    from desktop.context import DeskContext


class PayeeChangeDialog(PayeeChangeView):
    """A clerk's request; stays open on a refusal, saying what to fix."""

    changed = Signal(object)  # Changes

    def __init__(self, context: DeskContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.records.payee import current_payee

        self.context = context
        self.case_id = case_id
        number, current = current_payee(context.db, case_id)
        self.setWindowTitle(self.tr("Change the payee"))
        self.intro.setText(
            self.tr(
                "%1 is approved: its payee is %2, %3, %4. A new payee takes effect only when "
                "a supervisor who is neither you nor the case's registrar approves it."
            )
            .replace("%1", number)
            .replace("%2", current.account_name)
            .replace("%3", current.bank)
            .replace("%4", current.account_number)
        )
        self.account_name.setText(current.account_name)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record the request"))
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)

    def submit(self) -> bool:
        from core.records.errors import RecordsError
        from core.records.payee import PayeeForm, request_payee_change

        form = PayeeForm(
            self.account_name.text(),
            self.bank.text(),
            self.account_number.text(),
            self.bank_code.text(),
        )
        try:
            changes = request_payee_change(
                self.context.db,
                self.context.user.id,
                self.case_id,
                form,
                self.reason.text(),
                self.evidence.text(),
            )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return False
        self.changed.emit(changes)
        self.accept()
        return True


class PayeeDecisionDialog(PayeeDecisionView):
    """The pending requests, for a supervisor to approve or reject one by one."""

    changed = Signal(object)  # Changes

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pending: list[PayeeChangeInfo] = []
        self.setWindowTitle(self.tr("Payee changes to decide"))
        qconnect(self.requests.currentRowChanged, lambda _: self.show_current())
        qconnect(self.approve_button.clicked, lambda: self.decide(True))
        qconnect(self.reject_button.clicked, lambda: self.decide(False))
        qconnect(self.close_button.clicked, self.accept)
        self.refresh()

    def refresh(self) -> None:
        from core.records.payee import payee_changes

        self.pending = payee_changes(self.context.db, pending_only=True)
        self.requests.clear()
        for info in self.pending:
            self.requests.addItem(
                f"第{info.id}号  {info.case_number}  {info.before.get('account_name', '')} → "
                f"{info.after['account_name']}"
            )
        if self.pending:
            self.requests.setCurrentRow(0)
        else:
            self.detail.setText(self.tr("No payee change is waiting for a decision."))
        self.show_current()

    def show_current(self) -> None:
        row = self.requests.currentRow()
        chosen = 0 <= row < len(self.pending)
        self.approve_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)
        if not chosen:
            return
        info = self.pending[row]
        before, after = info.before, info.after
        self.detail.setText(
            self.tr("%1: %2 / %3 / %4 → %5 / %6 / %7. Reason: %8. Paper: %9.")
            .replace("%1", info.case_number)
            .replace("%2", before.get("account_name", ""))
            .replace("%3", before.get("bank", ""))
            .replace("%4", before.get("account_number", ""))
            .replace("%5", after["account_name"])
            .replace("%6", after["bank"])
            .replace("%7", after["account_number"])
            .replace("%8", info.reason)
            .replace("%9", info.evidence)
        )

    def decide(self, approve: bool) -> bool:
        from core.records.errors import RecordsError
        from core.records.payee import decide_payee_change

        row = self.requests.currentRow()
        if not 0 <= row < len(self.pending):
            return False
        try:
            changes = decide_payee_change(
                self.context.db,
                self.context.user.id,
                self.pending[row].id,
                approve,
                self.note.text(),
            )
        except RecordsError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(str(exc))
            return False
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(changes.note)
        self.note.clear()
        self.changed.emit(changes)
        self.refresh()
        return True
