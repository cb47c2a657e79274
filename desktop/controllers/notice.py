"""公示与兑现: notice batches from decided cases, objections, closing, payouts.

Every number comes from core: the budget (``budget_status``), each batch as saved
(``list_notice_batches``), its cases (``notice_entries``). Every step is core's operation and a
refusal is shown in core's words. The 公示名单 and the 拨付清单 are rendered by core
(``core.records.documents``) on a worker thread, behind a progress dialog, and written where
the supervisor chooses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.outputs import default_file_name
from desktop import messages
from desktop.keyboard import enter_activates
from desktop.models.notice_models import NoticeBatchesModel, NoticeEntriesModel
from desktop.models.table_model import KEY_ROLE, ROW_ROLE
from desktop.qt import (
    QFileDialog,
    QHeaderView,
    QItemSelectionModel,
    QModelIndex,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.notice_view import NoticeView
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.records.changes import Changes
    from core.records.notice import NoticeBatchInfo
    from core.records.states import Action
    from core.records.supervisor_queries import EntryRow
    from desktop.context import DeskContext

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


class Notice(NoticeView):
    """``changed(Changes)`` after any step taken here; ``open_case_requested(id)``."""

    changed = Signal(object)
    open_case_requested = Signal(int)
    exported = Signal(object)  # the Path written

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.batch: NoticeBatchInfo | None = None
        self.jobs: list[Job[Any]] = []
        self.batches = NoticeBatchesModel(context.policy, self)
        self.batches_table.setModel(self.batches)
        self.entries = NoticeEntriesModel(self)
        self.entries_table.setModel(self.entries)
        for column, width in enumerate((150, 220, 80, 60, 140)):
            self.batches_table.setColumnWidth(column, width)
        # The table fills the pane: the notice period takes what the other columns leave.
        self.batches_table.horizontalHeader().setStretchLastSection(False)
        self.batches_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.splitter.setSizes([180, 560])
        for column, width in enumerate((212, 190, 100, 100, 80, 160)):
            self.entries_table.setColumnWidth(column, width)
        self.entries_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        qconnect(self.batches_table.selectionModel().currentRowChanged, self._batch_chosen)
        qconnect(self.entries_table.selectionModel().currentRowChanged, lambda *_: self._buttons())
        qconnect(self.entries.checked_changed, self._buttons)
        qconnect(self.entries_table.doubleClicked, self._open_index)
        enter_activates(self.entries_table, self._open_index)
        qconnect(self.new_button.clicked, self.new_batch)
        qconnect(self.ruling_button.clicked, self.year_ruling)
        qconnect(self.notice_pdf_button.clicked, lambda: self.export_notice("pdf"))
        qconnect(self.notice_xlsx_button.clicked, lambda: self.export_notice("xlsx"))
        qconnect(self.contact_button.clicked, self.save_contact)
        qconnect(self.remedy_button.clicked, self.save_remedy)
        qconnect(self.objection_button.clicked, lambda: self.objection(resolve=False))
        qconnect(self.resolve_button.clicked, lambda: self.objection(resolve=True))
        qconnect(self.close_button.clicked, self.close_batch)
        qconnect(self.payout_button.clicked, self.export_payout)
        qconnect(self.pay_button.clicked, self.mark_paid)
        qconnect(self.fund_button.clicked, self.record_funds)
        qconnect(self.payee_button.clicked, self.decide_payee_changes)
        qconnect(self.open_button.clicked, self.open_current)
        self._load_contact()
        self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def refresh(self, select_batch: int | None = None) -> None:
        """Budget, batches and the chosen batch's cases, read again from core."""
        from core.engine.results import ratio_text
        from core.money import format_yuan
        from core.records.notice import budget_status, list_notice_batches
        from core.records.states import Status
        from core.records.supervisor_queries import review_queue
        from core.records.year_ruling import ruling_in_force

        policy = self.context.policy
        budget, used, left = budget_status(self.context.db, policy.id)
        ruling = ruling_in_force(self.context.db, policy.id)
        if ruling is None:
            ratio = self.tr("the year's ratio is fixed by the year ruling after %1").replace(
                "%1", policy.deadline.isoformat()
            )
        else:
            ratio = (
                self.tr("the year's ratio %1 (year ruling no. %2)")
                .replace("%1", ratio_text(ruling.ratio))
                .replace("%2", str(ruling.number))
            )
        self.budget.setText(
            self.tr("%1 budget %2 yuan; held or paid %3 yuan; left %4 yuan; %5.")
            .replace("%1", str(policy.year))
            .replace("%2", format_yuan(budget))
            .replace("%3", format_yuan(used))
            .replace("%4", format_yuan(left))
            .replace("%5", ratio)
        )
        self.budget.setToolTip(policy.budget_clause)
        self._show_funds()
        decided = review_queue(
            self.context.db, self.context.user.id, (Status.DECIDED,), policy_id=policy.id
        )
        self.waiting.setText(
            self.tr("%1 decided case(s) await a notice.").replace("%1", str(len(decided)))
        )
        self.new_button.setEnabled(bool(decided) and self.context.has_role("supervisor"))
        keep = select_batch if select_batch is not None else (self.batch.id if self.batch else None)
        self.batches.set_rows(list_notice_batches(self.context.db, policy.id))
        row = self.batches.row_of_key(keep) if keep is not None else None
        if row is None and self.batches.rowCount():
            row = self.batches.rowCount() - 1  # the latest batch
        if row is None:
            self.batch = None
            self._show_batch()
            return
        self.batches_table.selectionModel().setCurrentIndex(
            self.batches.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.batch = self.batches.row(row)
        self._show_batch()

    def _batch_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.batch = self.batches.row(current.row()) if current.isValid() else None
        self._show_batch()

    def _show_batch(self) -> None:
        from core.engine.results import ratio_text
        from core.money import format_yuan
        from core.records.notice import OPEN
        from core.records.supervisor_queries import notice_entries

        batch = self.batch
        self.batch_box.setVisible(batch is not None)
        if batch is None:
            self.entries.set_rows([])
            self._buttons()
            return
        name = self.batches.name(batch)
        state = self.tr("on notice") if batch.status == OPEN else self.tr("closed")
        self.batch_box.setTitle(self.tr("%1 (%2)").replace("%1", name).replace("%2", state))
        ratio = ratio_text(batch.ratio)
        self.batch_header.setText(
            self.tr(
                "Notice from %1 to %2. Budget %3 yuan, held by earlier batches %4 yuan, left "
                "%5 yuan; approved in this batch %6 yuan, ratio %7, on notice %8 yuan."
            )
            .replace("%1", batch.start_date.isoformat())
            .replace("%2", batch.end_date.isoformat())
            .replace("%3", format_yuan(batch.budget))
            .replace("%4", format_yuan(batch.used_before))
            .replace("%5", format_yuan(batch.remaining))
            .replace("%6", format_yuan(batch.requested))
            .replace("%7", ratio)
            .replace("%8", format_yuan(batch.total))
        )
        current = self.current_entry()
        self.entries.set_rows(notice_entries(self.context.db, batch.id))
        if current is not None:
            row = self.entries.row_of_key(current.case_id)
            if row is not None:
                self.entries_table.selectRow(row)
        self._buttons()

    def current_entry(self) -> EntryRow | None:
        index = self.entries_table.currentIndex()
        if not index.isValid():
            return None
        row = self.entries.data(index, ROW_ROLE)
        return row if row is not None else None

    def _allowed(self, entry: EntryRow | None, action: Action) -> bool:
        """Whether the status allows the step to a role this user holds (core's table)."""
        from core.records.states import actions_from

        if entry is None:
            return False
        roles = self.context.user.roles
        return any(t.action is action and t.roles & roles for t in actions_from(entry.status))

    def cleared_entries(self) -> list[EntryRow]:
        from core.records.states import Status

        return [r for r in self.entries.rows if r.status is Status.CLEARED]

    def _buttons(self) -> None:
        from core.records.notice import CLOSED, OPEN
        from core.records.states import Action

        batch = self.batch
        entry = self.current_entry()
        supervisor = self.context.has_role("supervisor")
        for button in (self.notice_pdf_button, self.notice_xlsx_button):
            button.setEnabled(batch is not None)
        self.objection_button.setEnabled(self._allowed(entry, Action.RAISE_OBJECTION))
        self.resolve_button.setEnabled(self._allowed(entry, Action.UPHOLD_OBJECTION))
        self.close_button.setEnabled(batch is not None and batch.status == OPEN and supervisor)
        self.payout_button.setEnabled(batch is not None and batch.status == CLOSED)
        self.include_paid.setEnabled(self.payout_button.isEnabled())
        cleared = self.cleared_entries()
        self.pay_button.setEnabled(bool(cleared) and supervisor)
        ticked = len(self.entries.checked)
        self.pay_button.setText(
            self.tr("&Mark %1 ticked paid…").replace("%1", str(ticked))
            if ticked
            else self.tr("&Mark paid…")
        )
        self.open_button.setEnabled(entry is not None)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    def _done(self, changes: Changes, select_batch: int | None = None) -> None:
        self.refresh(select_batch)
        if changes.note:
            self.show_message(changes.note)
        self.changed.emit(changes)

    # -- steps -------------------------------------------------------------------------------

    def new_batch(self) -> QWidget:
        from desktop.controllers.notice_batch import NoticeBatchDialog

        dialog = NoticeBatchDialog(self.context, self)
        qconnect(dialog.completed, lambda changes: self._done(changes, changes.id))
        dialog.open()
        return dialog

    def year_ruling(self) -> QWidget:
        from desktop.controllers.year_ruling import YearRulingDialog

        dialog = YearRulingDialog(self.context, self)
        qconnect(dialog.completed, self._done)
        dialog.open()
        return dialog

    def objection(self, *, resolve: bool) -> QWidget | None:
        from desktop.controllers.notice_objection import NoticeObjectionDialog

        entry = self.current_entry()
        if entry is None:
            return None
        dialog = NoticeObjectionDialog(self.context, entry, resolve=resolve, parent=self)
        qconnect(dialog.completed, self._done)
        dialog.open()
        return dialog

    def close_batch(self) -> bool:
        from core.records.errors import RecordsError
        from core.records.notice import close_notice_batch

        batch = self.batch
        if batch is None:
            return False
        name = self.batches.name(batch)
        if not messages.confirm(
            self,
            self.tr("Close the notice"),
            self.tr(
                "Close %1? Cases without objection are cleared for payout; cases with an "
                "objection stay held until it is handled."
            ).replace("%1", name),
        ):
            return False
        try:
            changes = close_notice_batch(self.context.db, self.context.user.id, batch.id)
        except RecordsError as exc:
            self.show_message(str(exc), error=True)
            messages.warn(self, self.tr("Close the notice"), str(exc))
            return False
        self._done(changes, batch.id)
        return True

    def decide_payee_changes(self) -> QWidget:
        """收款账户变更 waiting for a supervisor (core.records.payee)."""
        from desktop.controllers.payee_change import PayeeDecisionDialog

        dialog = PayeeDecisionDialog(self.context, self)
        qconnect(dialog.changed, self._payee_decided)
        dialog.open()
        return dialog

    def _payee_decided(self, changes: object) -> None:
        self.changed.emit(changes)

    def _show_funds(self) -> None:
        from core.money import format_yuan
        from core.records.funds import fund_position

        position = fund_position(self.context.db, self.context.policy.id)
        if not position.tracked:
            self.funds.setText(self.tr("No transfer from the finance bureau recorded yet."))
            return
        self.funds.setText(
            self.tr("Received %1 yuan; paid %2 yuan; %3 yuan left to pay out.")
            .replace("%1", format_yuan(position.received))
            .replace("%2", format_yuan(position.paid))
            .replace("%3", format_yuan(position.available))
        )

    def record_funds(self) -> QWidget:
        """五(三)2: a transfer received from the 区财政局."""
        from desktop.controllers.fund_receipt import FundReceiptDialog

        dialog = FundReceiptDialog(self.context, self)
        qconnect(dialog.completed, self._funds_recorded)
        dialog.open()
        return dialog

    def _funds_recorded(self, changes: Any) -> None:
        self.refresh()
        self.message.setText(changes.note)

    def mark_paid(self) -> QWidget | None:
        from desktop.controllers.notice_payment import NoticePaymentDialog

        entries = self.entries.checked_rows() or self.cleared_entries()
        if not entries:
            return None
        dialog = NoticePaymentDialog(self.context, entries, self)
        qconnect(dialog.completed, self._paid)
        dialog.open()
        return dialog

    def _paid(self, changes: Changes) -> None:
        self.entries.check_all(False)
        self._done(changes)

    def save_contact(self) -> None:
        from core.records.documents import set_objection_contact
        from core.records.errors import RecordsError

        try:
            changes = set_objection_contact(
                self.context.db, self.context.user.id, self.contact.text()
            )
        except RecordsError as exc:
            self.show_message(str(exc), error=True)
            return
        self.show_message(self.tr("Saved: printed on every notice list from now on."))
        self.changed.emit(changes)

    def save_remedy(self) -> None:
        from core.records.documents import set_remedy_bodies
        from core.records.errors import RecordsError

        try:
            changes = set_remedy_bodies(
                self.context.db, self.context.user.id, self.review_body.text(), self.court.text()
            )
        except RecordsError as exc:
            self.show_message(str(exc), error=True)
            return
        self.show_message(self.tr("Saved: named on every rejection notice from now on."))
        self.changed.emit(changes)

    def _load_contact(self) -> None:
        from core.records.documents import objection_contact, remedy_bodies

        self.contact.setText(objection_contact(self.context.db))
        body, court = remedy_bodies(self.context.db)
        self.review_body.setText(body)
        self.court.setText(court)

    # -- opening ---------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        value = self.entries.data(index, KEY_ROLE)
        if isinstance(value, int):
            self.open_case_requested.emit(value)

    def open_current(self) -> None:
        index = self.entries_table.currentIndex()
        if index.isValid():
            self._open_index(index)

    # -- exports (off the GUI thread) ---------------------------------------------------------------

    def _ask_path(self, title: str, file_name: str, file_filter: str, suffix: str) -> Path | None:
        from desktop.folders import remember_export, suggested_export

        path, _ = QFileDialog.getSaveFileName(self, title, suggested_export(file_name), file_filter)
        if not path:
            return None
        remember_export(path)
        target = Path(path)
        return target if target.suffix.lower() == suffix else target.with_suffix(suffix)

    def _export(self, title: str, target: Path, render: Callable[[], bytes]) -> Job[Any]:
        def work(progress: Progress) -> Path:
            data = render()
            if not progress(1, 2):
                from core.db.sqlite_copy import BackupCancelled

                raise BackupCancelled()
            target.write_bytes(data)
            progress(2, 2)
            return target

        def done(path: Path) -> None:
            self.show_message(self.tr("Saved to %1").replace("%1", str(path)))
            self.exported.emit(path)

        def failed(exc: BaseException) -> None:
            from core.db.errors import DatabaseError
            from core.records.errors import RecordsError

            if isinstance(exc, RecordsError | DatabaseError | OSError):
                self.show_message(str(exc), error=True)
                messages.warn(self, title, str(exc))
            else:
                from desktop.errors import report_exception

                report_exception(exc)

        job = run_with_progress(
            self, self.tr("Writing %1…").replace("%1", target.name), work, done, failed
        )
        self.jobs.append(job)
        return job

    def export_notice(self, kind: str) -> Job[Any] | None:
        """The 公示名单 of the chosen batch, as a PDF or a workbook (credit codes and accounts
        masked by core, as published)."""
        batch = self.batch
        if batch is None:
            return None
        name = self.batches.name(batch)
        title = self.tr("Export the notice list")
        if kind == "pdf":
            target = self._ask_path(
                title, default_file_name(f"{name}公示名单", ".pdf"), PDF_FILTER, ".pdf"
            )
        else:
            target = self._ask_path(
                title, default_file_name(f"{name}公示名单", ".xlsx"), XLSX_FILTER, ".xlsx"
            )
        if target is None:
            return None
        db, batch_id, contact = self.context.db, batch.id, self.contact.text().strip() or None

        def render() -> bytes:
            from core.records.documents import notice_list

            data = notice_list(db, batch_id, contact=contact)
            if kind == "pdf":
                from core.documents.notice_list import render_notice_list

                return render_notice_list(data)
            from core.documents.workbooks import notice_list_workbook

            return notice_list_workbook(data)

        return self._export(title, target, render)

    def export_payout(self) -> Job[Any] | None:
        """The 拨付清单 of the chosen (closed) batch, for the finance bureau."""
        batch = self.batch
        if batch is None:
            return None
        name = self.batches.name(batch)
        title = self.tr("Export the payout list")
        target = self._ask_path(
            title, default_file_name(f"{name}拨付清单", ".xlsx"), XLSX_FILTER, ".xlsx"
        )
        if target is None:
            return None
        db, batch_id, include = self.context.db, batch.id, self.include_paid.isChecked()

        def render() -> bytes:
            from core.records.documents import payout_workbook_for_batch

            return payout_workbook_for_batch(db, batch_id, include_paid=include)

        return self._export(title, target, render)
