"""办公会审定: the meeting's date and minute number, for one case or many at once."""

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


class ReviewMeetingView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setObjectName("meeting_intro")
        self.intro.setWordWrap(True)
        self.date = QDateEdit()
        self.date.setObjectName("meeting_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.minute = QLineEdit()
        self.minute.setObjectName("meeting_minute")
        self.minute.setPlaceholderText(self.tr("e.g. 璧市监办〔2024〕12号"))
        self.date_label = QLabel(self.tr("Meeting &date:"))
        self.date_label.setBuddy(self.date)
        self.minute_label = QLabel(self.tr("&Minute number:"))
        self.minute_label.setBuddy(self.minute)
        form = QFormLayout()
        form.addRow(self.date_label, self.date)
        form.addRow(self.minute_label, self.minute)
        self.message = QLabel()
        self.message.setObjectName("meeting_message")
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
