"""Applicants already on record whose name matches what is typed (for the name QCompleter).

The matching is core's: the case list's search, which reads a name as a substring. Each row
is one applicant (name and credit code), most recent first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.qt import (
    NO_PARENT,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

if TYPE_CHECKING:
    from core.db.database import Database

CREDIT_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_SUGGESTIONS = 12


class ApplicantCompleterModel(QAbstractListModel):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[tuple[str, str]] = []  # (name, credit code)

    def lookup(self, text: str) -> None:
        from core.records.queries import CaseFilters, list_cases

        text = text.strip()
        rows: list[tuple[str, str]] = []
        if len(text) >= 2:
            page = list_cases(self.db, CaseFilters(search=text), limit=100, with_counts=False)
            seen: set[str] = set()
            for case in page.rows:
                if case.credit_code not in seen:
                    seen.add(case.credit_code)
                    rows.append((case.applicant_name, case.credit_code))
                if len(rows) >= MAX_SUGGESTIONS:
                    break
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        name, code = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}　{code}"
        if role == Qt.ItemDataRole.EditRole or role == NAME_ROLE:
            return name
        if role == CREDIT_CODE_ROLE:
            return code
        return None
