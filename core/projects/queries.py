"""Reading the cultivation projects: the list with reminders, one project's detail, what a
user may do, and every reminder due.

A district follows a few dozen projects at most (one a year is typical), so the list loads
them whole and computes reminders and spending checks in Python with the same pure rules the
operations use, instead of re-expressing those rules in SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from core.db.clock import local_today
from core.db.database import Database
from core.db.models import Project, ProjectTarget, User
from core.policy.model import ApplicantKind
from core.projects.model import (
    ActualInfo,
    AllowedProjectActions,
    BudgetLineInfo,
    ConditionInfo,
    EventInfo,
    MidtermResult,
    PaymentInfo,
    PaymentKind,
    ProjectDetail,
    ProjectFilters,
    ProjectPage,
    ProjectReminder,
    ProjectRow,
    ReportInfo,
    RequestInfo,
    RequestKind,
    ReviewInfo,
    ReviewKind,
    Settlement,
    SpendingInfo,
    TargetInfo,
    TechnologyType,
    UnitInfo,
)
from core.projects.policy import ProjectPolicy
from core.projects.records import (
    ACTUALS_STATUSES,
    EDITABLE_STATUSES,
    EVENT_LABELS,
    RECORDING_ROLES,
    SPENDING_STATUSES,
    find_project_id,
    load_project,
    paid,
    pending_request,
    project_file,
    target_metric,
)
from core.projects.rules import (
    ClosureDecision,
    ProjectStatus,
    allowed_actions,
    check_extension,
    instalments,
    reminders,
    spending_issues,
)
from core.projects.validation import project_policy
from core.records.base import load_user
from core.records.errors import NotFound
from core.records.roles import parse_roles

_LOAD = (
    selectinload(Project.units),
    selectinload(Project.budget_lines),
    selectinload(Project.targets).selectinload(ProjectTarget.actuals),
    selectinload(Project.conditions),
    selectinload(Project.reports),
    selectinload(Project.reviews),
    selectinload(Project.requests),
    selectinload(Project.payments),
    selectinload(Project.spending),
    selectinload(Project.events),
)


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {uid: name for uid, name in rows}


def _kind_label(kind: str) -> str:
    try:
        return ApplicantKind(kind).label
    except ValueError:
        return kind


def _review_info(
    policy: ProjectPolicy, project: Project, kind: ReviewKind, names: dict[int, str]
) -> ReviewInfo | None:
    rows = [r for r in project.reviews if r.kind == kind.value]
    if not rows:
        return None
    r = rows[-1]
    if kind is ReviewKind.MIDTERM:
        grade = MidtermResult(r.result)
        result_label, passed = grade.label, grade.passed
    elif kind is ReviewKind.ACCEPTANCE:
        passed = r.result == "pass"
        result_label = "通过" if passed else "不通过"
    else:
        passed = r.result == "pass"
        result_label = "同意立项" if passed else "不予立项"
    method = policy.acceptance_methods.get(r.method)
    return ReviewInfo(
        kind=kind,
        held_on=r.held_on,
        method=r.method,
        method_label=method.text if method else "",
        experts=r.experts,
        result=r.result,
        result_label=result_label,
        passed=passed,
        score=r.score,
        opinion=r.opinion,
        recorded_by=names.get(r.recorded_by_id, ""),
        recorded_at=r.recorded_at,
        closure=ClosureDecision(r.closure_decision) if r.closure_decision else None,
        closure_amount=r.closure_amount,
        closure_reason=r.closure_reason or "",
    )


def _request_info(
    policy: ProjectPolicy, project: Project, names: dict[int, str]
) -> tuple[RequestInfo, ...]:
    result = []
    for r in project.requests:
        kind = RequestKind(r.kind)
        warnings: list[str] = []
        if (
            kind is RequestKind.EXTENSION
            and r.old_end_date is not None
            and r.new_end_date is not None
            and r.new_end_date > r.old_end_date
        ):
            warnings = check_extension(policy, project.start_date, r.old_end_date, r.new_end_date)
        result.append(
            RequestInfo(
                id=r.id,
                kind=kind,
                submitted_on=r.submitted_on,
                reason=r.reason,
                progress=r.progress,
                old_end=r.old_end_date,
                new_end=r.new_end_date,
                follow_up=r.follow_up,
                requested_by=names.get(r.requested_by_id, ""),
                recorded_at=r.recorded_at,
                approved=None if r.decision is None else r.decision == "approved",
                decided_on=r.decided_on,
                opinion=r.opinion,
                decided_by=names.get(r.decided_by_id or 0, ""),
                warnings=tuple(warnings),
            )
        )
    return tuple(result)


def _targets(
    policy: ProjectPolicy, project: Project, names: dict[int, str]
) -> tuple[TargetInfo, ...]:
    result = []
    for t in project.targets:
        metric = target_metric(policy, t)
        history = tuple(
            ActualInfo(a.reported_on, Decimal(a.value), a.note, names.get(a.recorded_by_id, ""))
            for a in t.actuals
        )
        last = history[-1] if history else None
        result.append(
            TargetInfo(
                metric=t.metric,
                label=metric.label,
                unit=metric.unit,
                goal=metric.goal,
                target=Decimal(t.target),
                actual=None if last is None else last.value,
                actual_on=None if last is None else last.reported_on,
                history=history,
            )
        )
    return tuple(result)


def _budget(policy: ProjectPolicy, project: Project) -> tuple[BudgetLineInfo, ...]:
    budget = {b.category: b.amount for b in project.budget_lines}
    spent: dict[str, Decimal] = {}
    for s in project.spending:
        spent[s.category] = spent.get(s.category, Decimal(0)) + s.amount
    # Every 第十一条 category, in the policy's order, so the table always has the same rows.
    return tuple(
        BudgetLineInfo(
            code, c.text, budget.get(code, Decimal("0.00")), spent.get(code, Decimal("0.00"))
        )
        for code, c in policy.fund_categories.items()
    )


def project_detail(session: Session, project: Project, today: dt.date) -> ProjectDetail:
    """The detail view of a loaded project."""
    policy = project_policy(project.policy_id)
    names = _names(
        session,
        [project.registered_by_id, project.updated_by_id]
        + [e.actor_id for e in project.events]
        + [r.recorded_by_id for r in project.reviews]
        + [r.recorded_by_id for r in project.reports]
        + [r.requested_by_id for r in project.requests]
        + [r.decided_by_id for r in project.requests]
        + [p.recorded_by_id for p in project.payments]
        + [s.recorded_by_id for s in project.spending]
        + [a.recorded_by_id for t in project.targets for a in t.actuals],
    )
    file = project_file(project)
    conditions_found = {c.code: c for c in project.conditions}
    approved_end: dt.date | None = None
    if project.task_book_date is not None:
        extensions = [r for r in project.requests if r.kind == RequestKind.EXTENSION.value]
        decided = [r for r in extensions if r.decision == "approved"]
        approved_end = decided[0].old_end_date if decided else project.end_date
    settlement = None
    if project.recovered is not None and project.kept is not None:
        settlement = Settlement(project.recovered, project.kept)
    return ProjectDetail(
        id=project.id,
        number=project.number,
        policy_id=project.policy_id,
        policy_title=policy.title,
        year=project.year,
        title=project.title,
        field=project.field,
        key_industry=project.key_industry,
        technology_type=TechnologyType(project.technology_type),
        linked_project=project.linked_project,
        received_on=project.received_on,
        status=ProjectStatus(project.status),
        start=project.start_date,
        end=project.end_date,
        approved_end=approved_end,
        funding=project.funding,
        own_funds=project.own_funds,
        task_book_number=project.task_book_number,
        task_book_date=project.task_book_date,
        units=tuple(
            UnitInfo(u.name, u.credit_code, u.kind, _kind_label(u.kind), u.lead)
            for u in project.units
        ),
        budget=_budget(policy, project),
        targets=_targets(policy, project, names),
        conditions=tuple(
            ConditionInfo(
                code=c.code,
                clause=c.clause,
                text=c.text,
                met=conditions_found[c.code].met if c.code in conditions_found else None,
                note=conditions_found[c.code].note if c.code in conditions_found else "",
                source=c.source,
            )
            for c in policy.conditions
        ),
        evaluation=_review_info(policy, project, ReviewKind.EVALUATION, names),
        midterm=_review_info(policy, project, ReviewKind.MIDTERM, names),
        acceptance=_review_info(policy, project, ReviewKind.ACCEPTANCE, names),
        reports=tuple(
            ReportInfo(
                id=r.id,
                number=n,
                reported_on=r.reported_on,
                progress=r.progress,
                results=r.results,
                plan=r.plan,
                recorded_by=names.get(r.recorded_by_id, ""),
                recorded_at=r.recorded_at,
            )
            for n, r in enumerate(project.reports, start=1)
        ),
        requests=_request_info(policy, project, names),
        payments=tuple(
            PaymentInfo(
                PaymentKind(p.kind), p.amount, p.paid_on, p.voucher, names.get(p.recorded_by_id, "")
            )
            for p in project.payments
        ),
        instalments=instalments(policy, paid(project, PaymentKind.APPROVAL)),
        settlement=settlement,
        spending=tuple(
            SpendingInfo(
                id=s.id,
                spent_on=s.spent_on,
                category=s.category,
                label=(
                    policy.fund_categories[s.category].text
                    if s.category in policy.fund_categories
                    else s.category
                ),
                amount=s.amount,
                note=s.note,
                in_scope=s.category in policy.fund_categories,
                recorded_by=names.get(s.recorded_by_id, ""),
            )
            for s in project.spending
        ),
        spending_issues=tuple(spending_issues(policy, file)),
        reminders=tuple(reminders(policy, file, today)),
        events=tuple(
            EventInfo(
                action=e.action,
                label=EVENT_LABELS.get(e.action, e.action),
                from_status=ProjectStatus(e.from_status),
                to_status=ProjectStatus(e.to_status),
                actor=names.get(e.actor_id, ""),
                at=e.at,
                happened_on=e.happened_on,
                note=e.note,
            )
            for e in project.events
        ),
        registered_by=names.get(project.registered_by_id, ""),
        updated_by=names.get(project.updated_by_id, ""),
        updated_at=project.updated_at,
        version=project.version,
        today=today,
    )


def _load_one(session: Session, project_id: int) -> Project:
    project = session.scalar(select(Project).where(Project.id == project_id).options(*_LOAD))
    if project is None:
        load_project(session, project_id)  # raises NotFound with the message
    assert project is not None
    return project


def get_project(db: Database, project_id: int, today: dt.date | None = None) -> ProjectDetail:
    """One project in full; reminders as of ``today`` (default: the database clock's date)."""
    day = today or local_today(db.clock)
    with db.read() as session:
        return project_detail(session, _load_one(session, project_id), day)


def get_project_by_number(db: Database, number: str, today: dt.date | None = None) -> ProjectDetail:
    with db.read() as session:
        project_id = find_project_id(session, number)
    return get_project(db, project_id, today)


def _matches(project: Project, search: str) -> bool:
    text = search.strip()
    if not text:
        return True
    upper = text.upper()
    if text in project.number or text in project.title:
        return True
    return any(text in u.name or u.credit_code.startswith(upper) for u in project.units)


def _row(project: Project, today: dt.date) -> ProjectRow:
    policy = project_policy(project.policy_id)
    file = project_file(project)
    lead = next((u.name for u in project.units if u.lead), "")
    pending = pending_request(project)
    return ProjectRow(
        id=project.id,
        number=project.number,
        year=project.year,
        title=project.title,
        lead_unit=lead,
        status=ProjectStatus(project.status),
        start=project.start_date,
        end=project.end_date,
        funding=project.funding,
        paid=paid(project, PaymentKind.APPROVAL) + paid(project, PaymentKind.CLOSURE),
        recovered=project.recovered or Decimal("0.00"),
        spent=sum((s.amount for s in project.spending), Decimal("0.00")),
        reminders=tuple(reminders(policy, file, today)),
        pending_request=None if pending is None else RequestKind(pending.kind),
        spending_flagged=bool(spending_issues(policy, file)),
        version=project.version,
    )


def count_projects(db: Database) -> int:
    """How many cultivation projects the database holds (for the restore comparison)."""
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Project)) or 0


