"""The claims of the case being edited: item, completion date, subject, and the amount and
status core calculated for it (filled in after each recompute)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.models.table_model import ERROR, RIGHT, WARN, Column, TableModel
from desktop.qt import NO_PARENT, QT_TRANSLATE_NOOP, QColor, QObject

if TYPE_CHECKING:
    from core.engine.results import ClaimResult
    from core.policy.model import Policy


@dataclass
class ClaimLine:
    """What the list shows of one claim; ``values`` are the claim in calc-contract form."""

    values: dict[str, Any]
    result: ClaimResult | None = None
    duplicate: bool = False


class ClaimsModel(TableModel[ClaimLine]):
    CONTEXT = "ClaimsModel"
    # The claim's number is the vertical header: it follows the row, so it is not row data.
    NUMBERED_ROWS = True
    COLUMNS = (
        Column("item", QT_TRANSLATE_NOOP("ClaimsModel", "Item")),
        Column("date", QT_TRANSLATE_NOOP("ClaimsModel", "Date")),
        Column("subject", QT_TRANSLATE_NOOP("ClaimsModel", "Subject")),
        Column("amount", QT_TRANSLATE_NOOP("ClaimsModel", "Amount"), RIGHT),
    )

    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.lines: list[ClaimLine] = []

    def row_count(self) -> int:
        return len(self.lines)

    def row_at(self, number: int) -> ClaimLine | None:
        return self.lines[number] if 0 <= number < len(self.lines) else None

    def key(self, row: ClaimLine) -> int:
        return id(row)

    def set_claims(self, claims: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.lines = [ClaimLine(dict(c)) for c in claims]
        self.endResetModel()

    def append(self, values: dict[str, Any]) -> int:
        row = len(self.lines)
        self.beginInsertRows(NO_PARENT, row, row)
        self.lines.append(ClaimLine(dict(values)))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(NO_PARENT, row, row)
            del self.lines[row]
            self.endRemoveRows()

    def update_values(self, row: int, values: dict[str, Any]) -> None:
        if 0 <= row < len(self.lines):
            self.lines[row].values = dict(values)
            self.rows_changed(row, row)

    def set_results(self, results: list[ClaimResult] | None) -> None:
        for i, line in enumerate(self.lines):
            line.result = results[i] if results is not None and i < len(results) else None
        self.rows_changed(0, len(self.lines) - 1)

    def set_duplicates(self, rows: set[int]) -> None:
        for i, line in enumerate(self.lines):
            line.duplicate = i in rows
        self.rows_changed(0, len(self.lines) - 1)

    def foreground(self, row: ClaimLine, key: str) -> QColor | None:
        if key == "subject" and row.duplicate:
            return ERROR
        if key == "amount" and row.result is not None and row.result.amount <= 0:
            return WARN
        return None

    def text(self, row: ClaimLine, key: str) -> str:
        from core.documents.model import claim_subject
        from core.money import format_yuan

        code = str(row.values.get("item", ""))
        item = self.policy.items.get(code)
        if key == "item":
            return item.name if item is not None else code
        if key == "date":
            return str(row.values.get("date") or "")
        if key == "subject":
            if item is None:
                return ""
            subject = claim_subject(item, row.values)
            return f"{subject} ⚠" if row.duplicate else subject
        if key == "amount" and row.result is not None:
            return f"{format_yuan(row.result.amount)}（{row.result.status.label}）"
        return ""
