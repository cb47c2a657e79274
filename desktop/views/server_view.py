"""Connecting to the bureau's database server: its address, the user and the password."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ServerView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to the database server"))
        self.setMinimumWidth(520)
        self.intro = QLabel(
            self.tr(
                "Several counters share one database on the bureau's server. Enter the address "
                'your administrator gave you (see the installation guide, "Several counters").'
            )
        )
        self.intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.10.5 or ipdesk-server"))
        self.port = QLineEdit()
        self.port.setObjectName("port")
        self.port.setPlaceholderText("5432")
        self.port.setMaxLength(5)
        self.database = QLineEdit()
        self.database.setObjectName("database")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password in this PC's credential store"))
        self.remember.setObjectName("remember")
        form = QFormLayout()
        self.host_label = QLabel(self.tr("Server &address:"))
        self.port_label = QLabel(self.tr("P&ort:"))
        self.database_label = QLabel(self.tr("&Database:"))
        self.user_label = QLabel(self.tr("&User name:"))
        self.password_label = QLabel(self.tr("&Password:"))
        for label, edit in (
            (self.host_label, self.host),
            (self.port_label, self.port),
            (self.database_label, self.database),
            (self.user_label, self.user),
            (self.password_label, self.password),
        ):
            label.setBuddy(edit)
            form.addRow(label, edit)
        form.addRow("", self.remember)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setObjectName("connect")
        self.connect_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
