"""培育项目: the filters, the list of projects, the reminders due, and the buttons."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class ProjectsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(
            self.tr(
                "Municipal high-value patent cultivation projects (渝知发〔2024〕67号) followed "
                "by the bureau: from the application to the closure acceptance."
            )
        )
        self.intro.setWordWrap(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("project_status_filter")
        self.status_filter.setMinimumContentsLength(12)
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status_filter)
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("project_year_filter")
        self.year_filter.setMinimumContentsLength(8)
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year_filter)
        self.search = QLineEdit()
        self.search.setObjectName("project_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Number, title, unit or credit code"))
        search_label = QLabel(self.tr("&Find:"))
        search_label.setBuddy(self.search)
        self.attention = QCheckBox(self.tr("Only those needing &attention"))
        self.attention.setObjectName("project_attention")
        filters = QHBoxLayout()
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addSpacing(8)
        filters.addWidget(year_label)
        filters.addWidget(self.year_filter)
        filters.addSpacing(8)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addSpacing(8)
        filters.addWidget(self.attention)

        self.table = queue_table("project_list")
        self.reminders_box = QGroupBox()
        self.reminders_box.setObjectName("project_reminders_box")
        self.reminder_table = queue_table("project_reminders")
        self.today_label = QLabel()
        self.today_label.setObjectName("project_today")
        reminders_layout = QVBoxLayout(self.reminders_box)
        reminders_layout.addWidget(self.reminder_table, 1)
        reminders_layout.addWidget(self.today_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reminders_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.summary = QLabel()
        self.summary.setObjectName("project_summary")
        self.new_button = QPushButton(self.tr("&New project…"))
        self.new_button.setObjectName("new_project")
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open_project")
        self.export_button = QPushButton(self.tr("E&xport all projects…"))
        self.export_button.setObjectName("export_projects")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refresh_projects")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        for first, second in (
            (self.status_filter, self.year_filter),
            (self.year_filter, self.search),
            (self.search, self.attention),
            (self.attention, self.table),
            (self.table, self.reminder_table),
            (self.reminder_table, self.refresh_button),
            (self.refresh_button, self.export_button),
            (self.export_button, self.open_button),
            (self.open_button, self.new_button),
        ):
            QWidget.setTabOrder(first, second)
