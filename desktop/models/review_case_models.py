"""The read-only review window's tables: the claims with their facts and amounts, the
materials checklist, and the history of steps (``core.records.case_model.CaseDetail``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop.models.table_model import (
    CENTER,
    ERROR,
    GOOD,
    RIGHT,
    WARN,
    Column,
    RowsTableModel,
)
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject, translate

if TYPE_CHECKING:
    from collections.abc import Hashable

    from core.policy.model import Policy
    from core.records.case_model import ClaimInfo, DecisionInfo, MaterialLine

# Claim result statuses (core.engine.results.ClaimStatus values) and their colours.
CLAIM_COLORS = {
    "awarded": GOOD,
    "reduced": WARN,
    "not_stacked": WARN,
    "ineligible": ERROR,
    "pending": QColor("#1f4e99"),
}


class ReviewClaimsModel(RowsTableModel["ClaimInfo"]):
    CONTEXT = "ReviewClaimsModel"
    COLUMNS = (
        Column("no", QT_TRANSLATE_NOOP("ReviewClaimsModel", "No."), CENTER),
        Column("item", QT_TRANSLATE_NOOP("ReviewClaimsModel", "Item")),
        Column("date", QT_TRANSLATE_NOOP("ReviewClaimsModel", "Date")),
        Column("facts", QT_TRANSLATE_NOOP("ReviewClaimsModel", "As declared")),
        Column("amount", QT_TRANSLATE_NOOP("ReviewClaimsModel", "Amount (yuan)"), RIGHT),
        Column("status", QT_TRANSLATE_NOOP("ReviewClaimsModel", "Result")),
    )

    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        # Each claim's result (amount, status) by position: the frozen snapshot after approval,
        # else core's calculation now.
        self.results: dict[int, Any] = {}

    def key(self, row: ClaimInfo) -> Hashable:
        return row.position

    def set_results(self, claims: Iterable[Any]) -> None:
        """The claims of core's result (``ClaimResult`` or a snapshot's ``ClaimSnapshot``)."""
        self.beginResetModel()
        self.results = {c.index: c for c in claims}
        self.endResetModel()

    def facts_text(self, row: ClaimInfo) -> str:
        from core.records.supervisor_queries import fact_lines

        return "；".join(f"{k}：{v}" for k, v in fact_lines(self.policy, row.item, row.facts))

    def text(self, row: ClaimInfo, key: str) -> str:
        from core.money import format_yuan

        if key == "no":
            return str(row.position + 1)
        if key == "item":
            return row.item_name
        if key == "date":
            return row.date.isoformat()
        if key == "facts":
            return self.facts_text(row)
        result = self.results.get(row.position)
        if key == "amount":
            amount = result.amount if result is not None else row.amount
            return format_yuan(amount) if amount is not None else ""
        if key == "status":
            return result.status.label if result is not None else ""
        return ""

    def foreground(self, row: ClaimInfo, key: str) -> QColor | None:
        result = self.results.get(row.position)
        if key == "status" and result is not None:
            return CLAIM_COLORS.get(result.status.value)
        return None

    def tooltip(self, row: ClaimInfo, key: str) -> str | None:
        if key == "facts":
            return self.facts_text(row).replace("；", "\n")
        if key == "date":
            item = self.policy.items.get(row.item)
            return item.date_label if item is not None else None
        return None


class ReviewChecklistModel(RowsTableModel["MaterialLine"]):
    CONTEXT = "ReviewChecklistModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("ReviewChecklistModel", "Material")),
        Column("required", QT_TRANSLATE_NOOP("ReviewChecklistModel", "Required"), CENTER),
        Column("received", QT_TRANSLATE_NOOP("ReviewChecklistModel", "Received"), CENTER),
        Column("copies", QT_TRANSLATE_NOOP("ReviewChecklistModel", "Stamped copies"), CENTER),
        Column("originals", QT_TRANSLATE_NOOP("ReviewChecklistModel", "Originals checked"), CENTER),
        Column("note", QT_TRANSLATE_NOOP("ReviewChecklistModel", "Note")),
    )

    def key(self, row: MaterialLine) -> Hashable:
        return row.code

    def text(self, row: MaterialLine, key: str) -> str:
        yes = translate("ReviewChecklistModel", "Yes")
        no = translate("ReviewChecklistModel", "No")
        if key == "name":
            return row.name
        if key == "required":
            return yes if row.required else no
        if key == "received":
            return yes if row.received else no
        if key == "copies":
            return f"{row.copies}/{row.copies_required}"
        if key == "originals":
            return yes if row.originals_verified else no
        if key == "note":
            return row.note
        return ""

    def foreground(self, row: MaterialLine, key: str) -> QColor | None:
        if not row.required:
            return QColor("#777777")
        return GOOD if row.complete else ERROR

    def tooltip(self, row: MaterialLine, key: str) -> str | None:
        return row.clause if key == "name" else None


# What a step recorded besides its reason (core's Decision.data keys), shown by name.
DATA_LABELS = {
    "ground_text": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Ground"),
    "missing": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Materials to hand in"),
    "due": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Due by"),
    "amount": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Amount (yuan)"),
    "meeting_date": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Meeting date"),
    "minute": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Minute number"),
    "batch": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Notice batch"),
    "paid_on": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Paid on"),
    "voucher_no": QT_TRANSLATE_NOOP("ReviewHistoryModel", "Voucher"),
}


class ReviewHistoryModel(RowsTableModel["DecisionInfo"]):
    CONTEXT = "ReviewHistoryModel"
    COLUMNS = (
        Column("at", QT_TRANSLATE_NOOP("ReviewHistoryModel", "Time")),
        Column("action", QT_TRANSLATE_NOOP("ReviewHistoryModel", "Step")),
        Column("actor", QT_TRANSLATE_NOOP("ReviewHistoryModel", "By")),
        Column("status", QT_TRANSLATE_NOOP("ReviewHistoryModel", "Status after")),
        Column("reason", QT_TRANSLATE_NOOP("ReviewHistoryModel", "Opinion or reason")),
    )

    def key(self, row: DecisionInfo) -> Hashable:
        return (row.at, row.action, row.actor_id)

    def text(self, row: DecisionInfo, key: str) -> str:
        from core.db.clock import CHINA_TZ
        from core.records.states import Status

        if key == "at":
            return row.at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        if key == "action":
            return row.action_label
        if key == "actor":
            return row.actor_name
        if key == "status":
            try:
                return Status(row.to_status).label
            except ValueError:
                return row.to_status
        if key == "reason":
            extra = []
            for name, label in DATA_LABELS.items():
                value = row.data.get(name)
                if isinstance(value, list):
                    value = "、".join(str(v) for v in value)
                if value not in (None, ""):
                    extra.append(f"{translate('ReviewHistoryModel', label)}：{value}")
            # An opinion ends with its own 「。」; 「同意资助。；金额」 read twice punctuated.
            reason = row.reason.strip().rstrip("。；;.，,")
            return "；".join([reason, *extra] if reason else extra)
        return ""

    def tooltip(self, row: DecisionInfo, key: str) -> str | None:
        return self.text(row, "reason") if key == "reason" else None
