"""The status filter list with the number of cases in each status (from core's counts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.qt import (
    NO_PARENT,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    translate,
)

if TYPE_CHECKING:
    from core.records.states import Status

CONTEXT = "StatusCountsModel"
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


class StatusCountsModel(QAbstractListModel):
    """Row 0 is "all"; then every status in workflow order. ``STATUS_ROLE`` gives the Status
    (None for "all")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from core.records.states import Status

        self.statuses: list[Status | None] = [None, *Status]
        self.counts: dict[Status, int] = {}
        self.counted = True

    def set_counts(self, counts: dict[Status, int], *, counted: bool = True) -> None:
        """``counted`` False: a broad search was not counted; the labels show no number."""
        self.counts = dict(counts)
        self.counted = counted
        if self.statuses:
            self.dataChanged.emit(self.index(0), self.index(len(self.statuses) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.statuses)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.statuses):
            return None
        status = self.statuses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if status is None:
                label = translate("StatusCountsModel", "All")
                count = sum(self.counts.values())
            else:
                label = status.label
                count = self.counts.get(status, 0)
            return f"{label}（{count}）" if self.counted else label
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.ForegroundRole and status is not None:
            from desktop.qt import QColor

            return QColor("#888888") if self.counted and not self.counts.get(status) else None
        return None

    def row_of(self, status: Status | None) -> int:
        return self.statuses.index(status) if status in self.statuses else 0
