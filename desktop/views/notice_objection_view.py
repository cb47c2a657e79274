"""An objection to a case on notice: recording it, or handling it (upheld or not)."""

from __future__ import annotations

from desktop.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
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
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.dismiss)
        self.choice.addButton(self.uphold)
        self.text_label = QLabel()
        self.text = QPlainTextEdit()
        self.text.setObjectName("objection_input")
        self.text.setTabChangesFocus(True)
        self.text_label.setBuddy(self.text)
        form = QFormLayout()
        form.addRow(self.objection)
        form.addRow(self.dismiss)
        form.addRow(self.uphold)
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
        layout.addWidget(self.buttons)
