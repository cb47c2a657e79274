"""公示与兑现's tables: the notice batches, a batch's cases, a proposed batch before and after
proration, and the vouchers of payouts being recorded (all from ``core.records.notice``)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from desktop.models.table_model import (
    ERROR,
    GOOD,
    RIGHT,
    WARN,
    Column,
    RowsTableModel,
)
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QObject,
    translate,
)

if TYPE_CHECKING:
    from core.policy.model import Policy
    from core.records.notice import NoticeBatchInfo, NoticeLine
    from core.records.supervisor_queries import EntryRow
    from core.records.year_ruling import YearLine


def _yuan(value: Any) -> str:
    from core.money import format_yuan

    return format_yuan(value) if value is not None else ""


class NoticeBatchesModel(RowsTableModel["NoticeBatchInfo"]):
    CONTEXT = "NoticeBatchesModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("NoticeBatchesModel", "Batch")),
        Column("period", QT_TRANSLATE_NOOP("NoticeBatchesModel", "Notice period")),
        Column("status", QT_TRANSLATE_NOOP("NoticeBatchesModel", "Status")),
        Column("cases", QT_TRANSLATE_NOOP("NoticeBatchesModel", "Cases"), RIGHT),
        Column("total", QT_TRANSLATE_NOOP("NoticeBatchesModel", "Total (yuan)"), RIGHT),
    )

    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy

    def name(self, row: NoticeBatchInfo) -> str:
        """As the batch is named on paper: 2024年第一批 (core's ``batch_name``)."""
        from core.policy.loader import load_policy
        from core.records.documents import batch_name

        policy = self.policy if row.policy_id == self.policy.id else load_policy(row.policy_id)
        return batch_name(policy, row.number)

    def text(self, row: NoticeBatchInfo, key: str) -> str:
        from core.records.notice import OPEN

        if key == "name":
            return self.name(row)
        if key == "period":
            return f"{row.start_date.isoformat()} — {row.end_date.isoformat()}"
        if key == "status":
            if row.status == OPEN:
                return translate("NoticeBatchesModel", "On notice")
            return translate("NoticeBatchesModel", "Closed")
        if key == "cases":
            return str(row.cases)
        if key == "total":
            return _yuan(row.total)
        return ""

    def foreground(self, row: NoticeBatchInfo, key: str) -> QColor | None:
        from core.records.notice import OPEN

        if key == "status":
            return WARN if row.status == OPEN else GOOD
        return None


class NoticeEntriesModel(RowsTableModel["EntryRow"]):
    """A batch's cases; those cleared for payout can be ticked (to record payment)."""

    CONTEXT = "NoticeEntriesModel"
    COLUMNS = (
        Column("case_number", QT_TRANSLATE_NOOP("NoticeEntriesModel", "Case number")),
        Column("applicant", QT_TRANSLATE_NOOP("NoticeEntriesModel", "Applicant")),
        Column("before", QT_TRANSLATE_NOOP("NoticeEntriesModel", "Approved (yuan)"), RIGHT),
        Column("amount", QT_TRANSLATE_NOOP("NoticeEntriesModel", "On notice (yuan)"), RIGHT),
        Column("status", QT_TRANSLATE_NOOP("NoticeEntriesModel", "Status")),
        Column("objection", QT_TRANSLATE_NOOP("NoticeEntriesModel", "Objection and handling")),
        Column("paid", QT_TRANSLATE_NOOP("NoticeEntriesModel", "Paid")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, checkable=True)

    def key(self, row: EntryRow) -> Hashable:
        return row.case_id

    def can_check(self, row: EntryRow) -> bool:
        from core.records.states import Status

        return row.status is Status.CLEARED

    def text(self, row: EntryRow, key: str) -> str:
        if key == "case_number":
            return row.case_number
        if key == "applicant":
            return row.applicant_name
        if key == "before":
            return _yuan(row.before)
        if key == "amount":
            return _yuan(row.amount)
        if key == "status":
            return row.status.label
        if key == "objection":
            if not row.objection:
                return ""
            if row.resolution:
                return f"{row.objection} → {row.resolution}"
            return row.objection
        if key == "paid":
            if row.paid_on is None:
                return ""
            return f"{row.paid_on.isoformat()} {row.voucher_no or ''}".strip()
        return ""

    def foreground(self, row: EntryRow, key: str) -> QColor | None:
        from core.records.states import Status

        if key == "amount" and row.amount != row.before:
            return WARN
        if key == "status":
            if row.status is Status.OBJECTION:
                return ERROR
            if row.status is Status.REFUSED:
                return ERROR
            if row.status in (Status.CLEARED, Status.PAID):
                return GOOD
        return None

    def tooltip(self, row: EntryRow, key: str) -> str | None:
        if key == "objection" and row.objection:
            text = translate("NoticeEntriesModel", "Objection: %1").replace("%1", row.objection)
            if row.resolution:
                text += "\n" + translate("NoticeEntriesModel", "Handling: %1").replace(
                    "%1", row.resolution
                )
            return text
        return None


class NoticePreviewModel(RowsTableModel["NoticeLine"]):
    """Each case of a proposed batch: its approved amount, and after proration."""

    CONTEXT = "NoticePreviewModel"
    COLUMNS = (
        Column("case_number", QT_TRANSLATE_NOOP("NoticePreviewModel", "Case number")),
        Column("applicant", QT_TRANSLATE_NOOP("NoticePreviewModel", "Applicant")),
        Column("before", QT_TRANSLATE_NOOP("NoticePreviewModel", "Approved (yuan)"), RIGHT),
        Column("after", QT_TRANSLATE_NOOP("NoticePreviewModel", "After proration (yuan)"), RIGHT),
        Column("cut", QT_TRANSLATE_NOOP("NoticePreviewModel", "Reduced by (yuan)"), RIGHT),
    )

    def key(self, row: NoticeLine) -> Hashable:
        return row.case_id

    def text(self, row: NoticeLine, key: str) -> str:
        if key == "case_number":
            return row.case_number
        if key == "applicant":
            return row.applicant_name
        if key == "before":
            return _yuan(row.before)
        if key == "after":
            return _yuan(row.after)
        if key == "cut":
            return _yuan(row.before - row.after)
        return ""

    def foreground(self, row: NoticeLine, key: str) -> QColor | None:
        if key in ("after", "cut") and row.after != row.before:
            return WARN
        return None


class NoticePaymentsModel(RowsTableModel["EntryRow"]):
    """The payouts being recorded: one voucher number per case, typed in the table."""

    CONTEXT = "NoticePaymentsModel"
    COLUMNS = (
        Column("case_number", QT_TRANSLATE_NOOP("NoticePaymentsModel", "Case number")),
        Column("applicant", QT_TRANSLATE_NOOP("NoticePaymentsModel", "Applicant")),
        Column("amount", QT_TRANSLATE_NOOP("NoticePaymentsModel", "Amount (yuan)"), RIGHT),
        Column("voucher", QT_TRANSLATE_NOOP("NoticePaymentsModel", "Voucher number")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vouchers: dict[int, str] = {}

    def key(self, row: EntryRow) -> Hashable:
        return row.case_id

    def text(self, row: EntryRow, key: str) -> str:
        if key == "case_number":
            return row.case_number
        if key == "applicant":
            return row.applicant_name
        if key == "amount":
            return _yuan(row.amount)
        if key == "voucher":
            return self.vouchers.get(row.case_id, "")
        return ""

    def foreground(self, row: EntryRow, key: str) -> QColor | None:
        if key == "voucher" and not self.vouchers.get(row.case_id, "").strip():
            return ERROR
        return None

    def fill(self, voucher: str) -> None:
        self.vouchers = {r.case_id: voucher.strip() for r in self.rows}
        if self.rows:
            column = len(self.COLUMNS) - 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def edit_value(self, row: EntryRow, key: str) -> Any:
        return self.vouchers.get(row.case_id, "") if key == "voucher" else None

    def set_value(self, number: int, key: str, value: Any) -> bool:
        if key != "voucher":
            return False
        self.vouchers[self.rows[number].case_id] = str(value or "").strip()
        return True


class YearLinesModel(RowsTableModel["YearLine"]):
    """The year's approved cases under the 年度核定 (core.records.year_ruling): approved, after
    the year's one ratio, and which batch holds each."""

    CONTEXT = "YearLinesModel"
    COLUMNS = (
        Column("case_number", QT_TRANSLATE_NOOP("YearLinesModel", "Case number")),
        Column("applicant", QT_TRANSLATE_NOOP("YearLinesModel", "Applicant")),
        Column("status", QT_TRANSLATE_NOOP("YearLinesModel", "Status")),
        Column("batch", QT_TRANSLATE_NOOP("YearLinesModel", "Batch")),
        Column("approved", QT_TRANSLATE_NOOP("YearLinesModel", "Approved (yuan)"), RIGHT),
        Column("amount", QT_TRANSLATE_NOOP("YearLinesModel", "At the year's ratio (yuan)"), RIGHT),
    )

    def key(self, row: YearLine) -> Hashable:
        return row.case_id

    def text(self, row: YearLine, key: str) -> str:
        if key == "case_number":
            return row.case_number
        if key == "applicant":
            return row.applicant_name
        if key == "status":
            return row.status.label
        if key == "batch":
            if row.batch_number is None:
                return ""
            return translate("YearLinesModel", "No. %1").replace("%1", str(row.batch_number))
        if key == "approved":
            return _yuan(row.approved)
        if key == "amount":
            return _yuan(row.amount)
        return ""

    def foreground(self, row: YearLine, key: str) -> QColor | None:
        if key == "amount" and row.amount != row.approved:
            return WARN
        return None
