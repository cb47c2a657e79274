"""统计: the programme chosen, the targets with progress bars, amounts by item and by month,
budget use, and the payouts chart; export to Excel."""

from __future__ import annotations

from desktop.qt import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table
from desktop.views.statistics_chart import StatisticsChart


class StatisticsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.programme = QComboBox()
        self.programme.setObjectName("programme")
        self.programme_label = QLabel(self.tr("&Programme:"))
        self.programme_label.setBuddy(self.programme)
        self.summary = QLabel()
        self.summary.setObjectName("statistics_summary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.export_button = QPushButton(self.tr("E&xport to Excel…"))
        self.export_button.setObjectName("export_statistics")
        top = QHBoxLayout()
        top.addWidget(self.programme_label)
        top.addWidget(self.programme)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.hint = QLabel(
            self.tr(
                "Counted: cases paid, claims the review found eligible. Double-click any figure "
                "for the cases behind it."
            )
        )
        self.hint.setObjectName("statistics_hint")
        self.hint.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("statistics_tabs")
        self.targets_table = queue_table("targets")
        self.targets_table.verticalHeader().setDefaultSectionSize(28)
        self.tabs.addTab(self.targets_table, self.tr("&1 Targets"))

        amounts = QWidget()
        self.items_table = queue_table("by_item")
        self.months_table = queue_table("by_month")
        self.budget_box = QGroupBox(self.tr("Budget use"))
        self.budget_form = QFormLayout(self.budget_box)
        self.budget_labels: dict[str, QLabel] = {}
        for key, text in (
            ("budget", self.tr("Programme budget:")),
            ("held", self.tr("Held or paid by notices:")),
            ("awarded", self.tr("Approved for the cases paid:")),
            ("paid", self.tr("Paid:")),
            ("share", self.tr("Share of the budget paid:")),
            ("remaining", self.tr("Not yet paid:")),
        ):
            label = QLabel()
            label.setObjectName(f"budget_{key}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.budget_labels[key] = label
            self.budget_form.addRow(text, label)
        self.budget_cases = QPushButton(self.tr("&Cases paid…"))
        self.budget_form.addRow(self.budget_cases)
        right = QVBoxLayout()
        right.addWidget(self.months_table, 1)
        right.addWidget(self.budget_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.items_table)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(amounts).addWidget(splitter)
        self.tabs.addTab(amounts, self.tr("&2 Amounts and budget"))

        chart_page = QWidget()
        self.by_month = QRadioButton(self.tr("By &month, stacked by item"))
        self.by_month.setObjectName("chart_by_month")
        self.by_item = QRadioButton(self.tr("By &item"))
        self.by_item.setObjectName("chart_by_item")
        self.by_month.setChecked(True)
        chart_top = QHBoxLayout()
        chart_top.addWidget(self.by_month)
        chart_top.addWidget(self.by_item)
        chart_top.addStretch(1)
        self.chart_note = QLabel()
        self.chart_note.setObjectName("chart_note")
        chart_top.addWidget(self.chart_note)
        self.chart = StatisticsChart()
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.addLayout(chart_top)
        chart_layout.addWidget(self.chart, 1)
        self.tabs.addTab(chart_page, self.tr("&3 Payouts chart"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
