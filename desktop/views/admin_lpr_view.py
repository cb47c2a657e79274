"""系统管理 · LPR: the loan prime rates in force, and adding a newly published one."""

from __future__ import annotations

from desktop.qt import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class AdminLprView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(
            self.tr(
                "The interest subsidy uses the loan prime rate in force on the loan's date. When "
                "the People's Bank publishes a new rate, add it here with the day it takes "
                "effect; approved cases keep the rate they were approved with."
            )
        )
        self.intro.setWordWrap(True)
        self.table = queue_table("lpr")
        self.add_box = QGroupBox(self.tr("Add a newly published rate"))
        self.effective = QDateEdit()
        self.effective.setObjectName("lpr_effective")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.one_year = QLineEdit()
        self.one_year.setObjectName("lpr_one_year")
        self.one_year.setPlaceholderText("3.10%")
        self.five_years = QLineEdit()
        self.five_years.setObjectName("lpr_five_years")
        self.five_years.setPlaceholderText("3.60%")
        self.note = QLineEdit()
        self.note.setObjectName("lpr_note")
        self.note.setPlaceholderText(self.tr("where it was published"))
        self.effective_label = QLabel(self.tr("In &force from:"))
        self.effective_label.setBuddy(self.effective)
        self.one_label = QLabel(self.tr("&1-year:"))
        self.one_label.setBuddy(self.one_year)
        self.five_label = QLabel(self.tr("&5-year+:"))
        self.five_label.setBuddy(self.five_years)
        self.note_label = QLabel(self.tr("N&ote:"))
        self.note_label.setBuddy(self.note)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("lpr_add")
        row = QHBoxLayout(self.add_box)
        for widget in (
            self.effective_label,
            self.effective,
            self.one_label,
            self.one_year,
            self.five_label,
            self.five_years,
            self.note_label,
        ):
            row.addWidget(widget)
        row.addWidget(self.note, 1)
        row.addWidget(self.add_button)
        self.message = QLabel()
        self.message.setObjectName("lpr_message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_box)
        layout.addWidget(self.message)
