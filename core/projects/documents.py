"""Printed forms of a cultivation project (A4, embedded fonts, 第 N 页 共 M 页), from a
:class:`~core.projects.model.ProjectDetail`:

* 立项信息表 — units, 第五条 check, evaluation, budget, targets, payments;
* 中期评估表 — progress, targets and spending as of the evaluation, the grade, the opinion;
* 延期／终止申请审核表 — the written request (第八条) and the bureau's opinion box;
* 结题验收意见表 — method, panel, each target against its actual value, spending, result.

What has not happened yet prints as blanks and empty boxes (□) to fill in by hand, so each
form can also be printed beforehand for a meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from core.documents.pdf import (
    BOX_EMPTY,
    BOX_TICKED,
    DocumentInfo,
    amount_with_capitals,
    box,
    build_pdf,
    corner_line,
    date_text,
    p,
    seal_lines,
    signature_line,
    styles,
    table,
    write_pdf,
    yuan_text,
)
from core.money import format_yuan
from core.projects.model import (
    MidtermResult,
    PaymentKind,
    ProjectDetail,
    RequestInfo,
    RequestKind,
    ReviewInfo,
    TargetInfo,
)
from core.projects.policy import ProjectPolicy, load_project_policy
from core.projects.rules import CLOSURE_CLAUSE, ClosureDecision, ProjectStatus, period_months

__all__ = [
    "FORMS",
    "NothingToPrint",
    "render_acceptance",
    "render_midterm",
    "render_request",
    "render_summary",
    "write_form",
]

_INFO = (30.0, 55.0, 30.0, 55.0)
# Why an instalment not paid never will be (第十条: the closure instalment needs a passed
# acceptance; a terminated project settles what was paid instead).
_NEVER_PAID = {
    ProjectStatus.NOT_APPROVED: "未立项，不拨付",
    ProjectStatus.TERMINATED: "已终止，不拨付",
    ProjectStatus.ACCEPTANCE_FAILED: "验收不通过，不拨付",
}
_HEADING_ROOM = 45 * mm
_TARGET_WIDTHS = (12.0, 58.0, 12.0, 30.0, 30.0, 16.0, 12.0)


class NothingToPrint(ValueError):
    """The form has no subject yet (e.g. a request form for a project without requests)."""


def _lab(text: str) -> Paragraph:
    return p(text, styles().cell_label, balanced=True)


def _cell(text: str) -> Paragraph:
    return p(text, styles().cell)


def _choices(options: Sequence[tuple[str, bool]]) -> str:
    """``√会议验收　□资料验收　□现场验收``: the chosen one ticked, the others empty boxes."""
    return "\u3000".join(
        f"{BOX_TICKED if chosen else BOX_EMPTY}{label}" for label, chosen in options
    )


def _period(detail: ProjectDetail, as_of: dt.date | None = None) -> str:
    end = _end_on(detail, as_of)
    months = period_months(detail.start, end)
    text = f"{date_text(detail.start)}至{date_text(end)}（{months}个月）"
    if detail.approved_end is not None and detail.approved_end != end:
        text += f"\n经批准延期，原结束日期{date_text(detail.approved_end)}"
    return text


# A form dated earlier than today shows the project as it stood that day (issue 16 §2): the
# history of steps, the payments and the extension decisions carry their own dates.


def _status_on(detail: ProjectDetail, day: dt.date | None) -> ProjectStatus:
    if day is None:
        return detail.status
    status = None
    for event in sorted(detail.events, key=lambda e: (e.happened_on, e.at)):
        if event.happened_on > day:
            break
        status = event.to_status
    return status if status is not None else detail.status


def _end_on(detail: ProjectDetail, day: dt.date | None) -> dt.date:
    """The planned end as of ``day``: an extension approved later had not moved it yet."""
    if day is None:
        return detail.end
    later = sorted(
        (r.decided_on, r.old_end)
        for r in detail.requests
        if r.kind is RequestKind.EXTENSION
        and r.approved
        and r.decided_on is not None
        and r.decided_on > day
        and r.old_end is not None
    )
    return later[0][1] if later else detail.end


def _paid_on(
    detail: ProjectDetail, day: dt.date | None, kind: PaymentKind | None = None
) -> Decimal:
    return sum(
        (
            pay.amount
            for pay in detail.payments
            if (kind is None or pay.kind is kind) and (day is None or pay.paid_on <= day)
        ),
        Decimal("0.00"),
    )


def _number(value: Decimal, unit: str) -> str:
    if unit == "元":
        return format_yuan(value)
    return f"{value:,.0f}"


def _ratio(actual: Decimal | None, target: Decimal) -> str:
    if actual is None or not target:
        return ""
    return f"{(actual / target * 100).quantize(Decimal('0.1'))}%"


def _heading(text: str) -> Paragraph:
    return p(text, styles().heading)


def _info_table(
    detail: ProjectDetail,
    *,
    with_units: bool = True,
    brief: bool = False,
    as_of: dt.date | None = None,
) -> Flowable:
    """The project's identity; ``brief`` leaves out field, industry and technology type."""
    lead = detail.lead_unit
    joint = "、".join(u.name for u in detail.joint_units) or "无"
    book = (
        f"{detail.task_book_number}（{date_text(detail.task_book_date)}）"
        if detail.task_book_number
        else "（尚未立项）"
    )
    rows: list[list[Any]] = [
        [
            _lab("项目编号"),
            _cell(detail.number),
            _lab("申报日期"),
            _cell(date_text(detail.received_on)),
        ],
    ]
    spans: list[tuple[Any, ...]] = []

    def wide(label: str, text: str) -> None:
        spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append([_lab(label), _cell(text), "", ""])

    wide("项目名称", detail.title)
    if with_units:
        wide("申报单位", lead.name if lead else "")
        wide("联合申报单位", joint)
    if not brief:
        rows.append(
            [
                _lab("技术领域"),
                _cell(detail.field),
                _lab("所属重点产业"),
                _cell(detail.key_industry),
            ]
        )
        technology = detail.technology_type.label
        if detail.linked_project:
            technology += f"：{detail.linked_project}"
        wide("技术类型（第三条）", technology)
    wide("实施周期", _period(detail, as_of))
    status = _status_on(detail, as_of).label
    rows.append([_lab("任务书"), _cell(book), _lab("项目状态"), _cell(status)])
    rows.append(
        [
            _lab("财政资金支持"),
            _cell(yuan_text(detail.funding)),
            _lab("自筹资金"),
            _cell(yuan_text(detail.own_funds)),
        ]
    )
    return table(rows, _INFO, *spans)


