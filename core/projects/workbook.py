"""The workbook of all cultivation projects: status, money and targets, for the bureau's own
follow-up and for the municipal bureau's performance reviews (第十二条).

Sheets: 项目一览 (one row a project: period, termination and its follow-up, what is due),
资金拨付 (applied-for and granted funds, own funds, instalments, recovered/kept), 支出分类
(spent by 第十一条 category), 绩效目标 (each target against its latest actual value), 支出明细
(every spending entry, those outside 第十一条 marked). Same look as the other workbooks
(:mod:`core.documents.workbooks`): set widths, ``#,##0.00`` money, frozen header, A4 fitted to
the width, page numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# The shared sheet helpers of the documents layer (private there; see the report: they could
# be made public for the second user they now have).
from core.documents.cells import Formula
from core.documents.workbooks import (
    COUNT_FORMAT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    TEXT_FORMAT,
    _Column,
    _data_row,
    _header,
    _line,
    _print_setup,
    _sheet,
    _title,
    _to_bytes,
)
from core.money import format_yuan
from core.projects.model import PaymentKind, ProjectDetail, RequestKind
from core.projects.policy import ProjectPolicy

__all__ = ["projects_workbook"]

DATE_FORMAT = "yyyy-mm-dd"


# Issue 16 §8: one sheet of 22 columns fitted to an A4 width printed unreadably small. Each
# sheet now has what one reader needs, at most 11 columns, in landscape, the header row
# repeated on every page.
SUMMARY_COLUMNS = (
    _Column("序号", 6, COUNT_FORMAT, "center"),
    _Column("项目编号", 26, TEXT_FORMAT),
    _Column("项目名称", 34),
    _Column("申报单位", 30),
    _Column("状态", 10, "General", "center"),
    _Column("开始日期", 12, DATE_FORMAT, "center"),
    _Column("结束日期", 12, DATE_FORMAT, "center"),
    _Column("终止与后续处理", 36),
    _Column("提醒与提示", 48),
)

MONEY_COLUMNS = (
    _Column("项目编号", 26, TEXT_FORMAT),
    _Column("状态", 10, "General", "center"),
    # Applied-for and granted apart (issue 16 §4): a total of 财政资金 counts only projects
    # approved (立项 and after), never those 已申报, 评审中 or 未立项.
    _Column("申请财政资金（元）", 15, MONEY_FORMAT, "right"),
    _Column("立项财政资金（元）", 15, MONEY_FORMAT, "right"),
    _Column("自筹资金（元）", 15, MONEY_FORMAT, "right"),
    _Column("立项补助（元）", 15, MONEY_FORMAT, "right"),
    _Column("结题补助（元）", 15, MONEY_FORMAT, "right"),
    _Column("追回（元）", 13, MONEY_FORMAT, "right"),
    _Column("留用（元）", 13, MONEY_FORMAT, "right"),
)


def _use_columns(policy: ProjectPolicy) -> list[_Column]:
    return [
        _Column("项目编号", 26, TEXT_FORMAT),
        _Column("已支出合计（元）", 16, MONEY_FORMAT, "right"),
        *(
            _Column(f"{c.text}（元）", 15, MONEY_FORMAT, "right")
            for c in policy.fund_categories.values()
        ),
        _Column("第十一条以外（元）", 15, MONEY_FORMAT, "right"),
    ]


TARGET_COLUMNS = (
    _Column("项目编号", 26, TEXT_FORMAT),
    _Column("项目名称", 34),
    _Column("状态", 10, "General", "center"),
    _Column("指标", 30),
    _Column("单位", 6, "General", "center"),
    _Column("目标值", 16, "#,##0.##", "right"),
    _Column("实际值", 16, "#,##0.##", "right"),
    _Column("填报日期", 12, DATE_FORMAT, "center"),
    _Column("完成率", 10, PERCENT_FORMAT, "right"),
    _Column("是否达到", 8, "General", "center"),
)

SPENDING_COLUMNS = (
    _Column("项目编号", 26, TEXT_FORMAT),
    _Column("支出日期", 12, DATE_FORMAT, "center"),
    _Column("用途", 24),
    _Column("金额（元）", 15, MONEY_FORMAT, "right"),
    _Column("属第十一条用途", 10, "General", "center"),
    _Column("说明", 36),
    _Column("登记人", 10),
)


def _notes(detail: ProjectDetail) -> str:
    lines = [r.message for r in detail.reminders]
    pending = detail.pending_request
    if pending is not None:
        lines.append(f"{pending.kind.label}申请待审定（{pending.submitted_on.isoformat()}提交）")
    lines += [i.message for i in detail.spending_issues]
    return "\n".join(lines)


def _termination(d: ProjectDetail) -> str:
    """Seed 000 says only 「后续处理事项」 (reading "termination"): the follow-up agreed, with
    what was paid and what was recovered or kept (issue 16 §9)."""
    if d.settlement is None:
        return ""
    ended = next(
        (r for r in reversed(d.requests) if r.kind is RequestKind.TERMINATION and r.approved),
        None,
    )
    parts = []
    if ended is not None and ended.decided_on is not None:
        parts.append(f"{ended.decided_on.isoformat()}终止")
    parts.append(
        f"已拨付{format_yuan(d.paid())}元，追回{format_yuan(d.settlement.recovered)}元，"
        f"留用{format_yuan(d.settlement.kept)}元"
    )
    if ended is not None and ended.follow_up:
        parts.append(f"后续处理：{ended.follow_up}")
    return "；".join(parts)


def _start(
    wb: Workbook,
    name: str,
    title: str,
    columns: Sequence[_Column],
    *lines: str,
    first: bool = False,
) -> tuple[Worksheet, int]:
    """A sheet with its title, ``lines`` under it, and the header row; (sheet, header row)."""
    ws = _sheet(wb, name, first=first)
    n = len(columns)
    _title(ws, 1, title, n)
    for i, line in enumerate(lines, start=2):
        _line(ws, i, line, n)
    header = 2 + len(lines)
    _header(ws, header, columns)
    return ws, header


def _totals(ws: Worksheet, columns: Sequence[_Column], header: int, rows: int, first: int) -> None:
    """A 合计 row under ``rows`` data rows: a SUM for every column from ``first`` (1-based)."""
    total_row = header + rows + 1
    sums: list[object] = ["合计", *([""] * (first - 2))]
    for col in range(first, len(columns) + 1):
        letter = ws.cell(row=header, column=col).column_letter
        sums.append(Formula(f"=SUM({letter}{header + 1}:{letter}{total_row - 1})") if rows else 0)
    _data_row(ws, total_row, columns, sums)


def projects_workbook(
    projects: Sequence[ProjectDetail], policy: ProjectPolicy, *, prepared_on: dt.date
) -> bytes:
    """All projects of one programme (policy) as an .xlsx file's bytes."""
    wb = Workbook()
    ws, header = _start(
        wb,
        "项目一览",
        f"{policy.title}一览表",
        SUMMARY_COLUMNS,
        f"依据：{policy.source}\u3000\u3000制表日期：{prepared_on.isoformat()}",
        first=True,
    )
    for i, d in enumerate(projects, start=1):
        _data_row(
            ws,
            header + i,
            SUMMARY_COLUMNS,
            [
                i,
                d.number,
                d.title,
                d.lead_name,
                d.status.label,
                d.start,
                d.end,
                _termination(d),
                _notes(d),
            ],
        )
    _print_setup(ws, header, len(SUMMARY_COLUMNS), landscape=True)

    ws, header = _start(wb, "资金拨付", "财政资金与拨付（第十条、第十二条）", MONEY_COLUMNS)
    for i, d in enumerate(projects, start=1):
        _data_row(
            ws,
            header + i,
            MONEY_COLUMNS,
            [
                d.number,
                d.status.label,
                None if d.status.funded else d.funding,
                d.funding if d.status.funded else None,
                d.own_funds,
                d.paid(PaymentKind.APPROVAL),
                d.paid(PaymentKind.CLOSURE),
                d.settlement.recovered if d.settlement else None,
                d.settlement.kept if d.settlement else None,
            ],
        )
    _totals(ws, MONEY_COLUMNS, header, len(projects), 3)
    _print_setup(ws, header, len(MONEY_COLUMNS), landscape=True)

    columns = _use_columns(policy)
    ws, header = _start(wb, "支出分类", "财政资金支出按第十一条用途", columns)
    for i, d in enumerate(projects, start=1):
        by_category = d.spent_by_category()
        outside = sum(
            (v for k, v in by_category.items() if k not in policy.fund_categories), Decimal(0)
        )
        _data_row(
            ws,
            header + i,
            columns,
            [
                d.number,
                d.spent,
                *(by_category.get(code, Decimal("0.00")) for code in policy.fund_categories),
                outside,
            ],
        )
    _totals(ws, columns, header, len(projects), 2)
    _print_setup(ws, header, len(columns), landscape=True)

    ws, header = _start(
        wb,
        "绩效目标",
        "量化绩效目标完成情况（第七条）",
        TARGET_COLUMNS,
        "实际值为项目单位填报的累计数，取最近一次填报。",
    )
    row = header
    for d in projects:
        for t in d.targets:
            row += 1
            _data_row(
                ws,
                row,
                TARGET_COLUMNS,
                [
                    d.number,
                    d.title,
                    d.status.label,
                    t.label,
                    t.unit,
                    t.target,
                    t.actual,
                    t.actual_on,
                    t.completion,
                    ("是" if t.met else "否") if t.actual is not None else "未填报",
                ],
            )
    _print_setup(ws, header, len(TARGET_COLUMNS), landscape=True)

    ws, header = _start(wb, "支出明细", "财政资金支出明细（第十一条、第十二条）", SPENDING_COLUMNS)
    row = header
    for d in projects:
        for s in d.spending:
            row += 1
            _data_row(
                ws,
                row,
                SPENDING_COLUMNS,
                [
                    d.number,
                    s.spent_on,
                    s.label,
                    s.amount,
                    "是" if s.in_scope else "否",
                    s.note,
                    s.recorded_by,
                ],
            )
    _print_setup(ws, header, len(SPENDING_COLUMNS), landscape=True)
    return _to_bytes(wb)
