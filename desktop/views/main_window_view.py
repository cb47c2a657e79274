"""The shell: navigation between areas on the left, the area on the right, menus, status bar."""

from __future__ import annotations

from desktop.qt import (
    QAction,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)


class MainWindowView(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(168)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigation.setFont(font)
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Back up the database…"), self)
        self.restore_action = QAction(self.tr("&Restore a backup…"), self)
        self.password_action = QAction(self.tr("&Change my password…"), self)
        self.logout_action = QAction(self.tr("&Log out"), self)
        self.exit_action = QAction(self.tr("E&xit"), self)
        self.exit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.import_action = QAction(self.tr("&Import applications from a workbook…"), self)
        self.template_action = QAction(self.tr("Save the intake &template…"), self)
        for action in (self.import_action, self.template_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.backup_action, self.restore_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.password_action)
        file_menu.addAction(self.logout_action)
        file_menu.addSeparator()
        file_menu.addAction(self.exit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About"), self)
        help_menu.addAction(self.about_action)

        self.user_label = QLabel()
        self.user_label.setObjectName("status_user")
        self.database_label = QLabel()
        self.database_label.setObjectName("status_database")
        self.year_label = QLabel()
        self.year_label.setObjectName("status_year")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.year_label)
