"""One cell writer for every workbook the program makes: user text never runs as a formula.

An applicant named ``=HYPERLINK("http://x","a")`` or ``=1+1`` was written as a live formula
into the 公示名单 and the 拨付清单 (issue 14 §3): opened in a spreadsheet, the finance bureau's
payout list showed 户名 "2" and a live link. Text that a spreadsheet would take for a formula
(starting with = + - @, a tab or a carriage return) is stored as text, with the quote-prefix
style so that editing the cell keeps it text; it still shows exactly as typed. The program's
own totals stay formulas, and only when marked :class:`Formula`.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class Formula(str):
    """A formula the program wrote itself (e.g. a column's =SUM): the one kind kept live."""


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write ``value``; text that starts like a formula is stored as text."""
    cell: Cell = ws.cell(row=row, column=column)
    return set_value(cell, value)


def set_value(cell: Cell, value: Any) -> Cell:
    """:func:`put` into a cell already at hand (a row of 10,000 looks each one up once)."""
    if isinstance(value, Formula):
        cell.value = str(value)
        return cell
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
