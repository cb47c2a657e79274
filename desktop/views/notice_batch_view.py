"""A new notice batch: choose the decided cases and the period, and see — before anything is
saved — the budget, what earlier batches hold, the ratio, and each case before and after."""

from __future__ import annotations

from desktop.qt import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


def figure_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def figure_grid(
    title: str, prefix: str, named: tuple[tuple[str, str], ...], explanation: str
) -> tuple[QGroupBox, dict[str, QLabel], QLabel]:
    """A box of labelled figures, three to a row, with an explanation under them; the figures'
    object names are ``prefix`` + key, the explanation's ``explanation``."""
    box = QGroupBox(title)
    grid = QGridLayout(box)
    figures: dict[str, QLabel] = {}
    for position, (key, text) in enumerate(named):
        label = figure_label(f"{prefix}{key}")
        figures[key] = label
        row, column = divmod(position, 3)
        grid.addWidget(QLabel(text), row, column * 2)
        grid.addWidget(label, row, column * 2 + 1)
    for column in (1, 3, 5):
        grid.setColumnStretch(column, 1)
    note = QLabel()
    note.setObjectName(explanation)
    note.setWordWrap(True)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    grid.addWidget(note, (len(named) + 2) // 3, 0, 1, 6)
    return box, figures, note


class NoticeBatchView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_batch")
        self.setMinimumSize(960, 680)
        self.intro = QLabel(
            self.tr(
                "Cases decided by the bureau meeting and not yet on notice. Tick the cases for "
                "this batch: the figures below are worked out by the program as you tick, and "
                "nothing is saved until you create the batch."
            )
        )
        self.intro.setWordWrap(True)
        self.candidates_table = queue_table("candidates")
        self.tick_all_button = QPushButton(self.tr("Tick &all"))
        self.start = QDateEdit()
        self.start.setObjectName("notice_start")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.days = QSpinBox()
        self.days.setObjectName("notice_days")
        self.days.setRange(1, 30)
        self.start_label = QLabel(self.tr("Notice &starts:"))
        self.start_label.setBuddy(self.start)
        self.days_label = QLabel(self.tr("&Working days:"))
        self.days_label.setBuddy(self.days)
        self.end = QLabel()
        self.end.setObjectName("notice_end")
        period = QHBoxLayout()
        period.addWidget(self.start_label)
        period.addWidget(self.start)
        period.addSpacing(12)
        period.addWidget(self.days_label)
        period.addWidget(self.days)
        period.addSpacing(12)
        period.addWidget(self.end, 1)
        period.addWidget(self.tick_all_button)

        self.figures_box, self.figures, self.explanation = figure_grid(
            self.tr("Budget and proration"),
            "figure_",
            (
                ("budget", self.tr("Programme budget:")),
                ("used", self.tr("Held by earlier batches:")),
                ("remaining", self.tr("Budget left:")),
                ("requested", self.tr("Approved in this batch:")),
                ("ratio", self.tr("Proration ratio:")),
                ("total", self.tr("This batch on notice:")),
            ),
            "explanation",
        )

        self.preview_table = queue_table("preview_lines")
        self.message = QLabel()
        self.message.setObjectName("batch_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.candidates_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.figures_box)
        bottom_layout.addWidget(self.preview_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        form = QFormLayout()
        form.addRow(period)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
