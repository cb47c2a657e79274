"""The life of a cultivation project under seed 000, as pure rules over plain data.

States and transitions (第八条: 申报、评审、立项、实施、结题; 延期或终止):

    applied ─check_eligibility→ eligibility_checked ─evaluate→ under_evaluation
    applied ─check_eligibility (a 第五条 condition unmet)→ not_approved
    under_evaluation ─approve→ approved (task book) ─start→ in_progress
    under_evaluation ─reject→ not_approved
    in_progress ─report_progress / midterm / request_extension / decide_extension
                / request_termination→ in_progress
    in_progress ─decide_termination (approved)→ terminated
    in_progress ─accept (passed)→ accepted ─pay_closure→ closed
    in_progress ─accept (failed)→ acceptance_failed

Money (第十条): the approval instalment is paid at approval; the closure instalment only after
a passed acceptance. A terminated project records what is recovered and what is kept.

Refusals are ProjectRuleError; check_transition says which kind (StepNotAllowed, RoleNotAllowed,
FourEyesRefused) so that the records layer can raise its own matching error. Four eyes: who
registered a project never decides on it, who checked eligibility does not approve or reject
it, who recorded a request does not decide that request.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from core.money import format_yuan, quantize_fen
from core.projects.policy import ProjectPolicy

# The records layer's Role (one Role in core), re-exported for the callers of these rules.
from core.records.roles import Role as Role
from core.records.roles import roles_label


class ProjectStatus(StrEnum):
    APPLIED = "applied"
    ELIGIBILITY_CHECKED = "eligibility_checked"
    UNDER_EVALUATION = "under_evaluation"
    APPROVED = "approved"
    NOT_APPROVED = "not_approved"
    IN_PROGRESS = "in_progress"
    TERMINATED = "terminated"
    ACCEPTED = "accepted"
    ACCEPTANCE_FAILED = "acceptance_failed"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def funded(self) -> bool:
        """立项 and after: fiscal funds were granted (第十条). Before, or 未立项, the budget is
        only what was applied for, and totals of 财政资金 must not count it (issue 16 §4)."""
        return self in _FUNDED


_STATUS_LABELS = {
    ProjectStatus.APPLIED: "已申报",
    ProjectStatus.ELIGIBILITY_CHECKED: "已资格审查",
    ProjectStatus.UNDER_EVALUATION: "评审中",
    ProjectStatus.APPROVED: "已立项",
    ProjectStatus.NOT_APPROVED: "未立项",
    ProjectStatus.IN_PROGRESS: "实施中",
    ProjectStatus.TERMINATED: "已终止",
    ProjectStatus.ACCEPTED: "验收通过",
    ProjectStatus.ACCEPTANCE_FAILED: "验收不通过",
    ProjectStatus.CLOSED: "已结题",
}
_FUNDED = frozenset(
    {
        ProjectStatus.APPROVED,
        ProjectStatus.IN_PROGRESS,
        ProjectStatus.TERMINATED,
        ProjectStatus.ACCEPTED,
        ProjectStatus.ACCEPTANCE_FAILED,
        ProjectStatus.CLOSED,
    }
)


class ProjectAction(StrEnum):
    CHECK_ELIGIBILITY = "check_eligibility"
    EVALUATE = "evaluate"
    APPROVE = "approve"
    REJECT = "reject"
    START = "start"
    REPORT_PROGRESS = "report_progress"
    MIDTERM = "midterm"
    REQUEST_EXTENSION = "request_extension"
    DECIDE_EXTENSION = "decide_extension"
    REQUEST_TERMINATION = "request_termination"
    DECIDE_TERMINATION = "decide_termination"
    ACCEPT = "accept"
    PAY_CLOSURE = "pay_closure"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    ProjectAction.CHECK_ELIGIBILITY: "资格审查（第五条）",
    ProjectAction.EVALUATE: "提交评审",
    ProjectAction.APPROVE: "立项",
    ProjectAction.REJECT: "不予立项",
    ProjectAction.START: "开始实施",
    ProjectAction.REPORT_PROGRESS: "登记执行进展",
    ProjectAction.MIDTERM: "登记中期评估",
    ProjectAction.REQUEST_EXTENSION: "登记延期申请",
    ProjectAction.DECIDE_EXTENSION: "审定延期申请",
    ProjectAction.REQUEST_TERMINATION: "登记终止申请",
    ProjectAction.DECIDE_TERMINATION: "审定终止申请",
    ProjectAction.ACCEPT: "结题验收",
    ProjectAction.PAY_CLOSURE: "拨付结题补助",
}

S = ProjectStatus
A = ProjectAction

# (from, action) → (possible targets, roles allowed). Decisions that release or withhold money
# are the supervisor's; recording what a unit submitted is the clerk's.
TRANSITIONS: Mapping[
    tuple[ProjectStatus, ProjectAction], tuple[tuple[ProjectStatus, ...], frozenset[Role]]
] = {
    (S.APPLIED, A.CHECK_ELIGIBILITY): (
        (S.ELIGIBILITY_CHECKED, S.NOT_APPROVED),
        frozenset({Role.CLERK, Role.SUPERVISOR}),
    ),
    (S.ELIGIBILITY_CHECKED, A.EVALUATE): (
        (S.UNDER_EVALUATION,),
        frozenset({Role.CLERK, Role.SUPERVISOR}),
    ),
    (S.UNDER_EVALUATION, A.APPROVE): ((S.APPROVED,), frozenset({Role.SUPERVISOR})),
    (S.UNDER_EVALUATION, A.REJECT): ((S.NOT_APPROVED,), frozenset({Role.SUPERVISOR})),
    (S.APPROVED, A.START): ((S.IN_PROGRESS,), frozenset({Role.CLERK, Role.SUPERVISOR})),
    (S.IN_PROGRESS, A.REPORT_PROGRESS): (
        (S.IN_PROGRESS,),
        frozenset({Role.CLERK, Role.SUPERVISOR}),
    ),
    (S.IN_PROGRESS, A.MIDTERM): ((S.IN_PROGRESS,), frozenset({Role.SUPERVISOR})),
    (S.IN_PROGRESS, A.REQUEST_EXTENSION): (
        (S.IN_PROGRESS,),
        frozenset({Role.CLERK, Role.SUPERVISOR}),
    ),
    (S.IN_PROGRESS, A.DECIDE_EXTENSION): ((S.IN_PROGRESS,), frozenset({Role.SUPERVISOR})),
    (S.IN_PROGRESS, A.REQUEST_TERMINATION): (
        (S.IN_PROGRESS,),
        frozenset({Role.CLERK, Role.SUPERVISOR}),
    ),
    (S.IN_PROGRESS, A.DECIDE_TERMINATION): (
        (S.TERMINATED, S.IN_PROGRESS),
        frozenset({Role.SUPERVISOR}),
    ),
    (S.IN_PROGRESS, A.ACCEPT): ((S.ACCEPTED, S.ACCEPTANCE_FAILED), frozenset({Role.SUPERVISOR})),
    (S.ACCEPTED, A.PAY_CLOSURE): ((S.CLOSED,), frozenset({Role.SUPERVISOR})),
}

# Actions where the user who registered the project may not be the one deciding (four eyes).
FOUR_EYES = frozenset({A.APPROVE, A.REJECT, A.DECIDE_EXTENSION, A.DECIDE_TERMINATION, A.ACCEPT})


class ProjectRuleError(ValueError):
    """A step the rules do not allow; ``str()`` says why, in Chinese."""


class StepNotAllowed(ProjectRuleError):
    """The action is not possible in the project's status (or nothing is pending to decide)."""


