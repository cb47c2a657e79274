"""A database that cannot be opened: what is wrong, and the ways out."""

from __future__ import annotations

from desktop.qt import QDialog, QHBoxLayout, QLabel, QPushButton, QStyle, Qt, QVBoxLayout, QWidget


class DbProblemView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database cannot be opened"))
        self.setMinimumWidth(520)
        self.icon = QLabel()
        self.icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        self.choose_button = QPushButton(self.tr("&Choose another database file…"))
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"))
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.quit_button = QPushButton(self.tr("&Quit"))

        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.message)
        text.addWidget(self.hint)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