def _opinion_box(
    title: str,
    choice: str,
    text: str,
    role: str,
    name: str,
    day: dt.date | None,
    *,
    room: float = 24,
    seal: ProjectPolicy | None = None,
) -> Flowable:
    """An opinion box: the choice line, the text (or room to write), the signature line, and
    with ``seal`` the bureau's name and date to stamp (one box, so it never splits off)."""
    s = styles()
    body: list[Flowable] = []
    if choice:
        body.append(p(choice, s.cell))
        body.append(Spacer(1, 2 * mm))
    if text:
        body.append(p(text, s.cell))
        body.append(Spacer(1, 6 * mm))
    else:
        body.append(Spacer(1, room * mm))
    body.append(p(signature_line(role, name, day), s.cell_right))
    if seal is not None:
        body.extend(seal_lines(seal.issuer, day))
    return table([[p(title, s.cell_head)], [body]], (170.0,), ("VALIGN", (0, 1), (0, 1), "TOP"))


def _seal_box(policy: ProjectPolicy, day: dt.date | None) -> list[Flowable]:
    """The bureau's confirmation under an expert panel's opinion: its name and date to stamp."""
    s = styles()
    return [
        Spacer(1, 2 * mm),
        table([[p("单位意见", s.cell_head)], [seal_lines(policy.issuer, day)]], (170.0,)),
    ]


