"""Moving a case through the workflow (the table in :mod:`core.records.states`).

Every step is one transaction: it checks that the action is allowed from the case's status,
that the user holds one of the roles of that table row, and for approval the four-eyes rule;
then it records a Decision and an audit row. A refused step raises and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.clock import local_today
from core.db.database import Database
from core.db.integrity import snapshot_digest
from core.db.models import Application, Decision, User
from core.engine.inputs import FLAG_SOURCES
from core.engine.results import ClaimStatus
from core.policy.model import Policy, RejectionGround
from core.records.base import audit, load_user
from core.records.calculation import Calculation, calculate
from core.records.case_input import get_application, material_lines, policy_for, sync_materials
from core.records.cases import case_op
from core.records.changes import Changes
from core.records.errors import (
    FourEyesViolation,
    IllegalTransition,
    InvalidInput,
    PermissionDenied,
    RecordsError,
)
from core.records.payee import payee_snapshot
from core.records.roles import parse_roles, roles_label
from core.records.states import Action, Status, Transition, actions_from, find_transition


def check_transition(app: Application, actor: User, action: Action) -> Transition:
    """The table row for this step, or a refusal saying why (status first, then role)."""
    status = Status(app.status)
    transition = find_transition(status, action)
    if transition is None:
        possible = (
            "、".join(f"「{t.action.label}」" for t in actions_from(status)) or "无（已办结）"
        )
        raise IllegalTransition(
            f"案件 {app.case_number} 当前为「{status.label}」，不能「{action.label}」；"
            f"此状态下可办理：{possible}"
        )
    held = parse_roles(actor.roles)
    if not held & transition.roles:
        raise PermissionDenied(
            f"「{action.label}」需要{roles_label(transition.roles)}角色；用户“{actor.display_name}”"
            f"的角色为{roles_label(held)}，请由有权限的用户办理"
        )
    return transition


def check_four_eyes(session: Session, app: Application, actor: User) -> None:
    """Whoever registered the case or gave the clerk's review may not approve it."""
    if app.clerk_id == actor.id:
        raise FourEyesViolation(
            f"案件 {app.case_number} 由您（{actor.display_name}）登记，按“四眼原则”"
            "登记人不能审核通过自己经手的案件，请由另一位审核人办理"
        )
    reviewed = session.scalar(
        select(Decision.id).where(
            Decision.application_id == app.id,
            Decision.action == Action.CLERK_REVIEW.value,
            Decision.actor_id == actor.id,
        )
    )
    if reviewed is not None:
        raise FourEyesViolation(
            f"案件 {app.case_number} 的初审由您（{actor.display_name}）办理，按“四眼原则”"
            "初审人不能审核通过同一案件，请由另一位审核人办理"
        )


def apply_transition(
    session: Session,
    app: Application,
    actor: User,
    transition: Transition,
    now: dt.datetime,
    *,
    reason: str = "",
    data: Mapping[str, Any] | None = None,
) -> None:
    source = app.status
    app.status = transition.target.value
    payload = dict(data or {})
    session.add(
        Decision(
            application_id=app.id,
            action=transition.action.value,
            from_status=source,
            to_status=transition.target.value,
            actor_id=actor.id,
            at=now,
            reason=reason,
            data=payload,
        )
    )
    audit(
        session,
        now,
        actor,
        "application",
        app.id,
        transition.action.value,
        {"status": source},
        {"status": transition.target.value, "reason": reason, **payload},
    )


def _done(app: Application, note: str = "", **flags: bool) -> Changes:
    return Changes(case_ids=frozenset({app.id}), case_list=True, note=note, **flags)


