"""First run: where the database lives, then the administrator account."""

from __future__ import annotations

from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class SetupView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("First-time setup"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()

        # Page 1: the database file.
        self.location_page = QWidget()
        self.location_intro = QLabel(
            self.tr(
                "Welcome. Choose where the database file is kept. Keep it on this PC's local "
                "disk and back it up regularly (File → Back up the database). An existing database file "
                "may also be chosen."
            )
        )
        self.location_intro.setWordWrap(True)
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.browse_button = QPushButton(self.tr("&Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(self.browse_button)
        location_form = QFormLayout()
        self.location_label = QLabel(self.tr("&Database file:"))
        self.location_label.setBuddy(self.location)
        location_form.addRow(self.location_label, row)
        page1 = QVBoxLayout(self.location_page)
        page1.addWidget(self.location_intro)
        page1.addLayout(location_form)
        page1.addStretch(1)

        # Page 2: the administrator.
        self.admin_page = QWidget()
        self.admin_intro = QLabel(
            self.tr(
                "Create the system administrator. The administrator adds the clerks and "
                "supervisors and manages backups."
            )
        )
        self.admin_intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("admin_name")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("admin_repeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form = QFormLayout()
        admin_form.addRow(self.tr("&User name:"), self.username)
        admin_form.addRow(self.tr("&Full name:"), self.display_name)
        admin_form.addRow(self.tr("&Password:"), self.password)
        admin_form.addRow(self.tr("&Repeat password:"), self.repeat)
        page2 = QVBoxLayout(self.admin_page)
        page2.addWidget(self.admin_intro)
        page2.addLayout(admin_form)
        page2.addStretch(1)

        self.pages.addWidget(self.location_page)
        self.pages.addWidget(self.admin_page)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Quit"))
        self.buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
