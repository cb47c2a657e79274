"""The payee is part of the decision (issue 13 §1).

At approval the case's snapshot freezes who is paid: 户名, 开户银行, 银行账号, with the credit
code and name (workflow.approve_case). The 拨付清单, the 公示名单 and every reprint read that,
never the applicant's row, which a later registration or a correction may change for the
cases still open.

The payee of an approved case changes only through a payee change request: a clerk records
the new details, the reason and the supporting paper; a supervisor who is neither that clerk
nor the case's registrar approves or rejects it. Both steps are audited with before → after,
and the payout list notes an approved change in its 备注. Once the case is paid, the payee
cannot change at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.clock import local_text
from core.db.database import Database
from core.db.models import Application, PayeeChange, User
from core.records.base import audit, write_op
from core.records.case_input import bank_code_problem, get_application
from core.records.changes import Changes
from core.records.errors import InvalidInput, NotFound, PermissionDenied, RecordsError
from core.records.roles import Role
from core.records.states import AWARDED_STATUSES, Status

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
STATUS_LABELS = {PENDING: "待审核", APPROVED: "已批准", REJECTED: "已驳回"}


@dataclass(frozen=True)
class Payee:
    credit_code: str
    name: str
    account_name: str
    bank: str
    account_number: str
    bank_code: str = ""  # 开户行行号, optional (issue 20 §12)
    # 「户名、账号已于 2024-12-20 经 李建国 批准变更（变更申请第3号）」 when it is not the frozen one.
    note: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "credit_code": self.credit_code,
            "name": self.name,
            "account_name": self.account_name,
            "bank": self.bank,
            "account_number": self.account_number,
            "bank_code": self.bank_code,
        }


@dataclass(frozen=True)
class PayeeForm:
    account_name: str
    bank: str
    account_number: str
    bank_code: str = ""


@dataclass(frozen=True)
class PayeeChangeInfo:
    id: int
    case_id: int
    case_number: str
    status: str
    before: dict[str, str]
    after: dict[str, str]
    reason: str
    evidence: str
    requested_by: int
    requested_at: dt.datetime
    decided_by: int | None
    decided_at: dt.datetime | None
    decision_note: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def frozen_payee(app: Application) -> Payee:
    """Who the case is paid to as decided: the approval snapshot's payee; before approval (or
    for a snapshot without one) the applicant's row as it stands."""
    a = app.applicant
    return payee_from(
        app.snapshot_case,
        Payee(
            a.credit_code,
            app.applicant_name,
            a.account_name,
            a.bank,
            a.account_number,
            a.bank_code,
        ),
    )


def payee_from(snapshot_case: object, applicant: Payee) -> Payee:
    """:func:`frozen_payee` from the stored columns: the snapshot's payee, else ``applicant``
    (the applicant's row). For lists read column by column (the 拨付清单)."""
    snapshot = snapshot_case if isinstance(snapshot_case, Mapping) else {}
    stored = snapshot.get("payee")
    if isinstance(stored, Mapping):
        return Payee(
            str(stored.get("credit_code", "")),
            str(stored.get("name", "")),
            str(stored.get("account_name", "")),
            str(stored.get("bank", "")),
            str(stored.get("account_number", "")),
            str(stored.get("bank_code", "")),
        )
    return applicant


def payee_snapshot(app: Application) -> dict[str, str]:
    """What approval freezes (workflow.approve_case writes it into the snapshot)."""
    a = app.applicant
    return Payee(
        a.credit_code, app.applicant_name, a.account_name, a.bank, a.account_number, a.bank_code
    ).as_json()


def payees(session: Session, apps: Iterable[Application]) -> dict[int, Payee]:
    """The payee each case is paid to now: the last approved change, else the frozen one.
    One query for all of them (a payout list has thousands)."""
    return with_approved_changes(session, {app.id: frozen_payee(app) for app in apps})


