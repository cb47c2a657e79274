"""系统管理 · LPR: the rates in force; an administrator adds a newly published one
(``core.records.lpr.add_lpr_rate`` checks the date and the rates, in its own words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.models.lpr_model import LprModel
from desktop.qt import QHeaderView, QWidget, Signal, from_qdate, qconnect, to_qdate
from desktop.views.admin_lpr_view import AdminLprView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class AdminLpr(AdminLprView):
    changed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.db.clock import local_today

        self.context = context
        self.model = LprModel(self)
        self.table.setModel(self.model)
        for column, width in enumerate((120, 110, 110, 160)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        today = local_today(context.db.clock)
        self.effective.setDate(to_qdate(today))
        qconnect(self.add_button.clicked, self.add)
        self.refresh()

    def refresh(self) -> None:
        from core.records.lpr import list_lpr_rates

        self.model.set_rows(list_lpr_rates(self.context.db))
        if self.model.rowCount():
            self.table.scrollToBottom()

    def add(self) -> bool:
        from core.records.errors import RecordsError
        from core.records.lpr import add_lpr_rate

        date = self.effective.date()
        try:
            changes = add_lpr_rate(
                self.context.db,
                self.context.user.id,
                from_qdate(date),
                self.one_year.text(),
                self.five_years.text(),
                self.note.text(),
            )
        except RecordsError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(str(exc))
            return False
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(changes.note)
        for edit in (self.one_year, self.five_years, self.note):
            edit.clear()
        self.refresh()
        self.changed.emit(changes)
        return True
