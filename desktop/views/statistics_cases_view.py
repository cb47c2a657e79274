"""The cases behind a statistics figure; double-click (or Open) opens one."""

from __future__ import annotations

from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class StatisticsCasesView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(920, 380)
        self.figure = QLabel()
        self.figure.setObjectName("figure")
        self.figure.setWordWrap(True)
        self.table = queue_table("figure_cases")
        self.open_button = QPushButton(self.tr("&Open the case"))
        self.open_button.setObjectName("open_case")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figure)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