def with_approved_changes(session: Session, frozen: Mapping[int, Payee]) -> dict[int, Payee]:
    """``frozen`` (case id → payee as decided) with each case's last approved change."""
    ids = list(frozen)
    latest: dict[int, tuple[PayeeChange, str]] = {}
    if ids:
        rows = session.execute(
            select(PayeeChange, User.display_name)
            .join(User, PayeeChange.decided_by_id == User.id)
            .where(PayeeChange.application_id.in_(ids), PayeeChange.status == APPROVED)
            .order_by(PayeeChange.decided_at, PayeeChange.id)
        )
        for change, approver in rows:
            latest[change.application_id] = (change, approver)
    result = {}
    for case_id, payee in frozen.items():
        if case_id in latest:
            change, approver = latest[case_id]
            assert change.decided_at is not None
            payee = dataclasses.replace(
                payee,
                account_name=change.account_name,
                bank=change.bank,
                account_number=change.account_number,
                bank_code=change.bank_code,
                note=(
                    f"收款账户已于{local_text(change.decided_at)[:10]}经{approver}批准变更"
                    f"（变更申请第{change.id}号）"
                ),
            )
        result[case_id] = payee
    return result


def payee_of(session: Session, app: Application) -> Payee:
    return payees(session, [app])[app.id]


def _check_form(form: PayeeForm) -> PayeeForm:
    name, bank = form.account_name.strip(), form.bank.strip()
    account = form.account_number.replace(" ", "").replace("-", "")
    if not name:
        raise InvalidInput("account_name", "请填写新的户名")
    if not bank:
        raise InvalidInput("bank", "请填写开户银行")
    if not account.isdigit() or not 6 <= len(account) <= 40:
        raise InvalidInput("account_number", "银行账号只能含数字（可带空格或短横线），请逐位核对")
    problem = bank_code_problem(form.bank_code)
    if problem:
        raise InvalidInput("bank_code", problem)
    return PayeeForm(name, bank, account, form.bank_code.replace(" ", ""))


def _info(change: PayeeChange, app: Application, before: Payee) -> PayeeChangeInfo:
    return PayeeChangeInfo(
        id=change.id,
        case_id=app.id,
        case_number=app.case_number,
        status=change.status,
        before={k: v for k, v in before.as_json().items() if k in _PAYEE_FIELDS},
        after={
            "account_name": change.account_name,
            "bank": change.bank,
            "account_number": change.account_number,
            "bank_code": change.bank_code,
        },
        reason=change.reason,
        evidence=change.evidence,
        requested_by=change.requested_by_id,
        requested_at=change.requested_at,
        decided_by=change.decided_by_id,
        decided_at=change.decided_at,
        decision_note=change.decision_note,
    )


_PAYEE_FIELDS = ("account_name", "bank", "account_number", "bank_code")


def _changeable(app: Application) -> None:
    status = Status(app.status)
    if status is Status.PAID:
        raise RecordsError(f"案件 {app.case_number} 已兑现，收款账户不能再变更")
    if status not in AWARDED_STATUSES:
        raise RecordsError(
            f"案件 {app.case_number} 尚未审核通过，收款账户随申请人信息修改即可，无需变更申请"
        )


def request_payee_change(
    db: Database, actor_id: int, case_id: int, form: PayeeForm, reason: str, evidence: str
) -> Changes:
    """A clerk records a new payee for an approved case, with reason and supporting paper."""
    checked = _check_form(form)
    if not reason.strip():
        raise InvalidInput("reason", "请写明变更原因")
    if not evidence.strip():
        raise InvalidInput("evidence", "请写明证明材料（如 新开户许可证、变更说明原件）")
    with write_op(db, actor_id, {Role.CLERK}, "登记收款账户变更") as (session, actor, now):
        app = get_application(session, case_id)
        _changeable(app)
        pending = session.scalar(
            select(PayeeChange.id).where(
                PayeeChange.application_id == app.id, PayeeChange.status == PENDING
            )
        )
        if pending is not None:
            raise RecordsError(
                f"案件 {app.case_number} 已有待审核的收款账户变更（第{pending}号），请先由审核人处理"
            )
        before = payee_of(session, app)
        change = PayeeChange(
            application_id=app.id,
            account_name=checked.account_name,
            bank=checked.bank,
            account_number=checked.account_number,
            bank_code=checked.bank_code,
            reason=reason.strip(),
            evidence=evidence.strip(),
            status=PENDING,
            requested_by_id=actor.id,
            requested_at=now,
            decision_note="",
        )
        session.add(change)
        session.flush()
        audit(
            session,
            now,
            actor,
            "payee_change",
            change.id,
            "request",
            {k: getattr(before, k) for k in _PAYEE_FIELDS},
            {
                "case": app.case_number,
                **{k: getattr(change, k) for k in _PAYEE_FIELDS},
                "reason": change.reason,
                "evidence": change.evidence,
            },
        )
        return Changes(
            case_ids=frozenset({app.id}),
            id=change.id,
            note=f"已登记 {app.case_number} 的收款账户变更（第{change.id}号），待审核人批准",
        )


