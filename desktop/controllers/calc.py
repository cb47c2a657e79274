"""资助测算: shows core's result; every number and every reason is the engine's own."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from desktop.models.result_model import STATUS_COLORS, ResultModel
from desktop.qt import QHeaderView, QWidget, qconnect
from desktop.views.calc_view import CalcView
from desktop.views.fact_form_view import ERROR_STYLE, WARN_STYLE

if TYPE_CHECKING:
    from core.engine.results import ApplicationResult
    from desktop.context import DeskContext


class CalcPanel(CalcView):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ResultModel(context.policy, self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(2, 130)
        self.table.setColumnWidth(3, 90)
        self.result: ApplicationResult | None = None
        qconnect(self.table.selectionModel().currentRowChanged, lambda *_: self._explain())
        self.show_result(None, self.tr("Fill in the applicant and at least one item."))

    def show_result(
        self, result: ApplicationResult | None, problem: str = "", frozen: bool = False
    ) -> None:
        from core.money import format_yuan, rmb_capitals

        self.result = result
        self.model.set_result(result)
        if result is None:
            self.total.setText(self.tr("Total: —"))
            self.capitals.clear()
            self.status.setText(problem)
            self.status.setStyleSheet(ERROR_STYLE if problem else "")
            self.explanation.clear()
            return
        self.total.setText(self.tr("Total: %1 yuan").replace("%1", format_yuan(result.total)))
        self.capitals.setText(self.tr("In capitals: %1").replace("%1", rmb_capitals(result.total)))
        notes = []
        if frozen:
            notes.append(self.tr("Approved: this is the result frozen at approval."))
        if not result.accepted:
            notes.append(self.tr("The application falls under a ground for not accepting it."))
        if problem:
            notes.append(problem)
        self.status.setText(" ".join(notes))
        self.status.setStyleSheet(WARN_STYLE if notes else "")
        self._explain()

    def _explain(self) -> None:
        """All claims' reasons, the selected one first, then the application's own lines."""
        result = self.result
        if result is None:
            return
        parts = []
        for claim in result.claims:
            item = self.context.policy.items.get(claim.item)
            name = item.name if item is not None else claim.item
            color = STATUS_COLORS.get(claim.status.value, "#000000")
            lines = "".join(f"<li>{html.escape(line)}</li>" for line in claim.explanation)
            parts.append(
                f"<p><b>{claim.index + 1}. {html.escape(name)}</b>　"
                f"<span style='color:{color}'>{html.escape(claim.status.label)}</span></p>"
                f"<ul>{lines}</ul>"
            )
        general = "".join(f"<li>{html.escape(line)}</li>" for line in result.explanation)
        heading = html.escape(self.tr("The application as a whole"))
        parts.append(f"<p><b>{heading}</b></p><ul>{general}</ul>")
        self.explanation.setHtml("".join(parts))
        row = self.table.currentIndex().row()
        if row >= 0:
            self.explanation.scrollToAnchor(f"claim{row}")
