"""Recording an objection to a case on notice, and handling it. Which step follows (back on
notice, cleared for payout, or refused) is core's (``resolve_objection``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.qt import QDialogButtonBox, QWidget, Signal, qconnect
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
        self.context = context
        self.entry = entry
        self.resolving = resolve
        case = f"{entry.case_number} {entry.applicant_name}"
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if resolve:
            self.setWindowTitle(self.tr("Handle the objection"))
            self.intro.setText(self.tr("The objection to %1:").replace("%1", case))
            self.objection.setText(entry.objection)
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
            self.text_label.setText(self.tr("&Objection (who, and on what grounds):"))
            ok.setText(self.tr("&Record the objection"))
        for widget in (self.objection, self.dismiss, self.uphold):
            widget.setVisible(resolve)
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)
        self.text.setFocus()

    def submit(self) -> None:
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
                changes = resolve_objection(
                    db,
                    user,
                    case_id,
                    upheld=self.uphold.isChecked(),
                    resolution=text,
                    expected_version=self.entry.version,
                )
            else:
                changes = raise_objection(
                    db, user, case_id, text, expected_version=self.entry.version
                )
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.completed.emit(changes)
        self.accept()
