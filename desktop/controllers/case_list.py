"""The case list's logic: filters and as-you-type search passed to core, open on Enter.

The search waits for a pause in typing (150 ms) so that a fast typist costs one query, not
one per key. The filters and the column layout are remembered per list (QSettings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop import settings
from desktop.models.case_list_model import CASE_ID_ROLE, CaseListModel
from desktop.models.status_counts_model import STATUS_ROLE, StatusCountsModel
from desktop.qt import (
    QDate,
    QItemSelectionModel,
    QKeySequence,
    QModelIndex,
    QShortcut,
    QSignalBlocker,
    Qt,
    QTimer,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
)
from desktop.views.case_list_view import CaseListView

if TYPE_CHECKING:
    from core.records.documents import PrintedForms
    from core.records.queries import CaseFilters
    from core.records.states import Status
    from desktop.context import DeskContext
    from desktop.printing import Form
    from desktop.workers import Job

SEARCH_DELAY_MS = 150
#: The first layout: what a clerk looks for first, 状态 and 金额 included, fits a 1366×768
#: screen at 125 % (1093 logical pixels) beside the status list (issue 20 §7).
DEFAULT_ORDER = ("case_number", "applicant", "status", "amount", "received_on", "items")
DEFAULT_WIDTHS = {
    "case_number": 190,
    "applicant": 230,
    "status": 90,
    "amount": 110,
    "received_on": 90,
    "items": 220,
    "credit_code": 170,
    "clerk": 70,
}


class CaseList(CaseListView):
    """``open_requested(case_id)`` on double-click or Enter; ``new_requested`` for a new case."""

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(
        self,
        context: DeskContext,
        parent: QWidget | None = None,
        *,
        name: str = "intake",
        fixed_statuses: tuple[Status, ...] = (),
        can_create: bool = True,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.name = name
        # A list fixed to some statuses (待我审核) hides the status chooser.
        self.fixed_statuses = fixed_statuses
        self.model = CaseListModel(context.db, context.policy, self)
        self.status_model = StatusCountsModel(self)
        self.table.setModel(self.model)
        self.statuses.setModel(self.status_model)
        self.new_button.setVisible(can_create)
        self.statuses.setVisible(not fixed_statuses)
        self._loading = True
        self._reselect: int | None = None
        self._saved_filters: dict[str, Any] = {}
        self._focus_single = False
        self._fill_filters()

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        qconnect(self.search_timer.timeout, self.apply_filters)
        qconnect(self.search.textChanged, lambda _: self.search_timer.start())
        qconnect(self.search.returnPressed, self._search_now)
        qconnect(self.item_filter.currentIndexChanged, lambda _: self.apply_filters())
        qconnect(self.year_filter.currentIndexChanged, lambda _: self.apply_filters())
        qconnect(self.date_filter.toggled, self._date_toggled)
        qconnect(self.date_from.dateChanged, lambda _: self.apply_filters())
        qconnect(self.date_to.dateChanged, lambda _: self.apply_filters())
        qconnect(self.clear_button.clicked, self.clear_filters)
        qconnect(self.new_button.clicked, self.new_requested.emit)
        qconnect(self.open_button.clicked, self.open_current)
        self.previews: list[QWidget] = []
        from desktop.controllers.batch_printing import BATCH_FORMS

        for form in BATCH_FORMS:
            action = self.print_menu.addAction(form.title)
            qconnect(action.triggered, lambda _=False, f=form: self.print_selected(f))
        qconnect(self.table.doubleClicked, self._open_index)
        qconnect(self.model.refreshed, self._refreshed)
        qconnect(self.model.busy, self._busy)
        qconnect(self.model.failed, self._failed)
        qconnect(self.table.selectionModel().currentRowChanged, self._current_row)
        selection = self.statuses.selectionModel()
        qconnect(selection.currentChanged, lambda *_: self.apply_filters())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            qconnect(shortcut.activated, self.open_current)
        self._restore()
        self._loading = False
        # The first page is read at once: the list opens with its rows (about 40 ms).
        self.model.set_filters(self.filters())
        header = self.table.horizontalHeader()
        qconnect(header.sectionResized, lambda *_: self._save_header())

    # -- filters ---------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        from core.policy.loader import available_policies, load_policy

        policy = self.context.policy
        self.item_filter.addItem(self.tr("All items"), None)
        for item in policy.items.values():
            self.item_filter.addItem(item.name, item.code)
        self.year_filter.addItem(self.tr("All years"), None)
        years = sorted({load_policy(p).year for p in available_policies()} | {policy.year})
        for year in reversed(years):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(self.year_filter.findData(policy.year))
        self.date_from.setDate(to_qdate(policy.window_start))
        self.date_to.setDate(to_qdate(policy.deadline))
        self._date_toggled(False, apply=False)

    def _date_toggled(self, on: bool, apply: bool = True) -> None:
        for widget in (self.date_from, self.date_to, self.date_to_label):
            widget.setEnabled(on)
        if apply:
            self.apply_filters()

    def current_status(self) -> Status | None:
        index = self.statuses.currentIndex()
        if not index.isValid():
            return None
        status: Status | None = self.status_model.data(index, STATUS_ROLE)
        return status

    def filters(self) -> CaseFilters:
        from core.records.queries import CaseFilters

        status = self.current_status()
        statuses = self.fixed_statuses or ((status,) if status is not None else ())
        on = self.date_filter.isChecked()
        return CaseFilters(
            statuses=statuses,
            item=self.item_filter.currentData(),
            year=self.year_filter.currentData(),
            received_from=from_qdate(self.date_from.date()) if on else None,
            received_to=from_qdate(self.date_to.date()) if on else None,
            search=self.search.text().strip() or None,
        )

    def apply_filters(self) -> None:
        """Filters or search changed: read again on a worker thread (typing never waits)."""
        if self._loading:
            return
        self.search_timer.stop()
        if self._reselect is None:
            self._reselect = self.selected_case_id()
        self.model.request(self.filters())
        self._save()

    def _search_now(self) -> None:
        self._focus_single = True
        self.apply_filters()

    def clear_filters(self) -> None:
        self._loading = True
        self.search.clear()
        self.item_filter.setCurrentIndex(0)
        self.year_filter.setCurrentIndex(self.year_filter.findData(self.context.policy.year))
        self.date_filter.setChecked(False)
        self.statuses.setCurrentIndex(self.status_model.index(0))
        self._loading = False
        self.apply_filters()

    def refresh(self) -> None:
        """Data changed elsewhere (a case was saved): read the list again, keep the selection."""
        self._reselect = self.selected_case_id()
        self.model.refresh()

    def _refreshed(self, total: int, counts: dict[Status, int]) -> None:
        self.status_model.set_counts(counts, counted=self.model.counted)
        if self.model.more:
            self.summary.setText(
                self.tr("More than %1 cases match; type more to narrow the search").replace(
                    "%1", f"{total:,}"
                )
            )
        else:
            self.summary.setText(self.tr("%1 cases").replace("%1", f"{total:,}"))
        selected, self._reselect = self._reselect, None
        if selected is not None:
            self.select_case(selected)
        if self._focus_single:
            self._focus_single = False
            if self.model.rowCount() == 1:
                self.table.setFocus()
                self.table.selectRow(0)

    def _busy(self, busy: bool) -> None:
        if busy:
            self.summary.setText(self.tr("Searching…"))

    def _failed(self, exc: BaseException) -> None:
        from desktop.errors import report_exception

        report_exception(exc)

    # -- opening ---------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, CASE_ID_ROLE)
        return value if isinstance(value, int) else None

    def _current_row(self, current: QModelIndex, *_: object) -> None:
        case = self.model.case_row(current.row()) if current.isValid() else None
        note = ""
        if case is not None and case.has_duplicate:
            note = "⚠ " + self.tr(
                "%1: a patent of this case is also claimed in another case"
            ).replace("%1", case.case_number)
        self.row_note.setText(note)

    def selected_case_ids(self) -> list[int]:
        """The selected rows' cases, top to bottom (the order they print in)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.data(self.model.index(row, 0), CASE_ID_ROLE) for row in rows]
        return [case_id for case_id in ids if isinstance(case_id, int)]

    def print_selected(self, form: Form) -> Job[PrintedForms] | None:
        """One PDF with ``form`` for each selected case, behind a progress dialog."""
        from desktop.controllers.batch_printing import print_cases

        def shown(preview: QWidget) -> None:
            self.previews.append(preview)
            qconnect(preview.destroyed, lambda _=None, p=preview: self.previews.remove(p))

        return print_cases(self, self.context, self.selected_case_ids(), form, shown)

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of_case(case_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _open_index(self, index: QModelIndex) -> None:
        value = self.model.data(index, CASE_ID_ROLE)
        if isinstance(value, int):
            self.open_requested.emit(value)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    # -- remembered between runs ---------------------------------------------------------------

    def _key(self, base: str) -> str:
        return f"{base}/{self.name}"

    def _save(self) -> None:
        if self._loading:
            return
        status = self.current_status()
        on = self.date_filter.isChecked()
        saved: dict[str, Any] = {
            "status": status.value if status is not None else "",
            "item": self.item_filter.currentData() or "",
            "year": str(self.year_filter.currentData() or ""),
            "dates": "1" if on else "",
            "from": self.date_from.date().toString("yyyy-MM-dd"),
            "to": self.date_to.date().toString("yyyy-MM-dd"),
        }
        # Written only when a filter changed, not on every keystroke of the search.
        if saved != self._saved_filters:
            self._saved_filters = saved
            settings.put(self._key(settings.CASE_LIST_FILTERS), saved)

    def _default_columns(self) -> None:
        header = self.table.horizontalHeader()
        keys = [column.key for column in self.model.COLUMNS]
        for position, key in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(keys.index(key)), position)
        for column, key in enumerate(keys):
            self.table.setColumnWidth(column, DEFAULT_WIDTHS[key])

    def _save_header(self) -> None:
        settings.put(
            self._key(settings.CASE_LIST_HEADER), self.table.horizontalHeader().saveState()
        )

    def _restore(self) -> None:
        from core.records.states import Status

        saved = settings.get_dict(self._key(settings.CASE_LIST_FILTERS))
        status_text = str(saved.get("status", ""))
        status = Status(status_text) if status_text in {s.value for s in Status} else None
        self.statuses.setCurrentIndex(self.status_model.index(self.status_model.row_of(status)))
        item = self.item_filter.findData(saved.get("item") or None)
        self.item_filter.setCurrentIndex(max(item, 0))
        year_text = str(saved.get("year", ""))
        if year_text.isdigit():
            index = self.year_filter.findData(int(year_text))
            if index >= 0:
                self.year_filter.setCurrentIndex(index)
        elif "year" in saved:
            self.year_filter.setCurrentIndex(0)
        for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
            value = QDate.fromString(str(saved.get(key, "")), "yyyy-MM-dd")
            if value.isValid():
                edit.setDate(value)
        self.date_filter.setChecked(bool(saved.get("dates")))
        self._date_toggled(self.date_filter.isChecked(), apply=False)
        header = self.table.horizontalHeader()
        state = settings.get_bytes(self._key(settings.CASE_LIST_HEADER))
        # Signals blocked: restoring the sort indicator must not query before the filters are set.
        with QSignalBlocker(header):
            if state is None or not header.restoreState(state):
                self._default_columns()
                header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.model.set_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
