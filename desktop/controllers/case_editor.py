"""One window per case: the five parts, saving through core, the workflow steps, printing.

What this controller decides is only UI: when to recompute (a pause in typing), when to
write the recovery draft (every change), what to ask before closing. Every rule — what a
valid applicant or claim is, what the checklist holds, which steps are allowed, the amounts
— is asked of core.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop import messages, recovery, settings
from desktop.controllers.actions import (
    EDITOR_ACTIONS,
    ActionDialog,
    StepInput,
    button_text,
    perform_step,
)
from desktop.controllers.applicant import ApplicantPanel
from desktop.controllers.calc import CalcPanel
from desktop.controllers.claims import ClaimsPanel
from desktop.controllers.editor_window import EditorWindow
from desktop.controllers.intake import IntakePanel
from desktop.controllers.materials import MaterialsPanel
from desktop.keyboard import EnterMovesOn
from desktop.printing import Form
from desktop.qt import (
    QApplication,
    QKeySequence,
    QLineEdit,
    QPushButton,
    QShortcut,
    Qt,
    QTimer,
    QWidget,
    Signal,
    qconnect,
    to_qdate,
)
from desktop.views.case_editor_view import CaseEditorView

if TYPE_CHECKING:
    from core.engine.results import ApplicationResult
    from core.records.case_model import ApplicantForm, CaseDetail
    from core.records.changes import Changes
    from desktop.context import DeskContext
    from desktop.controllers.pdf_preview import PdfPreview

RECOMPUTE_DELAY_MS = 250


class CaseEditor(EditorWindow, CaseEditorView):
    """``saved(Changes)`` after any write; ``registered(case_id)`` when a new case gets its
    number; ``closed`` when the window goes; ``open_case_requested(id)`` from a link."""

    GEOMETRY_KEY = settings.EDITOR_GEOMETRY
    DEFAULT_SIZE = (1100, 760)

    saved = Signal(object)
    registered = Signal(int)
    closed = Signal()
    open_case_requested = Signal(int)

    def __init__(
        self,
        context: DeskContext,
        case_id: int | None,
        parent: QWidget | None = None,
        *,
        offer_draft: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.result: ApplicationResult | None = None
        self.dirty = False
        self.draft_key = recovery.case_key(case_id) if case_id is not None else recovery.new_key()
        self._loading = True
        self.previews: list[PdfPreview] = []

        self.applicant_panel = ApplicantPanel(context)
        self.claims_panel = ClaimsPanel(context)
        self.materials_panel = MaterialsPanel(context)
        self.intake_panel = IntakePanel(context)
        self.calc_panel = CalcPanel(context)
        self.tabs.addTab(self.applicant_panel, self.tr("&1 Applicant"))
        self.tabs.addTab(self.claims_panel, self.tr("&2 Items"))
        self.tabs.addTab(self.materials_panel, self.tr("&3 Materials"))
        self.tabs.addTab(self.intake_panel, self.tr("&4 Intake check"))
        self.tabs.addTab(self.calc_panel, self.tr("&5 Calculation"))

        self.action_buttons: dict[str, QPushButton] = {}
        from core.records.states import Action

        for code in EDITOR_ACTIONS:
            action = Action(code)
            button = self.add_action_button(button_text(action), f"action_{code}")
            button.setEnabled(False)
            qconnect(button.clicked, lambda _=False, a=action: self.run_step(a))
            self.action_buttons[code] = button
        # 收款账户变更: the one change an approved case still takes, through a second person.
        self.payee_button = self.add_action_button(self.tr("Change the pa&yee…"), "payee_change")
        self.payee_button.setVisible(False)
        qconnect(self.payee_button.clicked, self.request_payee_change)
        self.print_actions = {}
        for form in Form:
            act = self.add_print_action(form.title)
            qconnect(act.triggered, lambda _=False, f=form: self.print_form(f))
            self.print_actions[form] = act

        self.recompute_timer = QTimer(self)
        self.recompute_timer.setSingleShot(True)
        self.recompute_timer.setInterval(RECOMPUTE_DELAY_MS)
        qconnect(self.recompute_timer.timeout, self.recompute)
        for panel in (self.applicant_panel, self.claims_panel, self.intake_panel):
            qconnect(panel.changed, self._changed)
        qconnect(self.materials_panel.changed, self._materials_changed)
        qconnect(self.claims_panel.changed, self._claims_changed)
        qconnect(self.applicant_panel.filed_by_agent.toggled, lambda _: self._claims_changed())
        qconnect(self.claims_panel.open_case_requested, self.open_case_requested.emit)
        qconnect(self.materials_panel.print_requested, self.print_correction)
        qconnect(self.save_button.clicked, self.save)
        qconnect(self.close_button.clicked, self.close)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        qconnect(save_shortcut.activated, self.save)
        self.enter_filter = EnterMovesOn(self)
        self.enter_filter.install(self)
        qconnect(self.claims_panel.form_added, self.enter_filter.install)

        self.load()
        if offer_draft:
            self.offer_draft()
        self._loading = False
        self._restore_geometry()
        self.recompute()

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the case from core (or start a blank one) into every part."""
        from core.db.clock import local_today

        self._loading = True
        if self.case_id is None:
            today = local_today(self.context.db.clock)
            self.applicant_panel.received_on.setDate(to_qdate(today))
            self.applicant_panel.set_values({"kind": "enterprise", "size": None})
            self.materials_panel.set_saved([])
            self.detail = None
        else:
            from core.records.case_queries import get_case

            detail = get_case(self.context.db, self.case_id)
            self.detail = detail
            form = dataclasses.asdict(detail.applicant.form)
            if detail.snapshot is not None:
                # Approved: the payee shown is the one decided, not the applicant's row today.
                from core.records.payee import current_payee

                _, payee = current_payee(self.context.db, detail.id)
                form.update(
                    account_name=payee.account_name,
                    bank=payee.bank,
                    account_number=payee.account_number,
                )
            self.applicant_panel.applicant_id = detail.applicant.id
            self.applicant_panel.applicant_version = detail.applicant.version
            self.applicant_panel.set_values({**form, "name": detail.applicant_name})
            self.applicant_panel.set_case_values(
                {
                    "received_on": detail.received_on.isoformat(),
                    "filed_by_agent": detail.filed_by_agent,
                    "agent_name": detail.agent_name,
                }
            )
            self.applicant_panel.set_identity_locked(True)
            self.intake_panel.set_values(form)
            self.claims_panel.case_id = detail.id
            self.claims_panel.set_claims(
                [{"item": c.item, "date": c.date.isoformat(), **c.facts} for c in detail.claims]
            )
            self.materials_panel.set_saved(list(detail.materials))
        self._set_dirty(False)
        self._show_header()
        self._update_actions()
        self._apply_editable()
        self._loading = False

    def _show_header(self) -> None:
        detail = self.detail
        if detail is None:
            self.case_number.setText(self.tr("New application"))
            self.status.setText(self.tr("Not registered yet"))
            name = self.applicant_panel.name.text().strip()
        else:
            self.case_number.setText(detail.case_number)
            self.status.setText(detail.status.label)
            name = detail.applicant_name
        self.applicant.setText(name)
        title = self.case_number.text() + (f" — {name}" if name else "")
        self.setWindowTitle(f"{title}{' *' if self.dirty else ''}")

    def editable(self) -> bool:
        """Whether this user may change the case now (core refuses otherwise anyway)."""
        from core.records.permissions import can_edit

        status = None if self.detail is None else self.detail.status
        return can_edit(status, self.context.user.roles)

    def request_payee_change(self) -> None:
        from desktop.controllers.payee_change import PayeeChangeDialog

        if self.case_id is None:
            return
        dialog = PayeeChangeDialog(self.context, self.case_id, self)
        qconnect(dialog.changed, self._payee_requested)
        dialog.open()

    def _payee_requested(self, changes: object) -> None:
        from core.records.changes import Changes

        if isinstance(changes, Changes):
            self.message.setText(changes.note)
            self.saved.emit(changes)

    def _apply_editable(self) -> None:
        from core.records.states import AWARDED_STATUSES, OPEN_STATUSES, Status

        editable = self.editable()
        self.applicant_panel.set_editable(editable)
        self.claims_panel.set_editable(editable)
        self.intake_panel.set_editable(editable)
        materials_open = self.detail is None or self.detail.status in OPEN_STATUSES
        self.materials_panel.set_editable(editable or (materials_open and self.detail is not None))
        self.save_button.setEnabled(editable or materials_open)
        approved = self.detail is not None and self.detail.status in AWARDED_STATUSES
        self.payee_button.setVisible(approved and self.context.has_role("clerk"))
        self.payee_button.setEnabled(
            approved and self.detail is not None and self.detail.status is not Status.PAID
        )
        if self.detail is not None and self.detail.status is Status.PAID:
            self.payee_button.setToolTip(self.tr("Paid: the payee can no longer change."))

    # -- editing, drafts and recompute ----------------------------------------------------------

    def record_id(self) -> int | None:
        return self.case_id

    def record_number(self) -> str:
        return self.detail.case_number if self.detail else ""

    def after_change(self) -> None:
        self.recompute_timer.start()

    def before_close(self) -> None:
        self.recompute_timer.stop()

    def draft_question(self, when: str) -> str:
        return self.tr(
            "Changes to this case typed at %1 were not saved (the program was closed "
            "unexpectedly). Restore them?"
        ).replace("%1", when)

    def close_question(self) -> str:
        return self.tr("This case has unsaved changes. Save them before closing?")

    def _claims_changed(self) -> None:
        if self._loading:
            return
        items = [str(c["item"]) for c in self.claims_panel.claims()]
        self.materials_panel.follow_claims(items, self.applicant_panel.filed_by_agent.isChecked())
        self._changed()

    def _materials_changed(self) -> None:
        self.intake_panel.show_result(self.result, self.materials_panel.missing())
        self._changed()

    def state(self) -> dict[str, Any]:
        """Everything typed, in the shapes core takes (for drafts and saving)."""
        return {
            "case": self.applicant_panel.case_values(),
            "applicant": {**self.applicant_panel.values(), **self.intake_panel.values()},
            "claims": self.claims_panel.claims(),
            "materials": self.materials_panel.values(),
        }

    def apply_state(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.applicant_panel.set_case_values(state.get("case", {}))
            applicant = state.get("applicant", {})
            self.applicant_panel.set_values(applicant)
            self.intake_panel.set_values(applicant)
            self.claims_panel.set_claims(list(state.get("claims", [])))
            items = [str(c["item"]) for c in self.claims_panel.claims()]
            self.materials_panel.follow_claims(
                items, self.applicant_panel.filed_by_agent.isChecked()
            )
            self.materials_panel.apply_values(state.get("materials", {}))
        finally:
            self._loading = False
        self._set_dirty(True)
        self.recompute()

    def recompute(self) -> None:
        """Core's calculation of the case as typed (saved cases without edits: as stored)."""
        from core.engine.inputs import InputError
        from core.records.errors import RecordsError

        self.recompute_timer.stop()
        problem = ""
        result: Any = None
        frozen = False
        try:
            if self.detail is not None and self.detail.snapshot is not None:
                from core.documents.model import ResultSnapshot

                result = ResultSnapshot.from_json(self.detail.snapshot.result)
                frozen = True
            elif self.detail is not None and not self.dirty:
                from core.records.case_queries import recalculate

                result = recalculate(self.context.db, self.detail.id)
            else:
                from desktop.calculation import preview_result

                result = preview_result(self.context, self.state(), self.case_id)
        except (InputError, RecordsError) as exc:
            problem = self.tr("Cannot calculate yet: %1").replace("%1", str(exc))
        self.result = result
        self.calc_panel.show_result(result, problem, frozen=frozen)
        self.claims_panel.set_results(list(result.claims) if result is not None else None)
        self.intake_panel.show_result(result, self.materials_panel.missing(), problem)
        self.claims_panel.check_duplicates()

    # -- saving --------------------------------------------------------------------------------

    def applicant_form(self) -> ApplicantForm:
        from core.records.case_model import ApplicantForm

        values = {**self.applicant_panel.values(), **self.intake_panel.values()}
        names = {f.name for f in dataclasses.fields(ApplicantForm)}
        return ApplicantForm(**{k: v for k, v in values.items() if k in names})

    def live_problems(self) -> list[str]:
        return self.local_problems() if self.editable() else []

    def local_problems(self) -> list[str]:
        """What core's validators refuse in the typed fields, before anything is written."""
        return [text for text, _ in self.problem_fields()]

    def problem_fields(self) -> list[tuple[str, Callable[[], None]]]:
        """Each refusal with how to reach its field: after 「未保存」 the clerk lands on the
        first field the message names, not on the last one typed in (issue 20 §2)."""
        panel = self.applicant_panel
        found: list[tuple[str, Callable[[], None]]] = []
        code_problem = panel.credit_code_problem()
        if code_problem:
            found.append(
                (
                    self.tr("Credit code: %1").replace("%1", code_problem),
                    lambda: self._focus(panel, panel.credit_code),
                )
            )
        if not panel.name.text().strip():
            found.append(
                (self.tr("Applicant name: required"), lambda: self._focus(panel, panel.name))
            )
        if not self.claims_panel.claims():
            found.append(
                (
                    self.tr("Add at least one item."),
                    lambda: self._focus(self.claims_panel, self.claims_panel.add_button),
                )
            )
        for where, problem in self.claims_panel.problems().items():
            index = int(where.split("[")[1].split("]")[0])
            name = where.split(".", 1)[1]
            text = (
                self.tr("Item %1, %2: %3")
                .replace("%1", str(index + 1))
                .replace("%2", self._field_label(index, name))
                .replace("%3", problem)
            )
            found.append((text, functools.partial(self._focus_fact, index, name)))
        return found

    def _focus(self, page: QWidget, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(page)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def _focus_fact(self, index: int, name: str) -> None:
        self.claims_panel.select_row(index)
        editor = self.claims_panel.forms_by_row[index].editors.get(name)
        if editor is not None:
            self._focus(self.claims_panel, editor.widget)

    def _field_label(self, index: int, name: str) -> str:
        form = self.claims_panel.forms_by_row[index]
        editor = form.editors.get(name)
        return editor.label if editor is not None else name

    def save(self) -> bool:
        """Write the case through core. Returns False (and says why) if anything is refused."""
        from core.db.errors import DatabaseError
        from core.records.errors import RecordsError

        if not self.save_button.isEnabled():
            return False
        problems = self.problem_fields() if self.editable() else []
        if problems:
            text = "\n".join(problem for problem, _ in problems)
            self.show_message(text, error=True)
            messages.warn(self, self.tr("Not saved"), text)
            problems[0][1]()
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes = self._write()
        # DatabaseError: the server went away, or the file is locked. What was typed stays in
        # the window and in its draft; saving again later works (issue 18 §5).
        except (RecordsError, DatabaseError) as exc:
            self.show_message(str(exc), error=True)
            messages.warn(self, self.tr("Not saved"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.remove_draft()
        if self.case_id is not None:
            self.draft_key = recovery.case_key(self.case_id)
        self.load()
        self.recompute()
        self.show_message(changes.note or self.tr("Saved."), error=False)
        self.saved.emit(changes)
        return True

    def _write(self) -> Changes:
        from core.records import case_model, case_queries, cases
        from core.records.changes import Changes

        db, user = self.context.db, self.context.user.id
        state = self.state()
        case = state["case"]
        received = dt.date.fromisoformat(case["received_on"])
        if self.case_id is None:
            changes = cases.register_case(
                db,
                user,
                case_model.CaseForm(
                    self.context.policy.id,
                    received,
                    self.applicant_form(),
                    state["claims"],
                    filed_by_agent=case["filed_by_agent"],
                    agent_name=case["agent_name"],
                ),
            )
            assert changes.id is not None
            self.case_id = changes.id
            self.claims_panel.case_id = changes.id
            self.remove_draft()
            self.draft_key = recovery.case_key(changes.id)
            updates = self.materials_panel.updates()
            if updates:
                changes = changes | cases.update_materials(db, user, changes.id, updates)
            self.registered.emit(changes.id)
            return changes
        assert self.detail is not None
        changes = Changes()
        if self.editable():
            form = self.applicant_form()
            if form != self.detail.applicant.form or (
                self.applicant_panel.name.text().strip() != self.detail.applicant_name
            ):
                changes = changes | cases.update_applicant(
                    db,
                    user,
                    self.detail.applicant.id,
                    form,
                    expected_version=self.detail.applicant.version,
                )
                self.detail = case_queries.get_case(db, self.case_id)
            stored = [
                {"item": c.item, "date": c.date.isoformat(), **c.facts} for c in self.detail.claims
            ]
            if (
                state["claims"] != stored
                or received != self.detail.received_on
                or case["filed_by_agent"] != self.detail.filed_by_agent
                or case["agent_name"] != self.detail.agent_name
            ):
                changes = changes | cases.update_case(
                    db,
                    user,
                    self.case_id,
                    claims=state["claims"],
                    received_on=received,
                    filed_by_agent=case["filed_by_agent"],
                    agent_name=case["agent_name"],
                    expected_version=self.detail.version,
                )
                self.detail = case_queries.get_case(db, self.case_id)
                # The checklist follows the stored claims; keep the ticks made meanwhile.
                ticks = self.materials_panel.values()
                self.materials_panel.set_saved(list(self.detail.materials))
                self.materials_panel.apply_values(ticks)
        updates = self.materials_panel.updates()
        if updates:
            changes = changes | cases.update_materials(
                db, user, self.case_id, updates, expected_version=self.detail.version
            )
        return changes

    # -- workflow steps --------------------------------------------------------------------------

    def _update_actions(self) -> None:
        from core.records.workflow import available_actions

        allowed: set[str] = set()
        clerk = self.context.has_role("clerk")
        if self.case_id is not None:
            allowed = {
                a.value
                for a in available_actions(self.context.db, self.context.user.id, self.case_id)
            }
        for code, button in self.action_buttons.items():
            button.setEnabled(code in allowed)
            # Steps not possible now stay out of the way; the approve button stays visible
            # (disabled) to a clerk, who sees that approval is someone else's.
            button.setVisible(code in allowed or (code == "approve" and clerk))
        registered = self.case_id is not None
        for form, act in self.print_actions.items():
            act.setEnabled(registered or form is Form.APPLICATION)

    def run_step(self, action: Any) -> ActionDialog | None:
        """Open the dialog of a workflow step (saving typed changes first)."""
        if self.dirty and not self.save():
            return None
        if self.case_id is None:
            return None
        if action.value == "accept" and not self._accept_anyway():
            return None
        prefill = ""
        grounds = None
        if action.value == "request_correction":
            from core.records.workflow import missing_materials

            prefill = "\n".join(missing_materials(self.context.db, self.case_id))
        elif action.value == "reject_at_intake":
            from core.records.workflow import intake_ground_choices

            grounds = intake_ground_choices(self.context.db, self.case_id)
        case_id = self.case_id
        version = self.detail.version if self.detail is not None else None

        def perform(values: StepInput) -> Any:
            return perform_step(self.context, case_id, version, action.value, values)

        dialog = ActionDialog(
            self.context, action, perform, prefill=prefill, ground_choices=grounds, parent=self
        )
        qconnect(dialog.step_done, lambda changes, values: self._step_done(action, changes, values))
        dialog.open()
        return dialog

    def _accept_anyway(self) -> bool:
        """Before 受理: list what is still unchecked (core's acceptance_gaps) and ask once."""
        from core.records.workflow import acceptance_gaps

        assert self.case_id is not None
        gaps = acceptance_gaps(self.context.db, self.case_id)
        if not gaps:
            return True
        text = (
            self.tr("Not yet settled before acceptance:")
            + "\n"
            + "\n".join(f"· {gap}" for gap in gaps)
            + "\n\n"
            + self.tr("Accept all the same?")
        )
        if messages.confirm(self, self.tr("Accept"), text):
            return True
        self.tabs.setCurrentWidget(self.intake_panel)
        return False

    def _step_done(self, action: Any, changes: Changes, values: StepInput) -> None:
        from desktop.controllers.actions import spec_for

        self.load()
        self.recompute()
        self.show_message(changes.note or self.tr("Done."), error=False)
        self.saved.emit(changes)
        spec = spec_for(action.value)
        if values.also and spec.print_after is not None:
            self.print_form(spec.print_after)

    # -- printing -------------------------------------------------------------------------------

    def print_form(self, form: Form) -> PdfPreview | None:
        """Render the form through core and open the preview (saving first if needed)."""
        from core.records.errors import RecordsError

        if (self.dirty or self.case_id is None) and not self.save():
            return None
        assert self.case_id is not None
        from core.records.documents import unprintable_warning
        from desktop.controllers.pdf_preview import open_preview
        from desktop.printing import print_case_form

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_case_form(self.context, self.case_id, form)
        except RecordsError as exc:
            messages.warn(self, form.title, str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        data = printed.data
        for _, chars in printed.unprintable:
            # Never an empty box on paper without the clerk knowing (issue 20 §19).
            messages.warn(self, form.title, unprintable_warning(chars))
        number = self.detail.case_number if self.detail else ""
        return open_preview(
            data, f"{form.title} — {number}", f"{number}{form.file_stem}", self.previews
        )

    def print_correction(self) -> None:
        """The one button of 申请材料: record the correction request (listing what is missing,
        with its due date) and print the notice; once recorded, reprint it."""
        from core.records.states import Action

        if self.action_buttons["request_correction"].isEnabled() or self.case_id is None:
            self.run_step(Action.REQUEST_CORRECTION)
        else:
            self.print_form(Form.CORRECTION)

    def _forget_preview(self, preview: PdfPreview) -> None:
        if preview in self.previews:
            self.previews.remove(preview)
