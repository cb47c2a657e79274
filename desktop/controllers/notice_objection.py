"""Recording an objection to a case on notice with its facts, and handling it. Which step
follows (back on notice, cleared for payout, refused, or on at a changed amount) and every
check of the facts is core's (``raise_objection``, ``resolve_objection``); the 异议处理记录
is core's too (``render_objection``)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.qt import QDialogButtonBox, QWidget, Signal, from_qdate, qconnect, to_qdate
from desktop.views.notice_objection_view import NoticeObjectionView

if TYPE_CHECKING:
    from core.records.supervisor_queries import EntryRow
    from desktop.context import DeskContext


class NoticeObjectionDialog(NoticeObjectionView):
    """``completed(Changes)`` after core recorded the objection or its handling."""

    completed = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        entry: EntryRow,
        *,
        resolve: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from core.db.clock import local_today

        self.context = context
        self.entry = entry
        self.resolving = resolve
        self.previews: list[QWidget] = []
        case = f"{entry.case_number} {entry.applicant_name}"
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if resolve:
            from core.records.notice import objection_record

            record = objection_record(context.db, entry.case_id)
            self.setWindowTitle(self.tr("Handle the objection"))
            self.intro.setText(self.tr("The objection to %1:").replace("%1", case))
            received = record.received_on.isoformat() if record.received_on else "—"
            self.objection.setText(
                self.tr("%1 (%2), received %3: %4")
                .replace("%1", record.objector or "—")
                .replace("%2", record.contact or "—")
                .replace("%3", received)
                .replace("%4", record.substance)
            )
            self.text_label.setText(self.tr("&Finding and handling:"))
            self.dismiss.setChecked(True)
            ok.setText(self.tr("&Record the handling"))
        else:
            self.setWindowTitle(self.tr("Record an objection"))
            self.intro.setText(
                self.tr(
                    "An objection to %1 holds the case back from payout until it is handled."
                ).replace("%1", case)
            )
            self.text_label.setText(self.tr("&Substance of the objection:"))
            self.received_on.setDate(to_qdate(local_today(context.db.clock)))
            ok.setText(self.tr("&Record the objection"))
        resolving_widgets: tuple[QWidget, ...] = (
            self.objection,
            self.dismiss,
            self.uphold,
            self.change,
            self.amount,
            self.print_button,
        )
        for widget in resolving_widgets:
            widget.setVisible(resolve)
        recording_widgets: tuple[QWidget, ...] = (
            self.objector,
            self.objector_label,
            self.contact,
            self.contact_label,
            self.received_on,
            self.received_label,
        )
        for widget in recording_widgets:
            widget.setVisible(not resolve)
        self.amount.setEnabled(False)
        qconnect(self.change.toggled, self._change_toggled)
        qconnect(ok.clicked, self.submit)
        qconnect(self.print_button.clicked, self.print_record)
        qconnect(self.buttons.rejected, self.reject)
        (self.text if resolve else self.objector).setFocus()

    def _change_toggled(self, on: bool) -> None:
        self.amount.setEnabled(on)
        if on:
            self.amount.setFocus()

    def outcome(self) -> str:
        if self.uphold.isChecked():
            return "upheld"
        if self.change.isChecked():
            return "amount_changed"
        return "rejected"

    def submit(self) -> None:
        from core.money import parse_yuan
        from core.records.errors import RecordsError
        from core.records.notice import raise_objection, resolve_objection

        text = self.text.toPlainText().strip()
        if not text:
            self.message.setText(
                self.tr("Please fill in: %1").replace(
                    "%1", self.text_label.text().replace("&", "").rstrip(":：")
                )
            )
            self.text.setFocus()
            return
        db, user, case_id = self.context.db, self.context.user.id, self.entry.case_id
        try:
            if self.resolving:
                amount: Decimal | None = None
                if self.outcome() == "amount_changed":
                    try:
                        amount = parse_yuan(self.amount.text())
                    except ValueError as exc:
                        self.message.setText(str(exc))
                        self.amount.setFocus()
                        return
                changes = resolve_objection(
                    db,
                    user,
                    case_id,
                    outcome=self.outcome(),
                    amount=amount,
                    resolution=text,
                    expected_version=self.entry.version,
                )
            else:
                changes = raise_objection(
                    db,
                    user,
                    case_id,
                    text,
                    objector=self.objector.text(),
                    contact=self.contact.text(),
                    received_on=from_qdate(self.received_on.date()),
                    expected_version=self.entry.version,
                )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.completed.emit(changes)
        self.accept()

    def print_record(self) -> QWidget | None:
        """The 异议处理记录 as it stands (the finding left blank to write in, if undecided)."""
        from core.records.notice import render_objection
        from desktop.controllers.pdf_preview import open_preview

        data = render_objection(self.context.db, self.entry.case_id)
        number = self.entry.case_number
        title = self.tr("Objection handling record — %1").replace("%1", number)
        return open_preview(data, title, f"{number}异议处理记录", self.previews)
