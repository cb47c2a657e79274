"""Applicants, applications, claims and the materials checklist.

Nothing invalid is stored: an applicant's identity and every claim go through the engine's own
parsers (:mod:`core.engine.inputs`) first, and the stored facts are the parsed, normalised
values. The engine's result is recalculated whenever a case changes, and frozen at approval
(:mod:`core.records.workflow`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from core.db.clock import local_text, local_today
from core.db.database import Database
from core.db.models import (
    Applicant,
    Application,
    ClaimRow,
    Decision,
    User,
)
from core.engine.inputs import (
    Claim,
)
from core.policy.model import Policy
from core.records.base import (
    Versioned,
    audit,
    diff,
    jsonable,
    load_user,
    require_role,
    row_dict,
    stale_edit,
    versioned_op,
)
from core.records.calculation import calculate
from core.records.case_input import (
    claim_document,
    get_application,
    next_counter,
    policy_for,
    set_claims,
    sync_materials,
    validate_applicant,
    validate_claims,
)
from core.records.case_model import ApplicantForm, CaseForm, MaterialUpdate
from core.records.changes import Changes
from core.records.errors import InvalidInput, NotFound, PermissionDenied, RecordsError, StaleEdit
from core.records.permissions import can_edit
from core.records.roles import Role, parse_roles
from core.records.states import (
    AWARDED_STATUSES,
    CLOSED_STATUSES,
    OPEN_STATUSES,
    SUPERVISOR_EDITABLE,
    Status,
)

# ---------------------------------------------------------------------------
# Loading and editing
# ---------------------------------------------------------------------------


CASE = Versioned(Application, Application.case_number, "案件", "该案件已不存在，请刷新列表")


def stale_error(db: Database, case_id: int, loaded_version: int | None = None) -> StaleEdit:
    return stale_edit(db, CASE, case_id, loaded_version)


def case_op(
    db: Database,
    actor_id: int,
    case_id: int,
    expected_version: int | None,
) -> AbstractContextManager[tuple[Session, User, Application, dt.datetime]]:
    """One transaction on one case (``versioned_op``)."""
    return versioned_op(db, actor_id, CASE, case_id, get_application, expected_version)


def _apply_applicant_form(row: Applicant, form: ApplicantForm, kind: str, size: str | None) -> None:
    for name in (f.name for f in dataclasses.fields(ApplicantForm)):
        if name in ("credit_code", "kind", "size"):
            continue
        value = getattr(form, name)
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    row.kind = kind
    row.size = size


def _upsert_applicant(
    session: Session, actor: User, now: dt.datetime, form: ApplicantForm
) -> Applicant:
    credit_code, kind, size = validate_applicant(form)
    row = session.scalar(select(Applicant).where(Applicant.credit_code == credit_code))
    if row is None:
        row = Applicant(credit_code=credit_code, created_at=now)
        _apply_applicant_form(row, form, kind, size)
        row.updated_at = now
        row.updated_by_id = actor.id
        session.add(row)
        session.flush()
        audit(session, now, actor, "applicant", row.id, "create", None, row_dict(row))
        return row
    before = row_dict(row)
    _apply_applicant_form(row, form, kind, size)
    after = row_dict(row)
    changed_before, changed_after = diff(before, after)
    if changed_after:
        row.updated_at = now
        row.updated_by_id = actor.id
        audit(session, now, actor, "applicant", row.id, "update", changed_before, changed_after)
    return row


def register_case(db: Database, actor_id: int, form: CaseForm) -> Changes:
    """Register a new application at the counter. ``Changes.id`` is the new case's id.

    The applicant is created, or updated from this year's form, under its credit code; the
    case number is the next of the programme year (allocated in this transaction).
    """
    policy = policy_for(form.policy_id)
    claims = validate_claims(policy, form.claims)
    validate_applicant(form.applicant)
    with db.write() as session:
        actor = load_user(session, actor_id)
        require_role(actor, {Role.CLERK}, "登记申请")
        _check_reviewer_facts((), policy, claims, actor)
        now = db.clock.now()
        _check_received_on(form.received_on, db)
        from core.records.policy_versions import pin_version

        pin_version(session, policy, now)
        applicant = _upsert_applicant(session, actor, now, form.applicant)
        seq = next_counter(session, f"case:{policy.id}")
        app = Application(
            policy_id=policy.id,
            policy_version=policy.version,
            year=policy.year,
            seq=seq,
            case_number=policy.case_number(seq),
            applicant=applicant,
            applicant_name=applicant.name,
            received_on=form.received_on,
            filed_by_agent=form.filed_by_agent,
            agent_name=form.agent_name.strip(),
            status=Status.REGISTERED.value,
            clerk_id=actor.id,
            created_at=now,
            updated_at=now,
            updated_by_id=actor.id,
        )
        session.add(app)
        set_claims(session, app, policy, claims)
        sync_materials(app, policy)
        session.flush()
        calculate(session, app)
        touched = _recalculate_open_siblings(session, app, now, actor)
        session.add(
            Decision(
                application_id=app.id,
                action="register",
                from_status="",
                to_status=Status.REGISTERED.value,
                actor_id=actor.id,
                at=now,
                reason="",
                data={},
            )
        )
        audit(session, now, actor, "application", app.id, "register", None, _case_audit(app))
        note = f"已登记 {app.case_number}"
        if touched:
            note += (
                "；同一申请人的在办案件 "
                + "、".join(t.case_number for t in touched)
                + (" 已按本次登记的申请人信息更新并重新测算（已审核通过的案件不受影响）")
            )
        return Changes(
            case_ids=frozenset({app.id, *(t.id for t in touched)}),
            case_list=True,
            applicants=True,
            materials=True,
            id=app.id,
            note=note,
        )


def _recalculate_open_siblings(
    session: Session, app: Application, now: dt.datetime, actor: User
) -> list[Application]:
    """The applicant's other open cases take its current master data and are recalculated:
    a new application may come before them (received earlier) and share their caps. Approved
    cases keep their snapshot, payee included (issue 13 §1)."""
    siblings = session.scalars(
        select(Application)
        .where(
            Application.applicant_id == app.applicant_id,
            Application.id != app.id,
            Application.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .order_by(Application.received_on, Application.seq)
    ).all()
    for other in siblings:
        other.applicant_name = app.applicant.name
        calculate(session, other)
        other.updated_at = now
        other.updated_by_id = actor.id
    return list(siblings)


def _check_received_on(received_on: dt.date, db: Database) -> None:
    if received_on > local_today(db.clock):
        raise InvalidInput("received_on", f"受理日期 {received_on.isoformat()} 晚于今天，请核对")


def _case_audit(app: Application) -> dict[str, Any]:
    data = row_dict(
        app,
        [
            "case_number",
            "policy_id",
            "applicant_name",
            "received_on",
            "status",
            "filed_by_agent",
            "agent_name",
            "computed_total",
        ],
    )
    data["claims"] = [claim_document(c) for c in app.claims]
    return data


def _check_edit_allowed(app: Application, actor: User, what: str) -> None:
    status = Status(app.status)
    if can_edit(status, parse_roles(actor.roles)):
        return
    if status in AWARDED_STATUSES or status in CLOSED_STATUSES:
        raise RecordsError(
            f"案件 {app.case_number} 当前为「{status.label}」，已{('审核定案' if status in AWARDED_STATUSES else '办结')}，"
            f"不能再{what}（审核通过时的计算结果已冻结）"
        )
    if status in SUPERVISOR_EDITABLE:
        raise PermissionDenied(
            f"案件 {app.case_number} 正「待审核」，只有审核人可以{what}；如需改动请审核人退回"
        )
    raise PermissionDenied(
        f"案件 {app.case_number} 当前为「{status.label}」，需窗口经办角色才能{what}"
    )


def _check_reviewer_facts(
    before: Sequence[ClaimRow], policy: Policy, claims: Sequence[Claim], actor: User
) -> None:
    """Facts the policy marks ``reviewer`` (经认定, 核定金额) are set by a supervisor only."""
    if Role.SUPERVISOR in parse_roles(actor.roles):
        return
    old = {(c.position, c.item): c.facts for c in before}
    for position, claim in enumerate(claims):
        stored = old.get((position, claim.item), {})
        for fact in policy.items[claim.item].facts:
            if not fact.reviewer:
                continue
            new_value = jsonable(claim.facts.get(fact.name))
            old_value = stored.get(fact.name)
            if new_value in (None, False) and old_value in (None, False):
                continue
            if new_value != old_value:
                raise PermissionDenied(
                    f"claims[{position}].{fact.name}：「{fact.label}」由审核人填写，窗口经办不能填写或修改"
                )


def update_case(
    db: Database,
    actor_id: int,
    case_id: int,
    *,
    claims: Sequence[Mapping[str, Any]] | None = None,
    received_on: dt.date | None = None,
    filed_by_agent: bool | None = None,
    agent_name: str | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Change a case before approval: its claims, received date or agent. The checklist follows
    the claims (see :func:`sync_materials`) and the amounts are recalculated."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        _check_edit_allowed(app, actor, "修改申请内容")
        policy = policy_for(app.policy_id)
        before = _case_audit(app)
        if claims is not None:
            parsed = validate_claims(policy, claims)
            _check_reviewer_facts(app.claims, policy, parsed, actor)
            set_claims(session, app, policy, parsed)
        if received_on is not None:
            _check_received_on(received_on, db)
            app.received_on = received_on
        if filed_by_agent is not None:
            app.filed_by_agent = filed_by_agent
        if agent_name is not None:
            app.agent_name = agent_name.strip()
        sync_materials(app, policy)
        session.flush()
        calculate(session, app)
        b, a = diff(before, _case_audit(app))
        if a:  # a save that changed nothing leaves no empty 「修改」 record in the log
            audit(session, now, actor, "application", app.id, "update", b, a)
        return Changes(case_ids=frozenset({app.id}), case_list=True, materials=True)


def update_materials(
    db: Database,
    actor_id: int,
    case_id: int,
    updates: Sequence[MaterialUpdate],
    *,
    expected_version: int | None = None,
) -> Changes:
    """Tick checklist lines (received, stamped copies, originals verified, note)."""
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        require_role(actor, {Role.CLERK, Role.SUPERVISOR}, "登记材料")
        status = Status(app.status)
        if status not in OPEN_STATUSES:
            raise RecordsError(
                f"案件 {app.case_number} 当前为「{status.label}」，材料清单已不能修改"
            )
        policy = policy_for(app.policy_id)
        rows = {m.code: m for m in app.materials}
        changed: dict[str, Any] = {}
        for u in updates:
            row = rows.get(u.code)
            if row is None:
                name = policy.materials[u.code].name if u.code in policy.materials else u.code
                raise InvalidInput(f"materials.{u.code}", f"本案件的材料清单中没有「{name}」")
            before = row_dict(row, ["received", "copies", "originals_verified", "note"])
            if u.received is not None:
                row.received = u.received
            if u.copies is not None:
                if not 0 <= u.copies <= 99:
                    raise InvalidInput(f"materials.{u.code}.copies", "复印件份数应为 0—99")
                row.copies = u.copies
            if u.originals_verified is not None:
                row.originals_verified = u.originals_verified
            if u.note is not None:
                row.note = u.note.strip()
            b, a = diff(before, row_dict(row, ["received", "copies", "originals_verified", "note"]))
            if a:
                changed[u.code] = {"before": b, "after": a}
        if not changed:
            return Changes()
        audit(session, now, actor, "application", app.id, "materials", None, changed)
        return Changes(case_ids=frozenset({app.id}), materials=True)


def update_applicant(
    db: Database,
    actor_id: int,
    applicant_id: int,
    form: ApplicantForm,
    *,
    expected_version: int | None = None,
) -> Changes:
    """Correct an applicant's record. The credit code is the key and cannot change here.

    Open cases of this applicant take the new name and are recalculated (the flags decide
    acceptance); approved cases keep their snapshot.
    """
    credit_code, kind, size = validate_applicant(form)
    try:
        with db.write() as session:
            actor = load_user(session, actor_id)
            require_role(actor, {Role.CLERK, Role.SUPERVISOR}, "修改申请人信息")
            now = db.clock.now()
            row = session.get(Applicant, applicant_id)
            if row is None:
                raise NotFound(f"没有编号为 {applicant_id} 的申请人")
            if expected_version is not None and row.version != expected_version:
                raise StaleEdit(
                    f"申请人“{row.name}”的信息已于 {local_text(row.updated_at)} 被修改，请刷新后重新操作"
                )
            if credit_code != row.credit_code:
                raise InvalidInput(
                    "applicant.credit_code",
                    "统一社会信用代码是申请人的标识，不能在此修改；如登记错误，请以正确代码重新登记申请人",
                )
            before = row_dict(row)
            _apply_applicant_form(row, form, kind, size)
            b, a = diff(before, row_dict(row))
            if not a:
                return Changes()
            row.updated_at = now
            row.updated_by_id = actor.id
            audit(session, now, actor, "applicant", row.id, "update", b, a)
            open_cases = session.scalars(
                select(Application).where(
                    Application.applicant_id == row.id,
                    Application.status.in_([s.value for s in OPEN_STATUSES]),
                )
            ).all()
            for app in open_cases:
                app.applicant_name = row.name
                calculate(session, app)
                app.updated_at = now
                app.updated_by_id = actor.id
            return Changes(
                case_ids=frozenset(a.id for a in open_cases), case_list=True, applicants=True
            )
    except StaleDataError:
        raise StaleEdit("申请人信息已被他人同时修改，请刷新后重新操作") from None
