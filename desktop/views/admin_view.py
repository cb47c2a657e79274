"""系统管理: the administrator's pages in tabs."""

from __future__ import annotations

from desktop.qt import QLabel, QTabWidget, QVBoxLayout, QWidget


class AdminView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = QLabel()
        self.reminder.setObjectName("backup_reminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(
            "color: #b00020; background: #fdecea; padding: 6px; border-radius: 3px;"
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reminder)
        layout.addWidget(self.tabs, 1)
