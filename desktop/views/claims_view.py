"""资助事项: the claims on the left, the selected claim's entry form on the right."""

from __future__ import annotations

from desktop.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import scroll_area


class ClaimsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_choice = QComboBox()
        self.item_choice.setObjectName("item_choice")
        self.item_choice.setMinimumWidth(280)
        self.item_label = QLabel(self.tr("&Item:"))
        self.item_label.setBuddy(self.item_choice)
        self.add_button = QPushButton(self.tr("&Add item"))
        self.add_button.setObjectName("add_claim")
        self.remove_button = QPushButton(self.tr("Re&move item"))
        self.remove_button.setObjectName("remove_claim")
        top = QHBoxLayout()
        top.addWidget(self.item_label)
        top.addWidget(self.item_choice, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)

        self.table = QTableView()
        self.table.setObjectName("claims")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumWidth(420)

        self.forms = QStackedWidget()
        self.empty = QLabel(self.tr("Add an item with the list above."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.forms.addWidget(self.empty)
        scroll = scroll_area(self.forms)

        self.duplicates = QLabel()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setOpenExternalLinks(False)
        self.duplicates.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.duplicates.setStyleSheet("color: #b00020;")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.duplicates)
