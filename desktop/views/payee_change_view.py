"""收款账户变更: a clerk records the new payee of an approved case; a supervisor decides."""

from __future__ import annotations

from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PayeeChangeView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.intro = QLabel()
        self.intro.setObjectName("payee_intro")
        self.intro.setWordWrap(True)
        self.account_name = QLineEdit()
        self.account_name.setObjectName("payee_account_name")
        self.bank = QLineEdit()
        self.bank.setObjectName("payee_bank")
        self.account_number = QLineEdit()
        self.account_number.setObjectName("payee_account_number")
        self.bank_code = QLineEdit()
        self.bank_code.setObjectName("payee_bank_code")
        self.bank_code.setPlaceholderText(self.tr("12 digits, optional"))
        self.reason = QLineEdit()
        self.reason.setObjectName("payee_reason")
        self.evidence = QLineEdit()
        self.evidence.setObjectName("payee_evidence")
        form = QFormLayout()
        form.addRow(self.tr("New account &name:"), self.account_name)
        form.addRow(self.tr("&Bank:"), self.bank)
        form.addRow(self.tr("Account n&umber:"), self.account_number)
        form.addRow(self.tr("Bank code (&T):"), self.bank_code)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Supporting &paper:"), self.evidence)
        self.message = QLabel()
        self.message.setObjectName("payee_message")
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


class PayeeDecisionView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(640, 420)
        self.requests = QListWidget()
        self.requests.setObjectName("payee_requests")
        self.detail = QLabel()
        self.detail.setObjectName("payee_detail")
        self.detail.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("payee_note")
        self.note_label = QLabel(self.tr("&Opinion (required to reject):"))
        self.note_label.setBuddy(self.note)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setObjectName("payee_approve")
        self.reject_button = QPushButton(self.tr("Re&ject"))
        self.reject_button.setObjectName("payee_reject")
        self.close_button = QPushButton(self.tr("Clos&e"))
        self.message = QLabel()
        self.message.setObjectName("payee_decision_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note_label)
        row.addWidget(self.note, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.requests, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
