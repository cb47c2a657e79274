"""An objection to a case on notice: recording its facts (who, contact, date received,
substance), or handling it (upheld, not upheld, or the amount changed, with the finding)."""

from __future__ import annotations

from desktop.qt import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class NoticeObjectionView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.intro = QLabel()
        self.intro.setObjectName("objection_intro")
        self.intro.setWordWrap(True)
        self.objection = QLabel()
        self.objection.setObjectName("objection_text")
        self.objection.setWordWrap(True)
        self.dismiss = QRadioButton(self.tr("&Not upheld: the case goes on"))
        self.dismiss.setObjectName("not_upheld")
        self.uphold = QRadioButton(self.tr("&Upheld: the case is refused (不予资助)"))
        self.uphold.setObjectName("upheld")
        self.change = QRadioButton(self.tr("Partly upheld: &change the amount to"))
        self.change.setObjectName("amount_changed")
        self.amount = QLineEdit()
        self.amount.setObjectName("objection_amount")
        self.amount.setPlaceholderText(self.tr("yuan, below the approved amount"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.dismiss)
        self.choice.addButton(self.uphold)
        self.choice.addButton(self.change)
        self.objector = QLineEdit()
        self.objector.setObjectName("objector")
        self.objector.setPlaceholderText(
            self.tr("organisation or name; 匿名 for an anonymous letter")
        )
        self.objector_label = QLabel(self.tr("Ob&jector:"))
        self.objector_label.setBuddy(self.objector)
        self.contact = QLineEdit()
        self.contact.setObjectName("objector_contact")
        self.contact_label = QLabel(self.tr("Con&tact:"))
        self.contact_label.setBuddy(self.contact)
        self.received_on = QDateEdit()
        self.received_on.setObjectName("objection_received_on")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_label = QLabel(self.tr("Recei&ved on:"))
        self.received_label.setBuddy(self.received_on)
        self.print_button = QPushButton(self.tr("&Print the handling record"))
        self.print_button.setObjectName("print_objection_record")
        self.text_label = QLabel()
        self.text = QPlainTextEdit()
        self.text.setObjectName("objection_input")
        self.text.setTabChangesFocus(True)
        self.text_label.setBuddy(self.text)
        form = QFormLayout()
        form.addRow(self.objection)
        form.addRow(self.objector_label, self.objector)
        form.addRow(self.contact_label, self.contact)
        form.addRow(self.received_label, self.received_on)
        form.addRow(self.dismiss)
        form.addRow(self.uphold)
        form.addRow(self.change, self.amount)
        form.addRow(self.text_label, self.text)
        self.message = QLabel()
        self.message.setObjectName("objection_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.print_button)
        layout.addWidget(self.buttons)
