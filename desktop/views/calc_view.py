"""资助测算: each claim's amount and status, the reasons, the total in figures and capitals."""

from __future__ import annotations

from desktop.qt import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class CalcView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = QLabel()
        self.total.setObjectName("total")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.total.setFont(font)
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.capitals = QLabel()
        self.capitals.setObjectName("capitals")
        self.capitals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("calc_status")
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("results")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("explanation")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addWidget(self.capitals)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
