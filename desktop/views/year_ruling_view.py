"""年度核定: the year's budget, approved total and one ratio, every approved case before and
after it, and the button that fixes it."""

from __future__ import annotations

from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table
from desktop.views.notice_batch_view import figure_grid


class YearRulingView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("year_ruling")
        self.setMinimumSize(900, 620)
        self.intro = QLabel(
            self.tr(
                "Seed 002 (4) prorates over the budget with one ratio for the whole year. After "
                "the application deadline the year ruling fixes that ratio over every approved "
                "case; notices and payouts follow it. It can be made again, to take in cases "
                "decided since, until the first payment under it."
            )
        )
        self.intro.setWordWrap(True)
        self.figures_box, self.figures, self.explanation = figure_grid(
            self.tr("The year"),
            "year_",
            (
                ("budget", self.tr("Programme budget:")),
                ("approved", self.tr("Approved total:")),
                ("paid_before", self.tr("Paid before the ruling:")),
                ("ratio", self.tr("The year's ratio:")),
                ("total", self.tr("At the ratio:")),
                ("pending", self.tr("Cases still in review:")),
            ),
            "year_explanation",
        )
        self.in_force = QLabel()
        self.in_force.setObjectName("ruling_in_force")
        self.in_force.setWordWrap(True)
        self.lines_table = queue_table("year_lines")
        self.message = QLabel()
        self.message.setObjectName("year_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5300;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.rule_button = self.buttons.addButton(
            self.tr("&Fix the year's ratio"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.rule_button.setObjectName("make_year_ruling")

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.figures_box)
        layout.addWidget(self.in_force)
        layout.addWidget(self.lines_table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
