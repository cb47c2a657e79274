"""The steps of a project's life (第八条: 申报、评审、立项、实施、结题; 延期或终止) as
operations: each one transaction by one user, checked against :mod:`core.projects.rules`
(status, then role, then four eyes), recorded as a ProjectEvent and an audit record, returning
a :class:`~core.projects.changes.ProjectChanges`. A refusal raises a records error and changes
nothing (see :mod:`core.projects.records` for the list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from core.db.database import Database
from core.db.models import (
    Project,
    ProjectCondition,
    ProjectPayment,
    ProjectReport,
    ProjectRequest,
    ProjectReview,
    User,
)
from core.money import format_yuan
from core.projects.changes import ProjectChanges
from core.projects.model import (
    AcceptanceForm,
    ApprovalForm,
    ConditionFinding,
    DecisionForm,
    EvaluationForm,
    ExtensionRequestForm,
    MidtermForm,
    MidtermResult,
    PaymentKind,
    ProgressForm,
    RequestKind,
    ReviewKind,
    SettlementForm,
    TerminationRequestForm,
)
from core.projects.policy import ProjectPolicy
from core.projects.records import (
    add_actuals,
    check_step,
    db_today,
    done,
    falling_actuals,
    paid,
    pending_request,
    project_file,
    project_op,
    record_step,
    review,
    set_budget,
    set_targets,
    target_metric,
    targets_audit,
    valid_targets,
)
from core.projects.rules import (
    ClosureDecision,
    ProjectAction,
    ProjectRuleError,
    ProjectStatus,
    check_closure_decision,
    check_extension,
    check_period,
    check_termination_settlement,
    closure_payable,
    closure_verdict,
    eligibility_outcome,
    instalments,
)
from core.projects.validation import (
    budget_total,
    finding_problem,
    money_field,
    not_before,
    not_before_planned_start,
    not_future,
    project_policy,
    text_field,
    validate_budget,
    validate_targets,
)
from core.records.errors import (
    IllegalTransition,
    InvalidInput,
)

S = ProjectStatus
A = ProjectAction


# ---------------------------------------------------------------------------
# Eligibility, evaluation, approval
# ---------------------------------------------------------------------------


def check_eligibility(
    db: Database,
    actor_id: int,
    project_id: int,
    findings: Mapping[str, ConditionFinding],
    checked_on: dt.date,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """资格审查 (第五条): every condition recorded one by one; any unmet one ends it (未立项)."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.CHECK_ELIGIBILITY)
        policy = project_policy(project.policy_id)
        try:
            outcome, failed = eligibility_outcome(
                policy, {code: f.met for code, f in findings.items()}
            )
        except ProjectRuleError as exc:
            raise InvalidInput("conditions", str(exc)) from None
        for c in policy.conditions:
            problem = finding_problem(c, findings[c.code])
            if problem:
                raise InvalidInput(f"conditions.{c.code}", problem)
        not_future(checked_on, db_today(db), "checked_on", "审查日期")
        not_before(checked_on, project.received_on, "checked_on", "审查日期", "申报日期")
        project.conditions.clear()
        session.flush()
        project.conditions.extend(
            ProjectCondition(
                code=c.code, met=findings[c.code].met, note=findings[c.code].note.strip()
            )
            for c in policy.conditions
        )
        record_step(
            session,
            actor,
            project,
            A.CHECK_ELIGIBILITY.value,
            outcome,
            now,
            checked_on,
            note="；".join(failed),
            data={
                "conditions": {
                    code: {"met": f.met, "note": f.note.strip()} for code, f in findings.items()
                }
            },
        )
        if failed:
            return done(project, f"{project.number} 资格审查不通过，不予立项：{'；'.join(failed)}")
        return done(project, f"{project.number} 资格审查通过（第五条四项条件均符合）")


