"""One window per cultivation project: a header with the reminders, six parts in tabs, the
steps on the right (with core's reason under the ones this user may not take), and the
save / print / close buttons along the bottom.

Layout only; the rows of units, budget lines and targets are added by the controller from
the policy (``add_unit_row``, ``add_money_row``, ``add_target_row``).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.qt import (
    QAction,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import CAUTION_STYLE, queue_table, record_header, scroll_area

PROBLEM_STYLE = "color: #b00020;"


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setVisible(False)
    return label


def line_edit(name: str, *, right: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if right:
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


@dataclass
class CustomTargetRow:
    """A target of the project's own: name, unit, value to reach, how it is verified."""

    label: QLineEdit
    unit: QLineEdit
    target: QLineEdit
    verification: QLineEdit
    problem: QLabel

    @property
    def edits(self) -> tuple[QLineEdit, ...]:
        return (self.label, self.unit, self.target, self.verification)


@dataclass
class UnitRow:
    lead: QRadioButton
    name: QLineEdit
    credit_code: QLineEdit
    kind: QComboBox
    remove: QPushButton
    problem: QLabel


@dataclass
class ValueRow:
    key: str
    label: QLabel
    edit: QLineEdit
    problem: QLabel


class ProjectEditorView(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("project_editor")
        top = record_header("project_number", "project_status", "project_heading", "dirty")
        self.number, self.status, self.heading = top.number, top.status, top.title
        self.dirty_label = top.note
        self.dirty_label.setStyleSheet(CAUTION_STYLE)
        header = top.layout
        self.reminders = QLabel()
        self.reminders.setObjectName("project_reminders")
        self.reminders.setWordWrap(True)
        self.reminders.setStyleSheet("color: #b00020;")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("project_tabs")
        self._application_tab()
        self._approval_tab()
        self._implementation_tab()
        self._targets_tab()
        self._money_tab()
        self._history_tab()

        # The steps, on the right of the tabs.
        self.steps_box = QGroupBox()
        self.steps_box.setObjectName("project_steps")
        self.steps_layout = QVBoxLayout(self.steps_box)
        self.steps_layout.setSpacing(4)
        self.records_box = QGroupBox()
        self.records_layout = QVBoxLayout(self.records_box)
        self.records_layout.setSpacing(4)
        self.refusals = QLabel()
        self.refusals.setObjectName("project_refusals")
        self.refusals.setWordWrap(True)
        self.refusals.setStyleSheet("color: #555555;")
        self.refusals.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.steps_box)
        side_layout.addWidget(self.records_box)
        side_layout.addWidget(self.refusals, 1)
        side.setMinimumWidth(230)
        side.setMaximumWidth(300)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.tabs)
        body.addWidget(side)
        body.setStretchFactor(0, 1)
        body.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setObjectName("editor_message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip("Ctrl+S")
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setObjectName("print")
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        self.close_button = QPushButton(self.tr("Clos&e"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.reminders)
        layout.addWidget(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.setCentralWidget(central)

    # -- 1 application ---------------------------------------------------------------------

    def _application_tab(self) -> None:
        page = QWidget()
        self.title = line_edit("title")
        self.field = line_edit("field")
        self.key_industry = line_edit("key_industry")
        self.technology_type = QComboBox()
        self.technology_type.setObjectName("technology_type")
        self.linked_project = line_edit("linked_project")
        self.received_on = date_edit("received_on")
        self.start = date_edit("start")
        self.end = date_edit("end")
        self.months = QLabel()
        self.months.setObjectName("period_months")
        self.own_funds = line_edit("own_funds", right=True)
        self.own_funds_words = QLabel()
        self.problem_labels: dict[str, QLabel] = {
            key: problem_label(f"problem_{key}")
            for key in (
                "title",
                "field",
                "key_industry",
                "technology_type",
                "linked_project",
                "received_on",
                "end",
                "own_funds",
                "units",
                "budget",
                "targets",
            )
        }
        project_box = QGroupBox(self.tr("Project"))
        form = QFormLayout(project_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def row(text: str, widget: QWidget, key: str) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            form.addRow("", self.problem_labels[key])

        row(self.tr("Project &title:"), self.title, "title")
        row(self.tr("Technical &field:"), self.field, "field")
        row(self.tr("&Key industry (第三条):"), self.key_industry, "key_industry")
        row(self.tr("Technology &type (第三条):"), self.technology_type, "technology_type")
        row(self.tr("&Linked major project:"), self.linked_project, "linked_project")
        row(self.tr("&Received on:"), self.received_on, "received_on")
        period = QHBoxLayout()
        period.addWidget(self.start)
        self.period_to = QLabel(self.tr("to"))
        period.addWidget(self.period_to)
        period.addWidget(self.end)
        period.addWidget(self.months, 1)
        period_label = QLabel(self.tr("&Period (第六条):"))
        period_label.setBuddy(self.start)
        form.addRow(period_label, period)
        form.addRow("", self.problem_labels["end"])
        funds = QHBoxLayout()
        funds.addWidget(self.own_funds, 1)
        funds.addWidget(self.own_funds_words, 1)
        funds_label = QLabel(self.tr("&Own funds (yuan, 第十二条):"))
        funds_label.setBuddy(self.own_funds)
        form.addRow(funds_label, funds)
        form.addRow("", self.problem_labels["own_funds"])

        self.units_box = QGroupBox(self.tr("Applicant units (第四条)"))
        self.units_grid = QGridLayout()
        self.units_grid.setColumnStretch(1, 3)
        self.units_grid.setColumnStretch(2, 2)
        for column, text in enumerate(
            (self.tr("Lead"), self.tr("Unit name"), self.tr("Credit code"), self.tr("Kind"))
        ):
            header = QLabel(text)
            header.setStyleSheet("font-weight: bold;")
            self.units_grid.addWidget(header, 0, column)
        self.unit_rows: list[UnitRow] = []
        self._unit_slots = 0
        self.add_unit_button = QPushButton(self.tr("Add a &joint unit"))
        self.add_unit_button.setObjectName("add_unit")
        units_layout = QVBoxLayout(self.units_box)
        units_layout.addLayout(self.units_grid)
        units_buttons = QHBoxLayout()
        units_buttons.addWidget(self.add_unit_button)
        units_buttons.addStretch(1)
        units_layout.addLayout(units_buttons)
        units_layout.addWidget(self.problem_labels["units"])

        self.budget_box = QGroupBox(self.tr("Fiscal budget by use (yuan, 第十一条)"))
        self.budget_form = QGridLayout(self.budget_box)
        self.budget_form.setColumnStretch(1, 1)
        self.budget_form.setColumnStretch(2, 2)
        self.budget_rows: list[ValueRow] = []
        self.budget_total = QLabel()
        self.budget_total.setObjectName("budget_total")

        self.targets_box = QGroupBox(self.tr("Quantified targets (第七条末; leave empty if none)"))
        self.targets_form = QGridLayout(self.targets_box)
        self.targets_form.setColumnStretch(1, 1)
        self.targets_form.setColumnStretch(2, 2)
        self.target_rows: list[ValueRow] = []
        self.custom_box = QGroupBox(
            self.tr("Targets of the project's own (第七条: name, unit, target, how verified)")
        )
        self.custom_grid = QGridLayout(self.custom_box)
        self.custom_grid.setColumnStretch(0, 2)
        self.custom_grid.setColumnStretch(3, 3)
        for column, text in enumerate(
            (self.tr("Name"), self.tr("Unit"), self.tr("Target"), self.tr("How it is verified"))
        ):
            self.custom_grid.addWidget(QLabel(text), 0, column)
        self.custom_target_rows: list[CustomTargetRow] = []

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(project_box)
        layout.addWidget(self.units_box)
        layout.addWidget(self.budget_box)
        layout.addWidget(self.targets_box)
        layout.addWidget(self.custom_box)
        layout.addStretch(1)
        scroll = scroll_area(content, frame=False)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scroll)
        self.application_page = page
        self.tabs.addTab(page, "")

    def add_unit_row(self, kinds: list[tuple[str, str]]) -> UnitRow:
        index = len(self.unit_rows)
        # Rows removed leave their grid rows behind: a new unit always goes below the last.
        self._unit_slots += 1
        grid_row = 2 * self._unit_slots - 1
        lead = QRadioButton()
        lead.setObjectName(f"unit_lead_{index}")
        name = line_edit(f"unit_name_{index}")
        code = line_edit(f"unit_code_{index}")
        code.setMaxLength(18)
        kind = QComboBox()
        kind.setObjectName(f"unit_kind_{index}")
        for code_value, label in kinds:
            kind.addItem(label, code_value)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"unit_remove_{index}")
        problem = problem_label(f"unit_problem_{index}")
        self.units_grid.addWidget(lead, grid_row, 0)
        self.units_grid.addWidget(name, grid_row, 1)
        self.units_grid.addWidget(code, grid_row, 2)
        self.units_grid.addWidget(kind, grid_row, 3)
        self.units_grid.addWidget(remove, grid_row, 4)
        self.units_grid.addWidget(problem, grid_row + 1, 1, 1, 4)
        unit = UnitRow(lead, name, code, kind, remove, problem)
        self.unit_rows.append(unit)
        return unit

    def remove_unit_row(self, unit: UnitRow) -> None:
        for widget in (
            unit.lead,
            unit.name,
            unit.credit_code,
            unit.kind,
            unit.remove,
            unit.problem,
        ):
            self.units_grid.removeWidget(widget)
            widget.deleteLater()
        self.unit_rows.remove(unit)

    def _value_row(self, grid: QGridLayout, rows: list[ValueRow], key: str, text: str) -> ValueRow:
        index = len(rows)
        label = QLabel(text)
        edit = line_edit(f"{key}", right=True)
        label.setBuddy(edit)
        problem = problem_label(f"problem_{key}")
        grid.addWidget(label, 2 * index, 0)
        grid.addWidget(edit, 2 * index, 1)
        grid.addWidget(problem, 2 * index + 1, 0, 1, 3)
        row = ValueRow(key, label, edit, problem)
        rows.append(row)
        return row

    def add_money_row(self, key: str, text: str) -> ValueRow:
        return self._value_row(self.budget_form, self.budget_rows, f"budget_{key}", text)

    def finish_budget(self) -> None:
        row = 2 * len(self.budget_rows)
        self.budget_form.addWidget(self.budget_total, row, 0, 1, 3)
        self.budget_form.addWidget(self.problem_labels["budget"], row + 1, 0, 1, 3)

    def add_target_row(self, key: str, text: str) -> ValueRow:
        return self._value_row(self.targets_form, self.target_rows, f"target_{key}", text)

    def add_custom_target_row(self) -> CustomTargetRow:
        index = len(self.custom_target_rows)
        edits = [
            line_edit(f"custom_{index}_{part}", right=part == "target")
            for part in ("label", "unit", "target", "verification")
        ]
        edits[1].setMaximumWidth(70)
        edits[2].setMaximumWidth(130)
        problem = problem_label(f"problem_custom_{index}")
        for column, edit in enumerate(edits):
            self.custom_grid.addWidget(edit, 1 + 2 * index, column)
        self.custom_grid.addWidget(problem, 2 + 2 * index, 0, 1, 4)
        row = CustomTargetRow(edits[0], edits[1], edits[2], edits[3], problem)
        self.custom_target_rows.append(row)
        return row

    def finish_targets(self) -> None:
        self.targets_form.addWidget(
            self.problem_labels["targets"], 2 * len(self.target_rows), 0, 1, 3
        )

    # -- 2 eligibility, evaluation, approval ---------------------------------------------------

    def _approval_tab(self) -> None:
        page = QWidget()
        self.conditions_table = queue_table("project_conditions")
        self.conditions_table.setWordWrap(True)
        self.evaluation_text = QLabel()
        self.evaluation_text.setObjectName("evaluation_text")
        self.task_book_text = QLabel()
        self.task_book_text.setObjectName("task_book_text")
        for label in (self.evaluation_text, self.task_book_text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        conditions = QGroupBox(self.tr("Eligibility check (第五条, condition by condition)"))
        QVBoxLayout(conditions).addWidget(self.conditions_table)
        evaluation = QGroupBox(self.tr("Evaluation"))
        QVBoxLayout(evaluation).addWidget(self.evaluation_text)
        task_book = QGroupBox(self.tr("Approval and task book"))
        QVBoxLayout(task_book).addWidget(self.task_book_text)
        layout = QVBoxLayout(page)
        layout.addWidget(conditions, 2)
        layout.addWidget(evaluation, 1)
        layout.addWidget(task_book, 1)
        self.tabs.addTab(page, "")

    # -- 3 implementation ---------------------------------------------------------------------

    def _implementation_tab(self) -> None:
        page = QWidget()
        self.reports_table = queue_table("project_reports")
        self.midterm_text = QLabel()
        self.midterm_text.setObjectName("midterm_text")
        self.requests_table = queue_table("project_requests")
        self.acceptance_text = QLabel()
        self.acceptance_text.setObjectName("acceptance_text")
        for label in (self.midterm_text, self.acceptance_text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reports = QGroupBox(self.tr("Progress reports (第八条)"))
        QVBoxLayout(reports).addWidget(self.reports_table)
        midterm = QGroupBox(self.tr("Mid-term evaluation (第九条)"))
        QVBoxLayout(midterm).addWidget(self.midterm_text)
        requests = QGroupBox(self.tr("Extension and termination requests (第八条)"))
        QVBoxLayout(requests).addWidget(self.requests_table)
        acceptance = QGroupBox(self.tr("Closure acceptance (第八条)"))
        QVBoxLayout(acceptance).addWidget(self.acceptance_text)
        layout = QVBoxLayout(page)
        layout.addWidget(reports, 3)
        layout.addWidget(midterm)
        layout.addWidget(requests, 2)
        layout.addWidget(acceptance)
        self.tabs.addTab(page, "")

    # -- 4 targets ---------------------------------------------------------------------------

    def _targets_tab(self) -> None:
        page = QWidget()
        self.targets_table = queue_table("project_targets")
        self.targets_note = QLabel()
        self.targets_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.targets_table, 1)
        layout.addWidget(self.targets_note)
        self.tabs.addTab(page, "")

    # -- 5 money -----------------------------------------------------------------------------

    def _money_tab(self) -> None:
        page = QWidget()
        self.instalments_text = QLabel()
        self.instalments_text.setObjectName("instalments_text")
        self.instalments_text.setWordWrap(True)
        self.budget_table = queue_table("project_budget")
        # The six 第十一条 uses without scrolling.
        self.budget_table.setMinimumHeight(7 * 26 + 6)
        self.spending_table = queue_table("project_spending")
        self.issues = QLabel()
        self.issues.setObjectName("spending_issues")
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet(PROBLEM_STYLE)
        instalments = QGroupBox(self.tr("Funding and instalments (第十条)"))
        QVBoxLayout(instalments).addWidget(self.instalments_text)
        budget = QGroupBox(self.tr("Budget and spending by use (第十一条)"))
        budget_layout = QVBoxLayout(budget)
        budget_layout.addWidget(self.budget_table)
        budget_layout.addWidget(self.issues)
        spending = QGroupBox(self.tr("Spending entries"))
        QVBoxLayout(spending).addWidget(self.spending_table)
        layout = QVBoxLayout(page)
        layout.addWidget(instalments)
        layout.addWidget(budget, 2)
        layout.addWidget(spending, 2)
        self.tabs.addTab(page, "")

    # -- 6 history ---------------------------------------------------------------------------

    def _history_tab(self) -> None:
        page = QWidget()
        self.events_table = queue_table("project_events")
        layout = QVBoxLayout(page)
        layout.addWidget(self.events_table)
        self.tabs.addTab(page, "")

    # -- buttons ----------------------------------------------------------------------------

    def add_step_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        self.steps_layout.addWidget(button)
        return button

    def add_record_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        self.records_layout.addWidget(button)
        return button

    def add_print_action(self, text: str) -> QAction:
        action = QAction(text, self)
        self.print_menu.addAction(action)
        return action


def table_of(view: QTableView, widths: tuple[int, ...]) -> None:
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