def list_projects(
    db: Database, filters: ProjectFilters | None = None, today: dt.date | None = None
) -> ProjectPage:
    """The project list, newest cohort first then by number, with each row's reminders as of
    ``today`` (default: the database clock's date) and the count per status for the tabs."""
    filters = filters or ProjectFilters()
    day = today or local_today(db.clock)
    with db.read() as session:
        query = select(Project).options(*_LOAD).order_by(Project.year.desc(), Project.seq)
        if filters.year is not None:
            query = query.where(Project.year == filters.year)
        projects = [
            p
            for p in session.scalars(query)
            if filters.search is None or _matches(p, filters.search)
        ]
        rows = [_row(p, day) for p in projects]
    if filters.needs_attention:
        rows = [r for r in rows if r.reminders or r.pending_request is not None]
    counts: dict[ProjectStatus, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    if filters.statuses:
        rows = [r for r in rows if r.status in filters.statuses]
    return ProjectPage(tuple(rows), counts, day)


def project_reminders(db: Database, today: dt.date | None = None) -> list[ProjectReminder]:
    """Every reminder due or overdue as of ``today`` over all projects, earliest due first."""
    page = list_projects(db, ProjectFilters(), today)
    found = [
        ProjectReminder(row.id, row.number, row.title, row.lead_unit, reminder)
        for row in page.rows
        for reminder in row.reminders
    ]
    return sorted(found, key=lambda r: (r.reminder.due, r.number))


def allowed_project_actions(db: Database, user_id: int, project_id: int) -> AllowedProjectActions:
    """The steps and recordings this user may do on this project now (for the buttons)."""
    with db.read() as session:
        user = load_user(session, user_id)
        project = _load_one(session, project_id)
        roles = parse_roles(user.roles)
        status = ProjectStatus(project.status)
        records = bool(roles & RECORDING_ROLES)
        return AllowedProjectActions(
            actions=tuple(allowed_actions(project_file(project), roles, user.id)),
            edit=records and status in EDITABLE_STATUSES,
            record_spending=records and status in SPENDING_STATUSES,
            record_actuals=records and status in ACTUALS_STATUSES,
        )


def project_numbers(db: Database) -> Sequence[str]:
    with db.read() as session:
        return list(session.scalars(select(Project.number).order_by(Project.year, Project.seq)))


def list_project_details(
    db: Database, *, policy_id: str | None = None, today: dt.date | None = None
) -> list[ProjectDetail]:
    """Every project in full (for the workbook), by cohort and number."""
    day = today or local_today(db.clock)
    with db.read() as session:
        query = select(Project).options(*_LOAD).order_by(Project.year, Project.seq)
        if policy_id is not None:
            query = query.where(Project.policy_id == policy_id)
        return [project_detail(session, p, day) for p in session.scalars(query)]


def project_policy_ids(db: Database) -> list[str]:
    """The programmes (policy ids) that have projects, newest cohort first."""
    with db.read() as session:
        rows = session.execute(
            select(Project.policy_id, Project.year).distinct().order_by(Project.year.desc())
        )
        return list(dict.fromkeys(policy_id for policy_id, _ in rows))


_SHORT_NUMBER = re.compile(r"(?:(\d{4})\s*[-－/年]\s*)?第?0*(\d{1,4})号?")


def resolve_project(db: Database, text: str) -> int:
    """A project's id from its number as typed: the full number (渝高价值培育〔2024〕第01号), or
    ``2024-1`` (cohort and sequence), or ``1`` / ``第01号`` when only one cohort has that
    sequence number."""
    wanted = text.strip()
    with db.read() as session:
        exact = session.scalar(select(Project.id).where(Project.number == wanted))
        if exact is not None:
            return exact
        match = _SHORT_NUMBER.fullmatch(wanted)
        if match is None:
            raise NotFound(
                f"没有项目编号为“{wanted}”的培育项目；可写完整编号，或“2024-1”“1”这样的简写"
            )
        year, seq = match.group(1), int(match.group(2))
        query = select(Project.id, Project.number).where(Project.seq == seq)
        if year is not None:
            query = query.where(Project.year == int(year))
        found = session.execute(query).all()
    if not found:
        raise NotFound(f"没有项目编号为“{wanted}”的培育项目，请用 project list 查看")
    if len(found) > 1:
        listed = "、".join(number for _, number in found)
        raise NotFound(f"“{wanted}”对应多个项目（{listed}），请写出年度，如“2024-{seq}”")
    return int(found[0][0])
