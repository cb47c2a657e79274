"""One window per case: a header, five parts in tabs, and the actions along the bottom."""

from __future__ import annotations

from desktop.qt import (
    QAction,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import CAUTION_STYLE, record_header


class CaseEditorView(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_editor")
        top = record_header("case_number", "case_status", "case_applicant", "dirty")
        self.case_number, self.status, self.applicant = top.number, top.status, top.title
        self.dirty_label = top.note
        self.dirty_label.setStyleSheet(CAUTION_STYLE)
        header = top.layout

        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")

        self.message = QLabel()
        self.message.setObjectName("editor_message")
        self.message.setWordWrap(True)

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip("Ctrl+S")
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setObjectName("print")
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        self.close_button = QPushButton(self.tr("Clos&e"))
        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(6)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addLayout(self.actions_bar)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.setCentralWidget(central)

    def add_print_action(self, text: str) -> QAction:
        action = QAction(text, self)
        self.print_menu.addAction(action)
        return action

    def add_action_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        self.actions_bar.addWidget(button)
        return button
