"""The project records: registering and editing an application, recording target actuals
and spending, and the plumbing every operation shares (the transaction, the rules' verdict
as records errors, the step log). The steps of a project's life are in
:mod:`core.projects.workflow`; form checks in :mod:`core.projects.validation`.

Each operation is one transaction by one user (:func:`core.records.base.write_op` style):
it checks the step against :mod:`core.projects.rules` (status, role, four eyes), validates the
form, writes the rows, a :class:`~core.db.models.ProjectEvent` (who, what, on which date,
when recorded) and an audit record, and returns a :class:`ProjectChanges`. A refusal raises
one of the records errors with a Chinese sentence saying what to fix, and changes nothing:

* :class:`IllegalTransition` — not possible in this status, or nothing pending to decide;
* :class:`PermissionDenied` — the user holds none of the roles of the step;
* :class:`FourEyesViolation` — the user took an earlier part of the same matter;
* :class:`InvalidInput` — a field of the form (``where`` names it);
* :class:`StaleEdit` — someone else changed the project since it was loaded
  (``expected_version``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.clock import local_today
from core.db.database import Database
from core.db.models import (
    Counter,
    Project,
    ProjectBudgetLine,
    ProjectEvent,
    ProjectReport,
    ProjectRequest,
    ProjectReview,
    ProjectSpending,
    ProjectTarget,
    ProjectTargetActual,
    ProjectUnit,
    User,
)
from core.money import format_yuan
from core.projects.changes import ProjectChanges
from core.projects.model import (
    ActualForm,
    PaymentKind,
    ProjectForm,
    RequestKind,
    ReviewKind,
    SpendingForm,
)
from core.projects.policy import ProjectPolicy, TargetMetric
from core.projects.rules import (
    ClosureDecision,
    FourEyesRefused,
    ProjectAction,
    ProjectFile,
    ProjectStatus,
    RoleNotAllowed,
    Spending,
    StepNotAllowed,
    TargetLine,
    Unit,
    check_transition,
    spending_issues,
)
from core.projects.validation import (
    ValidForm,
    ValidTarget,
    metric_value,
    money_field,
    not_before,
    not_future,
    project_policy,
    stored_metric,
    text_field,
    validate_form,
    value_text,
)
from core.records.base import Versioned, audit, versioned_op, write_op
from core.records.errors import (
    FourEyesViolation,
    IllegalTransition,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from core.records.roles import Role, parse_roles

S = ProjectStatus
A = ProjectAction

# Who records what a unit submitted (the district's clerks and supervisors alike).
RECORDING_ROLES = frozenset({Role.CLERK, Role.SUPERVISOR})
# The application can be corrected until the decision on approval (the task book fixes it).
EDITABLE_STATUSES = frozenset({S.APPLIED, S.ELIGIBILITY_CHECKED, S.UNDER_EVALUATION})
# Fiscal funds exist from the approval instalment on; spending is booked until the end, and
# after it (final accounts come with the acceptance or the termination).
SPENDING_STATUSES = frozenset(
    {S.APPROVED, S.IN_PROGRESS, S.ACCEPTED, S.ACCEPTANCE_FAILED, S.CLOSED, S.TERMINATED}
)
ACTUALS_STATUSES = frozenset({S.IN_PROGRESS})

# Steps that are not transitions of the rules' table, as they appear in the history.
REGISTER = "register"
EDIT = "edit"
EVENT_LABELS: dict[str, str] = {REGISTER: "登记申报", EDIT: "修改申报信息"} | {
    a.value: a.label for a in ProjectAction
}


# ---------------------------------------------------------------------------
# Rows ⇄ rules
# ---------------------------------------------------------------------------


def load_project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(f"没有编号为 {project_id} 的培育项目，请刷新列表")
    return project


def find_project_id(session: Session, number: str) -> int:
    found = session.scalar(select(Project.id).where(Project.number == number.strip()))
    if found is None:
        raise NotFound(f"没有项目编号为“{number.strip()}”的培育项目")
    return found


def _event_actor(project: Project, action: ProjectAction) -> int | None:
    for event in reversed(project.events):
        if event.action == action.value:
            return event.actor_id
    return None


def pending_request(project: Project, kind: RequestKind | None = None) -> ProjectRequest | None:
    for request in project.requests:
        if request.decision is None and (kind is None or request.kind == kind.value):
            return request
    return None


def review(project: Project, kind: ReviewKind) -> ProjectReview | None:
    found = [r for r in project.reviews if r.kind == kind.value]
    return found[-1] if found else None


def paid(project: Project, kind: PaymentKind) -> Decimal:
    return sum((p.amount for p in project.payments if p.kind == kind.value), Decimal("0.00"))


def project_file(project: Project) -> ProjectFile:
    """What the pure rules need to know about a stored project."""
    extension = pending_request(project, RequestKind.EXTENSION)
    termination = pending_request(project, RequestKind.TERMINATION)
    midterm = review(project, ReviewKind.MIDTERM)
    acceptance = review(project, ReviewKind.ACCEPTANCE)
    latest: dict[int, Decimal] = {}
    for target in project.targets:
        if target.actuals:
            latest[target.id] = Decimal(target.actuals[-1].value)
    return ProjectFile(
        status=ProjectStatus(project.status),
        registered_by=project.registered_by_id,
        checked_by=_event_actor(project, A.CHECK_ELIGIBILITY),
        extension_requested_by=None if extension is None else extension.requested_by_id,
        termination_requested_by=None if termination is None else termination.requested_by_id,
        units=tuple(Unit(u.name, u.credit_code, u.kind, u.lead) for u in project.units),
        start=project.start_date,
        end=project.end_date,
        progress_reports=tuple(r.reported_on for r in project.reports),
        midterm_on=None if midterm is None else midterm.held_on,
        pending_extension=extension is not None,
        pending_termination=termination is not None,
        approval_paid=paid(project, PaymentKind.APPROVAL),
        closure_paid=paid(project, PaymentKind.CLOSURE),
        category_budget={b.category: b.amount for b in project.budget_lines},
        spending=tuple(
            Spending(s.category, s.amount, s.spent_on, s.note) for s in project.spending
        ),
        targets=tuple(
            TargetLine(t.metric, Decimal(t.target), latest.get(t.id, Decimal(0)))
            for t in project.targets
        ),
        closure_decision=(
            ClosureDecision(acceptance.closure_decision)
            if acceptance is not None and acceptance.closure_decision
            else None
        ),
        closure_amount=(
            acceptance.closure_amount
            if acceptance is not None and acceptance.closure_amount is not None
            else Decimal(0)
        ),
    )


def _audit_view(project: Project) -> dict[str, Any]:
    """The project as the audit log keeps it: its columns and its application's lists."""
    return {
        "number": project.number,
        "policy_id": project.policy_id,
        "title": project.title,
        "field": project.field,
        "key_industry": project.key_industry,
        "technology_type": project.technology_type,
        "linked_project": project.linked_project,
        "received_on": project.received_on,
        "status": project.status,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "funding": project.funding,
        "own_funds": project.own_funds,
        "units": [
            {"name": u.name, "credit_code": u.credit_code, "kind": u.kind, "lead": u.lead}
            for u in project.units
        ],
        "budget": {b.category: b.amount for b in project.budget_lines},
        "targets": targets_audit(valid_targets(project)),
    }


