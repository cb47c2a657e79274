"""申请人: every applicant field of the 申请表, the received date and who files."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class ApplicantView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)

        # The case: received date and filing by an agent.
        self.case_box = QGroupBox(self.tr("Application"))
        self.received_on = QDateEdit()
        self.received_on.setObjectName("received_on")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.filed_by_agent = QCheckBox(self.tr("Filed by an a&gent on the applicant's behalf"))
        self.filed_by_agent.setObjectName("filed_by_agent")
        self.agent_name = QLineEdit()
        self.agent_name.setObjectName("agent_name")
        self.agent_name.setPlaceholderText(self.tr("Agent's name"))
        case_form = QFormLayout(self.case_box)
        self.received_label = QLabel(self.tr("&Received on:"))
        self.received_label.setBuddy(self.received_on)
        self.received_status = QLabel()
        self.received_status.setObjectName("received_status")
        self.received_status.setWordWrap(True)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_on)
        received_row.addWidget(self.received_status, 1)
        case_form.addRow(self.received_label, received_row)
        agent_row = QHBoxLayout()
        agent_row.addWidget(self.filed_by_agent)
        agent_row.addWidget(self.agent_name, 1)
        case_form.addRow(agent_row)

        # Identity.
        self.identity_box = QGroupBox(self.tr("Applicant"))
        self.credit_code = QLineEdit()
        self.credit_code.setObjectName("credit_code")
        self.credit_code.setMaxLength(30)
        self.credit_code.setPlaceholderText(self.tr("18 characters, from the business licence"))
        self.credit_code_status = QLabel()
        self.credit_code_status.setObjectName("credit_code_status")
        self.credit_code_status.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("applicant_name")
        self.name.setPlaceholderText(self.tr("Type to find an applicant already on record"))
        self.found = QLabel()
        self.found.setObjectName("applicant_found")
        self.found.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.size_combo = QComboBox()
        self.size_combo.setObjectName("size")
        self.sme_button = QPushButton(self.tr("Si&ze helper…"))
        self.sme_button.setObjectName("sme_helper")
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_combo, 1)
        size_row.addWidget(self.sme_button)
        identity = QFormLayout(self.identity_box)
        self.identity_form = identity
        self.credit_label = QLabel(self.tr("&Credit code:"))
        self.credit_label.setBuddy(self.credit_code)
        identity.addRow(self.credit_label, self.credit_code)
        identity.addRow("", self.credit_code_status)
        self.name_label = QLabel(self.tr("&Name:"))
        self.name_label.setBuddy(self.name)
        identity.addRow(self.name_label, self.name)
        identity.addRow("", self.found)
        identity.setRowVisible(self.found, False)  # shown when an applicant on record is used
        self.kind_label = QLabel(self.tr("&Kind:"))
        self.kind_label.setBuddy(self.kind)
        identity.addRow(self.kind_label, self.kind)
        self.size_label = QLabel(self.tr("Si&ze:"))
        self.size_label.setBuddy(self.size_combo)
        identity.addRow(self.size_label, size_row)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        identity.addRow(self.tr("&Address:"), self.address)

        # People and bank: two columns, as on the form.
        self.contact_box = QGroupBox(self.tr("Contacts and bank account"))
        self.handler = QLineEdit()
        self.handler.setObjectName("handler")
        self.handler_phone = QLineEdit()
        self.handler_phone.setObjectName("handler_phone")
        self.patent_agency = QLineEdit()
        self.patent_agency.setObjectName("patent_agency")
        self.patent_attorney = QLineEdit()
        self.patent_attorney.setObjectName("patent_attorney")
        self.attorney_phone = QLineEdit()
        self.attorney_phone.setObjectName("attorney_phone")
        self.account_name = QLineEdit()
        self.account_name.setObjectName("account_name")
        self.bank = QLineEdit()
        self.bank.setObjectName("bank")
        self.account_number = QLineEdit()
        self.account_number.setObjectName("account_number")
        self.bank_code = QLineEdit()
        self.bank_code.setObjectName("bank_code")
        self.bank_code.setMaxLength(20)
        self.bank_code.setPlaceholderText(self.tr("12 digits, optional"))
        grid = QGridLayout(self.contact_box)
        rows = (
            (self.tr("&Handler:"), self.handler, self.tr("Handler's &phone:"), self.handler_phone),
            (self.tr("Patent a&gency:"), self.patent_agency, "", None),
            (
                self.tr("A&ttorney:"),
                self.patent_attorney,
                self.tr("Attorney's p&hone:"),
                self.attorney_phone,
            ),
            (self.tr("Account &name:"), self.account_name, self.tr("&Bank:"), self.bank),
            (
                self.tr("Account number:"),
                self.account_number,
                self.tr("Bank code (&T):"),
                self.bank_code,
            ),
        )
        for row, (left, left_edit, right, right_edit) in enumerate(rows):
            label = QLabel(left)
            label.setBuddy(left_edit)
            grid.addWidget(label, row, 0)
            if right_edit is None:
                grid.addWidget(left_edit, row, 1, 1, 3)
                continue
            grid.addWidget(left_edit, row, 1)
            right_label = QLabel(right)
            right_label.setBuddy(right_edit)
            grid.addWidget(right_label, row, 2)
            grid.addWidget(right_edit, row, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        # Which typed characters no shipped font has (生僻字 beyond Extension F): they would
        # print as an empty box, so the clerk is told at the field, not on the paper.
        self.unprintable_status = QLabel()
        self.unprintable_status.setObjectName("unprintable_status")
        self.unprintable_status.setWordWrap(True)
        self.unprintable_status.hide()

        layout = QVBoxLayout(body)
        layout.addWidget(self.case_box)
        layout.addWidget(self.identity_box)
        layout.addWidget(self.contact_box)
        layout.addWidget(self.unprintable_status)
        layout.addStretch(1)
