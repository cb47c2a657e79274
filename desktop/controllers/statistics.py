"""统计: the programme's targets (二、工作目标) against what was achieved, amounts by item and
by month, budget use, and a payouts chart — every figure core's (``statistics_report``), and
every figure traced to its cases on a double-click."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import messages
from desktop.keyboard import enter_activates
from desktop.models.statistics_models import (
    REFERENCES_ROLE,
    StatisticsItemsModel,
    StatisticsMonthsModel,
    StatisticsTargetsModel,
)
from desktop.qt import QFileDialog, QHeaderView, QModelIndex, QWidget, Signal, qconnect
from desktop.views.statistics_chart import BY_ITEM, BY_MONTH, ChartCell
from desktop.views.statistics_view import StatisticsView
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.policy.model import Policy
    from core.statistics import StatisticsReport
    from desktop.context import DeskContext
    from desktop.controllers.statistics_cases import StatisticsCasesDialog

XLSX_FILTER = "Excel (*.xlsx)"


class Statistics(StatisticsView):
    """``open_case_requested(id)`` from the cases behind a figure."""

    open_case_requested = Signal(int)
    exported = Signal(object)  # the Path written

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.policy.loader import available_policies, load_policy

        self.context = context
        self.report: StatisticsReport | None = None
        self.policy: Policy = context.policy
        self.dialogs: list[StatisticsCasesDialog] = []
        self.jobs: list[Job[Any]] = []
        for policy_id in available_policies():
            policy = load_policy(policy_id)
            self.programme.addItem(f"{policy.year} {policy.title}", policy.id)
        index = self.programme.findData(context.policy.id)
        self.programme.setCurrentIndex(max(index, 0))
        self.targets = StatisticsTargetsModel(self)
        self.targets_table.setModel(self.targets)
        self.items = StatisticsItemsModel(self)
        self.items_table.setModel(self.items)
        self.months = StatisticsMonthsModel(self)
        self.months_table.setModel(self.months)
        for column, width in enumerate((360, 48, 150, 130, 190, 130, 76)):
            self.targets_table.setColumnWidth(column, width)
        header = self.targets_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Target labels are long sentences of the policy: wrapped, never cut.
        self.targets_table.setWordWrap(True)
        self.targets_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        for column, width in enumerate((240, 180, 80)):
            self.items_table.setColumnWidth(column, width)
        for column, width in enumerate((90, 90)):
            self.months_table.setColumnWidth(column, width)
        self.chart.axis_label = self.tr("yuan")
        self.chart.empty_text = self.tr("Nothing has been paid yet.")
        for table in (self.targets_table, self.items_table, self.months_table):
            qconnect(table.doubleClicked, self._figure_index)
            enter_activates(table, self._figure_index)
        qconnect(self.chart.figure_activated, self._chart_figure)
        qconnect(self.budget_cases.clicked, self._budget_cases)
        qconnect(self.programme.currentIndexChanged, lambda _: self.refresh())
        qconnect(self.refresh_button.clicked, self.refresh)
        qconnect(self.export_button.clicked, self.export)
        qconnect(self.by_month.toggled, self._chart_mode)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Core's figures for the programme chosen, read again."""
        from core.money import format_yuan
        from core.policy.loader import load_policy
        from core.records.notice import budget_status
        from core.records.statistics_source import statistics_report
        from core.records.supervisor_queries import payouts_by_month_and_item

        policy = load_policy(str(self.programme.currentData() or self.context.policy.id))
        self.policy = policy
        db = self.context.db
        report = statistics_report(db, policy.id)
        self.report = report
        self.targets.set_rows(report.targets)
        self.items.set_rows(report.items)
        self.months.set_rows(report.months)
        patents = report.university_effective_patents
        self.summary.setText(
            self.tr("%1 case(s) paid. District universities' effective patents: %2.")
            .replace("%1", str(report.paid_cases))
            .replace(
                "%2",
                str(patents)
                if patents is not None
                else self.tr("not entered (an administrator enters it under Administration)"),
            )
        )
        budget = report.budget
        _, held, _ = budget_status(db, policy.id)
        yuan = self.tr("%1 yuan")
        values = {
            "budget": yuan.replace("%1", format_yuan(budget.budget)),
            "held": yuan.replace("%1", format_yuan(held)),
            "awarded": yuan.replace("%1", format_yuan(budget.awarded)),
            "paid": yuan.replace("%1", format_yuan(budget.paid)),
            "share": f"{budget.share * 100:.2f}%" if budget.share is not None else "—",
            "remaining": yuan.replace("%1", format_yuan(budget.remaining)),
        }
        for key, label in self.budget_labels.items():
            label.setText(values[key])
        cells = payouts_by_month_and_item(db, policy.id)
        self.chart.set_data(
            [ChartCell(c.month, c.item, c.amount, c.references) for c in cells],
            [(code, item.name) for code, item in policy.items.items()],
        )
        # Core's total (the chart's bars add up to it: each payout is shared over its claims).
        self.chart_note.setText(
            self.tr("Paid in all: %1 yuan (amounts actually paid, after any proration)").replace(
                "%1", format_yuan(budget.paid)
            )
        )

    def _chart_mode(self, by_month: bool) -> None:
        self.chart.set_mode(BY_MONTH if by_month else BY_ITEM)

    # -- the cases behind a figure ---------------------------------------------------------------

    def show_cases(self, figure: str, references: Sequence[str]) -> StatisticsCasesDialog:
        from desktop.controllers.statistics_cases import StatisticsCasesDialog

        dialog = StatisticsCasesDialog(self.context, figure, references, self)
        qconnect(dialog.open_case_requested, self.open_case_requested.emit)
        qconnect(dialog.finished, lambda _=0, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _forget(self, dialog: StatisticsCasesDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def _figure_index(self, index: QModelIndex) -> StatisticsCasesDialog | None:
        model = index.model()
        references = model.data(index, REFERENCES_ROLE)
        if references is None:
            return None
        label = str(model.data(model.index(index.row(), 0)) or "")
        header = str(model.headerData(index.column(), self._horizontal()) or "")
        value = str(model.data(index) or "")
        figure = f"{label}：{header} {value}" if index.column() else label
        return self.show_cases(figure, references)

    @staticmethod
    def _horizontal() -> Any:
        from desktop.qt import Qt

        return Qt.Orientation.Horizontal

    def _chart_figure(self, label: str, amount: Decimal, references: Sequence[str]) -> None:
        from core.money import format_yuan

        self.show_cases(f"{label}：{format_yuan(amount)}", references)

    def _budget_cases(self) -> None:
        if self.report is not None:
            self.show_cases(self.tr("Cases paid"), self.report.budget.references)

    # -- export ------------------------------------------------------------------------------

    def export(self) -> Job[Any] | None:
        """The statistics workbook (core's), written on a worker thread."""
        from core.db.clock import local_today

        name = f"{self.policy.year}年度专利转化运用资助统计.xlsx"
        from desktop.folders import remember_export, suggested_export

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the statistics"), suggested_export(name), XLSX_FILTER
        )
        if not path:
            return None
        remember_export(path)
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        from desktop.outputs import checked_target

        if checked_target(self, self.tr("Export the statistics"), target, "统计表") is None:
            return None
        db, policy_id = self.context.db, self.policy.id
        today = local_today(db.clock)

        def work(progress: Progress) -> Path:
            from core.documents.workbooks import statistics_workbook
            from core.outputs import write_output
            from core.records.statistics_source import statistics_report

            data = statistics_workbook(statistics_report(db, policy_id), prepared_on=today)
            return write_output(target, data)

        def done(written: Path) -> None:
            messages.inform(
                self,
                self.tr("Export the statistics"),
                self.tr("Saved to %1").replace("%1", str(written)),
            )
            self.exported.emit(written)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                messages.warn(self, self.tr("Export the statistics"), str(exc))
                return
            from desktop.errors import report_exception

            report_exception(exc)

        job = run_with_progress(
            self, self.tr("Writing %1…").replace("%1", target.name), work, done, failed
        )
        self.jobs.append(job)
        return job
