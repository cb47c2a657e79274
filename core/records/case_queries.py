"""Reading cases and applicants back for the desk and the CLI, as frozen detail."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    Applicant,
    Application,
    Decision,
    NoticeEntry,
    User,
)
from core.documents.model import OBJECTION_OUTCOMES
from core.engine.results import ApplicationResult
from core.identifiers import IdentifierError, validate_credit_code
from core.records.calculation import calculate
from core.records.case_input import get_application, material_lines, policy_for
from core.records.case_model import (
    ApplicantForm,
    ApplicantInfo,
    CaseDetail,
    ClaimInfo,
    DecisionInfo,
    Snapshot,
)
from core.records.duplicates import duplicate_claims_in
from core.records.errors import InvalidInput, NotFound
from core.records.states import (
    Action,
    Status,
)

# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def applicant_info(row: Applicant) -> ApplicantInfo:
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(ApplicantForm)}
    return ApplicantInfo(
        id=row.id,
        credit_code=row.credit_code,
        name=row.name,
        kind=row.kind,
        size=row.size,
        form=ApplicantForm(**values),
        version=row.version,
    )


def find_applicant(db: Database, credit_code: str) -> ApplicantInfo | None:
    """The applicant on record for a credit code (the counter fills the form from it)."""

    try:
        code = validate_credit_code(credit_code)
    except IdentifierError as exc:
        raise InvalidInput("credit_code", str(exc)) from None
    with db.read() as session:
        row = session.scalar(select(Applicant).where(Applicant.credit_code == code))
        return None if row is None else applicant_info(row)


def _user_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows}


def case_detail(session: Session, app: Application) -> CaseDetail:
    policy = policy_for(app.policy_id)
    decisions = session.scalars(
        select(Decision).where(Decision.application_id == app.id).order_by(Decision.id)
    ).all()
    names = _user_names(
        session, {app.clerk_id, app.updated_by_id, *(d.actor_id for d in decisions)}
    )
    entry = session.scalar(select(NoticeEntry).where(NoticeEntry.application_id == app.id))
    snapshot = None
    if app.snapshot_result is not None and app.snapshot_at is not None:
        assert app.approved_amount is not None
        snapshot = Snapshot(
            policy_id=app.policy_id,
            policy_version=app.snapshot_policy_version or "",
            policy_sha256=app.snapshot_policy_sha256 or "",
            case=app.snapshot_case,
            result=app.snapshot_result,
            at=app.snapshot_at,
            amount=app.approved_amount,
        )
    return CaseDetail(
        id=app.id,
        case_number=app.case_number,
        policy_id=app.policy_id,
        year=app.year,
        status=Status(app.status),
        received_on=app.received_on,
        applicant=applicant_info(app.applicant),
        applicant_name=app.applicant_name,
        filed_by_agent=app.filed_by_agent,
        agent_name=app.agent_name,
        clerk_id=app.clerk_id,
        clerk_name=names.get(app.clerk_id, ""),
        claims=tuple(
            ClaimInfo(
                position=c.position,
                item=c.item,
                item_name=policy.items[c.item].name if c.item in policy.items else c.item,
                date=c.date,
                facts=dict(c.facts),
                amount=c.amount,
                result_status=c.result_status,
                paid_amount=c.paid_amount,
            )
            for c in app.claims
        ),
        materials=material_lines(app, policy),
        decisions=tuple(
            DecisionInfo(
                action=d.action,
                action_label=_action_label(d.action, d.data),
                from_status=d.from_status,
                to_status=d.to_status,
                actor_id=d.actor_id,
                actor_name=names.get(d.actor_id, ""),
                at=d.at,
                reason=d.reason,
                data=dict(d.data or {}),
            )
            for d in decisions
        ),
        computed_total=app.computed_total,
        approved_amount=app.approved_amount,
        snapshot=snapshot,
        correction_due=app.correction_due,
        intake_ground=app.intake_ground,
        meeting_date=app.meeting_date,
        meeting_minute=app.meeting_minute,
        notice_batch_id=entry.batch_id if entry else None,
        notice_amount=entry.amount if entry else None,
        objection=entry.objection if entry else "",
        paid_on=entry.paid_on if entry else None,
        voucher_no=entry.voucher_no if entry else None,
        updated_at=app.updated_at,
        updated_by_name=names.get(app.updated_by_id, ""),
        version=app.version,
        duplicates=tuple(duplicate_claims_in(session, app)),
    )


def _action_label(action: str, data: Any = None) -> str:
    if isinstance(data, dict) and data.get("outcome") == "amount_changed":
        return OBJECTION_OUTCOMES["amount_changed"]  # a 异议不成立 step at a new amount
    try:
        return Action(action).label
    except ValueError:
        return "登记" if action == "register" else action


def get_case(db: Database, case_id: int) -> CaseDetail:
    with db.read() as session:
        return case_detail(session, get_application(session, case_id))


def get_case_by_number(db: Database, case_number: str) -> CaseDetail:
    with db.read() as session:
        app = session.scalar(
            select(Application).where(Application.case_number == case_number.strip())
        )
        if app is None:
            raise NotFound(f"没有案件 {case_number}")
        return case_detail(session, app)


def recalculate(db: Database, case_id: int) -> ApplicationResult:
    """The engine's result for the case as it stands (approved cases: from the snapshot is
    :attr:`CaseDetail.snapshot`). Nothing is saved."""
    with db.read() as session:
        app = get_application(session, case_id)
        result = calculate(session, app).result
        session.rollback()
        return result


def count_cases(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Application)) or 0
