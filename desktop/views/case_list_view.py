"""The case list: search, filters, the status list with counts, and the table."""

from __future__ import annotations

from desktop.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class CaseListView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: applicant name, credit code, case number or patent number")
        )
        self.search_label = QLabel(self.tr("&Search:"))
        self.search_label.setBuddy(self.search)
        self.new_button = QPushButton(self.tr("&New application"))
        self.new_button.setObjectName("new_case")
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open_case")
        # Prints one form for every selected case into one PDF (issue 20 §20).
        self.print_button = QPushButton(self.tr("&Batch print"))
        self.print_button.setObjectName("batch_print")
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)

        self.item_filter = QComboBox()
        self.item_filter.setObjectName("item_filter")
        # Long item names must not force a wide window on a 1366-pixel counter screen.
        self.item_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item_filter.setMinimumContentsLength(14)
        self.item_label = QLabel(self.tr("&Item:"))
        self.item_label.setBuddy(self.item_filter)
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("year_filter")
        self.year_label = QLabel(self.tr("&Year:"))
        self.year_label.setBuddy(self.year_filter)
        self.date_filter = QCheckBox(self.tr("&Received from"))
        self.date_from = QDateEdit()
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("yyyy-MM-dd")
        self.date_to_label = QLabel(self.tr("to"))
        self.date_to = QDateEdit()
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("yyyy-MM-dd")
        self.clear_button = QPushButton(self.tr("C&lear filters"))

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.item_label)
        filters.addWidget(self.item_filter, 1)
        filters.addWidget(self.year_label)
        filters.addWidget(self.year_filter)
        filters.addSpacing(12)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(self.date_to_label)
        filters.addWidget(self.date_to)
        filters.addStretch(0)
        filters.addWidget(self.clear_button)

        self.statuses = QListView()
        self.statuses.setObjectName("statuses")
        self.statuses.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.statuses.setFixedWidth(170)

        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl pick several cases for batch printing; Enter opens the current one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        # What a mark on the current row means, in words (the ⚠ has a tooltip, but a clerk
        # on the keyboard never sees it).
        self.row_note = QLabel()
        self.row_note.setObjectName("row_note")
        self.row_note.setStyleSheet("color: #b00020;")

        body = QHBoxLayout()
        body.addWidget(self.statuses)
        body.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(body, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.summary)
        footer.addWidget(self.row_note, 1)
        layout.addLayout(footer)
