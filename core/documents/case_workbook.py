"""测算用例 as a workbook a supervisor can write (issue 17 §3).

The intake template's columns (申请事项 sheet, one row a claimed item, rows of one application
sharing its 申请编号), then four more columns to the right:
  用例名称 and 所依据条款 (the application's first row), 预期金额 (each item row) and
  预期合计 (the first row). A workbook ``*.xlsx`` in a policy's ``ID.cases/`` folder runs
  beside the JSON files, through the same runner (core.engine.casebook).
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from core.documents.cells import put
from core.documents.intake_import import (
    CLAIMS_SHEET,
    FIRST_DATA_ROW,
    HEADER_ROW,
    intake_columns,
    intake_template,
    parse_intake_workbook,
)
from core.engine.casebook import CaseFileError, RuleCase, load_case_file
from core.policy.model import Policy

EXTRA_COLUMNS = ("用例名称", "所依据条款", "预期金额", "预期合计")


def case_workbook_template(policy: Policy) -> bytes:
    """The intake template with the four expectation columns added."""
    book = load_workbook(io.BytesIO(intake_template(policy)))
    ws = book[CLAIMS_SHEET]
    first = len(intake_columns(policy)) + 1
    for offset, title in enumerate(EXTRA_COLUMNS):
        put(ws, HEADER_ROW, first + offset, title)
        ws.column_dimensions[get_column_letter(first + offset)].width = 22
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _money(value: Any, path: Path, where: str) -> str:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise CaseFileError(path, where, f"预期金额“{value}”不是数字") from None
    return str(amount.quantize(Decimal("0.01")))


def load_case_workbook(path: Path, policy: Policy) -> list[RuleCase]:
    result = parse_intake_workbook(path, policy)
    if not result.ok:
        problem = result.errors[0]
        raise CaseFileError(
            path, f"{problem.sheet} 第{problem.row}行 {problem.column}列", problem.message
        )
    ws = load_workbook(path, read_only=True, data_only=True)[CLAIMS_SHEET]
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    header = [str(v or "").strip() for v in rows[0]]
    first = len(intake_columns(policy))
    if header[first : first + len(EXTRA_COLUMNS)] != list(EXTRA_COLUMNS):
        raise CaseFileError(path, "表头", f"申请事项表的最后四列应为：{'、'.join(EXTRA_COLUMNS)}")
    name_at, clause_at, amount_at, total_at = (first + i for i in range(len(EXTRA_COLUMNS)))
    groups: dict[str, dict[str, Any]] = {}
    for offset, row in enumerate(rows[FIRST_DATA_ROW - HEADER_ROW :], start=FIRST_DATA_ROW):
        key = str(row[0] or "").strip() if row else ""
        if not key:
            continue
        group = groups.setdefault(key, {"amounts": [], "row": offset})
        if row[name_at] not in (None, ""):
            group["name"] = str(row[name_at]).strip()
        if row[clause_at] not in (None, ""):
            group["clause"] = str(row[clause_at]).strip()
        if row[total_at] not in (None, ""):
            group["total"] = _money(row[total_at], path, f"第{offset}行 预期合计")
        amount = row[amount_at]
        group["amounts"].append(
            None if amount in (None, "") else _money(amount, path, f"第{offset}行 预期金额")
        )
    cases = []
    for index, (document, (key, group)) in enumerate(
        zip(result.cases, groups.items(), strict=True)
    ):
        where = f"申请编号“{key}”（第{group['row']}行）"
        if "name" not in group or "clause" not in group:
            raise CaseFileError(path, where, "须在第一行写明用例名称和所依据条款")
        expect: dict[str, Any] = {}
        if "total" in group:
            expect["total"] = group["total"]
        amounts = group["amounts"]
        if any(a is not None for a in amounts):
            expect["claims"] = [{} if a is None else {"amount": a} for a in amounts]
        if not expect:
            raise CaseFileError(path, where, "须填写预期合计或各行的预期金额")
        doc = {k: v for k, v in document.items() if k != "form"}
        cases.append(RuleCase(path, index, group["name"], group["clause"], doc, expect))
    return cases


def load_all_cases(paths: list[Path], policy: Policy) -> list[RuleCase]:
    """JSON case files and case workbooks alike, in the order given."""

    cases: list[RuleCase] = []
    for path in paths:
        cases += (
            load_case_workbook(path, policy)
            if path.suffix.lower() == ".xlsx"
            else (load_case_file(path))
        )
    return cases
