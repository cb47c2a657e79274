"""系统管理 · 完整性检查: SQLite's integrity check and the audit chain, with the result."""

from __future__ import annotations

from desktop.qt import QLabel, QPlainTextEdit, QPushButton, Qt, QVBoxLayout, QWidget


class AdminIntegrityView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(
            self.tr(
                "Checks every page of the database file (PRAGMA integrity_check) and walks the "
                "audit log from its first record, recomputing each record's hash: an edit, a "
                "deletion or damage is named by its record number."
            )
        )
        self.intro.setWordWrap(True)
        self.check_button = QPushButton(self.tr("&Check now"))
        self.check_button.setObjectName("check_integrity")
        self.verdict = QLabel()
        self.verdict.setObjectName("integrity_verdict")
        self.verdict.setWordWrap(True)
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self.result = QPlainTextEdit()
        self.result.setObjectName("integrity_result")
        self.result.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.verdict)
        layout.addWidget(self.result, 1)
