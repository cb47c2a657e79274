"""One row per claim of core's calculation: item, amount, status; the reasons on selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.models.table_model import RIGHT, Column, RowsTableModel
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject

if TYPE_CHECKING:
    from core.engine.results import ApplicationResult, ClaimResult
    from core.policy.model import Policy

# Colours by status code (core.engine.results.ClaimStatus values).
STATUS_COLORS = {
    "awarded": "#1b5e20",
    "reduced": "#8a5300",
    "not_stacked": "#8a5300",
    "ineligible": "#b00020",
    "pending": "#1f4e99",
}


class ResultModel(RowsTableModel["ClaimResult"]):
    CONTEXT = "ResultModel"
    COLUMNS = (
        Column("number", QT_TRANSLATE_NOOP("ResultModel", "No.")),
        Column("item", QT_TRANSLATE_NOOP("ResultModel", "Item")),
        Column("amount", QT_TRANSLATE_NOOP("ResultModel", "Amount (yuan)"), RIGHT),
        Column("status", QT_TRANSLATE_NOOP("ResultModel", "Status")),
    )

    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy

    def set_result(self, result: ApplicationResult | None) -> None:
        self.set_rows(result.claims if result is not None else ())

    def claim(self, row: int) -> ClaimResult | None:
        return self.row_at(row)

    def text(self, row: ClaimResult, key: str) -> str:
        from core.money import format_yuan

        if key == "number":
            return str(row.index + 1)
        if key == "item":
            item = self.policy.items.get(row.item)
            return item.name if item is not None else row.item
        if key == "amount":
            return format_yuan(row.amount)
        return row.status.label

    def foreground(self, row: ClaimResult, key: str) -> QColor | None:
        if key != "status":
            return None
        return QColor(STATUS_COLORS.get(row.status.value, "#000000"))

    def tooltip(self, row: ClaimResult, key: str) -> str | None:
        return "\n".join(row.explanation)
