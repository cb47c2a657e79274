"""系统管理 · 用户: the users and what an administrator does to them."""

from __future__ import annotations

from desktop.qt import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from desktop.views.common import queue_table


class AdminUsersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(
            self.tr(
                "Users are never deleted, so that every record keeps the name of who did it: a "
                "user who leaves is deactivated. A new or reset password must be changed at the "
                "next login."
            )
        )
        self.intro.setWordWrap(True)
        self.table = queue_table("users")
        self.add_button = QPushButton(self.tr("&Add a user…"))
        self.add_button.setObjectName("add_user")
        self.password_button = QPushButton(self.tr("Reset the &password…"))
        self.password_button.setObjectName("reset_password")
        self.roles_button = QPushButton(self.tr("&Roles…"))
        self.roles_button.setObjectName("set_roles")
        self.deactivate_button = QPushButton(self.tr("&Deactivate"))
        self.deactivate_button.setObjectName("deactivate")
        self.reactivate_button = QPushButton(self.tr("Re&activate"))
        self.reactivate_button.setObjectName("reactivate")
        self.message = QLabel()
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.password_button,
            self.roles_button,
            self.deactivate_button,
            self.reactivate_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
