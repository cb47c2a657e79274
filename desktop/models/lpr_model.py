"""系统管理 · LPR: the loan prime rates in force, shipped and added (``list_lpr_rates``)."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.models.table_model import CENTER, RIGHT, Column, RowsTableModel
from desktop.qt import QT_TRANSLATE_NOOP, QColor, translate

if TYPE_CHECKING:
    from core.records.lpr import LprEntry


SHIPPED = "文件"  # core.records.lpr.list_lpr_rates: the shipped table's source


def percent(rate: Decimal) -> str:
    return f"{rate * 100:.2f}%"


class LprModel(RowsTableModel["LprEntry"]):
    CONTEXT = "LprModel"
    COLUMNS = (
        Column("effective", QT_TRANSLATE_NOOP("LprModel", "In force from"), CENTER),
        Column("one_year", QT_TRANSLATE_NOOP("LprModel", "1-year LPR"), RIGHT),
        Column("five_years", QT_TRANSLATE_NOOP("LprModel", "Over 5 years"), RIGHT),
        Column("source", QT_TRANSLATE_NOOP("LprModel", "Source")),
        Column("note", QT_TRANSLATE_NOOP("LprModel", "Note")),
    )

    def key(self, row: LprEntry) -> Hashable:
        return row.effective

    def text(self, row: LprEntry, key: str) -> str:
        if key == "effective":
            return row.effective.isoformat()
        if key == "one_year":
            return percent(row.one_year)
        if key == "five_years":
            return percent(row.over_five_years)
        if key == "source":
            # Core says "文件" for the table shipped with the program (rates as published).
            if row.source == SHIPPED:
                return translate("LprModel", "Shipped with the program")
            return row.source
        if key == "note":
            return row.note
        return ""

    def foreground(self, row: LprEntry, key: str) -> QColor | None:
        # Rates an administrator added stand out from the shipped table.
        return QColor("#1f4e99") if row.source != SHIPPED else None
