"""One row per claim of core's calculation: item, amount, status; the reasons on selection."""

from __future__ import annotations

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
    from core.engine.results import ApplicationResult, ClaimResult
    from core.policy.model import Policy

CONTEXT = "ResultModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("ResultModel", "No."),
    QT_TRANSLATE_NOOP("ResultModel", "Item"),
    QT_TRANSLATE_NOOP("ResultModel", "Amount (yuan)"),
    QT_TRANSLATE_NOOP("ResultModel", "Status"),
)
# Colours by status code (core.engine.results.ClaimStatus values).
STATUS_COLORS = {
    "awarded": "#1b5e20",
    "reduced": "#8a5300",
    "not_stacked": "#8a5300",
    "ineligible": "#b00020",
    "pending": "#1f4e99",
}


class ResultModel(QAbstractTableModel):
    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.claims: list[ClaimResult] = []

    def set_result(self, result: ApplicationResult | None) -> None:
        self.beginResetModel()
        self.claims = list(result.claims) if result is not None else []
        self.endResetModel()

    def claim(self, row: int) -> ClaimResult | None:
        return self.claims[row] if 0 <= row < len(self.claims) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.claims)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return translate(CONTEXT, COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.claims):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        claim = self.claims[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            from core.money import format_yuan

            if column == 0:
                return str(claim.index + 1)
            if column == 1:
                item = self.policy.items.get(claim.item)
                return item.name if item is not None else claim.item
            if column == 2:
                return format_yuan(claim.amount)
            return claim.status.label
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QColor(STATUS_COLORS.get(claim.status.value, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(claim.explanation)
        return None
