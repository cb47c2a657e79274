"""The workflow steps a case window offers, and the dialog each one needs.

Which steps are possible is core's answer (``available_actions``); whether one succeeds is
core's too (the step raises a Chinese refusal, shown in the dialog). This module only knows
which words each step asks for, and which form is worth printing after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.printing import Form
from desktop.qt import (
    QDialogButtonBox,
    QStandardItemModel,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
    translate,
)
from desktop.views.action_view import ActionView

if TYPE_CHECKING:
    from core.records.changes import Changes
    from core.records.states import Action
    from core.records.workflow import GroundChoice
    from desktop.context import DeskContext

CONTEXT = "Actions"

# Mnemonics for the step buttons (core's labels are Chinese: "受理(&A)", as Windows does).
MNEMONICS = {
    "request_correction": "B",
    "accept": "A",
    "reject_at_intake": "J",
    "clerk_review": "V",
    "submit": "U",
    "approve": "P",
    "return": "T",
    "refuse": "F",
}
# The steps a case window offers; the others belong to the notice and payout area.
EDITOR_ACTIONS = tuple(MNEMONICS)


def button_text(action: Action) -> str:
    return f"{action.label}(&{MNEMONICS[action.value]})"


@dataclass
class StepInput:
    text: str
    due: dt.date
    ground: str | None
    also: bool


@dataclass(frozen=True)
class StepSpec:
    text_label: str | None  # None: no text field
    text_required: bool
    needs_due: bool = False
    needs_ground: bool = False
    also_label: str | None = None  # a follow-up, e.g. print the notice
    print_after: Form | None = None


def spec_for(action: str) -> StepSpec:
    specs = {
        "request_correction": StepSpec(
            translate("Actions", "Materials to hand in (one per line):"),
            True,
            needs_due=True,
            also_label=translate("Actions", "Print the correction notice"),
            print_after=Form.CORRECTION,
        ),
        "accept": StepSpec(
            translate("Actions", "Note (optional):"),
            False,
            also_label=translate("Actions", "Print the acceptance receipt"),
            print_after=Form.RECEIPT,
        ),
        "reject_at_intake": StepSpec(
            translate("Actions", "Reason:"),
            False,
            needs_ground=True,
            also_label=translate("Actions", "Print the rejection notice"),
            print_after=Form.REJECTION,
        ),
        "clerk_review": StepSpec(
            translate("Actions", "Clerk's opinion:"),
            True,
            also_label=translate("Actions", "Submit for review at once"),
        ),
        "submit": StepSpec(None, False),
        "approve": StepSpec(translate("Actions", "Opinion (optional):"), False),
        "return": StepSpec(translate("Actions", "Reason for returning:"), True),
        "refuse": StepSpec(translate("Actions", "Reason for refusing:"), True),
    }
    return specs[action]


class ActionDialog(ActionView):
    """Asks for the step's words, then runs ``perform``; a refusal stays in the dialog."""

    step_done = Signal(object, object)  # Changes, StepInput

    def __init__(
        self,
        context: DeskContext,
        action: Action,
        perform: Callable[[StepInput], Changes],
        *,
        prefill: str = "",
        ground_choices: Sequence[GroundChoice] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from core.db.clock import local_today
        from core.records.workflow import correction_basis, default_correction_due

        self.context = context
        self.action = action
        self.perform = perform
        self.spec = spec_for(action.value)
        self.setWindowTitle(action.label)
        self.intro.setText(translate("Actions", "Step: %1").replace("%1", action.label))
        spec = self.spec
        self.text_label.setText(spec.text_label or "")
        self.text_label.setVisible(spec.text_label is not None)
        self.text.setVisible(spec.text_label is not None)
        self.text.setPlainText(prefill)
        self.ground_label.setVisible(spec.needs_ground)
        self.ground.setVisible(spec.needs_ground)
        if spec.needs_ground:
            self._fill_grounds(ground_choices)
        self.due_label.setVisible(spec.needs_due)
        self.due.setVisible(spec.needs_due)
        today = local_today(context.db.clock)
        # The default period is the policy's reading of 五(一)2(2); the clerk may change it.
        due = default_correction_due(context.policy, today)
        self.due.setDate(to_qdate(due))
        self.due.setToolTip(correction_basis(context.policy))
        self.due.setMinimumDate(to_qdate(today))
        self.also.setVisible(spec.also_label is not None)
        self.also.setText(spec.also_label or "")
        self.also.setChecked(spec.also_label is not None)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action.label)
        qconnect(ok.clicked, self.submit)
        qconnect(self.buttons.rejected, self.reject)
        (self.text if spec.text_label is not None else ok).setFocus()

    def _fill_grounds(self, choices: Sequence[GroundChoice] | None) -> None:
        # Core says which grounds the facts on record rule out (a case in on time is not
        # late); those stay listed, greyed, with core's reason, so the clerk sees why.
        if choices is None:
            from core.records.workflow import GroundChoice

            choices = [
                GroundChoice(g.code, g.text, g.clause, None)
                for g in self.context.policy.rejection_grounds
            ]
        model = self.ground.model()
        first_open = -1
        for row, choice in enumerate(choices):
            text = f"{choice.clause}　{choice.text}"
            if choice.ruled_out is not None:
                text += translate("Actions", " (not applicable)")
            self.ground.addItem(text, choice.code)
            if choice.ruled_out is not None:
                item = model.item(row) if isinstance(model, QStandardItemModel) else None
                if item is not None:
                    item.setEnabled(False)
                    item.setToolTip(choice.ruled_out)
            elif first_open < 0:
                first_open = row
        self.ground.setCurrentIndex(max(first_open, 0))
        view = self.ground.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())

    def values(self) -> StepInput:
        date = self.due.date()
        return StepInput(
            text=self.text.toPlainText().strip(),
            due=from_qdate(date),
            ground=self.ground.currentData() if self.spec.needs_ground else None,
            also=self.also.isVisible() and self.also.isChecked(),
        )

    def submit(self) -> None:
        from core.records.errors import RecordsError

        values = self.values()
        if self.spec.text_required and not values.text:
            self.message.setText(
                translate("Actions", "Please fill in: %1").replace(
                    "%1", (self.spec.text_label or "").rstrip(":：")
                )
            )
            self.text.setFocus()
            return
        try:
            changes = self.perform(values)
        except RecordsError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.step_done.emit(changes, values)
        self.accept()


