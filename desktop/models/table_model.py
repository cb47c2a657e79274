"""A read-only table over a list of rows from core, shared by the part-2 screens.

The review queues, notice batches, statistics figures, users, audit records and LPR rates are
all short lists of frozen rows that core hands over in one piece. Each model says which
columns it has and how a row reads in each; this base does the Qt plumbing once (and passes
pytest-qt's model checks once). A model may make its first column checkable, for choosing
several rows (cases for a notice batch, payouts to record).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from desktop.qt import (
    NO_PARENT,
    QAbstractTableModel,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    translate,
)

R = TypeVar("R")

# The row object behind a line, and its key (a case id, a user id …), for controllers.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
MUTED = QColor("#777777")
WARN = QColor("#8a5300")
ERROR = QColor("#b00020")
GOOD = QColor("#1b5e20")


@dataclass(frozen=True)
class Column:
    key: str
    # An English source string marked with QT_TRANSLATE_NOOP in the model's own context.
    header: str
    align: int | None = None


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses set ``CONTEXT`` and ``COLUMNS`` and implement ``text(row, key)``."""

    CONTEXT = "RowsTableModel"
    COLUMNS: tuple[Column, ...] = ()
    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, checkable: bool = False) -> None:
        super().__init__(parent)
        self.rows: list[R] = []
        self.checkable = checkable
        self.checked: set[Hashable] = set()

    # -- what subclasses say ---------------------------------------------------------------

    def text(self, row: R, key: str) -> str:
        raise NotImplementedError

    def key(self, row: R) -> Hashable:
        """The row's identity (kept across a reload, for the checks and the selection)."""
        return getattr(row, "id", id(row))

    def foreground(self, row: R, key: str) -> QColor | None:
        return None

    def tooltip(self, row: R, key: str) -> str | None:
        return None

    def decoration(self, row: R, key: str) -> Any:
        return None

    def can_check(self, row: R) -> bool:
        return True

    # -- rows ----------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[R], *, keep_checks: bool = True) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        keys = {self.key(r) for r in self.rows if self.can_check(r)}
        self.checked = (self.checked & keys) if keep_checks else set()
        self.endResetModel()
        self.checked_changed.emit()

    def row(self, number: int) -> R | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def row_of_key(self, key: Hashable) -> int | None:
        for number, row in enumerate(self.rows):
            if self.key(row) == key:
                return number
        return None

    def checked_rows(self) -> list[R]:
        return [r for r in self.rows if self.key(r) in self.checked]

    def set_checked(self, keys: Iterable[Hashable]) -> None:
        wanted = set(keys)
        self.checked = {
            self.key(r) for r in self.rows if self.key(r) in wanted and self.can_check(r)
        }
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checked_changed.emit()

    def check_all(self, on: bool = True) -> None:
        self.set_checked([self.key(r) for r in self.rows] if on else [])

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(self.CONTEXT, self.COLUMNS[section].header)
        return None

    def _valid(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < len(self.rows)
            and 0 <= index.column() < len(self.COLUMNS)
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not self._valid(index):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column.key)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return self.key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column.key)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(row, column.key)
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and self.checkable
            and index.column() == 0
            and self.can_check(row)
        ):
            checked = self.key(row) in self.checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == 0 and self.can_check(self.rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not self.checkable
            or not self._valid(index)
            or index.column() != 0
        ):
            return False
        row = self.rows[index.row()]
        if not self.can_check(row):
            return False
        state = value.value if hasattr(value, "value") else value
        key = self.key(row)
        if state == Qt.CheckState.Checked.value:
            self.checked.add(key)
        else:
            self.checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


def column_keys(columns: Sequence[Column]) -> tuple[str, ...]:
    return tuple(c.key for c in columns)