def decide_payee_change(
    db: Database, actor_id: int, change_id: int, approve: bool, note: str = ""
) -> Changes:
    """A supervisor who is neither the requesting clerk nor the case's registrar decides."""
    what = "批准收款账户变更" if approve else "驳回收款账户变更"
    if not approve and not note.strip():
        raise InvalidInput("note", "驳回时请写明理由")
    with write_op(db, actor_id, {Role.SUPERVISOR}, what) as (session, actor, now):
        change = session.get(PayeeChange, change_id)
        if change is None:
            raise NotFound(f"没有第{change_id}号收款账户变更申请")
        app = get_application(session, change.application_id)
        if change.status != PENDING:
            raise RecordsError(
                f"第{change.id}号收款账户变更已{STATUS_LABELS.get(change.status, change.status)}"
            )
        if actor.id in (change.requested_by_id, app.clerk_id):
            raise PermissionDenied(
                f"收款账户变更须由另一人审核：{actor.display_name} 是"
                + ("本次变更的登记人" if actor.id == change.requested_by_id else "本案的受理人")
                + "，请由其他审核人办理"
            )
        _changeable(app)
        before = payee_of(session, app)
        change.status = APPROVED if approve else REJECTED
        change.decided_by_id = actor.id
        change.decided_at = now
        change.decision_note = note.strip()
        audit(
            session,
            now,
            actor,
            "payee_change",
            change.id,
            "approve" if approve else "reject",
            {k: getattr(before, k) for k in _PAYEE_FIELDS} | {"status": PENDING},
            (
                {k: getattr(change, k) for k in _PAYEE_FIELDS}
                if approve
                else {k: getattr(before, k) for k in _PAYEE_FIELDS}
            )
            | {"status": change.status, "case": app.case_number, "note": change.decision_note},
        )
        verb = "已批准" if approve else "已驳回"
        return Changes(
            case_ids=frozenset({app.id}),
            notice=True,
            note=f"{verb} {app.case_number} 的收款账户变更（第{change.id}号）",
        )


def payee_changes(db: Database, *, pending_only: bool = False) -> list[PayeeChangeInfo]:
    with db.read() as session:
        query = select(PayeeChange).order_by(PayeeChange.requested_at, PayeeChange.id)
        if pending_only:
            query = query.where(PayeeChange.status == PENDING)
        changes = list(session.scalars(query))
        apps = {c.application_id: get_application(session, c.application_id) for c in changes}
        frozen = {app_id: frozen_payee(app) for app_id, app in apps.items()}
        return [_info(c, apps[c.application_id], frozen[c.application_id]) for c in changes]


def describe(info: PayeeChangeInfo) -> dict[str, Any]:
    """For the CLI and logs: the change as plain data, the account shown in full (a payee
    change is checked digit by digit against the paper)."""
    return {
        "id": info.id,
        "case": info.case_number,
        "status": info.status_label,
        "before": info.before,
        "after": info.after,
        "reason": info.reason,
        "evidence": info.evidence,
    }


def current_payee(db: Database, case_id: int) -> tuple[str, Payee]:
    """The case number and who it is paid to now (for the desk's change dialog)."""
    with db.read() as session:
        app = get_application(session, case_id)
        return app.case_number, payee_of(session, app)
