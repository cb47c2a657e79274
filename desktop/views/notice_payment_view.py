"""兑现: the payment date and a voucher number for each case paid, one case or many."""

from __future__ import annotations

from desktop.qt import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class NoticePaymentView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(760, 460)
        self.intro = QLabel()
        self.intro.setObjectName("payment_intro")
        self.intro.setWordWrap(True)
        self.date = QDateEdit()
        self.date.setObjectName("paid_on")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date_label = QLabel(self.tr("Paid &on:"))
        self.date_label.setBuddy(self.date)
        self.voucher = QLineEdit()
        self.voucher.setObjectName("voucher_all")
        self.voucher.setPlaceholderText(self.tr("e.g. 璧财拨〔2024〕301号"))
        self.voucher_label = QLabel(self.tr("&Voucher for every case:"))
        self.voucher_label.setBuddy(self.voucher)
        self.fill_button = QPushButton(self.tr("&Fill in"))
        self.fill_button.setObjectName("fill_vouchers")
        top = QHBoxLayout()
        top.addWidget(self.date_label)
        top.addWidget(self.date)
        top.addSpacing(16)
        top.addWidget(self.voucher_label)
        top.addWidget(self.voucher, 1)
        top.addWidget(self.fill_button)
        self.table = queue_table("payments")
        self.table.setEditTriggers(
            self.table.EditTrigger.DoubleClicked
            | self.table.EditTrigger.EditKeyPressed
            | self.table.EditTrigger.AnyKeyPressed
        )
        self.total = QLabel()
        self.total.setObjectName("payment_total")
        self.message = QLabel()
        self.message.setObjectName("payment_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
