"""申请材料: the checklist derived from the claims, what is missing, the correction notice."""

from __future__ import annotations

from desktop.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class MaterialsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("checklist")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.complete_button = QPushButton(self.tr("Line &complete"))
        self.complete_button.setObjectName("line_complete")
        self.all_button = QPushButton(self.tr("A&ll complete"))
        self.all_button.setObjectName("all_complete")
        self.print_button = QPushButton(self.tr("&Print correction notice…"))
        self.print_button.setObjectName("print_correction")
        buttons = QHBoxLayout()
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missing")
        self.missing_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.missing_label)
