"""系统管理 · 备份与恢复: when the last backup was made, backing up to a folder (a USB stick),
and restoring a backup after checking it."""

from __future__ import annotations

from desktop.qt import QGroupBox, QLabel, QPushButton, Qt, QVBoxLayout, QWidget


class AdminBackupView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup_box = QGroupBox(self.tr("Backup"))
        self.last = QLabel()
        self.last.setObjectName("last_backup")
        self.last.setWordWrap(True)
        self.last.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due = QLabel()
        self.due.setObjectName("backup_due")
        self.due.setWordWrap(True)
        self.backup_intro = QLabel(
            self.tr(
                "Back up at least once a week to a USB stick or another disk kept away from this "
                "PC. The copy is made while the program stays open, and checked before it is "
                "kept."
            )
        )
        self.backup_intro.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up to a folder…"))
        self.backup_button.setObjectName("backup_to_folder")
        backup = QVBoxLayout(self.backup_box)
        backup.addWidget(self.backup_intro)
        backup.addWidget(self.last)
        backup.addWidget(self.due)
        backup.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.restore_box = QGroupBox(self.tr("Restore"))
        self.restore_intro = QLabel(
            self.tr(
                "Restoring replaces everything in the database in use by the backup: cases, "
                "users, notices and the audit log. The backup is checked first (its integrity "
                "and its audit chain), and a safety copy of the current database is kept."
            )
        )
        self.restore_intro.setWordWrap(True)
        self.current = QLabel()
        self.current.setObjectName("current_database")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("&Restore a backup…"))
        self.restore_button.setObjectName("restore_backup")
        restore = QVBoxLayout(self.restore_box)
        restore.addWidget(self.restore_intro)
        restore.addWidget(self.current)
        restore.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.message = QLabel()
        self.message.setObjectName("backup_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.backup_box)
        layout.addWidget(self.restore_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