def _targets_table(
    targets: Sequence[TargetInfo], actuals: dict[str, tuple[Decimal, dt.date] | None]
) -> Flowable:
    s = styles()
    head = [
        p(t, s.cell_head)
        for t in ("序号", "量化绩效目标", "单位", "目标值", "实际值", "完成率", "达到")
    ]
    rows: list[list[Any]] = [head]
    for n, t in enumerate(targets, start=1):
        found = actuals.get(t.metric)
        actual = None if found is None else found[0]
        reached: bool | None = None if actual is None else actual >= t.target
        rows.append(
            [
                p(str(n), s.cell_center),
                p(t.label, s.cell),
                p(t.unit, s.cell_center),
                p(_number(t.target, t.unit), s.cell_right),
                p("" if actual is None else _number(actual, t.unit), s.cell_right),
                p(_ratio(actual, t.target), s.cell_right),
                p(box(reached), s.cell_center),
            ]
        )
    if not targets:
        rows.append([p("（任务书未列量化绩效目标）", s.cell_center), "", "", "", "", "", ""])
        return table(rows, _TARGET_WIDTHS, ("SPAN", (0, 1), (-1, 1)), head_rows=1)
    return table(rows, _TARGET_WIDTHS, head_rows=1)


def _actuals_as_of(
    detail: ProjectDetail, day: dt.date | None
) -> dict[str, tuple[Decimal, dt.date] | None]:
    """Each target's latest reported value on or before ``day`` (values are cumulative)."""
    result: dict[str, tuple[Decimal, dt.date] | None] = {}
    for t in detail.targets:
        found = [a for a in t.history if day is None or a.reported_on <= day]
        result[t.metric] = (found[-1].value, found[-1].reported_on) if found else None
    return result


def _spending_table(detail: ProjectDetail, day: dt.date | None) -> Flowable:
    s = styles()
    head = [
        p(t, s.cell_head)
        for t in ("资金用途（第十一条）", "任务书预算（元）", "已支出（元）", "执行率")
    ]
    rows: list[list[Any]] = [head]
    spent: dict[str, Decimal] = {}
    outside = Decimal("0.00")
    for item in detail.spending:
        if day is not None and item.spent_on > day:
            continue
        if item.in_scope:
            spent[item.category] = spent.get(item.category, Decimal("0.00")) + item.amount
        else:
            outside += item.amount
    total_budget = Decimal("0.00")
    for line in detail.budget:
        used = spent.get(line.category, Decimal("0.00"))
        total_budget += line.budget
        over = "（超预算）" if used > line.budget else ""
        rows.append(
            [
                p(line.label, s.cell),
                p(format_yuan(line.budget), s.cell_right),
                p(format_yuan(used) + over, s.cell_right),
                p(_ratio(used, line.budget), s.cell_right),
            ]
        )
    if outside:
        rows.append(
            [
                p("不属于第十一条所列用途", s.cell),
                p("—", s.cell_center),
                p(format_yuan(outside), s.cell_right),
                p("", s.cell),
            ]
        )
    total_spent = sum(spent.values(), Decimal("0.00")) + outside
    rows.append(
        [
            p("合计", s.cell_head),
            p(format_yuan(total_budget), s.cell_right),
            p(format_yuan(total_spent), s.cell_right),
            p(_ratio(total_spent, total_budget), s.cell_right),
        ]
    )
    return table(rows, (70.0, 36.0, 40.0, 24.0), head_rows=1)


def _money_lines(
    detail: ProjectDetail, *, with_issues: bool = True, as_of: dt.date | None = None
) -> list[Flowable]:
    s = styles()
    closure = _paid_on(detail, as_of, PaymentKind.CLOSURE)
    lines = [
        f"{'截至' + date_text(as_of) if as_of else ''}已拨付财政资金{yuan_text(_paid_on(detail, as_of))}"
        f"（立项补助{yuan_text(_paid_on(detail, as_of, PaymentKind.APPROVAL))}"
        + (f"，结题补助{yuan_text(closure)}" if closure else "")
        + "）。"
    ]
    # The checks run over all spending recorded; a form dated earlier marks its own table.
    if with_issues:
        lines.extend(f"提示：{issue.message}" for issue in detail.spending_issues)
    return [p(line, s.note) for line in lines]


