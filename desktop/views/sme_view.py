"""The SME helper: industry and the three indicators in, core's size and reasons out."""

from __future__ import annotations

from desktop.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class SmeView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enterprise size (SME classification)"))
        self.setMinimumSize(560, 460)
        self.industry = QComboBox()
        self.industry.setObjectName("industry")
        self.employees = QSpinBox()
        self.employees.setObjectName("employees")
        self.employees.setRange(0, 10_000_000)
        self.employees.setGroupSeparatorShown(True)
        self.revenue = QLineEdit()
        self.revenue.setObjectName("revenue")
        self.revenue.setPlaceholderText(self.tr("yuan, from last year's accounts"))
        self.assets = QLineEdit()
        self.assets.setObjectName("assets")
        self.assets.setPlaceholderText(self.tr("yuan, from last year's accounts"))
        form = QFormLayout()
        form.addRow(self.tr("&Industry:"), self.industry)
        form.addRow(self.tr("&Employees:"), self.employees)
        form.addRow(self.tr("&Revenue (yuan):"), self.revenue)
        form.addRow(self.tr("Total &assets (yuan):"), self.assets)
        self.classify_button = QPushButton(self.tr("&Classify"))
        self.classify_button.setObjectName("classify")
        self.result_label = QLabel()
        self.result_label.setObjectName("sme_result")
        font = self.result_label.font()
        font.setBold(True)
        self.result_label.setFont(font)
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("sme_explanation")
        self.buttons = QDialogButtonBox()
        self.use_button = self.buttons.addButton(
            self.tr("&Use this size"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.classify_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.explanation, 1)
        layout.addWidget(self.buttons)
