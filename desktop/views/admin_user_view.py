"""A user: name, password (typed twice) and roles — the fields the action needs."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class AdminUserView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setObjectName("user_intro")
        self.intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = QLabel(self.tr("&User name:"))
        self.username_label.setBuddy(self.username)
        self.display_label = QLabel(self.tr("&Name:"))
        self.display_label.setBuddy(self.display_name)
        self.password_label = QLabel(self.tr("&Password:"))
        self.password_label.setBuddy(self.password)
        self.repeat_label = QLabel(self.tr("Pass&word again:"))
        self.repeat_label.setBuddy(self.repeat)
        self.roles_label = QLabel(self.tr("Roles:"))
        self.role_boxes: dict[str, QCheckBox] = {}
        roles = QVBoxLayout()
        for role, text in (
            ("clerk", self.tr("&Clerk (窗口经办)")),
            ("supervisor", self.tr("Super&visor (审核人)")),
            ("admin", self.tr("Ad&ministrator (系统管理员)")),
        ):
            box = QCheckBox(text)
            box.setObjectName(f"role_{role}")
            self.role_boxes[role] = box
            roles.addWidget(box)
        self.form = QFormLayout()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.display_label, self.display_name)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.repeat_label, self.repeat)
        self.form.addRow(self.roles_label, roles)
        self.message = QLabel()
        self.message.setObjectName("user_message")
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