def submit_for_evaluation(
    db: Database,
    actor_id: int,
    project_id: int,
    submitted_on: dt.date,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> ProjectChanges:
    """提交评审 (第八条「评审」)."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.EVALUATE)
        not_future(submitted_on, db_today(db), "submitted_on", "提交评审日期")
        checked = step_date(project, A.CHECK_ELIGIBILITY) or project.received_on
        not_before(submitted_on, checked, "submitted_on", "提交评审日期", "资格审查日期")
        record_step(
            session,
            actor,
            project,
            A.EVALUATE.value,
            S.UNDER_EVALUATION,
            now,
            submitted_on,
            note=note.strip(),
        )
        return done(project, f"{project.number} 已提交评审")


def step_date(project: Project, action: ProjectAction) -> dt.date | None:
    for event in reversed(project.events):
        if event.action == action.value:
            return event.happened_on
    return None


def _evaluation_review(
    project: Project,
    form: EvaluationForm,
    actor: User,
    now: dt.datetime,
    today: dt.date,
    passed: bool,
) -> ProjectReview:
    not_future(form.held_on, today, "evaluation.held_on", "评审日期")
    sent = step_date(project, A.EVALUATE) or project.received_on
    not_before(form.held_on, sent, "evaluation.held_on", "评审日期", "提交评审日期")
    return ProjectReview(
        kind=ReviewKind.EVALUATION.value,
        held_on=form.held_on,
        method="",
        experts=text_field(form.experts, "evaluation.experts", "评审专家或评审组"),
        result="pass" if passed else "fail",
        score=form.score.strip(),
        opinion=text_field(form.opinion, "evaluation.opinion", "评审意见"),
        recorded_by_id=actor.id,
        recorded_at=now,
    )


def approve_project(
    db: Database,
    actor_id: int,
    project_id: int,
    form: ApprovalForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """立项: the evaluation, the task book (number, date, period, budget, targets) and the
    approval instalment (第十条「立项补助」), all in one step."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.APPROVE)
        policy = project_policy(project.policy_id)
        today = db_today(db)
        evaluation = _evaluation_review(project, form.evaluation, actor, now, today, True)
        number = text_field(form.task_book_number, "task_book_number", "任务书编号")
        other = session.scalar(
            select(Project.number).where(
                Project.task_book_number == number, Project.id != project.id
            )
        )
        if other is not None:
            raise InvalidInput(
                "task_book_number", f"任务书编号“{number}”已用于项目 {other}，请核对"
            )
        not_future(form.task_book_date, today, "task_book_date", "任务书签订日期")
        not_before(
            form.task_book_date, evaluation.held_on, "task_book_date", "任务书签订日期", "评审日期"
        )
        start = form.start or project.start_date
        end = form.end or project.end_date
        problems = check_period(policy, start, end)
        if problems:
            raise InvalidInput("end", "；".join(problems))
        budget = (
            validate_budget(policy, form.budget)
            if form.budget is not None
            else {b.category: b.amount for b in project.budget_lines}
        )
        total = budget_total(budget)
        if total != project.funding:
            raise InvalidInput(
                "budget",
                f"任务书的财政资金预算合计{format_yuan(total)}元，应等于{policy.amount_clause}的"
                f"{format_yuan(project.funding)}元（按第十一条所列用途分列），请核对",
            )
        targets = (
            validate_targets(policy, form.targets)
            if form.targets is not None
            else valid_targets(project)
        )
        if not targets:
            raise InvalidInput(
                "targets",
                "任务书须列明量化绩效目标（第七条末「项目具体量化绩效目标」），请至少填写一项",
            )
        not_future(form.paid_on, today, "paid_on", "立项补助拨付日期")
        not_before(
            form.paid_on, form.task_book_date, "paid_on", "立项补助拨付日期", "任务书签订日期"
        )
        split = instalments(policy, _approval_amount(policy, form))
        basis = form.approval_basis.strip() or policy.approval_share_clause
        warnings = []
        if not project.own_funds:
            warnings.append(f"未登记自筹资金：{policy.earmark_clause}")

        project.task_book_number = number
        project.task_book_date = form.task_book_date
        project.start_date, project.end_date = start, end
        if form.budget is not None:
            set_budget(session, project, budget, replace=True)
        if form.targets is not None:
            set_targets(session, project, targets, replace=True)
        project.reviews.append(evaluation)
        project.payments.append(
            ProjectPayment(
                kind=PaymentKind.APPROVAL.value,
                amount=split.approval,
                paid_on=form.paid_on,
                voucher=form.voucher.strip(),
                recorded_by_id=actor.id,
                recorded_at=now,
            )
        )
        record_step(
            session,
            actor,
            project,
            A.APPROVE.value,
            S.APPROVED,
            now,
            form.task_book_date,
            note=evaluation.opinion,
            data={
                "task_book_number": number,
                "task_book_date": form.task_book_date,
                "start": start,
                "end": end,
                "budget": budget,
                "targets": targets_audit(targets),
                "approval_instalment": split.approval,
                "approval_basis": basis,
                "paid_on": form.paid_on,
                "voucher": form.voucher.strip(),
            },
        )
        return done(
            project,
            f"{project.number} 已立项，立项补助{format_yuan(split.approval)}元已登记拨付",
            warnings=warnings,
            money=True,
            targets=True,
        )


def _approval_amount(policy: ProjectPolicy, form: ApprovalForm) -> Decimal | None:
    """The approval instalment typed at 立项, checked (None: the policy's default share)."""
    typed = form.approval_amount
    if typed is None or (isinstance(typed, str) and not typed.strip()):
        return None
    amount = money_field(typed, "approval_amount", "立项补助金额")
    total = policy.amount_per_project
    if not Decimal(0) < amount <= total:
        raise InvalidInput(
            "approval_amount",
            f"立项补助金额应大于0且不超过项目资助额{format_yuan(total)}元（{policy.amount_clause}）",
        )
    if amount != instalments(policy).approval and not form.approval_basis.strip():
        raise InvalidInput(
            "approval_basis",
            "立项补助与政策默认比例不同，请写明依据（如当年度预算安排文件及文号，第十条）",
        )
    return amount


def reject_project(
    db: Database,
    actor_id: int,
    project_id: int,
    evaluation: EvaluationForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """不予立项 after the evaluation; the opinion says why."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.REJECT)
        review_row = _evaluation_review(project, evaluation, actor, now, db_today(db), False)
        project.reviews.append(review_row)
        record_step(
            session,
            actor,
            project,
            A.REJECT.value,
            S.NOT_APPROVED,
            now,
            evaluation.held_on,
            note=review_row.opinion,
        )
        return done(project, f"{project.number} 不予立项")


def start_project(
    db: Database,
    actor_id: int,
    project_id: int,
    started_on: dt.date,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> ProjectChanges:
    """开始实施: the unit has the task book and the approval instalment and begins work."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.START)
        not_future(started_on, db_today(db), "started_on", "开始实施日期")
        assert project.task_book_date is not None  # set at approval
        not_before(
            started_on, project.task_book_date, "started_on", "开始实施日期", "任务书签订日期"
        )
        not_before_planned_start(started_on, project.start_date, "started_on")
        record_step(
            session,
            actor,
            project,
            A.START.value,
            S.IN_PROGRESS,
            now,
            started_on,
            note=note.strip(),
        )
        return done(project, f"{project.number} 开始实施")


# ---------------------------------------------------------------------------
# Implementation: progress, targets, mid-term
# ---------------------------------------------------------------------------


def report_progress(
    db: Database,
    actor_id: int,
    project_id: int,
    form: ProgressForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """执行进展报告 (第八条), with the targets' actual values when the report gives them."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.REPORT_PROGRESS)
        policy = project_policy(project.policy_id)
        not_future(form.reported_on, db_today(db), "reported_on", "报告日期")
        not_before(form.reported_on, project.start_date, "reported_on", "报告日期", "实施开始日期")
        report = ProjectReport(
            reported_on=form.reported_on,
            progress=text_field(form.progress, "progress", "项目执行进展"),
            results=text_field(form.results, "results", "阶段性成果"),
            plan=text_field(form.plan, "plan", "下一步工作计划"),
            recorded_by_id=actor.id,
            recorded_at=now,
        )
        project.reports.append(report)
        session.flush()
        recorded = add_actuals(project, policy, form.actuals, form.reported_on, actor, now, report)
        session.flush()
        count = len(project.reports)
        record_step(
            session,
            actor,
            project,
            A.REPORT_PROGRESS.value,
            S.IN_PROGRESS,
            now,
            form.reported_on,
            data={"report_id": report.id, "number": count, "actuals": recorded},
        )
        return done(
            project,
            f"已登记 {project.number} 第{count}次执行进展报告",
            warnings=falling_actuals(project, policy, recorded),
            targets=bool(recorded),
        )


def record_midterm(
    db: Database,
    actor_id: int,
    project_id: int,
    form: MidtermForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """中期评估 (第九条), once per project."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.MIDTERM)
        try:
            result = MidtermResult(form.result)
        except ValueError:
            listed = "、".join(f"{r.value}（{r.label}）" for r in MidtermResult)
            raise InvalidInput(
                "result", f"中期评估结论“{form.result}”未知，可用：{listed}"
            ) from None
        not_future(form.held_on, db_today(db), "held_on", "评估日期")
        not_before(form.held_on, project.start_date, "held_on", "评估日期", "实施开始日期")
        row = ProjectReview(
            kind=ReviewKind.MIDTERM.value,
            held_on=form.held_on,
            method="",
            experts=text_field(form.experts, "experts", "评估专家或评估组"),
            result=result.value,
            score="",
            opinion=text_field(form.opinion, "opinion", "评估意见"),
            recorded_by_id=actor.id,
            recorded_at=now,
        )
        project.reviews.append(row)
        record_step(
            session,
            actor,
            project,
            A.MIDTERM.value,
            S.IN_PROGRESS,
            now,
            form.held_on,
            note=row.opinion,
            data={"result": result.value},
        )
        warnings = []
        if not result.passed:
            warnings.append(
                "中期评估不合格：请督促项目单位整改；确实无法完成绩效目标的，"
                "由项目单位提交延期或终止的书面申请（第八条）"
            )
        return done(project, f"已登记 {project.number} 中期评估：{result.label}", warnings=warnings)


# ---------------------------------------------------------------------------
# Extension and termination (第八条)
# ---------------------------------------------------------------------------


def request_extension(
    db: Database,
    actor_id: int,
    project_id: int,
    form: ExtensionRequestForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """登记延期申请: reason, progress so far, the end date asked for."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.REQUEST_EXTENSION)
        policy = project_policy(project.policy_id)
        not_future(form.submitted_on, db_today(db), "submitted_on", "申请日期")
        not_before(
            form.submitted_on, project.start_date, "submitted_on", "申请日期", "实施开始日期"
        )
        try:
            warnings = check_extension(policy, project.start_date, project.end_date, form.new_end)
        except ProjectRuleError as exc:
            raise InvalidInput("new_end", str(exc)) from None
        request = ProjectRequest(
            kind=RequestKind.EXTENSION.value,
            submitted_on=form.submitted_on,
            reason=text_field(form.reason, "reason", "延期理由"),
            progress=text_field(form.progress, "progress", "项目执行进展"),
            old_end_date=project.end_date,
            new_end_date=form.new_end,
            follow_up="",
            requested_by_id=actor.id,
            recorded_at=now,
        )
        project.requests.append(request)
        session.flush()
        record_step(
            session,
            actor,
            project,
            A.REQUEST_EXTENSION.value,
            S.IN_PROGRESS,
            now,
            form.submitted_on,
            note=request.reason,
            data={"request_id": request.id, "old_end": project.end_date, "new_end": form.new_end},
        )
        return done(
            project,
            f"已登记 {project.number} 延期申请（申请延至{form.new_end.isoformat()}），待审定",
            warnings=warnings,
        )


def request_termination(
    db: Database,
    actor_id: int,
    project_id: int,
    form: TerminationRequestForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """登记终止申请: reason, progress so far, and what follows (第八条「后续处理事项」)."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.REQUEST_TERMINATION)
        not_future(form.submitted_on, db_today(db), "submitted_on", "申请日期")
        not_before(
            form.submitted_on, project.start_date, "submitted_on", "申请日期", "实施开始日期"
        )
        request = ProjectRequest(
            kind=RequestKind.TERMINATION.value,
            submitted_on=form.submitted_on,
            reason=text_field(form.reason, "reason", "终止理由"),
            progress=text_field(form.progress, "progress", "项目执行进展"),
            old_end_date=None,
            new_end_date=None,
            follow_up=text_field(form.follow_up, "follow_up", "项目终止的后续处理事项"),
            requested_by_id=actor.id,
            recorded_at=now,
        )
        project.requests.append(request)
        session.flush()
        record_step(
            session,
            actor,
            project,
            A.REQUEST_TERMINATION.value,
            S.IN_PROGRESS,
            now,
            form.submitted_on,
            note=request.reason,
            data={"request_id": request.id},
        )
        return done(project, f"已登记 {project.number} 终止申请，待审定")


def _decide(
    request: ProjectRequest, form: DecisionForm, actor: User, now: dt.datetime, today: dt.date
) -> None:
    not_future(form.decided_on, today, "decided_on", "审定日期")
    not_before(form.decided_on, request.submitted_on, "decided_on", "审定日期", "申请日期")
    request.decision = "approved" if form.approved else "refused"
    request.decided_on = form.decided_on
    request.opinion = text_field(form.opinion, "opinion", "审定意见")
    request.decided_by_id = actor.id
    request.decided_at = now


def decide_extension(
    db: Database,
    actor_id: int,
    project_id: int,
    form: DecisionForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """审定延期申请: approved moves the end date; refused leaves it."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.DECIDE_EXTENSION)
        policy = project_policy(project.policy_id)
        request = pending_request(project, RequestKind.EXTENSION)
        assert request is not None and request.new_end_date is not None  # checked by the rules
        _decide(request, form, actor, now, db_today(db))
        warnings: list[str] = []
        if form.approved:
            warnings = check_extension(
                policy, project.start_date, project.end_date, request.new_end_date
            )
            project.end_date = request.new_end_date
        record_step(
            session,
            actor,
            project,
            A.DECIDE_EXTENSION.value,
            S.IN_PROGRESS,
            now,
            form.decided_on,
            note=request.opinion,
            data={"request_id": request.id, "approved": form.approved, "end": project.end_date},
        )
        verdict = (
            f"同意延期，结束日期改为{project.end_date.isoformat()}"
            if form.approved
            else "不同意延期"
        )
        return done(project, f"{project.number} {verdict}", warnings=warnings)


def decide_termination(
    db: Database,
    actor_id: int,
    project_id: int,
    form: DecisionForm,
    settlement: SettlementForm | None = None,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """审定终止申请. Approved: the project ends (已终止), no closure instalment is ever paid,
    and what was paid is settled as recovered + kept (reading "termination")."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.DECIDE_TERMINATION)
        request = pending_request(project, RequestKind.TERMINATION)
        assert request is not None  # checked by the rules
        if not form.approved:
            if settlement is not None:
                raise InvalidInput("settlement", "不同意终止的，项目继续实施，不登记追回或留用金额")
            _decide(request, form, actor, now, db_today(db))
            record_step(
                session,
                actor,
                project,
                A.DECIDE_TERMINATION.value,
                S.IN_PROGRESS,
                now,
                form.decided_on,
                note=request.opinion,
                data={"request_id": request.id, "approved": False},
            )
            return done(project, f"{project.number} 不同意终止，项目继续实施")
        if settlement is None:
            raise InvalidInput(
                "settlement", "同意终止的，须登记已拨付资金的处理：追回金额和留用金额"
            )
        recovered = money_field(settlement.recovered, "settlement.recovered", "追回金额")
        kept = money_field(settlement.kept, "settlement.kept", "留用金额")
        try:
            check_termination_settlement(project_file(project), recovered, kept)
        except ProjectRuleError as exc:
            raise InvalidInput("settlement", f"{exc}，请核对") from None
        _decide(request, form, actor, now, db_today(db))
        project.recovered, project.kept = recovered, kept
        record_step(
            session,
            actor,
            project,
            A.DECIDE_TERMINATION.value,
            S.TERMINATED,
            now,
            form.decided_on,
            note=request.opinion,
            data={"request_id": request.id, "approved": True, "recovered": recovered, "kept": kept},
        )
        return done(
            project,
            f"{project.number} 同意终止：追回{format_yuan(recovered)}元，留用{format_yuan(kept)}元",
            money=True,
        )


# ---------------------------------------------------------------------------
# Acceptance and the closure instalment
# ---------------------------------------------------------------------------


def accept_project(
    db: Database,
    actor_id: int,
    project_id: int,
    form: AcceptanceForm,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """结题验收 (第八条): against the task book's targets; passed → 验收通过, else 验收不通过."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.ACCEPT)
        policy = project_policy(project.policy_id)
        method = policy.acceptance_methods.get(form.method)
        if method is None:
            listed = "、".join(f"{m.code}（{m.text}）" for m in policy.acceptance_methods.values())
            raise InvalidInput(
                "method", f"验收方式“{form.method}”未知（{_method_clause(policy)}），可用：{listed}"
            )
        not_future(form.held_on, db_today(db), "held_on", "验收日期")
        not_before(form.held_on, project.start_date, "held_on", "验收日期", "实施开始日期")
        row = ProjectReview(
            kind=ReviewKind.ACCEPTANCE.value,
            held_on=form.held_on,
            method=method.code,
            experts=text_field(form.experts, "experts", "验收专家或验收组"),
            result="pass" if form.passed else "fail",
            score="",
            opinion=text_field(form.opinion, "opinion", "验收意见"),
            recorded_by_id=actor.id,
            recorded_at=now,
        )
        closure_data: dict[str, Any] = {}
        if form.passed:
            typed = form.closure_amount
            amount_in = (
                None
                if typed is None or (isinstance(typed, str) and not typed.strip())
                else money_field(typed, "closure_amount", "核减或追回金额")
            )
            try:
                amount = check_closure_decision(
                    policy, project_file(project), form.closure, amount_in, form.closure_reason
                )
            except ProjectRuleError as exc:
                raise InvalidInput("closure", str(exc)) from None
            decision = form.closure or ClosureDecision.FULL
            row.closure_decision = decision.value
            row.closure_amount = amount if amount else None
            row.closure_reason = form.closure_reason.strip()
            closure_data = {
                "closure": decision.value,
                "closure_amount": amount,
                "closure_reason": row.closure_reason,
            }
        recorded = add_actuals(project, policy, form.actuals, form.held_on, actor, now)
        project.reviews.append(row)
        session.flush()
        warnings = falling_actuals(project, policy, recorded)
        if form.held_on < project.end_date:
            warnings.append(
                f"提前结题验收：实施期计划至{project.end_date.isoformat()}结束（按项目单位提前完成目标任务办理）"
            )
        unmet = []
        for t in project.targets:
            actual = Decimal(t.actuals[-1].value) if t.actuals else None
            if actual is None or actual < Decimal(t.target):
                unmet.append(target_metric(policy, t).label)
        if form.passed and unmet:
            warnings.append(
                f"以下绩效目标尚未达到，验收结论为通过，请在意见中说明：{'、'.join(unmet)}"
            )
        record_step(
            session,
            actor,
            project,
            A.ACCEPT.value,
            S.ACCEPTED if form.passed else S.ACCEPTANCE_FAILED,
            now,
            form.held_on,
            note=row.opinion,
            data={
                "method": method.code,
                "passed": form.passed,
                "actuals": recorded,
                **closure_data,
            },
        )
        if not form.passed:
            verdict = "验收不通过，不拨付结题补助"
        else:
            verdict = f"验收通过，{closure_verdict(policy, project_file(project))}"
        return done(project, f"{project.number} {verdict}", warnings=warnings, targets=True)


def _method_clause(policy: ProjectPolicy) -> str:
    first = next(iter(policy.acceptance_methods.values()), None)
    return first.clause if first else "第八条"


def pay_closure(
    db: Database,
    actor_id: int,
    project_id: int,
    paid_on: dt.date,
    *,
    voucher: str = "",
    expected_version: int | None = None,
) -> ProjectChanges:
    """拨付结题补助: only after a passed acceptance, and only once (第十条); then 已结题."""
    with project_op(db, actor_id, project_id, expected_version) as (session, actor, project, now):
        check_step(project, actor, A.PAY_CLOSURE)
        policy = project_policy(project.policy_id)
        try:
            amount = closure_payable(policy, project_file(project))
        except ProjectRuleError as exc:
            raise IllegalTransition(f"项目 {project.number}：{exc}") from None
        acceptance = review(project, ReviewKind.ACCEPTANCE)
        assert acceptance is not None  # the status is 验收通过
        not_future(paid_on, db_today(db), "paid_on", "结题补助拨付日期")
        not_before(paid_on, acceptance.held_on, "paid_on", "结题补助拨付日期", "验收日期")
        decision = ClosureDecision(acceptance.closure_decision or ClosureDecision.FULL.value)
        if amount > 0:
            project.payments.append(
                ProjectPayment(
                    kind=PaymentKind.CLOSURE.value,
                    amount=amount,
                    paid_on=paid_on,
                    voucher=voucher.strip(),
                    recorded_by_id=actor.id,
                    recorded_at=now,
                )
            )
        if decision is ClosureDecision.RECOVER:
            assert acceptance.closure_amount is not None
            paid_out = paid(project, PaymentKind.APPROVAL)
            project.recovered = acceptance.closure_amount
            project.kept = paid_out - acceptance.closure_amount
        record_step(
            session,
            actor,
            project,
            A.PAY_CLOSURE.value,
            S.CLOSED,
            now,
            paid_on,
            data={"amount": amount, "voucher": voucher.strip(), "closure": decision.value},
        )
        if amount > 0:
            said = f"结题补助{format_yuan(amount)}元已登记拨付"
        else:
            said = decision.label
            if decision is ClosureDecision.RECOVER:
                said += f"（追回{format_yuan(project.recovered or Decimal(0))}元）"
        return done(project, f"{project.number} {said}，项目结题", money=True)