def _changed(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


# ---------------------------------------------------------------------------
# Transactions
# ---------------------------------------------------------------------------


PROJECT = Versioned(Project, Project.number, "项目", "该培育项目已不存在，请刷新列表")


def project_op(
    db: Database, actor_id: int, project_id: int, expected_version: int | None
) -> AbstractContextManager[tuple[Session, User, Project, dt.datetime]]:
    """One transaction on one project (``versioned_op``)."""
    return versioned_op(db, actor_id, PROJECT, project_id, load_project, expected_version)


def check_step(project: Project, actor: User, action: ProjectAction) -> tuple[ProjectStatus, ...]:
    """The rules' verdict on this step, as the records layer's errors."""
    try:
        return check_transition(project_file(project), action, parse_roles(actor.roles), actor.id)
    except StepNotAllowed as exc:
        raise IllegalTransition(f"项目 {project.number}：{exc}") from None
    except RoleNotAllowed as exc:
        raise PermissionDenied(
            f"项目 {project.number}：{exc}；用户“{actor.display_name}”不能办理，请由有权限的用户办理"
        ) from None
    except FourEyesRefused as exc:
        raise FourEyesViolation(
            f"项目 {project.number}：按“四眼原则”，{exc}；您（{actor.display_name}）不能办理"
        ) from None


def require_roles(project: Project, actor: User, roles: Iterable[Role], what: str) -> None:
    allowed = frozenset(roles)
    if not parse_roles(actor.roles) & allowed:
        raise PermissionDenied(
            f"「{what}」需要{'、'.join(r.label for r in Role if r in allowed)}角色；"
            f"用户“{actor.display_name}”不能办理（项目 {project.number}）"
        )


def require_status(
    project: Project, statuses: Iterable[ProjectStatus], what: str, hint: str = ""
) -> None:
    status = ProjectStatus(project.status)
    if status not in set(statuses):
        raise IllegalTransition(
            f"项目 {project.number} 当前为「{status.label}」，不能{what}{('；' + hint) if hint else ''}"
        )


def record_step(
    session: Session,
    actor: User,
    project: Project,
    action: str,
    target: ProjectStatus,
    now: dt.datetime,
    happened_on: dt.date,
    *,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> None:
    source = project.status
    project.status = target.value
    payload = dict(data or {})
    project.events.append(
        ProjectEvent(
            action=action,
            from_status=source,
            to_status=target.value,
            actor_id=actor.id,
            at=now,
            happened_on=happened_on,
            note=note,
            data=payload,
        )
    )
    session.flush()
    audit(
        session,
        now,
        actor,
        "project",
        project.id,
        action,
        {"status": source},
        {"status": target.value, "happened_on": happened_on, "note": note, **payload},
    )


def done(
    project: Project, note: str, *, warnings: Sequence[str] = (), **flags: bool
) -> ProjectChanges:
    return ProjectChanges(
        project_ids=frozenset({project.id}),
        project_list=True,
        id=project.id,
        note=note,
        warnings=tuple(warnings),
        **flags,
    )


def db_today(db: Database) -> dt.date:
    return local_today(db.clock)


def _next_seq(session: Session, name: str) -> int:
    counter = session.get(Counter, name)
    if counter is None:
        counter = Counter(name=name, value=0)
        session.add(counter)
    counter.value += 1
    return counter.value


# ---------------------------------------------------------------------------
# Register and edit
# ---------------------------------------------------------------------------


def _apply_form(session: Session, project: Project, valid: ValidForm, *, replace: bool) -> None:
    project.title = valid.title
    project.field = valid.field
    project.key_industry = valid.key_industry
    project.technology_type = valid.technology_type.value
    project.linked_project = valid.linked_project
    project.received_on = valid.received_on
    project.start_date = valid.start
    project.end_date = valid.end
    project.own_funds = valid.own_funds
    if replace:
        # Delete first: the new rows may carry the same unique keys (credit code, category).
        project.units.clear()
        project.budget_lines.clear()
        project.targets.clear()
        session.flush()
    project.units.extend(
        ProjectUnit(position=i, name=u.name, credit_code=u.credit_code, kind=u.kind, lead=u.lead)
        for i, u in enumerate(valid.units)
    )
    set_budget(session, project, valid.budget, replace=False)
    set_targets(session, project, valid.targets, replace=False)


def set_budget(
    session: Session, project: Project, budget: Mapping[str, Decimal], *, replace: bool
) -> None:
    if replace:
        project.budget_lines.clear()
        session.flush()
    project.budget_lines.extend(
        ProjectBudgetLine(category=code, amount=amount) for code, amount in budget.items()
    )


def set_targets(
    session: Session, project: Project, targets: Sequence[ValidTarget], *, replace: bool
) -> None:
    if replace:
        project.targets.clear()
        session.flush()
    project.targets.extend(
        ProjectTarget(
            position=i,
            metric=t.metric,
            target=value_text(t.value),
            label=t.label,
            unit=t.unit,
            verification=t.verification,
        )
        for i, t in enumerate(targets)
    )


def targets_audit(targets: Sequence[ValidTarget]) -> dict[str, str]:
    """Targets as the audit log keeps them: a project's own under its name and unit."""
    return {
        (f"{t.label}（{t.unit}）" if t.label else t.metric): value_text(t.value) for t in targets
    }


def target_metric(policy: ProjectPolicy, target: ProjectTarget) -> TargetMetric:
    return stored_metric(policy, target.metric, target.label, target.unit, target.verification)


def valid_targets(project: Project) -> tuple[ValidTarget, ...]:
    """The stored targets, as validate_targets returns them (to keep them at approval)."""
    return tuple(
        ValidTarget(t.metric, Decimal(t.target), t.label, t.unit, t.verification)
        for t in project.targets
    )


def register_project(db: Database, actor_id: int, form: ProjectForm) -> ProjectChanges:
    """登记申报: a new project, status 已申报, numbered in the year of its application."""
    policy = project_policy(form.policy_id)
    valid = validate_form(policy, form, db_today(db))
    with write_op(db, actor_id, RECORDING_ROLES, "登记培育项目") as (session, actor, now):
        # Issue 16 §3: the number follows the year of application (the 申报日期), not the
        # policy's first cohort: a project applied for in 2026 is 〔2026〕. One counter per year;
        # the policy's own year keeps the counter it always had, so numbers already issued
        # never repeat. Fixed at registration: a later edit of the date does not renumber.
        year = valid.received_on.year
        counter = f"project:{policy.id}" if year == policy.year else f"project:{policy.id}:{year}"
        seq = _next_seq(session, counter)
        project = Project(
            policy_id=policy.id,
            year=year,
            seq=seq,
            number=policy.project_number(seq, year),
            status=S.APPLIED.value,
            funding=policy.amount_per_project,
            registered_by_id=actor.id,
            created_at=now,
            updated_at=now,
            updated_by_id=actor.id,
        )
        session.add(project)
        _apply_form(session, project, valid, replace=False)
        session.flush()
        record_step(session, actor, project, REGISTER, S.APPLIED, now, valid.received_on)
        audit(session, now, actor, "project", project.id, "create", None, _audit_view(project))
        return done(project, f"已登记 {project.number}", money=True, targets=True)


class _Unchanged(Exception):
    pass


def _form_view(project: Project, valid: ValidForm) -> dict[str, Any]:
    """The audit view the project would have with this form applied."""
    return _audit_view(project) | {
        "title": valid.title,
        "field": valid.field,
        "key_industry": valid.key_industry,
        "technology_type": valid.technology_type.value,
        "linked_project": valid.linked_project,
        "received_on": valid.received_on,
        "start_date": valid.start,
        "end_date": valid.end,
        "own_funds": valid.own_funds,
        "units": [
            {"name": u.name, "credit_code": u.credit_code, "kind": u.kind, "lead": u.lead}
            for u in valid.units
        ],
        "budget": dict(valid.budget),
        "targets": targets_audit(valid.targets),
    }


def edit_project(
    db: Database,
    actor_id: int,
    project_id: int,
    form: ProjectForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """Correct the application until the decision on approval (then the task book fixes it).
    An edit that changes nothing writes nothing (the version stays)."""
    try:
        with project_op(db, actor_id, project_id, expected_version) as op:
            session, actor, project, now = op
            require_roles(project, actor, RECORDING_ROLES, "修改申报信息")
            require_status(
                project,
                EDITABLE_STATUSES,
                "修改申报信息",
                "立项后以任务书为准，变更请走延期或终止申请",
            )
            if form.policy_id != project.policy_id:
                raise InvalidInput(
                    "policy_id", "项目所依据的政策不能修改；如申报错了政策，请另行登记"
                )
            policy = project_policy(project.policy_id)
            valid = validate_form(policy, form, db_today(db))
            before = _audit_view(project)
            changed_before, changed_after = _changed(before, _form_view(project, valid))
            if not changed_after:
                raise _Unchanged
            _apply_form(session, project, valid, replace=True)
            session.flush()
            record_step(
                session,
                actor,
                project,
                EDIT,
                ProjectStatus(project.status),
                now,
                db_today(db),
                data={"fields": sorted(changed_after)},
            )
            audit(
                session, now, actor, "project", project.id, "update", changed_before, changed_after
            )
            return done(project, f"已修改 {project.number} 的申报信息", money=True, targets=True)
    except _Unchanged:
        return ProjectChanges(id=project_id, note="申报信息没有变化")


def add_actuals(
    project: Project,
    policy: ProjectPolicy,
    actuals: Sequence[ActualForm],
    on: dt.date,
    actor: User,
    now: dt.datetime,
    report: ProjectReport | None = None,
) -> dict[str, Decimal]:
    targets = {t.metric: t for t in project.targets}
    recorded: dict[str, Decimal] = {}
    for i, a in enumerate(actuals):
        where = f"actuals[{i}]"
        target = targets.get(a.metric)
        if target is None:
            known = policy.target_metrics.get(a.metric)
            name = known.label if known is not None else a.metric
            raise InvalidInput(f"{where}.metric", f"任务书没有「{name}」这一目标，请核对")
        metric = target_metric(policy, target)
        if a.metric in recorded:
            raise InvalidInput(f"{where}.metric", f"「{metric.label}」重复填写")
        value = metric_value(metric, a.value, f"{where}.value")
        target.actuals.append(
            ProjectTargetActual(
                reported_on=on,
                value=value_text(value),
                note=a.note.strip(),
                report_id=None if report is None else report.id,
                recorded_by_id=actor.id,
                recorded_at=now,
            )
        )
        recorded[a.metric] = value
    return recorded


def falling_actuals(
    project: Project, policy: ProjectPolicy, recorded: Mapping[str, Decimal]
) -> list[str]:
    """Actual values are cumulative: one lower than the one before is probably a typo."""
    warnings = []
    for target in project.targets:
        value = recorded.get(target.metric)
        history = [Decimal(a.value) for a in target.actuals]
        if value is not None and len(history) >= 2 and value < history[-2]:
            label = target_metric(policy, target).label
            warnings.append(
                f"「{label}」本次实际值{value_text(value)}低于上次的{value_text(history[-2])}"
                "（实际值为累计数），请核对"
            )
    return warnings


def record_target_actuals(
    db: Database,
    actor_id: int,
    project_id: int,
    reported_on: dt.date,
    actuals: Sequence[ActualForm],
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """Actual values reported outside a progress report (cumulative, as of ``reported_on``)."""
    if not actuals:
        raise InvalidInput("actuals", "请至少填写一项实际值")
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        require_roles(project, actor, RECORDING_ROLES, "登记绩效目标实际值")
        require_status(project, ACTUALS_STATUSES, "登记绩效目标实际值", "实施期间才可登记")
        policy = project_policy(project.policy_id)
        not_future(reported_on, db_today(db), "reported_on", "填报日期")
        not_before(reported_on, project.start_date, "reported_on", "填报日期", "实施开始日期")
        recorded = add_actuals(project, policy, actuals, reported_on, actor, now)
        session.flush()
        audit(
            session,
            now,
            actor,
            "project",
            project.id,
            "record_actuals",
            None,
            {"reported_on": reported_on, "actuals": recorded},
        )
        return done(
            project,
            f"已登记 {project.number} 的{len(recorded)}项绩效目标实际值",
            warnings=falling_actuals(project, policy, recorded),
            targets=True,
        )


# ---------------------------------------------------------------------------
# Spending (第十一条、第十二条)
# ---------------------------------------------------------------------------


def record_spending(
    db: Database,
    actor_id: int,
    project_id: int,
    form: SpendingForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """Book fiscal funds spent. A use outside 第十一条 or over a budget is recorded and
    flagged (reading "spending"), never refused: the record must show what happened."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        require_roles(project, actor, RECORDING_ROLES, "登记资金支出")
        require_status(project, SPENDING_STATUSES, "登记资金支出", "立项后才有财政资金")
        policy = project_policy(project.policy_id)
        category = text_field(form.category, "category", "支出用途")
        amount = money_field(form.amount, "amount", "支出金额")
        if not amount:
            raise InvalidInput("amount", "支出金额须大于0")
        approval = [p for p in project.payments if p.kind == PaymentKind.APPROVAL.value]
        not_future(form.spent_on, db_today(db), "spent_on", "支出日期")
        if approval:
            not_before(
                form.spent_on, approval[0].paid_on, "spent_on", "支出日期", "立项补助拨付日期"
            )
        before = {i.message for i in spending_issues(policy, project_file(project))}
        project.spending.append(
            ProjectSpending(
                spent_on=form.spent_on,
                category=category,
                amount=amount,
                note=form.note.strip(),
                recorded_by_id=actor.id,
                recorded_at=now,
            )
        )
        session.flush()
        after = spending_issues(policy, project_file(project))
        warnings = [i.message for i in after if i.message not in before]
        audit(
            session,
            now,
            actor,
            "project",
            project.id,
            "record_spending",
            None,
            {
                "spent_on": form.spent_on,
                "category": category,
                "amount": amount,
                "note": form.note.strip(),
            },
        )
        label = (
            policy.fund_categories[category].text
            if category in policy.fund_categories
            else category
        )
        return done(
            project,
            f"已登记 {project.number} 支出「{label}」{format_yuan(amount)}元",
            warnings=warnings,
            money=True,
        )
