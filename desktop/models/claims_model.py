"""The claims of the case being edited: item, completion date, subject, and the amount and
status core calculated for it (filled in after each recompute)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.qt import (
    NO_PARENT,
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    translate,
)

if TYPE_CHECKING:
    from core.engine.results import ClaimResult
    from core.policy.model import Policy

CONTEXT = "ClaimsModel"
# The claim's number is the vertical header: it follows the row, so it is not row data.
COLUMNS = (
    QT_TRANSLATE_NOOP("ClaimsModel", "Item"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Date"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Subject"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Amount"),
)


@dataclass
class ClaimLine:
    """What the list shows of one claim; ``values`` are the claim in calc-contract form."""

    values: dict[str, Any]
    result: ClaimResult | None = None
    duplicate: bool = False


class ClaimsModel(QAbstractTableModel):
    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.lines: list[ClaimLine] = []

    def set_claims(self, claims: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.lines = [ClaimLine(dict(c)) for c in claims]
        self.endResetModel()

    def append(self, values: dict[str, Any]) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(ClaimLine(dict(values)))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()

    def update_values(self, row: int, values: dict[str, Any]) -> None:
        if 0 <= row < len(self.lines):
            self.lines[row].values = dict(values)
            self._changed(row)

    def set_results(self, results: list[ClaimResult] | None) -> None:
        for i, line in enumerate(self.lines):
            line.result = results[i] if results is not None and i < len(results) else None
        if self.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.lines) - 1, len(COLUMNS) - 1)
            )

    def set_duplicates(self, rows: set[int]) -> None:
        for i, line in enumerate(self.lines):
            line.duplicate = i in rows
        if self.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.lines) - 1, len(COLUMNS) - 1)
            )

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self.lines) else None
        if 0 <= section < len(COLUMNS):
            return translate(CONTEXT, COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2 and line.duplicate:
                return QColor("#b00020")
            if column == 3 and line.result is not None and line.result.amount <= 0:
                return QColor("#8a5300")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, line: ClaimLine, column: int) -> str:
        from core.documents.model import claim_subject
        from core.money import format_yuan

        code = str(line.values.get("item", ""))
        item = self.policy.items.get(code)
        if column == 0:
            return item.name if item is not None else code
        if column == 1:
            return str(line.values.get("date") or "")
        if column == 2:
            if item is None:
                return ""
            subject = claim_subject(item, line.values)
            return f"{subject} ⚠" if line.duplicate else subject
        if column == 3 and line.result is not None:
            return f"{format_yuan(line.result.amount)}（{line.result.status.label}）"
        return ""
