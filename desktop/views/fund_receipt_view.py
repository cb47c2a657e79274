"""区财政局拨款: the date a transfer arrived, its amount and the finance bureau's document."""

from __future__ import annotations

from desktop.qt import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class FundReceiptView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.intro = QLabel()
        self.intro.setObjectName("fund_intro")
        self.intro.setWordWrap(True)
        self.received_on = QDateEdit()
        self.received_on.setObjectName("fund_received_on")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.amount = QLineEdit()
        self.amount.setObjectName("fund_amount")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 500000.00"))
        self.reference = QLineEdit()
        self.reference.setObjectName("fund_reference")
        self.reference.setPlaceholderText(self.tr("e.g. 璧财行〔2024〕88号"))
        self.note = QLineEdit()
        self.note.setObjectName("fund_note")
        form = QFormLayout()
        for text, widget in (
            (self.tr("Received &on:"), self.received_on),
            (self.tr("&Amount:"), self.amount),
            (self.tr("&Document:"), self.reference),
            (self.tr("&Note:"), self.note),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = QLabel()
        self.message.setObjectName("fund_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
