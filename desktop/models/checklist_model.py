"""The materials checklist (五(二)) as an editable table: received, stamped copies, originals
verified, note. Completeness and the "missing" wording are core's (``MaterialLine``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    Signal,
    translate,
)

if TYPE_CHECKING:
    from core.records.cases import MaterialLine

CONTEXT = "ChecklistModel"
NAME, RECEIVED, COPIES, ORIGINALS, NOTE = range(5)
COLUMNS = (
    QT_TRANSLATE_NOOP("ChecklistModel", "Material"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Received"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Stamped copies"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Originals verified"),
    QT_TRANSLATE_NOOP("ChecklistModel", "Note"),
)
MAX_COPIES = 99


@dataclass
class _Row:
    line: MaterialLine


class ChecklistModel(QAbstractTableModel):
    """``edited`` fires after the clerk changes a line (not when lines are loaded)."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self.editable = True

    def set_lines(self, lines: list[MaterialLine]) -> None:
        self.beginResetModel()
        self.rows = [_Row(line) for line in lines]
        self.endResetModel()

    def lines(self) -> list[MaterialLine]:
        return [r.line for r in self.rows]

    def missing(self) -> list[str]:
        return [r.line.missing_text() for r in self.rows if r.line.required and not r.line.complete]

    def update(self, row: int, **changes: Any) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.rows[row].line = replace(self.rows[row].line, **changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.edited.emit()

    def mark_complete(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            line = self.rows[row].line
            self.update(
                row,
                received=True,
                copies=max(line.copies, line.copies_required),
                originals_verified=True,
            )

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

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

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return flags
        if index.column() in (RECEIVED, ORIGINALS):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (COPIES, NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        line = self.rows[index.row()].line
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                suffix = (
                    "" if line.required else translate("ChecklistModel", " (no longer required)")
                )
                return f"{line.name}{suffix}"
            if column == COPIES:
                return f"{line.copies} / {line.copies_required}"
            if column == NOTE:
                return line.note
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == COPIES:
                return line.copies
            if column == NOTE:
                return line.note
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            if column == RECEIVED:
                return Qt.CheckState.Checked if line.received else Qt.CheckState.Unchecked
            if column == ORIGINALS:
                return Qt.CheckState.Checked if line.originals_verified else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return line.clause
        if role == Qt.ItemDataRole.ForegroundRole and column == NAME:
            if not line.required:
                return QColor("#888888")
            return QColor("#1b5e20") if line.complete else QColor("#b00020")
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or not self.editable or not 0 <= index.row() < len(self.rows):
            return False
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (RECEIVED, ORIGINALS):
            checked = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
            key = "received" if column == RECEIVED else "originals_verified"
            self.update(index.row(), **{key: checked})
            return True
        if role == Qt.ItemDataRole.EditRole and column == COPIES:
            try:
                copies = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= copies <= MAX_COPIES:
                return False
            self.update(index.row(), copies=copies)
            return True
        if role == Qt.ItemDataRole.EditRole and column == NOTE:
            self.update(index.row(), note=str(value))
            return True
        return False
