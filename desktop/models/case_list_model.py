"""The case list as a Qt table model over core's paged query (``core.records.queries``).

Never the whole table in memory: ``rowCount`` is the total core reports, and rows are read a
page at a time when the view first asks for them, into a small cache of recent pages. So the
scroll bar is true to size, and a 100,000-case database costs one page and one count to show.
Sorting and filtering are done by core in SQL; the model only passes them on.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop.models.table_model import ERROR, KEY_ROLE, RIGHT, ROW_ROLE, Column, TableModel
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject, Qt, Signal, translate

if TYPE_CHECKING:
    from core.db.database import Database
    from core.policy.model import Policy
    from core.records.queries import CaseFilters, CasePage, CaseRow, CaseSort
    from core.records.states import Status

PAGE_SIZE = 200
MAX_CACHED_PAGES = 16
# Roles for the views and controllers: the case id behind a row, and the row itself.
CASE_ID_ROLE = KEY_ROLE
CASE_ROW_ROLE = ROW_ROLE
# Keys that core can sort by map to a CaseSort value; the rest do not sort.
SORTABLE = ("case_number", "applicant", "received_on", "status", "amount")


class CaseListModel(TableModel["CaseRow"]):
    """Rows of ``list_cases``; ``refreshed`` carries the total and the count per status.

    ``refresh()`` reads at once (after a save); ``request()`` reads on a worker thread (as the
    clerk types or changes a filter), so a broad search never freezes typing: the rows shown
    stay those of the filters they were read with until the new page arrives, and an answer
    to an older request is dropped.
    """

    CONTEXT = "CaseListModel"
    COLUMNS = (
        Column("case_number", QT_TRANSLATE_NOOP("CaseListModel", "Case number")),
        Column("applicant", QT_TRANSLATE_NOOP("CaseListModel", "Applicant")),
        Column("credit_code", QT_TRANSLATE_NOOP("CaseListModel", "Credit code")),
        Column("received_on", QT_TRANSLATE_NOOP("CaseListModel", "Received")),
        Column("items", QT_TRANSLATE_NOOP("CaseListModel", "Items")),
        Column("status", QT_TRANSLATE_NOOP("CaseListModel", "Status")),
        Column("amount", QT_TRANSLATE_NOOP("CaseListModel", "Amount (yuan)"), RIGHT),
        Column("clerk", QT_TRANSLATE_NOOP("CaseListModel", "Clerk")),
    )
    refreshed = Signal(int, object)  # total, dict[Status, int]
    busy = Signal(bool)
    failed = Signal(object)  # the exception of a background read

    def __init__(self, db: Database, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from core.records.queries import CaseFilters, CaseSort

        self.db = db
        self.policy = policy
        self.filters: CaseFilters = CaseFilters()
        self.sort_key: CaseSort = CaseSort.CASE_NUMBER
        self.descending = True
        self.total = 0
        self.counts: dict[Status, int] = {}
        # False while a broad search is shown uncounted; ``more`` when its total is capped.
        self.counted = True
        self.more = False
        self._pages: OrderedDict[int, tuple[CaseRow, ...]] = OrderedDict()
        # How many times core was asked, for tests and the benchmark.
        self.queries = 0
        self._generation = 0
        self._jobs: set[Any] = set()

    # -- loading ---------------------------------------------------------------------------

    def _fetch(self, page: int, with_counts: bool) -> CasePage:
        from core.records.queries import list_cases

        self.queries += 1
        return list_cases(
            self.db,
            self.filters,
            self.sort_key,
            offset=page * PAGE_SIZE,
            limit=PAGE_SIZE,
            descending=self.descending,
            with_counts=with_counts,
        )

    def refresh(self) -> None:
        """Read the first page, the total and the counts again, now (data changed)."""
        self._generation += 1
        self._apply(self._fetch(0, with_counts=True), self.filters, self.sort_key, self.descending)

    def request(self, filters: CaseFilters) -> None:
        """Read with new filters on a worker thread; ``refreshed`` fires when it is shown."""
        from core.records.queries import list_cases
        from desktop.workers import Job

        self._generation += 1
        generation = self._generation
        sort_key, descending, db = self.sort_key, self.descending, self.db

        def work(progress: Any) -> CasePage:
            return list_cases(
                db, filters, sort_key, 0, PAGE_SIZE, descending=descending, with_counts=True
            )

        def done(page: CasePage) -> None:
            self._jobs.discard(job)
            if generation == self._generation:
                self.queries += 1
                self._apply(page, filters, sort_key, descending)
                self.busy.emit(False)

        def fail(exc: BaseException) -> None:
            self._jobs.discard(job)
            if generation == self._generation:
                self.busy.emit(False)
                self.failed.emit(exc)

        job: Any = Job(work, done, fail, self)
        self._jobs.add(job)
        self.busy.emit(True)
        job.start()

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    def _apply(
        self, first: CasePage, filters: CaseFilters, sort_key: CaseSort, descending: bool
    ) -> None:
        self.filters, self.sort_key, self.descending = filters, sort_key, descending
        self.beginResetModel()
        self._pages.clear()
        self._pages[0] = first.rows
        self.total = first.total
        self.counts = dict(first.counts_by_status)
        self.counted, self.more = first.counted, first.more
        self.endResetModel()
        self.refreshed.emit(self.total, self.counts)

    def set_filters(self, filters: CaseFilters) -> None:
        self.filters = filters
        self.refresh()

    def set_search(self, text: str) -> None:
        self.set_filters(replace(self.filters, search=text.strip() or None))

    def case_row(self, row: int) -> CaseRow | None:
        if not 0 <= row < self.total:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._fetch(page, with_counts=False).rows
            self._pages[page] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        # Rows may have gone since the count (another desk changed the list): show a blank.
        return rows[offset] if offset < len(rows) else None

    def case_id(self, row: int) -> int | None:
        case = self.case_row(row)
        return case.id if case is not None else None

    def row_of_case(self, case_id: int) -> int | None:
        """The row of a case among the pages already read (None if not loaded)."""
        for page, rows in self._pages.items():
            for offset, case in enumerate(rows):
                if case.id == case_id:
                    return page * PAGE_SIZE + offset
        return None

    # -- how a row reads ---------------------------------------------------------------------

    def row_count(self) -> int:
        return self.total

    def row_at(self, number: int) -> CaseRow | None:
        return self.case_row(number)

    def key(self, row: CaseRow) -> int:
        return row.id

    def tooltip(self, row: CaseRow, key: str) -> str | None:
        if key == "case_number" and row.has_duplicate:
            return translate(
                "CaseListModel", "A patent of this case is also claimed in another case"
            )
        return None

    def foreground(self, row: CaseRow, key: str) -> QColor | None:
        return ERROR if key == "case_number" and row.has_duplicate else None

    def text(self, case: CaseRow, key: str) -> str:
        from core.money import format_yuan

        if key == "case_number":
            return f"{case.case_number}{' ⚠' if case.has_duplicate else ''}"
        if key == "applicant":
            return case.applicant_name
        if key == "credit_code":
            return case.credit_code
        if key == "received_on":
            return case.received_on.isoformat()
        if key == "items":
            items = self.policy.items
            return "、".join(items[c].name if c in items else c for c in case.items)
        if key == "status":
            return case.status.label
        if key == "amount":
            return format_yuan(case.amount) if case.amount is not None else ""
        if key == "clerk":
            return case.clerk_name
        return ""

    def set_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Choose core's sort for a column (without reading); False if it cannot sort."""
        from core.records.queries import CaseSort

        if not 0 <= column < len(self.COLUMNS) or self.COLUMNS[column].key not in SORTABLE:
            return False
        self.sort_key = CaseSort(self.COLUMNS[column].key)
        self.descending = order == Qt.SortOrder.DescendingOrder
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.set_sort(column, order):
            self.refresh()
