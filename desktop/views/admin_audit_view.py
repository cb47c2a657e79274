"""系统管理 · 审计日志: filters (user, case, dates), a page of records, and the chosen record's
before and after."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class AdminAuditView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = QComboBox()
        self.user.setObjectName("audit_user")
        self.user_label = QLabel(self.tr("&User:"))
        self.user_label.setBuddy(self.user)
        self.case = QLineEdit()
        self.case.setObjectName("audit_case")
        self.case.setClearButtonEnabled(True)
        self.case.setPlaceholderText(self.tr("case number, e.g. 18 or 2024-18"))
        self.case_label = QLabel(self.tr("&Case:"))
        self.case_label.setBuddy(self.case)
        self.dates = QCheckBox(self.tr("&From"))
        self.dates.setObjectName("audit_dates")
        self.date_from = QDateEdit()
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(self.tr("to"))
        self.date_to = QDateEdit()
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("yyyy-MM-dd")
        self.apply_button = QPushButton(self.tr("&Show"))
        self.apply_button.setObjectName("audit_apply")
        filters = QHBoxLayout()
        filters.addWidget(self.user_label)
        filters.addWidget(self.user)
        filters.addWidget(self.case_label)
        filters.addWidget(self.case, 1)
        filters.addWidget(self.dates)
        filters.addWidget(self.date_from)
        filters.addWidget(self.to_label)
        filters.addWidget(self.date_to)
        filters.addWidget(self.apply_button)

        self.table = queue_table("audit")
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("audit_detail")
        self.detail.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.first_button = QPushButton(self.tr("&Newest"))
        self.previous_button = QPushButton(self.tr("&Previous page"))
        self.previous_button.setObjectName("audit_previous")
        self.next_button = QPushButton(self.tr("Ne&xt page"))
        self.next_button.setObjectName("audit_next")
        self.position = QLabel()
        self.position.setObjectName("audit_position")
        paging = QHBoxLayout()
        paging.addWidget(self.position, 1)
        paging.addWidget(self.first_button)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(paging)
