"""A project's detail as plain text: ``ipdesk-cli project show`` and anything that wants to
copy a project's state into a message."""

from __future__ import annotations

from core.db.clock import local_text
from core.money import format_yuan
from core.projects.model import PaymentKind, ProjectDetail
from core.projects.rules import period_months


def _value(value: object, unit: str) -> str:
    return f"{value:,}" if unit != "元" else format_yuan(value)  # type: ignore[arg-type]


def detail_text(d: ProjectDetail) -> str:
    lines = [
        f"{d.number}　{d.title}",
        f"状态：{d.status.label}　　政策：{d.policy_title}（{d.policy_id}）",
        f"申报日期：{d.received_on.isoformat()}　　技术领域：{d.field}　　重点产业：{d.key_industry}",
        f"技术类型：{d.technology_type.label}"
        + (f"（{d.linked_project}）" if d.linked_project else ""),
        f"实施周期：{d.start.isoformat()} 至 {d.end.isoformat()}（{period_months(d.start, d.end)}个月）"
        + (
            f"，原结束日期 {d.approved_end.isoformat()}"
            if d.approved_end and d.approved_end != d.end
            else ""
        ),
    ]
    if d.task_book_number:
        lines.append(f"任务书：{d.task_book_number}（{d.task_book_date}）")
    lines.append("单位：")
    lines += [
        f"  {'申报单位' if u.lead else '联合申报'}　{u.name}　{u.credit_code}　{u.kind_label}"
        for u in d.units
    ]
    lines.append(
        f"资金：财政资金 {format_yuan(d.funding)} 元，自筹 {format_yuan(d.own_funds)} 元；"
        f"已拨付 {format_yuan(d.paid())} 元（立项 {format_yuan(d.paid(PaymentKind.APPROVAL))}，"
        f"结题 {format_yuan(d.paid(PaymentKind.CLOSURE))}）；已支出 {format_yuan(d.spent)} 元"
    )
    if d.settlement is not None:
        lines.append(
            f"终止结算：追回 {format_yuan(d.settlement.recovered)} 元，"
            f"留用 {format_yuan(d.settlement.kept)} 元"
        )
    if d.budget and any(b.budget or b.spent for b in d.budget):
        lines.append("预算执行（第十一条）：")
        lines += [
            f"  {b.label}：预算 {format_yuan(b.budget)}，已支出 {format_yuan(b.spent)}"
            + ("　⚠超预算" if b.over else "")
            for b in d.budget
        ]
    if d.targets:
        lines.append("量化绩效目标（第七条）：")
        for t in d.targets:
            actual = (
                "未填报" if t.actual is None else f"{_value(t.actual, t.unit)}（{t.actual_on}）"
            )
            mark = "　√" if t.met else ""
            lines.append(
                f"  {t.label}：目标 {_value(t.target, t.unit)}{t.unit}，实际 {actual}{mark}"
            )
    for issue in d.spending_issues:
        lines.append(f"⚠ {issue.message}")
    pending = d.pending_request
    if pending is not None:
        lines.append(
            f"待审定：{pending.kind.label}申请（{pending.submitted_on}，登记人 {pending.requested_by}）"
            + (f"，申请延至 {pending.new_end}" if pending.new_end else "")
        )
    for r in d.reminders:
        lines.append(f"{'⚠逾期' if r.overdue else '提醒'}：{r.message}")
    lines.append("办理记录：")
    lines += [
        f"  {e.happened_on.isoformat()}　{e.label}　{e.from_status.label}→{e.to_status.label}"
        f"　{e.actor}（录入 {local_text(e.at)}）" + (f"　{e.note}" if e.note else "")
        for e in d.events
    ]
    return "\n".join(lines)
