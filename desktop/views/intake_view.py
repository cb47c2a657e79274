"""受理审查: the six 不予受理 grounds of 五(一)2, each decided or checked."""

from __future__ import annotations

from desktop.qt import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class IntakeView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.intro = QLabel(
            self.tr(
                "An application is not accepted on any of these grounds. The program decides the "
                "grounds that follow from dates and the claims; the clerk checks the others and "
                "records what was found and where it was looked up."
            )
        )
        self.intro.setWordWrap(True)
        self.grounds_box = QGroupBox(self.tr("Grounds for not accepting (五(一)2)"))
        self.grid = QGridLayout(self.grounds_box)
        self.grid.setColumnStretch(1, 1)
        self.explanation_label = QLabel(self.tr("The calculation says:"))
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("intake_explanation")
        self.explanation.setMaximumHeight(120)
        layout = QVBoxLayout(body)
        layout.addWidget(self.intro)
        layout.addWidget(self.grounds_box)
        layout.addWidget(self.explanation_label)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
