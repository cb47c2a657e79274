"""The entry form of one claim: one row per fact the policy declares, each with its check."""

from __future__ import annotations

from desktop.qt import QFormLayout, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5300;"


class FactFormView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("claim_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.standard = QLabel()
        self.standard.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The engine's verdict on this claim (window, conditions, best-of), after each recompute.
        self.assessment = QLabel()
        self.assessment.setObjectName("assessment")
        self.assessment.setWordWrap(True)
        self.assessment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.standard)
        layout.addLayout(self.form)
        layout.addWidget(self.assessment)
        layout.addStretch(1)

    def add_row(self, label: str, editor: QWidget, status: QLabel) -> QLabel:
        """A labelled row: the editor, and beside it the live result of its check."""
        caption = QLabel(f"{label}：")
        caption.setBuddy(editor)
        caption.setWordWrap(True)
        status.setWordWrap(True)
        status.setMinimumWidth(160)
        row = QHBoxLayout()
        row.addWidget(editor, 3)
        row.addWidget(status, 2)
        self.form.addRow(caption, row)
        return caption

    def clear_rows(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
