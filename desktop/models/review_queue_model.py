"""The supervisor's queues: cases awaiting review, awaiting the bureau meeting, awaiting
notice — oldest first, with the days waited (``core.records.supervisor_queries``)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from desktop.models.table_model import MUTED, RIGHT, Column, RowsTableModel
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject, translate

if TYPE_CHECKING:
    from core.policy.model import Policy
    from core.records.supervisor_queries import QueueRow

CONTEXT = "ReviewQueueModel"
DUPLICATE_COLOR = QColor("#b00020")

# The queue of 待审核: since when each case has waited for a supervisor.
REVIEW_COLUMNS = (
    Column("case_number", QT_TRANSLATE_NOOP("ReviewQueueModel", "Case number")),
    Column("applicant", QT_TRANSLATE_NOOP("ReviewQueueModel", "Applicant")),
    Column("items", QT_TRANSLATE_NOOP("ReviewQueueModel", "Items")),
    Column("amount", QT_TRANSLATE_NOOP("ReviewQueueModel", "Amount (yuan)"), RIGHT),
    Column("clerk", QT_TRANSLATE_NOOP("ReviewQueueModel", "Clerk")),
    Column("since", QT_TRANSLATE_NOOP("ReviewQueueModel", "Submitted")),
    Column("days", QT_TRANSLATE_NOOP("ReviewQueueModel", "Days waited"), RIGHT),
)
# Approved cases waiting for the bureau meeting (办公会审定), and decided ones for a notice.
APPROVED_COLUMNS = (
    Column("case_number", QT_TRANSLATE_NOOP("ReviewQueueModel", "Case number")),
    Column("applicant", QT_TRANSLATE_NOOP("ReviewQueueModel", "Applicant")),
    Column("items", QT_TRANSLATE_NOOP("ReviewQueueModel", "Items")),
    Column("amount", QT_TRANSLATE_NOOP("ReviewQueueModel", "Approved (yuan)"), RIGHT),
    Column("since", QT_TRANSLATE_NOOP("ReviewQueueModel", "Approved on")),
    Column("days", QT_TRANSLATE_NOOP("ReviewQueueModel", "Days waited"), RIGHT),
)
DECIDED_COLUMNS = (
    Column("case_number", QT_TRANSLATE_NOOP("ReviewQueueModel", "Case number")),
    Column("applicant", QT_TRANSLATE_NOOP("ReviewQueueModel", "Applicant")),
    Column("items", QT_TRANSLATE_NOOP("ReviewQueueModel", "Items")),
    Column("amount", QT_TRANSLATE_NOOP("ReviewQueueModel", "Approved (yuan)"), RIGHT),
    Column("meeting", QT_TRANSLATE_NOOP("ReviewQueueModel", "Bureau meeting")),
    Column("days", QT_TRANSLATE_NOOP("ReviewQueueModel", "Days waited"), RIGHT),
)


class ReviewQueueModel(RowsTableModel["QueueRow"]):
    CONTEXT = CONTEXT

    def __init__(
        self,
        policy: Policy,
        columns: tuple[Column, ...] = REVIEW_COLUMNS,
        parent: QObject | None = None,
        *,
        checkable: bool = False,
    ) -> None:
        super().__init__(parent, checkable=checkable)
        self.policy = policy
        self.COLUMNS = columns

    def key(self, row: QueueRow) -> Hashable:
        return row.case.id

    def text(self, row: QueueRow, key: str) -> str:
        from core.db.clock import CHINA_TZ
        from core.money import format_yuan

        case = row.case
        if key == "case_number":
            return f"{case.case_number}{' ⚠' if case.has_duplicate else ''}"
        if key == "applicant":
            return case.applicant_name
        if key == "items":
            items = self.policy.items
            return "、".join(items[c].name if c in items else c for c in case.items)
        if key == "amount":
            return format_yuan(case.amount) if case.amount is not None else ""
        if key == "clerk":
            return case.clerk_name
        if key == "since":
            if row.since is None:
                return ""
            return row.since.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        if key == "days":
            return str(row.days_waited)
        if key == "meeting":
            if row.meeting_date is None:
                return ""
            return f"{row.meeting_date.isoformat()} {row.meeting_minute or ''}".strip()
        return ""

    def foreground(self, row: QueueRow, key: str) -> QColor | None:
        if key == "case_number" and row.case.has_duplicate:
            return DUPLICATE_COLOR
        if row.involved:
            return MUTED
        return None

    def tooltip(self, row: QueueRow, key: str) -> str | None:
        if key == "case_number" and row.case.has_duplicate:
            return translate(
                "ReviewQueueModel", "A patent of this case is also claimed in another case"
            )
        if row.involved:
            return translate(
                "ReviewQueueModel",
                "You registered or reviewed this case: another supervisor must approve it.",
            )
        return None
