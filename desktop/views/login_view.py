"""The login window: user name, password, and (for the demo database) who to log in as."""

from __future__ import annotations

from desktop.qt import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)


class LoginView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log in"))
        self.setMinimumWidth(440)

        self.heading = QLabel(self.tr("IP Subsidy Desk"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.issuer = QLabel()
        self.issuer.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.username_label = QLabel(self.tr("&User name:"))
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel(self.tr("&Password:"))
        self.password_label.setBuddy(self.password)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)

        # Errors and the lockout time left; empty (and so invisible) when all is well.
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.database = QLabel()
        self.database.setObjectName("database")
        self.database.setWordWrap(True)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Shown only for a demo database: the demo users and their passwords.
        self.demo_box = QFrame()
        self.demo_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.demo_title = QLabel(self.tr("Demo database — log in as one of these users:"))
        self.demo_users = QLabel()
        self.demo_users.setObjectName("demo_users")
        self.demo_users.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        demo_layout = QVBoxLayout(self.demo_box)
        demo_layout.addWidget(self.demo_title)
        demo_layout.addWidget(self.demo_users)
        self.demo_box.hide()

        self.buttons = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("&Log in"))
        self.login_button.setObjectName("login")
        self.login_button.setDefault(True)
        self.other_db_button = QPushButton(self.tr("&Open another database…"))
        self.server_button = QPushButton(self.tr("Database &server…"))
        self.server_button.setObjectName("server")
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other_db_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.server_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.issuer)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_box)
        layout.addWidget(self.status)
        layout.addWidget(self.database)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.login_button)
