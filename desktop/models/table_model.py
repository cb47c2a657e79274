"""The one read-only table base: a list of frozen rows from core, with declarative columns.

The review queues, notice batches, statistics figures, users, audit records, LPR rates and
every table of a cultivation project are short lists of rows that core hands over in one
piece. Each model says which columns it has (key, header, alignment) and how a row reads in
each (text, colour, tooltip); this base does the Qt plumbing once and passes pytest-qt's
model checks once. A model may make its first column checkable, for choosing several rows
(cases for a notice batch, payouts to record), number its rows, or show a cell's whole text
as its tooltip when the column is too narrow for it.
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


class TableModel(QAbstractTableModel, Generic[R]):
    """Declarative columns over rows. Subclasses set ``CONTEXT`` and ``COLUMNS``, say where
    the rows are (``row_count``/``row_at``) and how a row reads (``text`` and the hooks)."""

    CONTEXT = "TableModel"
    COLUMNS: tuple[Column, ...] = ()
    # Row numbers in the vertical header, for tables read aloud ("第3行").
    NUMBERED_ROWS = False
    # Without a tooltip of its own, a cell shows its text as tooltip (long free text).
    TEXT_AS_TOOLTIP = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A read-only window (a decided case) turns every check and edit off at once.
        self.editable = True

    # -- what subclasses say ---------------------------------------------------------------

    def row_count(self) -> int:
        raise NotImplementedError

    def row_at(self, number: int) -> R | None:
        raise NotImplementedError

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

    def check_value(self, row: R, key: str) -> bool | None:
        """Whether the cell is ticked; None where the cell has no box."""
        return None

    def set_check(self, number: int, key: str, on: bool) -> bool:
        return False

    def edit_value(self, row: R, key: str) -> Any:
        """The value an editor starts from; None where the cell cannot be edited."""
        return None

    def set_value(self, number: int, key: str, value: Any) -> bool:
        return False

    def role_data(self, row: R, key: str, role: int) -> Any:
        """A model's own roles (beyond the row and its key), e.g. a figure's case list."""
        return None

    # -- helpers for subclasses ------------------------------------------------------------

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.COLUMNS) if c.key == key)

    def rows_changed(self, first: int, last: int, roles: Sequence[int] = ()) -> None:
        if last >= first >= 0:
            right = len(self.COLUMNS) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, right), list(roles))

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return translate(self.CONTEXT, self.COLUMNS[section].header)
        if orientation == Qt.Orientation.Vertical and self.NUMBERED_ROWS:
            return str(section + 1) if 0 <= section < self.row_count() else None
        return None

    def _cell(self, index: QModelIndex | QPersistentModelIndex) -> tuple[R, Column] | None:
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < self.row_count() and 0 <= index.column() < len(self.COLUMNS)):
            return None
        row = self.row_at(index.row())
        return None if row is None else (row, self.COLUMNS[index.column()])

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        cell = self._cell(index)
        if cell is None:
            return None
        row, column = cell
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column.key)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return self.key(row)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltip(row, column.key)
            if tip is None and self.TEXT_AS_TOOLTIP:
                return self.text(row, column.key)
            return tip
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(row, column.key)
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = self.check_value(row, column.key)
            if ticked is None:
                return None
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return self.role_data(row, column.key, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        cell = self._cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        row, column = cell
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return flags
        if self.check_value(row, column.key) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if self.edit_value(row, column.key) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        cell = self._cell(index)
        if cell is None or not self.editable:
            return False
        row, column = cell
        key = column.key
        if role == Qt.ItemDataRole.CheckStateRole:
            if self.check_value(row, key) is None:
                return False
            if isinstance(value, bool):
                on = value
            else:
                on = (value.value if hasattr(value, "value") else value) == (
                    Qt.CheckState.Checked.value
                )
            changed = self.set_check(index.row(), key, on)
        elif role == Qt.ItemDataRole.EditRole:
            changed = self.set_value(index.row(), key, value)
        else:
            return False
        if changed:
            self.dataChanged.emit(index, index, [role])
        return changed


class RowsTableModel(TableModel[R]):
    """Rows held whole (``set_rows``). With ``checkable=True`` the first column carries a box
    for choosing several rows; the choice is kept by row key across a reload."""

    CONTEXT = "RowsTableModel"
    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, checkable: bool = False) -> None:
        super().__init__(parent)
        self.rows: list[R] = []
        self.checkable = checkable
        self.checked: set[Hashable] = set()

    def row_count(self) -> int:
        return len(self.rows)

    def row_at(self, number: int) -> R | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def can_check(self, row: R) -> bool:
        return True

    def check_value(self, row: R, key: str) -> bool | None:
        if not self.checkable or key != self.COLUMNS[0].key or not self.can_check(row):
            return None
        return self.key(row) in self.checked

    def set_check(self, number: int, key: str, on: bool) -> bool:
        row = self.rows[number]
        if on:
            self.checked.add(self.key(row))
        else:
            self.checked.discard(self.key(row))
        self.checked_changed.emit()
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
        return self.row_at(number)

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


def column_keys(columns: Sequence[Column]) -> tuple[str, ...]:
    return tuple(c.key for c in columns)
