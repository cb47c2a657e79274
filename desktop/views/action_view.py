"""A workflow step that needs words: a reason, an opinion, a list, a date or a ground."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ActionView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.ground = QComboBox()
        self.ground.setObjectName("ground")
        # The grounds are long sentences of 五(一)2: the box shows what fits and the list
        # opens as wide as they need, so the label beside it is never squeezed out.
        self.ground.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ground.setMinimumContentsLength(24)
        self.text = QPlainTextEdit()
        self.text.setObjectName("action_text")
        self.text.setTabChangesFocus(True)
        self.due = QDateEdit()
        self.due.setObjectName("due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.also = QCheckBox()
        self.also.setObjectName("also")
        self.form = QFormLayout()
        self.ground_label = QLabel(self.tr("&Ground:"))
        self.ground_label.setBuddy(self.ground)
        self.text_label = QLabel()
        self.text_label.setBuddy(self.text)
        self.due_label = QLabel(self.tr("&Due by:"))
        self.due_label.setBuddy(self.due)
        self.form.addRow(self.ground_label, self.ground)
        self.form.addRow(self.text_label, self.text)
        self.form.addRow(self.due_label, self.due)
        self.form.addRow("", self.also)
        self.message = QLabel()
        self.message.setObjectName("action_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
