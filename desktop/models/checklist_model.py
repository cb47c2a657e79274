"""The materials checklist (五(二)) as an editable table: received, stamped copies, originals
verified, note. Completeness and the "missing" wording are core's (``MaterialLine``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from desktop.models.table_model import ERROR, GOOD, Column, TableModel
from desktop.qt import QT_TRANSLATE_NOOP, QColor, QObject, Signal, translate

if TYPE_CHECKING:
    from core.records.case_model import MaterialLine

NAME, RECEIVED, COPIES, ORIGINALS, NOTE = range(5)
MAX_COPIES = 99
NOT_REQUIRED = QColor("#888888")
# The model's check boxes and the MaterialLine fields they tick.
TICKS = {"received": "received", "originals": "originals_verified"}


@dataclass
class _Row:
    line: MaterialLine


class ChecklistModel(TableModel[_Row]):
    """``edited`` fires after the clerk changes a line (not when lines are loaded)."""

    CONTEXT = "ChecklistModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("ChecklistModel", "Material")),
        Column("received", QT_TRANSLATE_NOOP("ChecklistModel", "Received")),
        Column("copies", QT_TRANSLATE_NOOP("ChecklistModel", "Stamped copies")),
        Column("originals", QT_TRANSLATE_NOOP("ChecklistModel", "Originals verified")),
        Column("note", QT_TRANSLATE_NOOP("ChecklistModel", "Note")),
    )
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []

    def row_count(self) -> int:
        return len(self.rows)

    def row_at(self, number: int) -> _Row | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def key(self, row: _Row) -> str:
        return row.line.code

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
        self.rows_changed(row, row)
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

    # -- how a line reads and is edited --------------------------------------------------------

    def text(self, row: _Row, key: str) -> str:
        line = row.line
        if key == "name":
            suffix = "" if line.required else translate("ChecklistModel", " (no longer required)")
            return f"{line.name}{suffix}"
        if key == "copies":
            return f"{line.copies} / {line.copies_required}"
        if key == "note":
            return line.note
        return ""

    def tooltip(self, row: _Row, key: str) -> str | None:
        return row.line.clause if key == "name" else None

    def foreground(self, row: _Row, key: str) -> QColor | None:
        if key != "name":
            return None
        if not row.line.required:
            return NOT_REQUIRED
        return GOOD if row.line.complete else ERROR

    def check_value(self, row: _Row, key: str) -> bool | None:
        field = TICKS.get(key)
        return None if field is None else bool(getattr(row.line, field))

    def set_check(self, number: int, key: str, on: bool) -> bool:
        self.update(number, **{TICKS[key]: on})
        return True

    def edit_value(self, row: _Row, key: str) -> Any:
        if key == "copies":
            return row.line.copies
        if key == "note":
            return row.line.note
        return None

    def set_value(self, number: int, key: str, value: Any) -> bool:
        if key == "copies":
            try:
                copies = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= copies <= MAX_COPIES:
                return False
            self.update(number, copies=copies)
            return True
        if key == "note":
            self.update(number, note=str(value))
            return True
        return False