def _text(value: str, where: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidInput(where, f"请填写{what}")
    return text


def available_actions(db: Database, actor_id: int, case_id: int) -> list[Action]:
    """The steps this user may take on this case now (for the GUI's buttons)."""
    with db.read() as session:
        actor = load_user(session, actor_id)
        app = get_application(session, case_id)
        held = parse_roles(actor.roles)
        actions = []
        for t in actions_from(Status(app.status)):
            if not held & t.roles:
                continue
            if t.action is Action.APPROVE:
                try:
                    check_four_eyes(session, app, actor)
                except FourEyesViolation:
                    continue
            actions.append(t.action)
        return actions


def action_refusals(db: Database, actor_id: int, case_id: int) -> dict[Action, str]:
    """Steps this user's roles allow now but a rule forbids to this person, with core's
    reason (the four-eyes rule), so that the desk greys them with it instead of asking first
    and refusing after (issue 20 §10)."""
    with db.read() as session:
        actor = load_user(session, actor_id)
        app = get_application(session, case_id)
        held = parse_roles(actor.roles)
        refused: dict[Action, str] = {}
        for t in actions_from(Status(app.status)):
            if t.action is Action.APPROVE and held & t.roles:
                try:
                    check_four_eyes(session, app, actor)
                except FourEyesViolation as exc:
                    refused[t.action] = str(exc)
        return refused


# ---------------------------------------------------------------------------
# Intake
# ---------------------------------------------------------------------------


def default_correction_due(policy: Policy, today: dt.date) -> dt.date:
    """The due date offered when 告知补正: today plus the policy's period (a reading of
    五(一)2(2), which sets none; the clerk may change it)."""
    return today + dt.timedelta(days=policy.correction_days)


def correction_basis(policy: Policy) -> str:
    """Where the default period comes from, for the desk to show beside the date."""
    reading = policy.readings[policy.correction_reading]
    return f"默认 {policy.correction_days} 日（{reading.clause}，本局解释）：{reading.text}"


def request_correction(
    db: Database,
    actor_id: int,
    case_id: int,
    missing: Sequence[str],
    due: dt.date,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> Changes:
    """告知补正: the list of what is missing and the date it is due."""
    items = [m.strip() for m in missing if m.strip()]
    if not items:
        raise InvalidInput("missing", "请列出需要补正的材料")
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.REQUEST_CORRECTION)
        if due < local_today(db.clock):
            raise InvalidInput("due", "补正期限不能早于今天")
        app.correction_due = due
        apply_transition(
            session,
            app,
            actor,
            transition,
            now,
            reason=note.strip(),
            data={"missing": items, "due": due.isoformat()},
        )
        return _done(app, f"已告知补正，期限 {due.isoformat()}")


def missing_materials(db: Database, case_id: int) -> list[str]:
    """The required checklist lines not yet complete, as lines for a correction notice."""
    with db.read() as session:
        app = get_application(session, case_id)
        policy = policy_for(app.policy_id)
        return [
            m.missing_text() for m in material_lines(app, policy) if m.required and not m.complete
        ]


def acceptance_gaps(db: Database, case_id: int) -> list[str]:
    """What a clerk has not yet settled before 受理 (issue 20 §5), one line each: a ground
    decided by a person with no source recorded, and a claimed item out of scope. Empty when
    nothing is open. Core still accepts either way; the desk asks once."""
    with db.read() as session:
        app = get_application(session, case_id)
        policy = policy_for(app.policy_id)
        gaps: list[str] = []
        for ground in policy.rejection_grounds:
            flag = ground.applicant_flag
            if not flag or getattr(app.applicant, flag):
                continue
            if not str(getattr(app.applicant, f"{flag}_source") or "").strip():
                gaps.append(
                    f"{ground.text}（{ground.clause}）：未记录核查来源，应查{FLAG_SOURCES[flag]}"
                )
        result = calculate(session, app).result
        session.rollback()  # the calculation keeps amounts on the claims; nothing is saved
        for claim in result.claims:
            if claim.status is ClaimStatus.INELIGIBLE:
                reason = claim.explanation[-1] if claim.explanation else ""
                name = policy.items[claim.item].name
                gaps.append(f"第{claim.index + 1}项{name}不属于资助范围：{reason}")
        return gaps


def accept_case(
    db: Database,
    actor_id: int,
    case_id: int,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> Changes:
    """受理: allowed only when every required material is in, in two stamped copies, with the
    originals verified (五(二)末段)."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.ACCEPT)
        policy = policy_for(app.policy_id)
        if app.received_on > policy.deadline:
            # 五(一)1: 「逾期申报的，不再受理并视为自动放弃」 — complete materials do not help.
            raise RecordsError(
                f"案件 {app.case_number} 受理日期 {app.received_on.isoformat()} 晚于申报截止日 "
                f"{policy.deadline.isoformat()}，逾期申报的不再受理（{policy.deadline_clause}）；"
                "请「不予受理」并选择「逾期未提出资助奖励申请的」"
            )
        sync_materials(app, policy)
        gaps = [
            m.missing_text() for m in material_lines(app, policy) if m.required and not m.complete
        ]
        if gaps:
            raise RecordsError(
                f"材料不齐全，不能受理：{'；'.join(gaps)}。请补齐后受理，或「告知补正」"
            )
        app.correction_due = None
        apply_transition(session, app, actor, transition, now, reason=note.strip())
        return _done(app, f"已受理 {app.case_number}")


def reject_at_intake(
    db: Database,
    actor_id: int,
    case_id: int,
    ground: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
) -> Changes:
    """不予受理 on one of the six grounds of 五(一)2 (``policy.rejection_grounds``)."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.REJECT_AT_INTAKE)
        policy = policy_for(app.policy_id)
        codes = [g.code for g in policy.rejection_grounds]
        if ground not in codes:
            listed = "；".join(f"{g.code}：{g.text}" for g in policy.rejection_grounds)
            raise InvalidInput("ground", f"须选择五(一)2所列情形之一：{listed}")
        g = policy.ground(ground)
        _check_ground_applies(app, policy, g)
        app.intake_ground = ground
        apply_transition(
            session,
            app,
            actor,
            transition,
            now,
            reason=reason.strip(),
            data={"ground": ground, "ground_text": g.text, "clause": g.clause},
        )
        return _done(app, f"已不予受理：{g.text}")


@dataclass(frozen=True)
class GroundChoice:
    """A 五(一)2 ground as the 不予受理 step offers it for one case."""

    code: str
    text: str
    clause: str
    # Why the facts on record rule it out for this case (None when it may be chosen).
    ruled_out: str | None


def intake_ground_choices(db: Database, case_id: int) -> list[GroundChoice]:
    """Every ground of 五(一)2 in the policy's order, each saying whether
    :func:`reject_at_intake` would take it for this case now, and if not, why."""
    with db.read() as session:
        app = get_application(session, case_id)
        policy = policy_for(app.policy_id)
        choices = []
        for g in policy.rejection_grounds:
            try:
                _check_ground_applies(app, policy, g)
            except InvalidInput as exc:
                ruled_out: str | None = exc.problem
            else:
                ruled_out = None
            choices.append(GroundChoice(g.code, g.text, g.clause, ruled_out))
        return choices


def _check_ground_applies(app: Application, policy: Policy, ground: RejectionGround) -> None:
    """Refuse a ground that the facts on record contradict."""
    # 五(一)2(5) follows from the dates alone (五(一)1: 申报时间至2024年11月22日); a clerk
    # cannot call a case late that came in on time.
    if ground.code == "late" and app.received_on <= policy.deadline:
        raise InvalidInput(
            "ground",
            f"受理日期 {app.received_on.isoformat()} 未超过申报截止日 "
            f"{policy.deadline.isoformat()}（含当日），不属「{ground.text}」"
            f"（{ground.clause}；{policy.deadline_clause}）",
        )
    if ground.code == "incomplete_materials" and app.status != Status.CORRECTION_REQUESTED.value:
        # 五(一)2(2) is 「告知补齐后仍不能提供齐全的」: the applicant must have been told first.
        raise InvalidInput(
            "ground",
            f"「{ground.text}」（{ground.clause}）须先「告知补正」，"
            "补正后仍不齐全的才能以此不予受理",
        )


# ---------------------------------------------------------------------------
# Review
# ---------------------------------------------------------------------------


def clerk_review(
    db: Database,
    actor_id: int,
    case_id: int,
    opinion: str,
    *,
    expected_version: int | None = None,
) -> Changes:
    """初审: the clerk's written opinion; the amounts are recalculated."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.CLERK_REVIEW)
        text = _text(opinion, "opinion", "初审意见")
        calculation = calculate(session, app)
        apply_transition(
            session,
            app,
            actor,
            transition,
            now,
            reason=text,
            data={"total": str(calculation.result.total)},
        )
        return _done(app)


def submit_for_approval(
    db: Database, actor_id: int, case_id: int, *, expected_version: int | None = None
) -> Changes:
    """提交审核: the clerk hands the reviewed case to a supervisor."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.SUBMIT)
        apply_transition(session, app, actor, transition, now)
        return _done(app)


def _approvable(calculation: Calculation, app: Application) -> None:
    result = calculation.result
    policy = calculation.policy
    if not result.accepted:
        grounds = "、".join(f"「{policy.ground(g).text}」" for g in result.rejection_grounds)
        raise RecordsError(
            f"案件 {app.case_number} 属{grounds}，不能审核通过，请「退回」或「不予资助」"
        )
    pending = [c for c in result.claims if c.status is ClaimStatus.PENDING]
    if pending:
        shown = "、".join(f"第{c.index + 1}项「{policy.items[c.item].name}」" for c in pending)
        raise RecordsError(f"{shown}尚待认定（填写认定结果或核定金额）后才能审核通过")
    if result.total <= 0:
        raise RecordsError(
            f"案件 {app.case_number} 资助合计为0元，不能审核通过，请作「不予资助」处理"
        )


def approve_case(
    db: Database,
    actor_id: int,
    case_id: int,
    *,
    opinion: str = "",
    expected_version: int | None = None,
) -> Changes:
    """审核通过 by a supervisor other than the clerk; freezes the policy and the result."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.APPROVE)
        check_four_eyes(session, app, actor)
        calculation = calculate(session, app)
        _approvable(calculation, app)
        policy = calculation.policy
        app.approved_amount = calculation.result.total
        app.snapshot_policy_version = policy.version
        app.snapshot_policy_sha256 = policy.sha256
        app.snapshot_case = {
            "case": calculation.document,
            # Who is paid is part of the decision (issue 13 §1): the payout list reads this.
            "payee": payee_snapshot(app),
            "settled": [
                {"item": s.item, "key": s.key, "amount": str(s.amount), "reference": s.reference}
                for s in calculation.settled
            ],
        }
        app.snapshot_result = calculation.result.to_json()
        app.snapshot_at = now
        apply_transition(
            session,
            app,
            actor,
            transition,
            now,
            reason=opinion.strip(),
            data={
                "amount": str(calculation.result.total),
                "policy_version": policy.version,
                "policy_sha256": policy.sha256,
                # What was frozen, so that `audit verify` notices a table edited directly.
                "snapshot_sha256": snapshot_digest(app),
            },
        )
        return _done(app, f"已审核通过 {app.case_number}", budget=True)


def return_case(
    db: Database,
    actor_id: int,
    case_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> Changes:
    """退回 to the clerk, with the reason."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.RETURN)
        apply_transition(
            session, app, actor, transition, now, reason=_text(reason, "reason", "退回理由")
        )
        return _done(app)


def refuse_case(
    db: Database,
    actor_id: int,
    case_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> Changes:
    """不予资助, with the reason."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.REFUSE)
        apply_transition(
            session, app, actor, transition, now, reason=_text(reason, "reason", "不予资助的理由")
        )
        return _done(app)


def record_meeting_decision(
    db: Database,
    actor_id: int,
    case_ids: Sequence[int],
    meeting_date: dt.date,
    minute_number: str,
) -> Changes:
    """办公会审定 of one case or many at once (all or none)."""
    minute = _text(minute_number, "minute_number", "会议纪要编号")
    if not case_ids:
        raise InvalidInput("case_ids", "请选择要审定的案件")
    if len(set(case_ids)) != len(case_ids):
        raise InvalidInput("case_ids", "案件重复选择")
    with db.write() as session:
        actor = load_user(session, actor_id)
        now = db.clock.now()
        if meeting_date > local_today(db.clock):
            raise InvalidInput("meeting_date", "办公会日期不能晚于今天")
        for case_id in case_ids:
            app = get_application(session, case_id)
            transition = check_transition(app, actor, Action.DECIDE)
            app.meeting_date = meeting_date
            app.meeting_minute = minute
            app.updated_at = now
            app.updated_by_id = actor.id
            apply_transition(
                session,
                app,
                actor,
                transition,
                now,
                data={"meeting_date": meeting_date.isoformat(), "minute": minute},
            )
        return Changes(
            case_ids=frozenset(case_ids),
            case_list=True,
            note=f"已记录办公会审定 {len(case_ids)} 件",
        )
