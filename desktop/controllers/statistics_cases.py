"""The cases behind one statistics figure, read by their case numbers from core."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.models.statistics_models import StatisticsCasesModel
from desktop.models.table_model import KEY_ROLE
from desktop.qt import QHeaderView, QModelIndex, QWidget, Signal, qconnect
from desktop.views.statistics_cases_view import StatisticsCasesView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class StatisticsCasesDialog(StatisticsCasesView):
    """``open_case_requested(id)`` on a double-click or Open."""

    open_case_requested = Signal(int)

    def __init__(
        self,
        context: DeskContext,
        figure: str,
        references: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from core.records.supervisor_queries import case_refs

        self.setWindowTitle(self.tr("Cases behind the figure"))
        self.model = StatisticsCasesModel(self)
        self.model.set_rows(case_refs(context.db, references))
        self.table.setModel(self.model)
        for column, width in enumerate((210, 260, 80, 110, 110, 100)):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.figure.setText(
            self.tr("%1 — %2 case(s)")
            .replace("%1", figure)
            .replace("%2", str(len(self.model.rows)))
            if self.model.rows
            else self.tr("%1 — no case counts towards this figure yet.").replace("%1", figure)
        )
        qconnect(self.table.doubleClicked, self._open_index)
        qconnect(self.open_button.clicked, self.open_current)
        qconnect(self.buttons.rejected, self.reject)
        self.open_button.setEnabled(bool(self.model.rows))
        if self.model.rows:
            self.table.selectRow(0)

    def _open_index(self, index: QModelIndex) -> None:
        value = self.model.data(index, KEY_ROLE)
        if isinstance(value, int):
            self.open_case_requested.emit(value)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)
