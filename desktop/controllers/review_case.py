"""The supervisor's window on one case: the whole file read-only, then a decision.

Everything shown is core's: the case (``get_case``), the amounts and their reasons (the frozen
snapshot after approval, else ``recalculate``), the checklist in core's words, the duplicate
claims. The three decisions are core's operations; a refusal — four eyes included — is shown
in core's own sentence. The approve button stays available to every supervisor the status
allows, so that a supervisor who registered or reviewed the case hears why not from core.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from desktop import messages
from desktop.controllers.calc import CalcPanel
from desktop.geometry import fit_to_screen
from desktop.models.review_case_models import (
    ReviewChecklistModel,
    ReviewClaimsModel,
    ReviewHistoryModel,
)
from desktop.qt import (
    QApplication,
    QCloseEvent,
    QHeaderView,
    QInputDialog,
    Qt,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.review_case_view import ReviewCaseView

if TYPE_CHECKING:
    from pathlib import Path

    from core.records.case_model import CaseDetail
    from core.records.changes import Changes
    from core.records.states import Action
    from desktop.context import DeskContext
    from desktop.controllers.pdf_preview import PdfPreview

CASE_LINK = "case:"
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


class ReviewCase(ReviewCaseView):
    """``changed(Changes)`` after a decision; ``edit_requested(id)`` to open the case window;
    ``open_case_requested(id)`` from a duplicate's link; ``closed`` when the window goes."""

    changed = Signal(object)
    edit_requested = Signal(int)
    open_case_requested = Signal(int)
    closed = Signal()

    def __init__(self, context: DeskContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.previews: list[PdfPreview] = []
        self.claims_model = ReviewClaimsModel(context.policy, self)
        self.claims_table.setModel(self.claims_model)
        self.materials_model = ReviewChecklistModel(self)
        self.materials_table.setModel(self.materials_model)
        self.history_model = ReviewHistoryModel(self)
        self.history_table.setModel(self.history_model)
        # The case window's own calculation panel: the same amounts and reasons a clerk saw.
        self.calc_panel = CalcPanel(context)
        self.tabs.addTab(self.calc_panel, self.tr("&4 Calculation"))
        self.tabs.addTab(self.history_table, self.tr("&5 History"))
        self._size_columns()

        from core.records.states import Action

        self.decisions = {
            Action.APPROVE: self.approve_button,
            Action.RETURN: self.return_button,
            Action.REFUSE: self.refuse_button,
            Action.DECIDE: self.meeting_button,
        }
        qconnect(self.approve_button.clicked, lambda: self.decide(Action.APPROVE))
        qconnect(self.return_button.clicked, lambda: self.decide(Action.RETURN))
        qconnect(self.refuse_button.clicked, lambda: self.decide(Action.REFUSE))
        qconnect(self.meeting_button.clicked, self.record_meeting)
        qconnect(self.edit_button.clicked, lambda: self.edit_requested.emit(self.case_id))
        qconnect(self.print_button.clicked, self.print_opinion)
        qconnect(self.rule_case_button.clicked, self.save_rule_case)
        qconnect(self.close_button.clicked, self.close)
        qconnect(self.duplicates.linkActivated, self._link)
        self.load()
        self.resize(1100, 760)
        fit_to_screen(self)

    def _size_columns(self) -> None:
        header = self.claims_table.horizontalHeader()
        for column, width in enumerate((44, 190, 96, 420, 110)):
            self.claims_table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.claims_table.setColumnWidth(5, 96)
        self.claims_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # A column is never narrower than its header's text (盖章复印件（份） was cut).
        materials = self.materials_table.horizontalHeader()
        for column, width in enumerate((330, 60, 60, 90, 90)):
            self.materials_table.setColumnWidth(
                column, max(width, materials.sectionSizeHint(column))
            )
        history = self.history_table.horizontalHeader()
        for column, width in enumerate((130, 110, 90, 110)):
            self.history_table.setColumnWidth(column, max(width, history.sectionSizeHint(column)))
        self.history_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

    # -- reading the case ---------------------------------------------------------------------

    def load(self) -> None:
        from core.records.case_queries import get_case

        detail = get_case(self.context.db, self.case_id)
        self.detail = detail
        self.setWindowTitle(
            self.tr("Review — %1 — %2")
            .replace("%1", detail.case_number)
            .replace("%2", detail.applicant_name)
        )
        self.case_number.setText(detail.case_number)
        self.status.setText(detail.status.label)
        self.applicant.setText(detail.applicant_name)
        self._show_waited(detail)
        self._show_applicant(detail)
        self._show_clerk_opinion(detail)
        self._show_duplicates(detail)
        self.claims_model.set_rows(detail.claims)
        self.materials_model.set_rows(detail.materials)
        self.materials_intro.setText(self._missing_text(detail))
        self.history_model.set_rows(detail.decisions)
        self._show_result(detail)
        self._update_buttons()

    def _show_waited(self, detail: CaseDetail) -> None:
        from core.db.clock import CHINA_TZ, local_today

        entered = [d.at for d in detail.decisions if d.to_status == detail.status.value]
        if not entered:
            self.waited.clear()
            return
        days = (local_today(self.context.db.clock) - entered[-1].astimezone(CHINA_TZ).date()).days
        self.waited.setText(
            self.tr("In this status since %1 (%2 days)")
            .replace("%1", entered[-1].astimezone(CHINA_TZ).strftime("%Y-%m-%d"))
            .replace("%2", str(max(days, 0)))
        )

    def _show_applicant(self, detail: CaseDetail) -> None:
        from core.engine.inputs import SIZE_LABELS
        from core.policy.model import ApplicantKind

        form = detail.applicant.form
        kind = ApplicantKind(form.kind).label if form.kind in set(ApplicantKind) else form.kind
        size = SIZE_LABELS.get(form.size, "") if form.size else self.tr("not classified")
        phone = f"（{form.handler_phone}）" if form.handler_phone else ""
        agency = "，".join(
            t
            for t in (
                form.patent_agency,
                form.patent_attorney,
                form.attorney_phone,
            )
            if t
        )
        received = detail.received_on.isoformat()
        if detail.filed_by_agent:
            received += self.tr(", filed by an agent: %1").replace("%1", detail.agent_name)
        values = {
            "name": detail.applicant_name,
            "credit_code": detail.applicant.credit_code,
            "kind": f"{kind}，{size}",
            "address": form.address,
            "handler": f"{form.handler}{phone}",
            "agency": agency or self.tr("none"),
            "account": "\n".join(
                t for t in (form.account_name, form.bank, form.account_number) if t
            ),
            "received": received,
            "clerk": detail.clerk_name,
        }
        for key, label in self.fields.items():
            label.setText(values.get(key, ""))

    def _show_clerk_opinion(self, detail: CaseDetail) -> None:
        from core.db.clock import CHINA_TZ
        from core.records.states import Action

        reviews = [d for d in detail.decisions if d.action == Action.CLERK_REVIEW.value]
        if not reviews:
            self.clerk_opinion.setText(self.tr("No clerk's review yet."))
            return
        last = reviews[-1]
        self.clerk_opinion.setText(
            self.tr("%1\n— %2, %3")
            .replace("%1", last.reason)
            .replace("%2", last.actor_name)
            .replace("%3", last.at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M"))
        )

    def _show_duplicates(self, detail: CaseDetail) -> None:
        if not detail.duplicates:
            self.duplicates.setText(
                html.escape(self.tr("No patent or loan of this case is claimed in another case."))
            )
            self.duplicates_box.setStyleSheet("")
            return
        lines = []
        for dup in detail.duplicates:
            who = (
                self.tr("the same applicant")
                if dup.same_applicant
                else html.escape(dup.other_applicant)
            )
            lines.append(
                html.escape(
                    self.tr("Item %1: %2 %3 is also claimed in ")
                    .replace("%1", str(dup.position + 1))
                    .replace("%2", dup.subject)
                    .replace("%3", dup.patent)
                )
                + f"<a href='{CASE_LINK}{dup.other_case_id}'>{html.escape(dup.other_case_number)}</a>"
                + html.escape(
                    self.tr(" (%1, %2)").replace("%1", who).replace("%2", dup.other_status.label)
                )
            )
        self.duplicates.setText("<br>".join(lines))
        self.duplicates_box.setStyleSheet("QGroupBox { color: #b00020; }")

    def _link(self, link: str) -> None:
        if link.startswith(CASE_LINK):
            self.open_case_requested.emit(int(link[len(CASE_LINK) :]))

    def _missing_text(self, detail: CaseDetail) -> str:
        missing = detail.missing_materials
        if not missing:
            return self.tr("Every required material was handed in complete.")
        return self.tr("Missing or incomplete: %1").replace(
            "%1", "；".join(m.missing_text() for m in missing)
        )

    def _show_result(self, detail: CaseDetail) -> None:
        from core.engine.inputs import InputError
        from core.money import format_yuan, rmb_capitals
        from core.records.errors import RecordsError

        result: Any = None
        problem = ""
        frozen = detail.snapshot is not None
        try:
            if detail.snapshot is not None:
                from core.documents.model import ResultSnapshot

                result = ResultSnapshot.from_json(detail.snapshot.result)
            else:
                from core.records.case_queries import recalculate

                result = recalculate(self.context.db, detail.id)
        except (InputError, RecordsError) as exc:
            problem = self.tr("Cannot calculate: %1").replace("%1", str(exc))
        self.calc_panel.show_result(result, problem, frozen=frozen)
        self.claims_model.set_results(result.claims if result is not None else [])
        if result is None:
            self.total.setText(self.tr("Total: —"))
            self.capitals.clear()
            self.result_note.setText(problem)
            self._show_checks(detail, None)
            return
        self.total.setText(self.tr("Total: %1 yuan").replace("%1", format_yuan(result.total)))
        self.capitals.setText(self.tr("In capitals: %1").replace("%1", rmb_capitals(result.total)))
        notes = []
        if frozen:
            notes.append(self.tr("Frozen at approval."))
        if detail.notice_amount is not None and detail.notice_amount != result.total:
            notes.append(
                self.tr("After proration on the notice: %1 yuan.").replace(
                    "%1", format_yuan(detail.notice_amount)
                )
            )
        if detail.meeting_date is not None:
            notes.append(
                self.tr("Bureau meeting: %1, minute %2.")
                .replace("%1", detail.meeting_date.isoformat())
                .replace("%2", detail.meeting_minute or "")
            )
        if detail.objection:
            notes.append(self.tr("Objection: %1").replace("%1", detail.objection))
        if detail.paid_on is not None:
            notes.append(
                self.tr("Paid on %1, voucher %2.")
                .replace("%1", detail.paid_on.isoformat())
                .replace("%2", detail.voucher_no or "")
            )
        self.result_note.setText("\n".join(notes))
        self._show_checks(detail, result)

    def _show_checks(self, detail: CaseDetail, result: Any) -> None:
        """The 五(一)2 grounds: the clerk's findings on the applicant, and the engine's verdict."""
        policy = self.context.policy
        form = detail.applicant.form
        lines = []
        for ground in policy.rejection_grounds:
            flag = ground.applicant_flag
            if flag is None:
                continue
            found = bool(getattr(form, flag, False))
            note = str(getattr(form, f"{flag}_note", "") or "")
            source = str(getattr(form, f"{flag}_source", "") or "")
            verdict = self.tr("found") if found else self.tr("not found")
            color = "#b00020" if found else "#1b5e20"
            parts = [f"<b>{html.escape(ground.text)}</b>（{html.escape(ground.clause)}）："]
            parts.append(f"<span style='color:{color}'>{html.escape(verdict)}</span>")
            if note:
                parts.append("，" + html.escape(note))
            if source:
                parts.append(html.escape(self.tr("; checked: %1").replace("%1", source)))
            lines.append("".join(parts))
        if result is not None:
            if result.accepted:
                lines.append(html.escape(self.tr("The engine finds no ground for not accepting.")))
            else:
                grounds = "、".join(policy.ground(g).text for g in result.rejection_grounds)
                lines.append(
                    "<span style='color:#b00020'>"
                    + html.escape(self.tr("The engine finds: %1").replace("%1", grounds))
                    + "</span>"
                )
        if detail.intake_ground:
            lines.append(
                html.escape(
                    self.tr("Rejected at intake: %1").replace(
                        "%1", policy.ground(detail.intake_ground).text
                    )
                )
            )
        self.intake_checks.setText("<br>".join(lines))

    # -- deciding -------------------------------------------------------------------------------

    def possible_actions(self) -> set[Action]:
        """Steps the status allows to a role this user holds (core's transitions table)."""
        from core.records.states import actions_from

        assert self.detail is not None
        roles = self.context.user.roles
        return {t.action for t in actions_from(self.detail.status) if t.roles & roles}

    def _update_buttons(self) -> None:
        from core.records.states import SUPERVISOR_EDITABLE, Action
        from core.records.workflow import action_refusals, available_actions

        assert self.detail is not None
        db, user = self.context.db, self.context.user.id
        allowed = set(available_actions(db, user, self.case_id))
        refused = action_refusals(db, user, self.case_id)
        possible = self.possible_actions()
        for action, button in self.decisions.items():
            # A step a rule forbids to this person is greyed with core's reason, never asked
            # and then refused (issue 20 §10).
            button.setEnabled(action in allowed)
            button.setToolTip(refused.get(action, ""))
            button.setVisible(action in possible or action is not Action.DECIDE)
        reason = refused.get(Action.APPROVE, "")
        self.four_eyes.setVisible(bool(reason))
        self.four_eyes.setText(reason)
        open_for_review = self.detail.status in SUPERVISOR_EDITABLE
        self.edit_button.setEnabled(open_for_review and self.context.has_role("supervisor"))
        self.opinion.setEnabled(any(a in possible for a in self.decisions))
        self.opinion_label.setEnabled(self.opinion.isEnabled())

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    def decide(self, action: Action) -> bool:
        """Approve, return or refuse through core, with the opinion typed below."""
        from core.money import format_yuan
        from core.records import workflow
        from core.records.errors import RecordsError
        from core.records.states import Action

        assert self.detail is not None
        text = self.opinion.toPlainText().strip()
        if action is not Action.APPROVE and not text:
            self.show_message(
                self.tr("Please write the reason in the opinion box first."), error=True
            )
            self.opinion.setFocus()
            return False
        number = self.detail.case_number
        if action is Action.APPROVE:
            total = self.total.text()
            question = self.tr(
                "Approve %1? %2. The amounts are frozen at approval and the case goes on to the "
                "bureau meeting."
            )
            question = question.replace("%1", number).replace("%2", total)
        elif action is Action.RETURN:
            question = self.tr("Return %1 to the clerk for another review?").replace("%1", number)
        else:
            question = self.tr("Refuse %1 (不予资助)? This cannot be undone.").replace("%1", number)
        if not messages.confirm(self, action.label, question):
            return False
        db, user, version = self.context.db, self.context.user.id, self.detail.version
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if action is Action.APPROVE:
                changes = workflow.approve_case(
                    db, user, self.case_id, opinion=text, expected_version=version
                )
            elif action is Action.RETURN:
                changes = workflow.return_case(
                    db, user, self.case_id, text, expected_version=version
                )
            else:
                changes = workflow.refuse_case(
                    db, user, self.case_id, text, expected_version=version
                )
        except RecordsError as exc:
            QApplication.restoreOverrideCursor()
            self.show_message(str(exc), error=True)
            messages.warn(self, action.label, str(exc))
            return False
        except BaseException:
            QApplication.restoreOverrideCursor()  # then the error hook reports it
            raise
        QApplication.restoreOverrideCursor()
        self.opinion.clear()
        self.load()
        done = changes.note or self.tr("%1: done.").replace("%1", action.label)
        if action is Action.APPROVE and self.detail is not None:
            amount = self.detail.approved_amount
            if amount is not None:
                done = (
                    self.tr("%1 — approved amount %2 yuan.")
                    .replace("%1", done)
                    .replace("%2", format_yuan(amount))
                )
        self.show_message(done, error=False)
        self.changed.emit(changes)
        return True

    def record_meeting(self) -> Any:
        from desktop.controllers.review_meeting import ReviewMeetingDialog

        assert self.detail is not None
        dialog = ReviewMeetingDialog(
            self.context, [self.case_id], [self.detail.case_number], parent=self
        )
        qconnect(dialog.completed, self._meeting_done)
        dialog.open()
        return dialog

    def _meeting_done(self, changes: Changes) -> None:
        self.load()
        self.show_message(changes.note, error=False)
        self.changed.emit(changes)

    def refresh(self) -> None:
        """The case changed elsewhere (the case window saved it): read it again."""
        from core.records.errors import NotFound

        try:
            self.load()
        except NotFound:
            self.close()

    # -- printing -------------------------------------------------------------------------------

    def save_rule_case(self) -> Path | None:
        """存为测算用例: name and clause asked, then core writes it to the policy folder."""
        from core.records.errors import RecordsError
        from core.records.policy_admin import save_rule_case

        title = self.tr("Save as a test case")
        name, ok = QInputDialog.getText(
            self,
            title,
            self.tr("Name of the case (what the policy says it must give):"),
            text=f"局内：{self.detail.case_number}" if self.detail is not None else "局内：",
        )
        if not ok or not name.strip():
            return None
        clause, ok = QInputDialog.getText(
            self, title, self.tr("Clause it pins (e.g. 附件1·专利转让许可·第1行):"), text="附件1"
        )
        if not ok or not clause.strip():
            return None
        try:
            path = save_rule_case(self.context.db, self.context.user.id, self.case_id, name, clause)
        except RecordsError as exc:
            messages.warn(self, title, str(exc))
            return None
        messages.inform(
            self, title, self.tr("Saved in %1. Run it in 系统管理 → 政策.").replace("%1", str(path))
        )
        return path

    def print_opinion(self) -> PdfPreview | None:
        from core.records.errors import RecordsError
        from desktop.controllers.pdf_preview import open_preview
        from desktop.printing import Form, render_case_form

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = render_case_form(self.context, self.case_id, Form.REVIEW_OPINION)
        except RecordsError as exc:
            messages.warn(self, Form.REVIEW_OPINION.title, str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        number = self.detail.case_number if self.detail else ""
        form = Form.REVIEW_OPINION
        title = f"{form.title} — {number}"
        return open_preview(data, title, f"{number}{form.file_stem}", self.previews, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.closed.emit()
