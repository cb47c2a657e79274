"""The dialog of one step of a project (or a recording: spending, actual values): a heading,
the fields in a form, the problems found as typed, OK and Cancel. The controller adds the
fields the step needs."""

from __future__ import annotations

from desktop.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import scroll_area


class ProjectStepView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("project_step")
        self.heading = QLabel()
        self.heading.setObjectName("step_heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setObjectName("step_intro")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(self.form)
        column.addStretch(1)  # the fields at the top, not spread over the height
        scroll = scroll_area(content)
        self.problems = QLabel()
        self.problems.setObjectName("step_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("step_ok")
        self.ok_button.setAutoDefault(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
