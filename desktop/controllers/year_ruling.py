"""年度核定 (issue 13 §3). Every figure is core's ``preview_year_ruling`` — the computation
``make_year_ruling`` saves — and core decides whether a ruling can be made now; the dialog
only shows it, asks, and passes core's answer on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import messages
from desktop.models.notice_models import YearLinesModel
from desktop.qt import QHeaderView, QWidget, Signal, qconnect
from desktop.views.year_ruling_view import YearRulingView

if TYPE_CHECKING:
    from core.records.year_ruling import YearPreview
    from desktop.context import DeskContext


class YearRulingDialog(YearRulingView):
    """``completed(Changes)`` after core has saved a ruling."""

    completed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview: YearPreview | None = None
        self.setWindowTitle(self.tr("Year ruling"))
        self.lines = YearLinesModel(self)
        self.lines_table.setModel(self.lines)
        for column, width in enumerate((210, 230, 100, 70, 130, 150)):
            self.lines_table.setColumnWidth(column, width)
        self.lines_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rule_button.setEnabled(context.has_role("supervisor"))
        qconnect(self.rule_button.clicked, self.make_ruling)
        qconnect(self.buttons.rejected, self.reject)
        self.refresh()

    def refresh(self) -> None:
        from core.db.clock import local_text
        from core.engine.results import ratio_text
        from core.money import format_yuan
        from core.records.year_ruling import preview_year_ruling

        preview = preview_year_ruling(self.context.db, self.context.policy.id)
        self.preview = preview
        yuan = self.tr("%1 yuan")
        for key, value in (
            ("budget", preview.budget),
            ("approved", preview.approved_total),
            ("paid_before", preview.paid_before),
            ("total", preview.total),
        ):
            self.figures[key].setText(yuan.replace("%1", format_yuan(value)))
        self.figures["ratio"].setText(ratio_text(preview.ratio))
        self.figures["ratio"].setStyleSheet("color: #8a5300;" if preview.ratio < 1 else "")
        self.figures["pending"].setText(str(preview.pending_cases))
        self.explanation.setText("\n".join(preview.explanation))
        if preview.ruling_number is None:
            self.in_force.setText(self.tr("No year ruling yet: payouts wait for it."))
        else:
            assert preview.ruling_at is not None
            self.in_force.setText(
                self.tr("In force: year ruling no. %1, made %2 by %3.")
                .replace("%1", str(preview.ruling_number))
                .replace("%2", local_text(preview.ruling_at))
                .replace("%3", preview.ruling_by)
            )
        self.lines.set_rows(list(preview.lines))
        self.message.setText(preview.refusal)
        self.rule_button.setEnabled(self.context.has_role("supervisor") and not preview.refusal)

    def make_ruling(self) -> bool:
        from core.engine.results import ratio_text
        from core.records.errors import RecordsError
        from core.records.states import Status
        from core.records.year_ruling import make_year_ruling

        self.refresh()
        preview = self.preview
        if preview is None or preview.refusal:
            return False
        question = (
            self.tr(
                "Fix the %1 ratio at %2 over %3 approved case(s)? Amounts on notice are set to "
                "their share; payouts follow it."
            )
            .replace("%1", str(preview.year))
            .replace("%2", ratio_text(preview.ratio))
            .replace("%3", str(sum(1 for line in preview.lines if line.status is not Status.PAID)))
        )
        if not messages.confirm(self, self.windowTitle(), question):
            return False
        try:
            _, changes = make_year_ruling(self.context.db, self.context.user.id, preview.policy_id)
        except RecordsError as exc:
            self.message.setText(str(exc))
            return False
        self.completed.emit(changes)
        self.refresh()
        return True