# ---------------------------------------------------------------------------
# 立项信息表
# ---------------------------------------------------------------------------


def summary_story(detail: ProjectDetail, policy: ProjectPolicy) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        corner_line("", detail.number),
        Spacer(1, 2 * mm),
        p(f"{policy.title}立项信息表", s.title),
        # As of the task book (issue 16 §2): a later 已结题 is not this form's fact.
        _info_table(detail, with_units=False, as_of=detail.task_book_date),
        CondPageBreak(_HEADING_ROOM),
        _heading("一、申报单位（第四条）"),
    ]
    head = [p(t, s.cell_head) for t in ("序号", "单位名称", "统一社会信用代码", "单位类型", "角色")]
    rows: list[list[Any]] = [head]
    for n, u in enumerate(detail.units, start=1):
        rows.append(
            [
                p(str(n), s.cell_center),
                p(u.name, s.cell),
                p(u.credit_code, s.cell_center),
                p(u.kind_label, s.cell_center),
                p("申报单位" if u.lead else "联合申报", s.cell_center),
            ]
        )
    story.append(table(rows, (12.0, 56.0, 46.0, 34.0, 22.0), head_rows=1))
    story += [CondPageBreak(_HEADING_ROOM), _heading("二、资格审查（第五条）")]
    head = [p(t, s.cell_head) for t in ("条款", "申报条件", "符合", "说明")]
    rows = [head]
    for c in detail.conditions:
        rows.append(
            [
                p(c.clause, s.cell_center),
                p(c.text, s.cell_small),
                p(box(c.met), s.cell_center),
                p(c.note, s.cell_small),
            ]
        )
    story.append(table(rows, (26.0, 80.0, 14.0, 50.0), head_rows=1))
    story += [CondPageBreak(_HEADING_ROOM), _heading("三、立项评审")]
    ev = detail.evaluation
    rows = [
        [
            _lab("评审日期"),
            _cell(date_text(ev.held_on if ev else None)),
            _lab("评审得分"),
            _cell(ev.score if ev else ""),
        ],
        [_lab("评审专家"), _cell(ev.experts if ev else ""), "", ""],
        [_lab("评审意见"), _cell(ev.opinion if ev else ""), "", ""],
        [
            _lab("评审结论"),
            _cell(
                _choices(
                    [("同意立项", bool(ev and ev.passed)), ("不予立项", bool(ev and not ev.passed))]
                )
            ),
            "",
            "",
        ],
    ]
    story.append(
        table(
            rows,
            _INFO,
            ("SPAN", (1, 1), (3, 1)),
            ("SPAN", (1, 2), (3, 2)),
            ("SPAN", (1, 3), (3, 3)),
            heights_mm=(None, None, None if ev else 20.0, None),
        )
    )
    story += [CondPageBreak(_HEADING_ROOM), _heading("四、财政资金预算（第十条、第十一条）")]
    head = [p(t, s.cell_head) for t in ("资金用途", "预算金额（元）", "占比")]
    rows = [head]
    total = sum((b.budget for b in detail.budget), Decimal("0.00"))
    for b in detail.budget:
        rows.append(
            [
                p(b.label, s.cell),
                p(format_yuan(b.budget), s.cell_right),
                p(_ratio(b.budget, total), s.cell_right),
            ]
        )
    rows.append([p("合计", s.cell_head), p(format_yuan(total), s.cell_right), p("", s.cell)])
    story.append(table(rows, (90.0, 50.0, 30.0), head_rows=1))
    story += [p(line, s.note) for line in detail.instalments.explanation]
    story += [CondPageBreak(_HEADING_ROOM), _heading("五、量化绩效目标（第七条）")]
    head = [p(t, s.cell_head) for t in ("序号", "指标", "所属绩效目标", "单位", "目标值")]
    rows = [head]
    goals = {g.code: f"{g.clause}" for g in policy.performance_goals}
    for n, t in enumerate(detail.targets, start=1):
        rows.append(
            [
                p(str(n), s.cell_center),
                p(t.label, s.cell),
                p(goals.get(t.goal, ""), s.cell_center),
                p(t.unit, s.cell_center),
                p(_number(t.target, t.unit), s.cell_right),
            ]
        )
    story.append(table(rows, (12.0, 70.0, 36.0, 18.0, 34.0), head_rows=1))
    story += [CondPageBreak(_HEADING_ROOM), _heading("六、资金拨付（第十条）")]
    head = [p(t, s.cell_head) for t in ("款项", "金额（元）", "拨付日期", "拨付文号")]
    rows = [head]
    for kind in PaymentKind:
        paid = [x for x in detail.payments if x.kind is kind]
        due = (
            detail.instalments.approval
            if kind is PaymentKind.APPROVAL
            else detail.instalments.closure
        )
        if paid:
            rows.append(
                [
                    p(kind.label, s.cell),
                    p(format_yuan(paid[0].amount), s.cell_right),
                    p(date_text(paid[0].paid_on), s.cell_center),
                    p(paid[0].voucher, s.cell),
                ]
            )
        else:
            never = _NEVER_PAID.get(detail.status)
            if kind is PaymentKind.APPROVAL and detail.status is not ProjectStatus.NOT_APPROVED:
                never = None  # only a project never approved never gets the approval instalment
            rows.append(
                [
                    p(f"{kind.label}（{never or '未拨付'}）", s.cell),
                    p("—" if never else format_yuan(due), s.cell_center if never else s.cell_right),
                    p("", s.cell),
                    p("", s.cell),
                ]
            )
    story.append(table(rows, (60.0, 32.0, 34.0, 44.0), head_rows=1))
    if detail.settlement is not None:
        story.append(
            p(
                f"项目已终止：追回{yuan_text(detail.settlement.recovered)}，"
                f"留用{yuan_text(detail.settlement.kept)}。",
                s.note,
            )
        )
    # Issue 16 §8: the sheet goes into the file signed and stamped, like every other form.
    story.append(
        KeepTogether(
            [
                Spacer(1, 4 * mm),
                table(
                    [
                        [p("经办与审核", s.cell_head)],
                        [
                            [
                                Spacer(1, 8 * mm),
                                p(signature_line("经办人", "", None), s.cell_right),
                                Spacer(1, 6 * mm),
                                p(signature_line("审核人", "", None), s.cell_right),
                                *seal_lines(policy.issuer, None),
                            ]
                        ],
                    ],
                    (170.0,),
                    ("VALIGN", (0, 1), (0, 1), "TOP"),
                ),
            ]
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(
        p(
            f"登记：{detail.registered_by}\u3000\u3000最后修改：{detail.updated_by}"
            f"\u3000\u3000打印日期：{date_text(detail.today)}",
            s.small_right,
        )
    )
    return story


# ---------------------------------------------------------------------------
# 中期评估表
# ---------------------------------------------------------------------------


def midterm_story(detail: ProjectDetail, policy: ProjectPolicy) -> list[Flowable]:
    s = styles()
    mid = detail.midterm
    as_of = mid.held_on if mid else None
    story: list[Flowable] = [
        corner_line("", detail.number),
        Spacer(1, 2 * mm),
        p(f"{policy.title}中期评估表", s.title),
        _info_table(detail, as_of=as_of),
        CondPageBreak(_HEADING_ROOM),
        _heading("一、执行进展（第八条）"),
    ]
    reports = [r for r in detail.reports if as_of is None or r.reported_on <= as_of]
    if reports:
        head = [p(t, s.cell_head) for t in ("次数", "报送日期", "执行进展、阶段性成果和工作计划")]
        rows: list[list[Any]] = [head]
        for r in reports:
            rows.append(
                [
                    p(f"第{r.number}次", s.cell_center),
                    p(date_text(r.reported_on), s.cell_center),
                    [
                        p(f"执行进展：{r.progress}", s.cell_hanging),
                        p(f"阶段性成果：{r.results}", s.cell_hanging),
                        p(f"工作计划：{r.plan}", s.cell_hanging),
                    ],
                ]
            )
        story.append(table(rows, (18.0, 34.0, 118.0), head_rows=1, split_rows=True))
    else:
        story.append(p("评估前未报送执行进展报告。", s.body))
    story += [
        CondPageBreak(_HEADING_ROOM),
        _heading("二、绩效目标完成情况（第七条）"),
        _targets_table(detail.targets, _actuals_as_of(detail, as_of)),
        p(
            "注：实际值为项目单位填报的累计数" + (f"，截至{date_text(as_of)}。" if as_of else "。"),
            s.note,
        ),
        KeepTogether(
            [
                _heading("三、资金使用情况（第十一条、第十二条）"),
                _spending_table(detail, as_of),
                *_money_lines(detail, with_issues=as_of is None, as_of=as_of),
            ]
        ),
    ]
    grades = [(g.label, bool(mid and mid.result == g.value)) for g in MidtermResult]
    rows = [
        [_lab("评估日期"), _cell(date_text(as_of)), _lab("评估结论"), _cell(_choices(grades))],
        [_lab("评估专家"), _cell(mid.experts if mid else ""), "", ""],
    ]
    story.append(
        KeepTogether(
            [
                _heading("四、评估结论（第九条）"),
                table(rows, (30.0, 45.0, 25.0, 70.0), ("SPAN", (1, 1), (3, 1))),
                Spacer(1, 2 * mm),
                _opinion_box(
                    "评估意见",
                    "",
                    mid.opinion if mid else "",
                    "评估组组长",
                    "",
                    as_of,
                ),
                *_seal_box(policy, as_of),
            ]
        )
    )
    return story


# ---------------------------------------------------------------------------
# 延期／终止申请审核表
# ---------------------------------------------------------------------------


def _request(detail: ProjectDetail, request_id: int | None) -> RequestInfo:
    if request_id is None:
        chosen = detail.pending_request or detail.latest_request
    else:
        chosen = next((r for r in detail.requests if r.id == request_id), None)
    if chosen is None:
        raise NothingToPrint(f"项目 {detail.number} 没有延期或终止申请，无审核表可打印")
    return chosen


def request_title(policy: ProjectPolicy, request: RequestInfo) -> str:
    return f"{policy.title}{request.kind.label}申请审核表"


def request_story(
    detail: ProjectDetail, policy: ProjectPolicy, request: RequestInfo
) -> list[Flowable]:
    s = styles()
    extension = request.kind is RequestKind.EXTENSION
    story: list[Flowable] = [
        corner_line("", detail.number),
        Spacer(1, 2 * mm),
        p(request_title(policy, request), s.title),
        _info_table(detail, brief=True, as_of=request.decided_on or request.submitted_on),
        _heading("一、申请事项（第八条）"),
    ]
    kinds = _choices([("延期", extension), ("终止", not extension)])
    rows: list[list[Any]] = [
        [_lab("申请类型"), _cell(kinds), _lab("申请日期"), _cell(date_text(request.submitted_on))],
    ]
    spans: list[tuple[Any, ...]] = []
    if extension:
        months = (
            period_months(detail.start, request.new_end) if request.new_end is not None else None
        )
        rows.append(
            [
                _lab("原结束日期"),
                _cell(date_text(request.old_end)),
                _lab("申请延期至"),
                _cell(date_text(request.new_end)),
            ]
        )
        rows.append(
            [
                _lab("延期后实施周期"),
                _cell(f"{months}个月（{policy.period_clause}）" if months else ""),
                "",
                "",
            ]
        )
        spans.append(("SPAN", (1, 2), (3, 2)))
    story.append(table(rows, _INFO, *spans))
    story += [p(f"提示：{w}", s.note) for w in request.warnings]
    texts = [("申请理由", request.reason), ("项目执行进展", request.progress)]
    if not extension:
        texts.append(("项目终止的后续处理事项", request.follow_up))
    for title, text in texts:
        story.append(
            KeepTogether(
                [
                    Spacer(1, 2 * mm),
                    table([[p(title, s.cell_head)], [p(text, s.cell)]], (170.0,)),
                ]
            )
        )
    if not extension:
        story.append(CondPageBreak(_HEADING_ROOM))
        story.append(_heading("二、已拨付资金处理（第十二条）"))
        settled = detail.settlement
        rows = [
            [
                _lab("已拨付"),
                _cell(yuan_text(detail.paid())),
                _lab("已支出"),
                _cell(yuan_text(detail.spent)),
            ],
            [
                _lab("追回金额"),
                _cell(amount_with_capitals(settled.recovered) if settled else ""),
                "",
                "",
            ],
            [
                _lab("留用金额"),
                _cell(amount_with_capitals(settled.kept) if settled else ""),
                "",
                "",
            ],
        ]
        story.append(table(rows, _INFO, ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (3, 2))))
        story.append(
            p("注：追回与留用金额之和应等于已拨付金额；终止的项目不再拨付结题补助。", s.note)
        )
    decided = request.approved
    choice = _choices([("同意", decided is True), ("不同意", decided is False)])
    story.append(
        KeepTogether(
            [
                _heading(f"{'二' if extension else '三'}、审核意见"),
                _opinion_box(
                    f"{policy.issuer}审核意见",
                    choice,
                    request.opinion,
                    "审核人",
                    request.decided_by,
                    request.decided_on,
                    seal=policy,
                ),
            ]
        )
    )
    return story


# ---------------------------------------------------------------------------
# 结题验收意见表
# ---------------------------------------------------------------------------


def _closure_decision_text(due: Decimal, acc: ReviewInfo) -> str:
    """The acceptance's decision on the closure instalment, with its reason (issue 16 §4)."""
    decision = acc.closure or ClosureDecision.FULL
    cut = acc.closure_amount or Decimal(0)
    if decision is ClosureDecision.REDUCE:
        said = (
            f"结题补助{format_yuan(due)}元核减{format_yuan(cut)}元，"
            f"应拨付{amount_with_capitals(due - cut)}"
        )
    elif decision is ClosureDecision.WITHHOLD:
        said = f"不予拨付结题补助（{format_yuan(due)}元）"
    elif decision is ClosureDecision.RECOVER:
        said = f"不予拨付结题补助（{format_yuan(due)}元），追回已拨资金{amount_with_capitals(cut)}"
    else:
        said = f"应拨付结题补助{amount_with_capitals(due)}"
    reason = f"理由：{acc.closure_reason}" if acc.closure_reason else ""
    return f"结题资金处理（{CLOSURE_CLAUSE}）：{said}。{reason}{'。' if reason and not reason.endswith('。') else ''}"


def acceptance_story(detail: ProjectDetail, policy: ProjectPolicy) -> list[Flowable]:
    s = styles()
    acc = detail.acceptance
    as_of = acc.held_on if acc else None
    methods = _choices(
        [
            (m.text, bool(acc and acc.method == code))
            for code, m in policy.acceptance_methods.items()
        ]
    )
    story: list[Flowable] = [
        corner_line("", detail.number),
        Spacer(1, 2 * mm),
        p(f"{policy.title}结题验收意见表", s.title),
        _info_table(detail, as_of=as_of),
        _heading("一、验收方式（第八条）"),
        table(
            [
                [_lab("验收方式"), _cell(methods), "", ""],
                [
                    _lab("验收日期"),
                    _cell(date_text(as_of)),
                    _lab("计划结束日期"),
                    _cell(date_text(detail.end)),
                ],
                [_lab("验收专家"), _cell(acc.experts if acc else ""), "", ""],
            ],
            _INFO,
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (1, 2), (3, 2)),
            heights_mm=(None, None, None if acc else 16.0),
        ),
    ]
    if detail.accepted_early:
        story.append(p("注：项目在计划结束日期前完成目标任务，提前结题验收。", s.note))
    story += [
        CondPageBreak(_HEADING_ROOM),
        _heading("二、绩效目标完成情况（任务书约定，第七条）"),
        _targets_table(detail.targets, _actuals_as_of(detail, as_of)),
        p(
            "注：实际值为项目单位填报的累计数，“达到”一栏 √ 为达到、× 为未达到、□ 为未填报。",
            s.note,
        ),
        KeepTogether(
            [
                _heading("三、资金使用情况（第十一条、第十二条）"),
                _spending_table(detail, None),
                *_money_lines(detail, as_of=as_of),
            ]
        ),
    ]
    choice = _choices(
        [("通过", bool(acc and acc.passed)), ("不通过", bool(acc and not acc.passed))]
    )
    closure = detail.instalments.closure
    # The decision of the acceptance day; the payment that follows is the ledger's, not this
    # form's (issue 16 §2).
    if acc and acc.passed:
        closure_line = _closure_decision_text(closure, acc)
    elif acc:
        closure_line = "验收不通过，不拨付结题补助。"
    else:
        closure_line = f"验收通过后拨付结题补助{amount_with_capitals(closure)}（第十条）。"
    story.append(
        KeepTogether(
            [
                _heading("四、验收结论"),
                _opinion_box(
                    "验收意见", choice, acc.opinion if acc else "", "验收组组长", "", as_of
                ),
                p(closure_line, s.note),
                *_seal_box(policy, as_of),
            ]
        )
    )
    return story


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def _render(
    story: list[Flowable], title: str, detail: ProjectDetail, policy: ProjectPolicy
) -> bytes:
    return build_pdf(
        story,
        DocumentInfo(title=title, subject=detail.title, author=policy.issuer, header=detail.number),
    )


