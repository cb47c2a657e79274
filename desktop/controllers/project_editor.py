"""One window per cultivation project: the application (editable until approval), the checks
and decisions, the implementation, the targets, the money and the history; the steps.

What this controller decides is only UI: when to check (as typed), when to write the recovery
draft (every change), what to ask before closing, which button shows which step. Every rule —
a valid application, which steps this user may take and why not, the reminders, the spending
flags, the forms — is core's (``core.projects``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

from core.projects.model import RECORD_ACTUALS, RECORD_SPENDING
from desktop import messages, recovery
from desktop.controllers.editor_window import EditorWindow
from desktop.controllers.project_printing import ProjectFormKind, preview_project_form
from desktop.controllers.project_steps import (
    ProjectStepDialog,
    refusal_text,
    step_button_text,
)
from desktop.keyboard import EnterMovesOn
from desktop.models.project_table_model import (
    ProjectBudgetModel,
    ProjectConditionModel,
    ProjectEventModel,
    ProjectReportModel,
    ProjectRequestModel,
    ProjectSpendingModel,
    ProjectTargetModel,
)
from desktop.qt import (
    QApplication,
    QKeySequence,
    QPushButton,
    QShortcut,
    Qt,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
)
from desktop.views.project_editor_view import ProjectEditorView, UnitRow, table_of

if TYPE_CHECKING:
    from core.projects.changes import ProjectChanges
    from core.projects.checks import StepState
    from core.projects.model import AllowedProjectActions, ProjectDetail, ProjectForm
    from core.projects.policy import ProjectPolicy
    from desktop.context import DeskContext
    from desktop.controllers.pdf_preview import PdfPreview

DRAFT_KIND = "projects"
# Rows for targets of the project's own (issue 16 §7); a task book rarely needs more.
CUSTOM_TARGET_ROWS = 3
CUSTOM_PARTS = ("label", "unit", "target", "verification")
PROJECT_EDITOR_GEOMETRY = "project_editor/geometry"
# Steps shown as buttons in each status (the rules' table), plus the closure instalment from
# the start of implementation on, so a clerk sees why it is not payable yet (第十条).
EXTRA_STEPS = {"in_progress": ("pay_closure",)}


def project_key(project_id: int) -> str:
    return f"project-{project_id}"


class ProjectEditor(EditorWindow, ProjectEditorView):
    """``saved(ProjectChanges)`` after any write; ``registered(id)`` when a new project gets
    its number; ``closed`` when the window goes."""

    DRAFT_KIND = DRAFT_KIND
    GEOMETRY_KEY = PROJECT_EDITOR_GEOMETRY
    DEFAULT_SIZE = (1180, 800)

    saved = Signal(object)
    registered = Signal(int)
    closed = Signal()

    def __init__(
        self,
        context: DeskContext,
        project_id: int | None,
        parent: QWidget | None = None,
        *,
        offer_draft: bool = True,
    ) -> None:
        super().__init__(parent)
        from core.db.clock import local_today
        from core.projects.checks import current_project_policy

        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.project_id = project_id
        self.detail: ProjectDetail | None = None
        self.allowed: AllowedProjectActions | None = None
        self.states: dict[Any, StepState] = {}
        self.today = local_today(context.db.clock)
        self.policy: ProjectPolicy = current_project_policy()
        if project_id is not None:
            from core.projects.policy import load_project_policy
            from core.projects.queries import get_project

            self.policy = load_project_policy(get_project(context.db, project_id).policy_id)
        self.dirty = False
        self._loading = True
        self.draft_key = project_key(project_id) if project_id is not None else recovery.new_key()
        self.previews: list[PdfPreview] = []
        self.dialog: ProjectStepDialog | None = None

        self.tabs.setTabText(0, self.tr("&1 Application"))
        self.tabs.setTabText(1, self.tr("&2 Checks and approval"))
        self.tabs.setTabText(2, self.tr("&3 Implementation"))
        self.tabs.setTabText(3, self.tr("&4 Targets"))
        self.tabs.setTabText(4, self.tr("&5 Money"))
        self.tabs.setTabText(5, self.tr("&6 History"))
        self.steps_box.setTitle(self.tr("Steps"))
        self.records_box.setTitle(self.tr("Record"))
        self._build_application()
        self._build_tables()

        self.step_buttons: dict[str, QPushButton] = {}
        from core.projects.rules import ProjectAction

        for action in ProjectAction:
            button = self.add_step_button(step_button_text(action.value), f"step_{action.value}")
            qconnect(button.clicked, lambda _=False, a=action.value: self.run_step(a))
            self.step_buttons[action.value] = button
        for record in (RECORD_SPENDING, RECORD_ACTUALS):
            button = self.add_record_button(step_button_text(record), record)
            qconnect(button.clicked, lambda _=False, r=record: self.run_step(r))
            self.step_buttons[record] = button
        self.print_actions = {}
        for kind in ProjectFormKind:
            act = self.add_print_action(kind.title)
            qconnect(act.triggered, lambda _=False, k=kind: self.print_form(k))
            self.print_actions[kind] = act

        qconnect(self.save_button.clicked, self.save)
        qconnect(self.close_button.clicked, self.close)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        qconnect(save_shortcut.activated, self.save)
        self.enter_filter = EnterMovesOn(self)
        self.enter_filter.install(self)

        self.load()
        if offer_draft:
            self.offer_draft()
        self._loading = False
        self._restore_geometry()

    # -- building ------------------------------------------------------------------------------

    def _build_application(self) -> None:
        from core.projects.model import TechnologyType

        for technology in TechnologyType:
            self.technology_type.addItem(technology.label, technology.value)
        for category in self.policy.fund_categories.values():
            row = self.add_money_row(category.code, f"{category.text}：")
            qconnect(row.edit.textChanged, lambda _: self._changed())
        self.finish_budget()
        for metric in self.policy.target_metrics.values():
            row = self.add_target_row(metric.code, f"{metric.label}（{metric.unit}）：")
            row.label.setToolTip(metric.goal)
            qconnect(row.edit.textChanged, lambda _: self._changed())
        self.finish_targets()
        for _ in range(CUSTOM_TARGET_ROWS):
            custom = self.add_custom_target_row()
            for edit in custom.edits:
                qconnect(edit.textChanged, lambda _: self._changed())
        for edit in (
            self.title,
            self.field,
            self.key_industry,
            self.linked_project,
            self.own_funds,
        ):
            qconnect(edit.textChanged, lambda _: self._changed())
        qconnect(self.technology_type.currentIndexChanged, lambda _: self._changed())
        for date in (self.received_on, self.start, self.end):
            qconnect(date.dateChanged, lambda _: self._changed())
        qconnect(self.add_unit_button.clicked, lambda: self.add_unit(focus=True))

    def _build_tables(self) -> None:
        self.condition_model = ProjectConditionModel(self)
        self.report_model = ProjectReportModel(self)
        self.request_model = ProjectRequestModel(self)
        self.target_model = ProjectTargetModel(self)
        self.budget_model = ProjectBudgetModel(self)
        self.spending_model = ProjectSpendingModel(self)
        self.event_model = ProjectEventModel(self)
        for view, model, widths in (
            (self.conditions_table, self.condition_model, (110, 420, 70)),
            (self.reports_table, self.report_model, (40, 90, 220, 200, 180)),
            (self.requests_table, self.request_model, (50, 90, 200, 190, 70, 90)),
            (self.targets_table, self.target_model, (240, 50, 110, 110, 90, 80)),
            (self.budget_table, self.budget_model, (200, 110, 110, 110)),
            (self.spending_table, self.spending_model, (90, 200, 110, 110, 160)),
            (self.events_table, self.event_model, (90, 150, 190, 80, 130)),
        ):
            view.setModel(model)
            table_of(view, widths)

    def add_unit(self, values: dict[str, Any] | None = None, *, focus: bool = False) -> UnitRow:
        kinds = [(k.value, k.label) for k in self._unit_kinds()]
        unit = self.add_unit_row(kinds)
        values = values or {}
        unit.name.setText(str(values.get("name", "")))
        unit.credit_code.setText(str(values.get("credit_code", "")))
        index = unit.kind.findData(values.get("kind", "enterprise"))
        unit.kind.setCurrentIndex(max(index, 0))
        unit.lead.setChecked(bool(values.get("lead", False)))
        unit.lead.setToolTip(self.tr("The lead unit (申报单位)"))
        qconnect(unit.name.textChanged, lambda _: self._changed())
        qconnect(unit.credit_code.textChanged, lambda _: self._changed())
        qconnect(unit.kind.currentIndexChanged, lambda _: self._changed())
        qconnect(unit.lead.toggled, lambda _: self._changed())
        qconnect(unit.remove.clicked, lambda _=False, u=unit: self.remove_unit(u))
        if hasattr(self, "enter_filter"):
            self.enter_filter.install(self.units_box)
        self._chain_tab_order()
        if focus:
            unit.name.setFocus()
            self._changed()
        return unit

    def remove_unit(self, unit: UnitRow) -> None:
        self.remove_unit_row(unit)
        self._chain_tab_order()
        self._changed()

    def _unit_kinds(self) -> list[Any]:
        kinds = list(self.policy.lead_unit_kinds)
        kinds += [k for k in self.policy.joint_unit_kinds if k not in kinds]
        return kinds

    def _chain_tab_order(self) -> None:
        """Explicit tab order of the application, top to bottom (rows added on the way)."""
        order: list[QWidget] = [
            self.title,
            self.field,
            self.key_industry,
            self.technology_type,
            self.linked_project,
            self.received_on,
            self.start,
            self.end,
            self.own_funds,
        ]
        for unit in self.unit_rows:
            order += [unit.lead, unit.name, unit.credit_code, unit.kind, unit.remove]
        order.append(self.add_unit_button)
        order += [row.edit for row in self.budget_rows]
        order += [row.edit for row in self.target_rows]
        order += [edit for row in self.custom_target_rows for edit in row.edits]
        order.append(self.save_button)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the project from core (or start a blank application) into every part."""
        self._loading = True
        try:
            if self.project_id is None:
                self.detail = None
                self.allowed = None
                self.states = {}
                self.set_application(self.blank_state())
            else:
                from core.projects.checks import step_states
                from core.projects.queries import allowed_project_actions, get_project

                db, user = self.context.db, self.context.user.id
                self.detail = get_project(db, self.project_id)
                self.allowed = allowed_project_actions(db, user, self.project_id)
                self.states = step_states(db, user, self.project_id)
                self.set_application(self.detail_state(self.detail))
            self._show_detail()
        finally:
            self._loading = False
        self._set_dirty(False)
        self._update_steps()
        self._apply_editable()
        self.check()

    def blank_state(self) -> dict[str, Any]:
        return {
            "title": "",
            "field": "",
            "key_industry": "",
            "technology_type": "key_core",
            "linked_project": "",
            "received_on": self.today.isoformat(),
            "start": "",
            "end": "",
            "own_funds": "",
            "units": [{"name": "", "credit_code": "", "kind": "enterprise", "lead": True}],
            "budget": {},
            "targets": {},
            "custom_targets": [],
        }

    @staticmethod
    def detail_state(detail: ProjectDetail) -> dict[str, Any]:
        from core.money import format_yuan

        return {
            "title": detail.title,
            "field": detail.field,
            "key_industry": detail.key_industry,
            "technology_type": detail.technology_type.value,
            "linked_project": detail.linked_project,
            "received_on": detail.received_on.isoformat(),
            "start": detail.start.isoformat(),
            "end": detail.end.isoformat(),
            "own_funds": format_yuan(detail.own_funds),
            "units": [
                {"name": u.name, "credit_code": u.credit_code, "kind": u.kind, "lead": u.lead}
                for u in detail.units
            ],
            "budget": {b.category: format_yuan(b.budget) for b in detail.budget if b.budget},
            "targets": {
                t.metric: f"{t.target:f}"
                for t in detail.targets
                if not t.metric.startswith("custom:")
            },
            "custom_targets": [
                {
                    "label": t.label,
                    "unit": t.unit,
                    "target": f"{t.target:f}",
                    "verification": t.goal,
                }
                for t in detail.targets
                if t.metric.startswith("custom:")
            ],
        }

    def state(self) -> dict[str, Any]:
        """The application as typed (for drafts and for the form core takes)."""
        return {
            "title": self.title.text(),
            "field": self.field.text(),
            "key_industry": self.key_industry.text(),
            "technology_type": self.technology_type.currentData(),
            "linked_project": self.linked_project.text(),
            "received_on": from_qdate(self.received_on.date()).isoformat(),
            "start": from_qdate(self.start.date()).isoformat(),
            "end": from_qdate(self.end.date()).isoformat(),
            "own_funds": self.own_funds.text(),
            "units": [
                {
                    "name": u.name.text(),
                    "credit_code": u.credit_code.text(),
                    "kind": u.kind.currentData(),
                    "lead": u.lead.isChecked(),
                }
                for u in self.unit_rows
            ],
            "budget": {r.key.removeprefix("budget_"): r.edit.text() for r in self.budget_rows},
            "targets": {r.key.removeprefix("target_"): r.edit.text() for r in self.target_rows},
            "custom_targets": [
                {part: edit.text() for part, edit in zip(CUSTOM_PARTS, row.edits, strict=True)}
                for row in self.custom_target_rows
            ],
        }

    def set_application(self, state: dict[str, Any]) -> None:
        self.title.setText(state.get("title", ""))
        self.field.setText(state.get("field", ""))
        self.key_industry.setText(state.get("key_industry", ""))
        self.technology_type.setCurrentIndex(
            max(self.technology_type.findData(state.get("technology_type", "key_core")), 0)
        )
        self.linked_project.setText(state.get("linked_project", ""))
        received = dt.date.fromisoformat(state.get("received_on") or self.today.isoformat())
        self.received_on.setDate(to_qdate(received))
        start = (
            dt.date.fromisoformat(state["start"])
            if state.get("start")
            else self._default_start(received)
        )
        self.start.setDate(to_qdate(start))
        if state.get("end"):
            end = dt.date.fromisoformat(state["end"])
        else:
            from core.projects.rules import add_months

            end = add_months(start, self.policy.min_months) - dt.timedelta(days=1)
        self.end.setDate(to_qdate(end))
        self.own_funds.setText(state.get("own_funds", ""))
        for unit in list(self.unit_rows):
            self.remove_unit_row(unit)
        for unit_values in state.get("units", []):
            self.add_unit(unit_values)
        budget = state.get("budget", {})
        for row in self.budget_rows:
            row.edit.setText(budget.get(row.key.removeprefix("budget_"), ""))
        targets = state.get("targets", {})
        for row in self.target_rows:
            row.edit.setText(targets.get(row.key.removeprefix("target_"), ""))
        customs = list(state.get("custom_targets", []))
        for index, custom in enumerate(self.custom_target_rows):
            values = customs[index] if index < len(customs) else {}
            for part, edit in zip(CUSTOM_PARTS, custom.edits, strict=True):
                edit.setText(str(values.get(part, "")))
        self._chain_tab_order()

    @staticmethod
    def _default_start(received: dt.date) -> dt.date:
        # The first day of the month after the application: a task book's usual start.
        month = received.month % 12 + 1
        return dt.date(received.year + (received.month == 12), month, 1)

    def form(self) -> ProjectForm:
        from core.projects.model import CUSTOM_METRIC, ProjectForm, TargetForm, UnitForm

        state = self.state()
        return ProjectForm(
            policy_id=self.policy.id,
            title=state["title"],
            field=state["field"],
            key_industry=state["key_industry"],
            technology_type=state["technology_type"],
            units=[
                UnitForm(u["name"], u["credit_code"], u["kind"], u["lead"]) for u in state["units"]
            ],
            received_on=dt.date.fromisoformat(state["received_on"]),
            start=dt.date.fromisoformat(state["start"]),
            end=dt.date.fromisoformat(state["end"]),
            own_funds=state["own_funds"],
            budget={k: v for k, v in state["budget"].items() if v.strip()},
            targets=[TargetForm(k, v) for k, v in state["targets"].items() if v.strip()]
            + [
                TargetForm(
                    CUSTOM_METRIC,
                    c["target"],
                    label=c["label"],
                    unit=c["unit"],
                    verification=c["verification"],
                )
                for c in state.get("custom_targets", [])
                if any(str(v).strip() for v in c.values())
            ],
            linked_project=state["linked_project"],
        )

    # -- showing the detail ---------------------------------------------------------------------

    def _show_header(self) -> None:
        detail = self.detail
        if detail is None:
            self.number.setText(self.tr("New project"))
            self.status.setText(self.tr("Not registered yet"))
            heading = self.title.text().strip()
        else:
            self.number.setText(detail.number)
            self.status.setText(detail.status.label)
            heading = f"{detail.title}　{detail.lead_name}"
        self.heading.setText(heading)
        self.setWindowTitle(f"{self.number.text()}{' *' if self.dirty else ''}")

    def _show_detail(self) -> None:
        from core.money import format_yuan

        detail = self.detail
        self._show_header()
        if detail is None:
            self.reminders.setText("")
            self.reminders.setVisible(False)
            for model in (
                self.condition_model,
                self.report_model,
                self.request_model,
                self.target_model,
                self.budget_model,
                self.spending_model,
                self.event_model,
            ):
                model.set_rows([])
            self.evaluation_text.setText(self.tr("Not evaluated yet."))
            self.task_book_text.setText(self.tr("Not approved yet."))
            self.midterm_text.setText(self.tr("Not recorded yet."))
            self.acceptance_text.setText(self.tr("Not accepted yet."))
            self.instalments_text.setText("")
            self.issues.setText("")
            self.targets_note.setText("")
            return
        lines = [r.message for r in detail.reminders]
        pending = detail.pending_request
        if pending is not None:
            lines.append(
                self.tr("A %1 request of %2 awaits the decision.")
                .replace("%1", pending.kind.label)
                .replace("%2", pending.submitted_on.isoformat())
            )
        self.reminders.setText("\n".join(f"● {line}" for line in lines))
        self.reminders.setVisible(bool(lines))
        self.condition_model.set_rows(detail.conditions)
        self.report_model.set_rows(detail.reports)
        self.request_model.set_rows(detail.requests)
        self.target_model.set_rows(detail.targets)
        self.budget_model.set_issues({i.category: i.message for i in detail.spending_issues})
        self.budget_model.set_rows(detail.budget)
        self.spending_model.set_rows(detail.spending)
        self.event_model.set_rows(detail.events)
        self.conditions_table.resizeRowsToContents()

        evaluation = detail.evaluation
        self.evaluation_text.setText(
            self.tr("Evaluated on %1 by %2: %3. %4")
            .replace("%1", evaluation.held_on.isoformat())
            .replace("%2", evaluation.experts)
            .replace(
                "%3",
                evaluation.result_label + (f"（{evaluation.score}）" if evaluation.score else ""),
            )
            .replace("%4", evaluation.opinion)
            if evaluation is not None
            else self.tr("Not evaluated yet.")
        )
        if detail.task_book_number:
            assert detail.task_book_date is not None
            self.task_book_text.setText(
                self.tr("Task book %1 of %2; period %3 to %4.")
                .replace("%1", detail.task_book_number)
                .replace("%2", detail.task_book_date.isoformat())
                .replace("%3", detail.start.isoformat())
                .replace("%4", detail.end.isoformat())
            )
        else:
            self.task_book_text.setText(self.tr("Not approved yet."))
        midterm = detail.midterm
        self.midterm_text.setText(
            self.tr("%1, %2 (experts: %3). %4")
            .replace("%1", midterm.held_on.isoformat())
            .replace("%2", midterm.result_label)
            .replace("%3", midterm.experts)
            .replace("%4", midterm.opinion)
            if midterm is not None
            else self.tr("Not recorded yet.")
        )
        acceptance = detail.acceptance
        if acceptance is not None:
            text = (
                self.tr("%1, %2, %3 (experts: %4). %5")
                .replace("%1", acceptance.held_on.isoformat())
                .replace("%2", acceptance.method_label)
                .replace("%3", acceptance.result_label)
                .replace("%4", acceptance.experts)
                .replace("%5", acceptance.opinion)
            )
            if detail.accepted_early:
                text += self.tr(" (early acceptance)")
            self.acceptance_text.setText(text)
        else:
            self.acceptance_text.setText(self.tr("Not accepted yet."))

        from core.projects.model import PaymentKind

        lines = list(detail.instalments.explanation)
        lines.append(self.tr("Own funds: %1 yuan.").replace("%1", format_yuan(detail.own_funds)))
        for payment in detail.payments:
            lines.append(
                self.tr("%1 paid on %2: %3 yuan %4")
                .replace("%1", payment.kind.label)
                .replace("%2", payment.paid_on.isoformat())
                .replace("%3", format_yuan(payment.amount))
                .replace("%4", payment.voucher)
                .strip()
            )
        if not detail.paid(PaymentKind.CLOSURE) and detail.status.value not in (
            "terminated",
            "acceptance_failed",
            "not_approved",
        ):
            lines.append(self.tr("Closure instalment: not paid (only after a passed acceptance)."))
        if detail.settlement is not None:
            lines.append(
                self.tr("Terminated: %1 yuan recovered, %2 yuan kept.")
                .replace("%1", format_yuan(detail.settlement.recovered))
                .replace("%2", format_yuan(detail.settlement.kept))
            )
        lines.append(
            self.tr("Spent in total: %1 yuan of %2 yuan paid.")
            .replace("%1", format_yuan(detail.spent))
            .replace("%2", format_yuan(detail.paid()))
        )
        self.instalments_text.setText("\n".join(lines))
        self.issues.setText("\n".join(f"⚠ {i.message}" for i in detail.spending_issues))
        self.issues.setVisible(bool(detail.spending_issues))
        met = sum(1 for t in detail.targets if t.met)
        self.targets_note.setText(
            self.tr("%1 of %2 target(s) reached; actual values are cumulative as reported.")
            .replace("%1", str(met))
            .replace("%2", str(len(detail.targets)))
        )

    def editable(self) -> bool:
        if self.detail is None:
            return self.context.has_role("clerk") or self.context.has_role("supervisor")
        return self.allowed is not None and self.allowed.edit

    def _apply_editable(self) -> None:
        editable = self.editable()
        self.application_page.setEnabled(True)
        for widget in (
            self.title,
            self.field,
            self.key_industry,
            self.linked_project,
            self.own_funds,
        ):
            widget.setReadOnly(not editable)
        for control in (self.technology_type, self.received_on, self.start, self.end):
            control.setEnabled(editable)
        for unit in self.unit_rows:
            unit.name.setReadOnly(not editable)
            unit.credit_code.setReadOnly(not editable)
            unit.kind.setEnabled(editable)
            unit.lead.setEnabled(editable)
            unit.remove.setVisible(editable)
        for row in self.budget_rows + self.target_rows:
            row.edit.setReadOnly(not editable)
        for custom in self.custom_target_rows:
            for edit in custom.edits:
                edit.setReadOnly(not editable)
        self.add_unit_button.setVisible(editable)
        self.save_button.setEnabled(editable)
        registered = self.detail is not None
        for act in self.print_actions.values():
            act.setEnabled(registered)
        self.print_button.setEnabled(registered)

    # -- steps ----------------------------------------------------------------------------------

    def _update_steps(self) -> None:
        from core.projects.rules import TRANSITIONS

        detail = self.detail
        shown: set[str] = set()
        if detail is not None:
            shown = {a.value for (s, a) in TRANSITIONS if s == detail.status}
            shown |= set(EXTRA_STEPS.get(detail.status.value, ()))
        refusals = []
        for code, button in self.step_buttons.items():
            if code in (RECORD_SPENDING, RECORD_ACTUALS):
                allowed = self.allowed is not None and (
                    self.allowed.record_spending
                    if code == RECORD_SPENDING
                    else self.allowed.record_actuals
                )
                button.setEnabled(allowed)
                button.setVisible(allowed)
                continue
            state = next((s for a, s in self.states.items() if a.value == code), None)
            visible = code in shown
            allowed = state is not None and state.allowed
            button.setVisible(visible)
            button.setEnabled(visible and allowed)
            button.setToolTip(state.reason if state is not None and not allowed else "")
            # Under the buttons: who may not act and why (roles, four eyes), and the money
            # (the closure instalment); "nothing pending" stays in the tooltip.
            if (
                visible
                and not allowed
                and state is not None
                and (state.refused_by != "step" or code == "pay_closure")
            ):
                refusals.append(f"{state.label}：{state.reason}")
        self.steps_box.setVisible(bool(shown))
        self.records_box.setVisible(
            self.allowed is not None
            and (self.allowed.record_spending or self.allowed.record_actuals)
        )
        if detail is None:
            self.refusals.setText(
                self.tr("Save the application to register it and get its number.")
            )
        elif not shown:
            self.refusals.setText(self.tr("The project is finished: no further step."))
        else:
            self.refusals.setText("\n\n".join(refusals))

    def run_step(self, step: str) -> ProjectStepDialog | None:
        """Open the dialog of a step or a recording (saving typed changes first)."""
        if self.dirty and not self.save():
            return None
        if self.detail is None:
            return None
        dialog = ProjectStepDialog(self.context, self.detail, step, self)
        qconnect(dialog.step_done, self._step_done)
        qconnect(dialog.rejected, self._step_cancelled)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _step_cancelled(self) -> None:
        # The project may have changed meanwhile (a refusal said so): show it as it is now.
        if not self.dirty and self.project_id is not None:
            self.load()

    def _step_done(self, changes: ProjectChanges) -> None:
        self.load()
        self.show_message(changes.note or self.tr("Done."), error=False)
        if changes.warnings:
            self.show_message(
                "\n".join([changes.note, *(f"⚠ {w}" for w in changes.warnings)]), error=False
            )
            messages.inform(self, self.tr("Recorded, with warnings"), "\n".join(changes.warnings))
        self.saved.emit(changes)

    # -- live checks, drafts ---------------------------------------------------------------------

    def record_id(self) -> int | None:
        return self.project_id

    def record_number(self) -> str:
        return self.detail.number if self.detail else ""

    def after_change(self) -> None:
        self.check()

    def draft_question(self, when: str) -> str:
        return self.tr(
            "Changes to this project typed at %1 were not saved (the program was closed "
            "unexpectedly). Restore them?"
        ).replace("%1", when)

    def close_question(self) -> str:
        return self.tr("This project has unsaved changes. Save them before closing?")

    def apply_state(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.set_application(state)
        finally:
            self._loading = False
        self._set_dirty(True)
        self.check()

    def problems(self) -> dict[str, str]:
        """Core's verdict on every field as typed (nothing written)."""
        from core.projects.checks import application_problems

        if not self.editable():
            return {}
        return application_problems(self.policy, self.form(), self.today)

    def check(self) -> dict[str, str]:
        from core.money import format_yuan, parse_yuan, rmb_capitals
        from core.projects.rules import period_months

        problems = self.problems()
        for key, label in self.problem_labels.items():
            text = problems.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
        for index, unit in enumerate(self.unit_rows):
            texts = [v for k, v in problems.items() if k.startswith(f"units[{index}].")]
            unit.problem.setText("；".join(texts))
            unit.problem.setVisible(bool(texts))
        for row in self.budget_rows:
            text = problems.get(f"budget.{row.key.removeprefix('budget_')}", "")
            row.problem.setText(text)
            row.problem.setVisible(bool(text))
        typed = [r for r in self.target_rows if r.edit.text().strip()]
        for row in self.target_rows:
            row.problem.setText("")
            row.problem.setVisible(False)
        for index, row in enumerate(typed):
            texts = [v for k, v in problems.items() if k.startswith(f"targets[{index}].")]
            row.problem.setText("；".join(texts))
            row.problem.setVisible(bool(texts))
        # The project's own targets follow the catalogue's in the form core checks.
        index = len(typed)
        for custom in self.custom_target_rows:
            texts = []
            if any(edit.text().strip() for edit in custom.edits):
                texts = [v for k, v in problems.items() if k.startswith(f"targets[{index}].")]
                index += 1
            custom.problem.setText("；".join(texts))
            custom.problem.setVisible(bool(texts))
        total = sum(
            (parse_yuan(r.edit.text()) for r in self.budget_rows if _reads(r.edit.text())),
            start=parse_yuan("0"),
        )
        self.budget_total.setText(
            self.tr("Total %1 yuan of %2 yuan (第十条); at approval the total must equal it.")
            .replace("%1", format_yuan(total))
            .replace("%2", format_yuan(self.policy.amount_per_project))
        )
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        self.months.setText(
            self.tr("%1 months").replace("%1", str(period_months(start, end)))
            if end > start
            else ""
        )
        funds = self.own_funds.text()
        self.own_funds_words.setText(rmb_capitals(parse_yuan(funds)) if _reads(funds) else "")
        if self.detail is None:
            self._show_header()
        return problems

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Register or correct the application through core. Returns False (and says why, in
        core's words) when anything is refused; what was typed stays, and so does the draft."""
        from core.db.errors import DatabaseError
        from core.projects.records import edit_project, register_project
        from core.records.errors import RecordsError

        if not self.save_button.isEnabled():
            return False
        problems = self.check()
        if problems:
            text = "\n".join(dict.fromkeys(problems.values()))
            self.show_message(text, error=True)
            messages.warn(self, self.tr("Not saved"), text)
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.project_id is None:
                changes = register_project(self.context.db, self.context.user.id, self.form())
            else:
                assert self.detail is not None
                changes = edit_project(
                    self.context.db,
                    self.context.user.id,
                    self.project_id,
                    self.form(),
                    expected_version=self.detail.version,
                )
        except RecordsError as exc:
            QApplication.restoreOverrideCursor()
            self.show_message(refusal_text(exc), error=True)
            messages.warn(self, self.tr("Not saved"), refusal_text(exc))
            return False
        except DatabaseError as exc:  # the server went away: what was typed stays, as above
            QApplication.restoreOverrideCursor()
            self.show_message(str(exc), error=True)
            messages.warn(self, self.tr("Not saved"), str(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.remove_draft()
        if self.project_id is None:
            assert changes.id is not None
            self.project_id = changes.id
            self.draft_key = project_key(changes.id)
            self.registered.emit(changes.id)
        self.load()
        self.show_message(changes.note or self.tr("Saved."), error=False)
        self.saved.emit(changes)
        return True

    # -- printing --------------------------------------------------------------------------------

    def print_form(self, kind: ProjectFormKind) -> None:
        if self.dirty and not self.save():
            return
        if self.detail is None:
            return
        preview_project_form(self, self.detail, kind, self.previews.append)


def _reads(text: str) -> bool:
    from core.projects.checks import amount_problem

    return bool(text.strip()) and amount_problem(text, "") is None