class RoleNotAllowed(ProjectRuleError):
    """The user holds none of the roles of the transition."""


class FourEyesRefused(ProjectRuleError):
    """The user took an earlier part of the same matter and may not decide it."""


@dataclass(frozen=True)
class Unit:
    name: str
    credit_code: str
    kind: str
    lead: bool = False


@dataclass(frozen=True)
class TargetLine:
    metric: str
    target: Decimal
    actual: Decimal = Decimal(0)


@dataclass(frozen=True)
class Spending:
    category: str
    amount: Decimal
    on: dt.date
    note: str = ""


@dataclass(frozen=True)
class ProjectFile:
    """What the rules need to know about one project at a moment."""

    status: ProjectStatus
    registered_by: int
    # Who checked eligibility and who recorded the pending requests: none of them may take
    # the decision on the same matter (four eyes, as for the district cases).
    checked_by: int | None = None
    extension_requested_by: int | None = None
    termination_requested_by: int | None = None
    units: tuple[Unit, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    progress_reports: tuple[dt.date, ...] = ()
    midterm_on: dt.date | None = None
    pending_extension: bool = False
    pending_termination: bool = False
    approval_paid: Decimal = Decimal(0)
    closure_paid: Decimal = Decimal(0)
    category_budget: Mapping[str, Decimal] = field(default_factory=dict)
    spending: tuple[Spending, ...] = ()
    targets: tuple[TargetLine, ...] = ()
    # The officer's decision on the closure instalment at a passed acceptance (issue 16 §4).
    closure_decision: ClosureDecision | None = None
    closure_amount: Decimal = Decimal(0)


def allowed_actions(
    project: ProjectFile, roles: Iterable[Role | str], user_id: int
) -> list[ProjectAction]:
    """The actions this user may take now (for enabling buttons; each is checked again on use)."""
    result = []
    for state, action in TRANSITIONS:
        if state != project.status:
            continue
        try:
            check_transition(project, action, roles, user_id)
        except ProjectRuleError:
            continue
        result.append(action)
    return result


def check_transition(
    project: ProjectFile, action: ProjectAction, roles: Iterable[Role | str], user_id: int
) -> tuple[ProjectStatus, ...]:
    """The states this action may lead to, or a ProjectRuleError saying why it is refused.

    Checked in the order a clerk can act on: the status (StepNotAllowed), the role
    (RoleNotAllowed), four eyes (FourEyesRefused), then what must be pending (StepNotAllowed).
    """
    entry = TRANSITIONS.get((project.status, action))
    if entry is None:
        possible = "、".join(
            f"「{a.label}」" for (state, a) in TRANSITIONS if state == project.status
        )
        raise StepNotAllowed(
            f"项目状态为「{project.status.label}」，不能{action.label}；"
            f"此状态下可办理：{possible or '无（已办结）'}"
        )
    targets, allowed = entry
    held = {Role(r) for r in roles}
    if not held & allowed:
        raise RoleNotAllowed(
            f"{action.label}须由{roles_label(allowed)}办理（现有角色：{roles_label(held)}）"
        )
    if action in FOUR_EYES:
        _check_four_eyes(project, action, user_id)
    if action == A.DECIDE_EXTENSION and not project.pending_extension:
        raise StepNotAllowed("没有待审定的延期申请")
    if action == A.DECIDE_TERMINATION and not project.pending_termination:
        raise StepNotAllowed("没有待审定的终止申请")
    # One written request at a time: a decision on one may make the other moot.
    if action in (A.REQUEST_EXTENSION, A.REQUEST_TERMINATION):
        if project.pending_extension:
            raise StepNotAllowed("已有一份延期申请待审定，请先审定")
        if project.pending_termination:
            raise StepNotAllowed("已有一份终止申请待审定，请先审定")
    if action == A.ACCEPT and (project.pending_extension or project.pending_termination):
        pending = "延期" if project.pending_extension else "终止"
        raise StepNotAllowed(f"有一份{pending}申请待审定，请先审定后再结题验收")
    if action == A.MIDTERM and project.midterm_on is not None:
        raise StepNotAllowed("本项目已登记中期评估")
    return targets


def _check_four_eyes(project: ProjectFile, action: ProjectAction, user_id: int) -> None:
    if user_id == project.registered_by:
        raise FourEyesRefused(f"登记本项目的人员不能{action.label}（审核须由另一人办理）")
    if action in (A.APPROVE, A.REJECT) and user_id == project.checked_by:
        raise FourEyesRefused(f"办理资格审查的人员不能{action.label}（须由另一人办理）")
    if action == A.DECIDE_EXTENSION and user_id == project.extension_requested_by:
        raise FourEyesRefused("登记延期申请的人员不能审定该申请（须由另一人办理）")
    if action == A.DECIDE_TERMINATION and user_id == project.termination_requested_by:
        raise FourEyesRefused("登记终止申请的人员不能审定该申请（须由另一人办理）")


def eligibility_outcome(
    policy: ProjectPolicy, met: Mapping[str, bool]
) -> tuple[ProjectStatus, list[str]]:
    """第五条: every condition must be recorded; any unmet one ends the application."""
    missing = [c.clause for c in policy.conditions if c.code not in met]
    if missing:
        raise ProjectRuleError(f"须逐项记录第五条条件，缺少：{'、'.join(missing)}")
    unknown = [code for code in met if code not in {c.code for c in policy.conditions}]
    if unknown:
        raise ProjectRuleError(f"未知条件：{'、'.join(unknown)}")
    failed = [f"不符合{c.clause}「{c.text}」" for c in policy.conditions if not met[c.code]]
    return (S.NOT_APPROVED if failed else S.ELIGIBILITY_CHECKED), failed


def check_units(policy: ProjectPolicy, units: Iterable[Unit]) -> list[str]:
    """第四条: one lead unit of an allowed kind; joint units of the allowed kinds."""
    units = list(units)
    problems = []
    leads = [u for u in units if u.lead]
    if len(leads) != 1:
        problems.append(f"须有且只有一个申报单位（牵头单位），现有{len(leads)}个")
    allowed_lead = {k.value for k in policy.lead_unit_kinds}
    allowed_joint = {k.value for k in policy.joint_unit_kinds}
    for u in units:
        kinds = allowed_lead if u.lead else allowed_joint
        if u.kind not in kinds:
            role = "申报单位" if u.lead else "联合申报单位"
            clause = policy.lead_unit_clause if u.lead else policy.joint_unit_clause
            problems.append(f"{u.name}的单位类型不能作为{role}（{clause}）")
    return problems


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (2025-01-01 → 2027-01-01 is 24)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def period_months(start: dt.date, end: dt.date) -> int:
    """Whole months of a period whose end date is its last day (起止日期 both included, as
    a task book writes them): 2025-01-01 至 2026-12-31 is 24 months."""
    return months_between(start, end + dt.timedelta(days=1))


def _period_too_long(policy: ProjectPolicy, start: dt.date, end: dt.date) -> bool:
    # Longer than the upper limit by even one day: 2025-01-01 至 2028-01-01 is 3 years and a day.
    return end + dt.timedelta(days=1) > add_months(start, policy.max_months)


def check_period(policy: ProjectPolicy, start: dt.date, end: dt.date) -> list[str]:
    """第六条: the implementation period is 2 to 3 years, both limits included; the end date
    is the period's last day (reading "period" in docs/projects.md)."""
    if end <= start:
        return ["结束日期须晚于开始日期"]
    months = period_months(start, end)
    if months < policy.min_months or _period_too_long(policy, start, end):
        last_min = add_months(start, policy.min_months) - dt.timedelta(days=1)
        last_max = add_months(start, policy.max_months) - dt.timedelta(days=1)
        return [
            f"实施周期为{months}个月（{start}至{end}），应为{policy.min_months}至"
            f"{policy.max_months}个月，即结束日期在{last_min}至{last_max}之间（{policy.period_clause}）"
        ]
    return []


@dataclass(frozen=True)
class Instalments:
    approval: Decimal
    closure: Decimal
    explanation: tuple[str, ...]


def instalments(policy: ProjectPolicy, approval_paid: Decimal | None = None) -> Instalments:
    """第十条: 50万元 a project, split into the approval and closure instalments.

    第十条 leaves the first instalment's share to each year's budget (「立项首期款拨付比例根据
    当年度预算安排确定」): the policy file's share is the default, and once the approval
    instalment is recorded (issue 16 §3) its amount is the split; the closure instalment is the
    remainder either way."""
    total = policy.amount_per_project
    default = quantize_fen(total * policy.approval_share)
    approval = default if approval_paid is None or approval_paid <= 0 else approval_paid
    closure = total - approval
    share = f"{(approval / total * 100).quantize(Decimal('0.01')).normalize():f}%"
    basis = (
        policy.approval_share_clause
        if approval == default
        else "第十条「立项首期款拨付比例根据当年度预算安排确定」，立项时按当年度预算确定"
    )
    return Instalments(
        approval,
        closure,
        (
            f"{policy.amount_clause}：{format_yuan(total)}元",
            f"立项补助（首期{share}）{format_yuan(approval)}元，立项时拨付（{basis}）",
            f"结题补助{format_yuan(closure)}元，须结题验收通过后拨付",
        ),
    )


class ClosureDecision(StrEnum):
    """What a passed acceptance does with the closure instalment (reading "closure_money")."""

    FULL = "full"
    REDUCE = "reduce"
    WITHHOLD = "withhold"
    RECOVER = "recover"

    @property
    def label(self) -> str:
        return _CLOSURE_LABELS[self]


_CLOSURE_LABELS = {
    ClosureDecision.FULL: "全额拨付结题补助",
    ClosureDecision.REDUCE: "核减后拨付结题补助",
    ClosureDecision.WITHHOLD: "不予拨付结题补助",
    ClosureDecision.RECOVER: "不予拨付结题补助，并追回已拨资金",
}
CLOSURE_CLAUSE = "第十条、第十一条、第十二条（本局解读：结题资金处理）"


@dataclass(frozen=True)
class ClosureMoney:
    """The money a closure decision weighs: spending against the 第十一条 budget, the flagged
    items, and what is left unspent of the fiscal funds."""

    funding: Decimal  # 财政资金 of the project (第十条)
    paid: Decimal  # paid out so far
    spent: Decimal  # spent in 第十一条 uses
    outside: Decimal  # spent in uses outside 第十一条
    issues: tuple[str, ...]
    closure_due: Decimal  # the closure instalment before any decision

    @property
    def unspent(self) -> Decimal:
        """Fiscal funds not spent in a 第十一条 use (the whole grant, closure included)."""
        return self.funding - self.spent

    @property
    def needs_reason(self) -> bool:
        return bool(self.issues) or self.outside > 0 or self.unspent > 0

    def lines(self) -> list[str]:
        paid = f"已拨付{format_yuan(self.paid)}元" if self.paid else "尚未拨付"
        found = [
            f"财政资金{format_yuan(self.funding)}元（{paid}），"
            f"按第十一条用途支出{format_yuan(self.spent)}元，结余{format_yuan(self.unspent)}元"
        ]
        if self.outside > 0:
            found.append(f"第十一条以外用途支出{format_yuan(self.outside)}元")
        found += list(self.issues)
        return found


def closure_money(policy: ProjectPolicy, project: ProjectFile) -> ClosureMoney:
    spent = sum(
        (s.amount for s in project.spending if s.category in policy.fund_categories), Decimal(0)
    )
    outside = sum(
        (s.amount for s in project.spending if s.category not in policy.fund_categories),
        Decimal(0),
    )
    return ClosureMoney(
        funding=policy.amount_per_project,
        paid=project.approval_paid + project.closure_paid,
        spent=spent,
        outside=outside,
        # At closure the measure of the total is the whole grant, closure included: spending
        # ahead of the closure instalment is what it pays for, not a flag.
        issues=tuple(i.message for i in spending_issues(policy, project) if i.category)
        + (
            (
                f"财政资金支出合计{format_yuan(spent)}元，超过资助额{format_yuan(policy.amount_per_project)}元",
            )
            if spent > policy.amount_per_project
            else ()
        ),
        closure_due=instalments(policy, project.approval_paid).closure,
    )


def check_closure_decision(
    policy: ProjectPolicy,
    project: ProjectFile,
    decision: ClosureDecision | None,
    amount: Decimal | None,
    reason: str,
) -> Decimal:
    """The closure decision at a passed acceptance, checked; returns its amount (the reduction
    or the refund, 0 otherwise). Anything but paying in full, and paying in full while spending
    is flagged or funds are left unspent, needs the officer's reason."""
    money = closure_money(policy, project)
    if decision is None:
        if money.needs_reason:
            raise ProjectRuleError(
                "验收通过：资金使用有需处理的事项（" + "；".join(money.lines()) + "），"
                f"请决定结题补助全额拨付、核减、不予拨付或追回，并写明理由（{CLOSURE_CLAUSE}）"
            )
        decision = ClosureDecision.FULL
    amount = amount if amount is not None else Decimal(0)
    if amount < 0:
        raise ProjectRuleError("核减或追回金额不能为负数")
    if decision is ClosureDecision.REDUCE and not 0 < amount < money.closure_due:
        raise ProjectRuleError(
            f"核减金额应大于0且小于结题补助{format_yuan(money.closure_due)}元；"
            "全部不拨付请选“不予拨付”"
        )
    if decision is ClosureDecision.RECOVER and not 0 < amount <= money.paid:
        raise ProjectRuleError(f"追回金额应大于0且不超过已拨付的{format_yuan(money.paid)}元")
    if decision in (ClosureDecision.FULL, ClosureDecision.WITHHOLD) and amount != 0:
        raise ProjectRuleError(f"“{decision.label}”不填金额；核减或追回请选相应处理方式")
    needs_reason = decision is not ClosureDecision.FULL or money.needs_reason
    if needs_reason and not reason.strip():
        raise ProjectRuleError(f"“{decision.label}”须写明理由（{CLOSURE_CLAUSE}）")
    return amount


def closure_payable(policy: ProjectPolicy, project: ProjectFile) -> Decimal:
    """The closure instalment is due only after a passed acceptance, and only once; the
    acceptance's decision sets how much of it (reading "closure_money")."""
    if project.status != S.ACCEPTED:
        raise ProjectRuleError(
            f"项目状态为「{project.status.label}」：结题补助须在结题验收通过后拨付"
        )
    if project.closure_paid > 0:
        raise ProjectRuleError("结题补助已拨付")
    due = instalments(policy, project.approval_paid).closure
    decision = project.closure_decision or ClosureDecision.FULL
    if decision is ClosureDecision.REDUCE:
        return due - project.closure_amount
    if decision in (ClosureDecision.WITHHOLD, ClosureDecision.RECOVER):
        return Decimal(0)
    return due


def closure_verdict(policy: ProjectPolicy, project: ProjectFile) -> str:
    """The acceptance's decision on the closure instalment, as one clause of a sentence."""
    due = instalments(policy, project.approval_paid).closure
    decision = project.closure_decision or ClosureDecision.FULL
    cut = project.closure_amount
    if decision is ClosureDecision.REDUCE:
        return (
            f"结题补助核减{format_yuan(cut)}元，应拨付{format_yuan(due - cut)}元"
            f"（原{format_yuan(due)}元）"
        )
    if decision is ClosureDecision.WITHHOLD:
        return f"不予拨付结题补助（原{format_yuan(due)}元）"
    if decision is ClosureDecision.RECOVER:
        return f"不予拨付结题补助（原{format_yuan(due)}元），追回已拨资金{format_yuan(cut)}元"
    return f"应拨付结题补助{format_yuan(due)}元"


def check_termination_settlement(project: ProjectFile, recovered: Decimal, kept: Decimal) -> None:
    """A terminated project accounts for every yuan already paid: recovered + kept = paid."""
    paid = project.approval_paid + project.closure_paid
    if recovered < 0 or kept < 0:
        raise ProjectRuleError("追回和留用金额不能为负数")
    if recovered + kept != paid:
        raise ProjectRuleError(
            f"追回{format_yuan(recovered)}元与留用{format_yuan(kept)}元之和应等于已拨付的{format_yuan(paid)}元"
        )


@dataclass(frozen=True)
class SpendingIssue:
    category: str
    message: str


def spending_issues(policy: ProjectPolicy, project: ProjectFile) -> list[SpendingIssue]:
    """第十一条、第十二条: spending only in the listed uses, within each category's budget and
    within what has been paid out."""
    issues: list[SpendingIssue] = []
    by_category: dict[str, Decimal] = {}
    for s in project.spending:
        if s.category not in policy.fund_categories:
            issues.append(
                SpendingIssue(
                    s.category,
                    f"{s.on}支出{format_yuan(s.amount)}元的用途“{s.category}”不在第十一条所列范围内",
                )
            )
            continue
        by_category[s.category] = by_category.get(s.category, Decimal(0)) + s.amount
    for code, spent in by_category.items():
        budget = project.category_budget.get(code, Decimal(0))
        label = policy.fund_categories[code].text
        if spent > budget:
            issues.append(
                SpendingIssue(
                    code,
                    f"「{label}」已支出{format_yuan(spent)}元，超过该类预算{format_yuan(budget)}元，超出{format_yuan(spent - budget)}元",
                )
            )
    total = sum(by_category.values(), Decimal(0))
    received = project.approval_paid + project.closure_paid
    if total > received:
        issues.append(
            SpendingIssue(
                "",
                f"财政资金支出合计{format_yuan(total)}元，超过已拨付的{format_yuan(received)}元（{policy.earmark_clause}）",
            )
        )
    return issues


class ReminderKind(StrEnum):
    PROGRESS_REPORT = "progress_report"
    MIDTERM = "midterm"
    END_NEAR = "end_near"
    END_PASSED = "end_passed"

    @property
    def label(self) -> str:
        return _REMINDER_LABELS[self]


_REMINDER_LABELS = {
    ReminderKind.PROGRESS_REPORT: "执行进展报告",
    ReminderKind.MIDTERM: "中期评估",
    ReminderKind.END_NEAR: "实施期将结束",
    ReminderKind.END_PASSED: "实施期已结束",
}


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    due: dt.date
    overdue: bool
    message: str


REMIND_DAYS_BEFORE = 14


def reminders(policy: ProjectPolicy, project: ProjectFile, today: dt.date) -> list[Reminder]:
    """What is due or overdue for a project in progress, as of ``today`` (the caller's clock)."""
    if project.status != S.IN_PROGRESS or project.start is None or project.end is None:
        return []
    found: list[Reminder] = []
    # Progress reports are due every N months from the start; each report covers one period.
    due = add_months(
        project.start, policy.progress_every_months * (len(project.progress_reports) + 1)
    )
    if due <= project.end and today >= due - dt.timedelta(days=REMIND_DAYS_BEFORE):
        overdue = today > due
        found.append(
            Reminder(
                ReminderKind.PROGRESS_REPORT,
                due,
                overdue,
                f"第{len(project.progress_reports) + 1}次执行进展报告{'已逾期' if overdue else '将到期'}（{due}）；{policy.progress_clause}",
            )
        )
    if project.midterm_on is None:
        months = period_months(project.start, project.end)
        mid = add_months(project.start, int(months * policy.midterm_at_fraction))
        if today >= mid - dt.timedelta(days=REMIND_DAYS_BEFORE):
            overdue = today > mid
            found.append(
                Reminder(
                    ReminderKind.MIDTERM,
                    mid,
                    overdue,
                    f"中期评估{'已逾期' if overdue else '将到期'}（实施周期过半：{mid}）；{policy.midterm_clause}",
                )
            )
    if not project.pending_extension and not project.pending_termination:
        warn_from = project.end - dt.timedelta(days=policy.end_warning_days)
        if today > project.end:
            found.append(
                Reminder(
                    ReminderKind.END_PASSED,
                    project.end,
                    True,
                    f"实施期已于{project.end}结束，尚未结题验收，也未申请延期；{policy.end_clause}",
                )
            )
        elif today >= warn_from:
            found.append(
                Reminder(
                    ReminderKind.END_NEAR,
                    project.end,
                    False,
                    f"实施期将于{project.end}结束，请准备结题验收或提交延期申请；{policy.end_clause}",
                )
            )
    return found


def check_extension(
    policy: ProjectPolicy, start: dt.date, old_end: dt.date, new_end: dt.date
) -> list[str]:
    """An extension must move the end later (refused otherwise); beyond the period's upper limit
    it is allowed but warned, so the opinion can say why (reading "extension")."""
    if new_end <= old_end:
        raise ProjectRuleError(f"延期后的结束日期{new_end}须晚于原结束日期{old_end}")
    if _period_too_long(policy, start, new_end):
        months = period_months(start, new_end)
        return [
            f"延期后实施周期达{months}个月，超过{policy.period_clause}的上限，须在审定意见中说明理由"
        ]
    return []