def perform_step(
    context: DeskContext, case_id: int, version: int | None, action: str, values: StepInput
) -> Any:
    """Call core's operation for ``action`` with the dialog's values."""
    from core.records import workflow

    db, user = context.db, context.user.id
    if action == "request_correction":
        missing = [line for line in values.text.splitlines() if line.strip()]
        return workflow.request_correction(
            db, user, case_id, missing, values.due, expected_version=version
        )
    if action == "accept":
        return workflow.accept_case(db, user, case_id, note=values.text, expected_version=version)
    if action == "reject_at_intake":
        return workflow.reject_at_intake(
            db, user, case_id, values.ground or "", reason=values.text, expected_version=version
        )
    if action == "clerk_review":
        changes = workflow.clerk_review(db, user, case_id, values.text, expected_version=version)
        if values.also:
            changes = changes | workflow.submit_for_approval(db, user, case_id)
        return changes
    if action == "submit":
        return workflow.submit_for_approval(db, user, case_id, expected_version=version)
    if action == "approve":
        return workflow.approve_case(
            db, user, case_id, opinion=values.text, expected_version=version
        )
    if action == "return":
        return workflow.return_case(db, user, case_id, values.text, expected_version=version)
    if action == "refuse":
        return workflow.refuse_case(db, user, case_id, values.text, expected_version=version)
    raise ValueError(f"not a case-window step: {action}")
