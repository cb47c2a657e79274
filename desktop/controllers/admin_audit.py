"""系统管理 · 审计日志: filter by user, case and dates; a page at a time, newest first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.models.audit_model import (
    AuditModel,
    action_text,
    change_summary,
    change_text,
    entity_text,
)
from desktop.models.table_model import ROW_ROLE
from desktop.qt import QHeaderView, QWidget, from_qdate, qconnect, to_qdate
from desktop.views.admin_audit_view import AdminAuditView

if TYPE_CHECKING:
    from core.records.supervisor_queries import AuditFilters
    from desktop.context import DeskContext


class AdminAudit(AdminAuditView):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.db.clock import local_today

        self.context = context
        self.case_missing = False
        self.model = AuditModel(context.db, self)
        self.table.setModel(self.model)
        for column, width in enumerate((60, 150, 110, 120, 130)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        today = local_today(context.db.clock)
        self.date_to.setDate(to_qdate(today))
        start = today - dt.timedelta(days=30)
        self.date_from.setDate(to_qdate(start))
        self._dates_toggled(False)
        self.fill_users()
        qconnect(self.apply_button.clicked, self.apply)
        qconnect(self.case.returnPressed, self.apply)
        qconnect(self.user.currentIndexChanged, lambda _: self.apply())
        qconnect(self.dates.toggled, self._dates_toggled)
        qconnect(self.first_button.clicked, lambda: self.page(0))
        qconnect(self.previous_button.clicked, lambda: self.page(-1))
        qconnect(self.next_button.clicked, lambda: self.page(1))
        qconnect(self.table.selectionModel().currentRowChanged, lambda *_: self._detail())
        self.apply()

    def fill_users(self) -> None:
        from core.records.supervisor_queries import audit_actors

        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Everyone"), None)
        for actor_id, name in audit_actors(self.context.db):
            self.user.addItem(name, actor_id)
        self.user.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        for widget in (self.date_from, self.to_label, self.date_to):
            widget.setEnabled(on)

    def filters(self) -> AuditFilters | None:
        """The filters as typed; None (and a message) when the case is not found."""
        from core.records.supervisor_queries import AuditFilters, find_case_id

        case_id = None
        text = self.case.text().strip()
        self.case_missing = False
        if text:
            case_id = find_case_id(self.context.db, text)
            if case_id is None:
                self.case_missing = True
                self.position.setText(self.tr("No single case matches “%1”.").replace("%1", text))
                return None
        on = self.dates.isChecked()
        return AuditFilters(
            actor_id=self.user.currentData(),
            case_id=case_id,
            date_from=from_qdate(self.date_from.date()) if on else None,
            date_to=from_qdate(self.date_to.date()) if on else None,
        )

    def apply(self) -> None:
        filters = self.filters()
        if filters is None:
            self.model.set_rows([])
            self._paging()
            return
        self.model.load(filters)
        self._paging()

    def refresh(self) -> None:
        self.fill_users()
        self.apply()

    def page(self, step: int) -> None:
        size = self.model.page_size
        offset = 0 if step == 0 else self.model.offset + step * size
        self.model.load(offset=min(max(offset, 0), max(self.model.total - 1, 0) // size * size))
        self._paging()

    def _paging(self) -> None:
        model = self.model
        first = model.offset + 1 if model.rows else 0
        last = model.offset + len(model.rows)
        if model.rows:
            self.position.setText(
                self.tr("Records %1–%2 of %3, newest first.")
                .replace("%1", f"{first:,}")
                .replace("%2", f"{last:,}")
                .replace("%3", f"{model.total:,}")
            )
        elif not self.case_missing:
            self.position.setText(self.tr("No record matches."))
        self.previous_button.setEnabled(model.offset > 0)
        self.first_button.setEnabled(model.offset > 0)
        self.next_button.setEnabled(last < model.total)
        if model.rows:
            self.table.selectRow(0)
        self._detail()

    def _detail(self) -> None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if row is None:
            self.detail.clear()
            return
        parts = [
            f"#{row.id}  {self.model.data(self.model.index(index.row(), 1))}  {row.actor_name}  "
            f"{entity_text(row.entity, row.entity_id, row.entity_name)}  {action_text(row.action, row.entity)}"
        ]
        parts.append("\n".join(change_summary(row)))
        # The record as stored too: the words above are a reading of it, this is the evidence.
        if row.before is not None:
            parts.append(self.tr("Before (as stored):") + "\n" + change_text(row.before))
        if row.after is not None:
            parts.append(self.tr("After (as stored):") + "\n" + change_text(row.after))
        self.detail.setPlainText("\n\n".join(parts))
