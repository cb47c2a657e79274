"""Excel workbooks: the 公示名单 (masked), the 拨付清单 for the finance bureau, statistics.

Every sheet has set column widths, ``#,##0.00`` for money, a frozen header and A4 print
settings fitted to the page width, so that it prints as it looks. Functions take plain rows
(:class:`PayoutRow`, :class:`~core.documents.notice_list.NoticeList`,
:class:`~core.statistics.StatisticsReport`), never database objects, and return the bytes
of an ``.xlsx`` file.

Amounts are written as numbers (from ``Decimal``, never float arithmetic) so that the finance
bureau can add them up; account numbers and credit codes are text, so Excel never turns a
19-digit account into 6.22E+18.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.documents.cells import put, set_value
from core.documents.masking import mask_account, mask_credit_code
from core.documents.notice_list import NoticeList, notice_intro, notice_list_title
from core.money import rmb_capitals
from core.policy.model import Policy
from core.statistics import StatisticsReport, TargetFigure

__all__ = [
    "MONEY_FORMAT",
    "PayoutRow",
    "notice_list_workbook",
    "payout_workbook",
    "save_workbook",
    "statistics_workbook",
]

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
COUNT_FORMAT = "0"
TEXT_FORMAT = "@"

BODY_FONT = "宋体"
HEAD_FONT = "黑体"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EDEDED")


@dataclass(frozen=True)
class PayoutRow:
    """One payment on the 拨付清单, with the full bank details (this list is not published)."""

    case_number: str
    applicant_name: str
    credit_code: str
    account_name: str
    bank: str
    account_number: str
    amount: Decimal
    note: str = ""
    approved: Decimal | None = None  # before proration
    ratio: str = ""  # the year's ratio as shown
    items: str = ""  # 资助事项: the funded items' names (issue 20 §12)
    bank_code: str = ""  # 开户行行号, when known


@dataclass(frozen=True)
class _Column:
    title: str
    width: float
    number_format: str = "General"
    align: str = "left"


def _sheet(wb: Workbook, title: str, first: bool) -> Worksheet:
    if first:
        ws: Worksheet = wb.active
        ws.title = title
        return ws
    return wb.create_sheet(title)


def _title(ws: Worksheet, row: int, text: str, columns: int, size: int = 16) -> None:
    put(ws, row, 1, text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = ws.cell(row=row, column=1)
    cell.font = Font(name=HEAD_FONT, size=size)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[row].height = 30


def _line(ws: Worksheet, row: int, text: str, columns: int, align: str = "left") -> None:
    put(ws, row, 1, text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = ws.cell(row=row, column=1)
    cell.font = Font(name=BODY_FONT, size=11)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    # Merged cells do not grow with wrapped text; give long lines room for two rows.
    ws.row_dimensions[row].height = 15 * max(1, min(4, len(text) // 70 + 1))


def _header(ws: Worksheet, row: int, columns: Sequence[_Column]) -> None:
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=i, value=col.title)
        cell.font = Font(name=HEAD_FONT, size=11)
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.row_dimensions[row].height = 30


# Setting a new Font and Alignment on every cell makes openpyxl hash them into the workbook's
# style tables again and again: 6–10 s for a 10,000-case payout list. A column's style is the
# same on every row, so it is worked out once per workbook and copied (about 2 s).
_COLUMN_STYLES: WeakKeyDictionary[Workbook, dict[_Column, StyleArray]] = WeakKeyDictionary()


def _data_row(ws: Worksheet, row: int, columns: Sequence[_Column], values: Sequence[Any]) -> None:
    styles = _COLUMN_STYLES.setdefault(ws.parent, {})
    for i, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
        cell = ws.cell(row=row, column=i)
        style = styles.get(col)
        if style is not None:
            cell._style = copy(style)
        else:
            cell.font = Font(name=BODY_FONT, size=11)
            cell.border = _BORDER
            cell.number_format = col.number_format
            cell.alignment = Alignment(horizontal=col.align, vertical="center", wrap_text=True)
            styles[col] = copy(cell._style)
        # After the style: the column's cached style must not carry one cell's quote prefix.
        set_value(cell, value)


def _print_setup(
    ws: Worksheet, header_row: int, columns: int, landscape: bool, verification: str = ""
) -> None:
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as needed down, never shrink to one
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = 0.7
    ws.page_margins.bottom = 0.7
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    if verification:
        ws.oddFooter.left.text = f"核验码 {verification}"
        ws.oddFooter.left.size = 8
    ws.print_area = f"A1:{get_column_letter(columns)}{ws.max_row}"


def _to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def save_workbook(data: bytes, path: str | Path) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def _date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ---------------------------------------------------------------------------
# 公示名单
# ---------------------------------------------------------------------------

NOTICE_COLUMNS = (
    _Column("序号", 6, COUNT_FORMAT, "center"),
    _Column("受理编号", 24, TEXT_FORMAT),
    _Column("申请人", 34),
    _Column("统一社会信用代码", 22, TEXT_FORMAT),
    _Column("资助事项", 36),
    _Column("银行账号", 12, TEXT_FORMAT),
    _Column("审核金额（元）", 16, MONEY_FORMAT, "right"),
    _Column("比例", 10, TEXT_FORMAT, "center"),
    _Column("资助金额（元）", 16, MONEY_FORMAT, "right"),
)


def notice_list_workbook(notice: NoticeList) -> bytes:
    """The 公示名单 as a workbook; credit codes and accounts masked as on the PDF."""
    wb = Workbook()
    ws = _sheet(wb, "公示名单", first=True)
    n = len(NOTICE_COLUMNS)
    _title(ws, 1, notice_list_title(notice), n)
    row = 2
    for line in notice_intro(notice):
        _line(ws, row, line, n)
        row += 1
    header = row
    _header(ws, header, NOTICE_COLUMNS)
    for i, e in enumerate(notice.entries, start=1):
        _data_row(
            ws,
            header + i,
            NOTICE_COLUMNS,
            [
                i,
                e.case_number,
                e.applicant_name,
                mask_credit_code(e.credit_code),
                "、".join(e.items),
                mask_account(e.account_number),
                e.approved,
                e.ratio,
                e.amount,
            ],
        )
    total_row = header + len(notice.entries) + 1
    _data_row(
        ws,
        total_row,
        NOTICE_COLUMNS,
        [
            "合计",
            "",
            f"共{len(notice.entries)}项",
            "",
            f"大写：{rmb_capitals(notice.total)}",
            "",
            "",
            "",
            notice.total,
        ],
    )
    _line(ws, total_row + 2, f"{notice.policy.issuer}\u3000{_date(notice.issued_on)}", n, "right")
    if notice.verification:
        _line(ws, total_row + 3, f"核验码 {notice.verification}", n)
    _print_setup(ws, header, n, landscape=True, verification=notice.verification)
    return _to_bytes(wb)


# ---------------------------------------------------------------------------
# 拨付清单
# ---------------------------------------------------------------------------

PAYOUT_COLUMNS = (
    _Column("序号", 6, COUNT_FORMAT, "center"),
    _Column("受理编号", 24, TEXT_FORMAT),
    _Column("申请人", 30),
    _Column("统一社会信用代码", 22, TEXT_FORMAT),
    _Column("资助事项", 30),
    _Column("申请人户名", 30),
    _Column("开户银行", 30),
    _Column("开户行行号", 15, TEXT_FORMAT),
    _Column("银行账号", 26, TEXT_FORMAT),
    _Column("审核金额（元）", 16, MONEY_FORMAT, "right"),
    _Column("比例", 10, TEXT_FORMAT, "center"),
    _Column("拨付金额（元）", 16, MONEY_FORMAT, "right"),
    _Column("备注", 14),
)
SIGNATURE_ROLES = ("经办人", "审核人", "负责人")
#: Beside the three signatures: the bureau's seal (issue 20 §12).
SEAL_LABEL = "单位（盖章）："


def payout_workbook(
    policy: Policy,
    rows: Sequence[PayoutRow],
    *,
    prepared_on: dt.date,
    batch_name: str = "",
    verification: str = "",
    basis: str = "",
) -> bytes:
    """The 拨付清单 for the finance bureau (五(三)2): full bank details, a total, signatures.

    ``basis`` is what the list rests on: the notice batch and the bureau meeting(s) that
    decided its cases (date and minute number), printed under the title.

    ``verification``, the audit trail's 核验码, is printed in every page's footer and under
    the date line, so the list the finance bureau files pins the trail (issue 14 §1)."""
    wb = Workbook()
    ws = _sheet(wb, "拨付清单", first=True)
    n = len(PAYOUT_COLUMNS)
    batch = f"（{batch_name}）" if batch_name else ""
    _title(ws, 1, f"{policy.title}资金拨付清单{batch}", n)
    _line(ws, 2, f"编制单位：{policy.issuer}\u3000\u3000编制日期：{_date(prepared_on)}", n)
    header = 3
    if basis:
        _line(ws, 3, f"依据：{basis}", n)
        header = 4
    _header(ws, header, PAYOUT_COLUMNS)
    total = Decimal(0)
    for i, r in enumerate(rows, start=1):
        total += r.amount
        _data_row(
            ws,
            header + i,
            PAYOUT_COLUMNS,
            [
                i,
                r.case_number,
                r.applicant_name,
                r.credit_code,
                r.items,
                r.account_name,
                r.bank,
                r.bank_code,
                "".join(r.account_number.split()),
                r.approved,
                r.ratio,
                r.amount,
                r.note,
            ],
        )
    total_row = header + len(rows) + 1
    _data_row(
        ws,
        total_row,
        PAYOUT_COLUMNS,
        ["合计", "", f"共{len(rows)}笔", "", "", "", "", "", "", "", "", total, ""],
    )
    words_row = total_row + 1
    _data_row(
        ws,
        words_row,
        PAYOUT_COLUMNS,
        ["合计金额（大写）", "", rmb_capitals(total), *[""] * (n - 3)],
    )
    ws.merge_cells(start_row=words_row, start_column=1, end_row=words_row, end_column=2)
    ws.merge_cells(start_row=words_row, start_column=3, end_row=words_row, end_column=n)
    sign_row = words_row + 2
    for k, role in enumerate(SIGNATURE_ROLES):
        column = 1 + k * 3
        cell = ws.cell(row=sign_row, column=column, value=f"{role}（签字）：")
        cell.font = Font(name=BODY_FONT, size=11)
    seal = ws.cell(row=sign_row, column=1 + len(SIGNATURE_ROLES) * 3, value=SEAL_LABEL)
    seal.font = Font(name=BODY_FONT, size=11)
    ws.row_dimensions[sign_row].height = 36
    date_cell = ws.cell(
        row=sign_row + 1,
        column=1,
        value="日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    )
    date_cell.font = Font(name=BODY_FONT, size=11)
    if verification:
        code_cell = ws.cell(row=sign_row + 2, column=1, value=f"核验码 {verification}")
        code_cell.font = Font(name=BODY_FONT, size=9)
    _print_setup(ws, header, n, landscape=True, verification=verification)
    return _to_bytes(wb)


# ---------------------------------------------------------------------------
# 统计
# ---------------------------------------------------------------------------

TARGET_COLUMNS = (
    _Column("序号", 6, COUNT_FORMAT, "center"),
    _Column("工作目标", 40),
    _Column("单位", 8, "General", "center"),
    _Column("目标值", 16, "General", "right"),
    _Column("已完成", 16, "General", "right"),
    _Column("完成比例", 12, "0.0%", "right"),
    _Column("差距", 16, "General", "right"),
    _Column("是否达成", 10, "General", "center"),
    _Column("统计口径", 48),
    _Column("涉及申请", 40),
)


def _target_format(t: TargetFigure) -> str:
    if t.is_ratio:
        return PERCENT_FORMAT
    if t.unit == "元":
        return MONEY_FORMAT
    return COUNT_FORMAT


def statistics_workbook(report: StatisticsReport, *, prepared_on: dt.date) -> bytes:
    """Targets (二、工作目标), amounts by item and by month, and budget use."""
    wb = Workbook()
    ws = _sheet(wb, "工作目标", first=True)
    n = len(TARGET_COLUMNS)
    _title(ws, 1, f"{report.policy_title}工作目标完成情况", n)
    denominator = (
        "未填报"
        if report.university_effective_patents is None
        else f"{report.university_effective_patents}件"
    )
    _line(
        ws,
        2,
        f"统计日期：{_date(prepared_on)}\u3000\u3000已兑现申请：{report.paid_cases}件\u3000\u3000"
        f"辖区高校院所有效专利数：{denominator}",
        n,
    )
    header = 3
    _header(ws, header, TARGET_COLUMNS)
    for i, t in enumerate(report.targets, start=1):
        r = header + i
        met = "—" if t.met is None else ("是" if t.met else "否")
        achieved: Any = t.achieved if t.achieved is not None else (t.missing_reason or "—")
        measure = t.measure
        if t.numerator is not None and t.denominator is not None:
            measure += f"（{t.numerator} ÷ {t.denominator}）"
        elif t.numerator is not None:
            measure += f"（分子：{t.numerator}）"
        _data_row(
            ws,
            r,
            TARGET_COLUMNS,
            [
                i,
                t.label,
                t.unit,
                t.required,
                achieved,
                t.share,
                t.gap,
                met,
                measure,
                "、".join(t.references),
            ],
        )
        fmt = _target_format(t)
        for column in (4, 7):
            ws.cell(row=r, column=column).number_format = fmt
        if t.achieved is not None:
            ws.cell(row=r, column=5).number_format = fmt
    _print_setup(ws, header, n, landscape=True)

    items = _sheet(wb, "按事项", first=False)
    item_columns = (
        _Column("资助事项", 36),
        _Column("附件2栏目", 28),
        _Column("事项数", 10, COUNT_FORMAT, "right"),
        _Column("核定金额（元）", 18, MONEY_FORMAT, "right"),
        _Column("涉及申请", 40),
    )
    _title(items, 1, f"{report.policy_title}资助金额（按事项）", len(item_columns), 14)
    _header(items, 2, item_columns)
    for i, f in enumerate(report.items, start=1):
        _data_row(
            items,
            2 + i,
            item_columns,
            [f.name, f.form_row, f.claims, f.amount, "、".join(f.references)],
        )
    last = 2 + len(report.items) + 1
    _data_row(
        items,
        last,
        item_columns,
        [
            "合计",
            "",
            sum(f.claims for f in report.items),
            sum((f.amount for f in report.items), Decimal(0)),
            "",
        ],
    )
    _print_setup(items, 2, len(item_columns), landscape=False)

    months = _sheet(wb, "按月份", first=False)
    month_columns = (
        _Column("兑现月份", 12, TEXT_FORMAT, "center"),
        _Column("兑现申请数", 12, COUNT_FORMAT, "right"),
        _Column("兑现金额（元）", 18, MONEY_FORMAT, "right"),
        _Column("涉及申请", 50),
    )
    _title(months, 1, f"{report.policy_title}兑现金额（按月份）", len(month_columns), 14)
    _header(months, 2, month_columns)
    for i, m in enumerate(report.months, start=1):
        _data_row(months, 2 + i, month_columns, [m.month, m.cases, m.paid, "、".join(m.references)])
    last = 2 + len(report.months) + 1
    _data_row(
        months,
        last,
        month_columns,
        [
            "合计",
            sum(m.cases for m in report.months),
            sum((m.paid for m in report.months), Decimal(0)),
            "",
        ],
    )
    _print_setup(months, 2, len(month_columns), landscape=False)

    budget = _sheet(wb, "预算使用", first=False)
    budget_columns = (
        _Column("项目", 24),
        _Column("金额或比例", 20, MONEY_FORMAT, "right"),
    )
    _title(budget, 1, f"{report.policy_title}预算使用", len(budget_columns), 14)
    _header(budget, 2, budget_columns)
    b = report.budget
    lines: list[tuple[str, Any, str]] = [
        ("资助预算（元）", b.budget, MONEY_FORMAT),
        ("已兑现申请核定合计（元）", b.awarded, MONEY_FORMAT),
        ("已兑现金额（元）", b.paid, MONEY_FORMAT),
        ("预算使用比例", b.share, PERCENT_FORMAT),
        # Not 「剩余」: the notice screens use 可用 for the budget not yet committed to a batch;
        # this is the budget not yet paid out (issue 20 §14, one word per meaning).
        ("预算中尚未兑现（元）", b.remaining, MONEY_FORMAT),
    ]
    for i, (label, value, fmt) in enumerate(lines, start=1):
        _data_row(budget, 2 + i, budget_columns, [label, value])
        budget.cell(row=2 + i, column=2).number_format = fmt
    _print_setup(budget, 2, len(budget_columns), landscape=False)
    return _to_bytes(wb)
