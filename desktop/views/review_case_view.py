"""A case as the supervisor reads it: the whole file, read-only, in tabs; the opinion and the
three decisions (approve, return, refuse) along the bottom."""

from __future__ import annotations

from desktop.qt import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table, record_header, scroll_area


def value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReviewCaseView(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_case")
        top = record_header("case_number", "case_status", "case_applicant", "waited")
        self.case_number, self.status, self.applicant = top.number, top.status, top.title
        self.waited = top.note
        header = top.layout

        self.four_eyes = QLabel()
        self.four_eyes.setObjectName("four_eyes")
        self.four_eyes.setWordWrap(True)
        self.four_eyes.setStyleSheet("color: #8a5300;")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("review_case_tabs")

        # -- the summary: everything a decision rests on, on one page --------------------------
        self.applicant_box = QGroupBox(self.tr("Applicant"))
        self.applicant_form = QFormLayout(self.applicant_box)
        self.applicant_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("name", self.tr("Name:")),
            ("credit_code", self.tr("Credit code:")),
            ("kind", self.tr("Kind and size:")),
            ("address", self.tr("Address:")),
            ("handler", self.tr("Handled by:")),
            ("agency", self.tr("Patent agency:")),
            ("account", self.tr("Bank account:")),
            ("received", self.tr("Received:")),
            ("clerk", self.tr("Registered by:")),
        ):
            field = value_label(f"field_{key}")
            self.fields[key] = field
            self.applicant_form.addRow(label, field)

        self.amount_box = QGroupBox(self.tr("Amount"))
        self.total = value_label("review_total")
        total_font = self.total.font()
        total_font.setBold(True)
        total_font.setPointSizeF(total_font.pointSizeF() * 1.15)
        self.total.setFont(total_font)
        self.capitals = value_label("review_capitals")
        self.result_note = value_label("result_note")
        amount_layout = QVBoxLayout(self.amount_box)
        amount_layout.addWidget(self.total)
        amount_layout.addWidget(self.capitals)
        amount_layout.addWidget(self.result_note)

        self.opinion_box = QGroupBox(self.tr("Clerk's opinion (初审)"))
        self.clerk_opinion = value_label("clerk_opinion")
        QVBoxLayout(self.opinion_box).addWidget(self.clerk_opinion)

        self.checks_box = QGroupBox(self.tr("Intake checks"))
        self.intake_checks = value_label("intake_checks")
        self.intake_checks.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.checks_box).addWidget(self.intake_checks)

        self.duplicates_box = QGroupBox(self.tr("Duplicate claims"))
        self.duplicates = value_label("duplicates")
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        QVBoxLayout(self.duplicates_box).addWidget(self.duplicates)

        summary = QWidget()
        summary.setObjectName("review_summary")
        left = QVBoxLayout()
        left.addWidget(self.applicant_box)
        left.addWidget(self.amount_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.opinion_box)
        right.addWidget(self.duplicates_box)
        right.addWidget(self.checks_box)
        right.addStretch(1)
        columns = QHBoxLayout(summary)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = scroll_area(summary, frame=False)
        self.tabs.addTab(scroll, self.tr("&1 Summary"))

        self.claims_table: QTableView = queue_table("review_claims")
        self.claims_table.setWordWrap(True)
        self.tabs.addTab(self.claims_table, self.tr("&2 Items"))
        self.materials_table: QTableView = queue_table("review_materials")
        self.materials_intro = QLabel()
        self.materials_intro.setWordWrap(True)
        materials = QWidget()
        materials_layout = QVBoxLayout(materials)
        materials_layout.addWidget(self.materials_intro)
        materials_layout.addWidget(self.materials_table, 1)
        self.tabs.addTab(materials, self.tr("&3 Materials"))
        # The calculation tab is the case window's own panel, added by the controller.
        self.history_table: QTableView = queue_table("review_history")
        self.history_table.setWordWrap(True)

        # -- the decision -----------------------------------------------------------------------
        self.opinion_label = QLabel(self.tr("My &opinion or reason:"))
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("review_opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(64)
        self.opinion_label.setBuddy(self.opinion)
        self.message = QLabel()
        self.message.setObjectName("review_message")
        self.message.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setObjectName("approve")
        self.return_button = QPushButton(self.tr("Re&turn to the clerk"))
        self.return_button.setObjectName("return")
        self.refuse_button = QPushButton(self.tr("Re&fuse"))
        self.refuse_button.setObjectName("refuse")
        self.meeting_button = QPushButton(self.tr("Record the &meeting decision…"))
        self.meeting_button.setObjectName("record_meeting")
        self.edit_button = QPushButton(self.tr("Open in the &case window"))
        self.edit_button.setObjectName("open_editor")
        self.edit_button.setToolTip(
            self.tr(
                "Recognition results and approved amounts (经认定, 核定金额) are set in the case "
                "window before approval."
            )
        )
        self.print_button = QPushButton(self.tr("&Print review opinion"))
        self.print_button.setObjectName("print_opinion")
        self.rule_case_button = QPushButton(self.tr("Save as a &test case…"))
        self.rule_case_button.setObjectName("save_rule_case")
        self.rule_case_button.setToolTip(
            self.tr(
                "Pin this application and its amounts as a test case of the policy "
                "(测算用例): the program is checked against it from then on."
            )
        )
        self.close_button = QPushButton(self.tr("Clos&e"))
        buttons = QHBoxLayout()
        for button in (
            self.approve_button,
            self.return_button,
            self.refuse_button,
            self.meeting_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.rule_case_button)
        buttons.addWidget(self.close_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.four_eyes)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.opinion_label)
        layout.addWidget(self.opinion)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