def render_summary(detail: ProjectDetail) -> bytes:
    """立项信息表 as A4 PDF bytes."""
    policy = load_project_policy(detail.policy_id)
    return _render(summary_story(detail, policy), f"{policy.title}立项信息表", detail, policy)


def _require_task_book(detail: ProjectDetail, form: str) -> None:
    # Targets and budget come from the task book: before approval there is nothing to assess.
    if detail.task_book_date is None:
        raise NothingToPrint(
            f"项目 {detail.number} 尚未立项（{detail.status.label}），没有任务书，无{form}可打印"
        )


def render_midterm(detail: ProjectDetail) -> bytes:
    """中期评估表 (blank grade boxes until the evaluation is recorded)."""
    _require_task_book(detail, "中期评估表")
    policy = load_project_policy(detail.policy_id)
    return _render(midterm_story(detail, policy), f"{policy.title}中期评估表", detail, policy)


def render_request(detail: ProjectDetail, request_id: int | None = None) -> bytes:
    """延期／终止申请审核表 of one request (default: the pending one, else the latest)."""
    policy = load_project_policy(detail.policy_id)
    request = _request(detail, request_id)
    return _render(
        request_story(detail, policy, request), request_title(policy, request), detail, policy
    )


def render_acceptance(detail: ProjectDetail) -> bytes:
    """结题验收意见表 with each target against its actual value."""
    _require_task_book(detail, "结题验收意见表")
    # A terminated project is never accepted, and gets no closure instalment (reading
    # "termination"): its form would contradict the termination decision.
    if detail.status is ProjectStatus.TERMINATED:
        raise NothingToPrint(
            f"项目 {detail.number} 已终止（终止的项目不再结题验收、不拨付结题补助），"
            "无结题验收意见表可打印；请打印延期／终止申请审核表"
        )
    policy = load_project_policy(detail.policy_id)
    return _render(
        acceptance_story(detail, policy), f"{policy.title}结题验收意见表", detail, policy
    )


FORMS = {
    "summary": ("立项信息表", render_summary),
    "midterm": ("中期评估表", render_midterm),
    "request": ("延期／终止申请审核表", render_request),
    "acceptance": ("结题验收意见表", render_acceptance),
}


def write_form(form: str, detail: ProjectDetail, path: str | Path) -> Path:
    _, render = FORMS[form]
    return write_pdf(render(detail), path)
