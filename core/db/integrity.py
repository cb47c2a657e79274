"""The audit trail covers the data, not only itself (issue 14 §1, "Cover the data").

The hash chain proves the log was not rewritten; it says nothing of a table edited directly.
So the decisions that move money record in their audit entry what they decided, and
:func:`verify_records` recomputes it from the tables:

- **approval**: the hash of the frozen snapshot (approved amount, payee, the case as
  decided, the result, the policy's sha256), ``snapshot_sha256``;
- **payment**: the amount paid (``amount`` in the 兑现 entry) against the notice entry;
- **payee change**: the account approved against the payee_changes row;
- **registration**: every case has its 登记 record, so a wiped log no longer reads as
  intact while cases are on file; and every case registered is still on file (cases are
  never deleted: they are withdrawn or refused), so a backup with its cases deleted fails.

Cases approved before this version carry no snapshot hash; they are counted and named as not
covered, never reported as tampered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.models import Application, AuditEntry, NoticeEntry, PayeeChange
from core.db.types import dumps, loads
from core.money import to_fen

_PAYEE_FIELDS = ("account_name", "bank", "account_number")
# Status.PAID of core.records.states, spelled here because core/db sits below core/records
# (a test keeps the two equal).
PAID_STATUS = "paid"


def snapshot_digest(app: Application) -> str | None:
    """SHA-256 of what an approval froze, as stored (None before approval)."""
    if app.snapshot_case is None:
        return None
    frozen = {
        # In fen: 17000 and 17000.00 are one amount.
        "approved_amount": None if app.approved_amount is None else to_fen(app.approved_amount),
        "policy_sha256": app.snapshot_policy_sha256,
        "case": app.snapshot_case,
        "result": app.snapshot_result,
    }
    # Through the stored form, so that the digest made at approval and the one recomputed
    # from the tables see the same values (decimals as text).
    return hashlib.sha256(dumps(loads(dumps(frozen))).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RecordsReport:
    ok: bool
    problems: tuple[str, ...]
    checked: int
    uncovered: int  # approvals made before snapshot hashes were recorded

    @property
    def message(self) -> str:
        if not self.ok:
            shown = "；".join(self.problems[:5])
            more = f"（另有 {len(self.problems) - 5} 处）" if len(self.problems) > 5 else ""
            return f"数据表与审计记录不符：{shown}{more}"
        text = f"金额、收款人与兑现记录与审计记录一致（核对 {self.checked} 项）"
        if self.uncovered:
            text += f"；{self.uncovered} 件案件在本功能之前审核通过，其审核快照未记录哈希，未能核对"
        return text


def _latest(session: Session, entity: str, condition: Any) -> dict[str, dict[str, Any]]:
    """The ``after`` of the latest audit record of each entity id meeting ``condition``."""
    latest = (
        select(func.max(AuditEntry.id))
        .where(AuditEntry.entity == entity, condition)
        .group_by(AuditEntry.entity_id)
    )
    found: dict[str, dict[str, Any]] = {}
    for entity_id, after in session.execute(
        select(AuditEntry.entity_id, AuditEntry.after).where(AuditEntry.id.in_(latest))
    ):
        value = loads(after) if after else None
        found[entity_id] = value if isinstance(value, dict) else {}
    return found


def _latest_after(session: Session, entity: str, action: str) -> dict[str, dict[str, Any]]:
    """The ``after`` of the latest audit record of each entity id for this action."""
    return _latest(session, entity, AuditEntry.action == action)


def _latest_with(session: Session, entity: str, key: str) -> dict[str, dict[str, Any]]:
    """The ``after`` of the latest audit record of each entity id that records ``key``."""
    return _latest(session, entity, AuditEntry.after.like(f'%"{key}"%'))


def verify_records(session: Session) -> RecordsReport:
    problems: list[str] = []
    checked = uncovered = 0
    registered = set(
        session.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.entity == "application", AuditEntry.action == "register"
            )
        )
    )
    # The latest digest on record: the approval's, or a later decided change of the amount
    # (an objection partly upheld, core.records.notice.resolve_objection).
    approvals = _latest_with(session, "application", "snapshot_sha256")
    payments = _latest_after(session, "application", "pay")
    paid_amounts: dict[int, Decimal] = {
        app_id: amount
        for app_id, amount in session.execute(
            select(NoticeEntry.application_id, NoticeEntry.amount)
        )
    }
    for app in session.scalars(select(Application).order_by(Application.id)):
        key = str(app.id)
        checked += 1
        if key not in registered:
            problems.append(f"案件 {app.case_number} 没有登记的审计记录（审计记录被删除）")
            continue
        digest = snapshot_digest(app)
        if digest is not None:
            recorded = approvals.get(key, {}).get("snapshot_sha256")
            if recorded is None:
                uncovered += 1
            elif recorded != digest:
                problems.append(
                    f"案件 {app.case_number} 的审核通过金额、收款人或审核快照与审核时的记录不符"
                    "（数据表被直接改动）"
                )
        if app.status == PAID_STATUS:
            amount = payments.get(key, {}).get("amount")
            if amount is None:
                problems.append(f"案件 {app.case_number} 已兑现，但没有兑现的审计记录")
            elif Decimal(str(amount)) != paid_amounts.get(app.id):
                problems.append(
                    f"案件 {app.case_number} 的兑现金额 {paid_amounts.get(app.id)} 与兑现时记录的 "
                    f"{amount} 不符（数据表被直接改动）"
                )
    on_file = set(session.scalars(select(Application.id)))
    for gone in sorted(int(key) for key in registered if key.isdigit() and int(key) not in on_file):
        problems.append(
            f"登记过的案件（内部编号 {gone}）已从数据表中删除（案件从不删除，只能撤回或不予资助）"
        )
    changes = _latest_after(session, "payee_change", "approve")
    for change in session.scalars(
        select(PayeeChange).where(PayeeChange.status == "approved").order_by(PayeeChange.id)
    ):
        checked += 1
        after = changes.get(str(change.id))
        if after is None or any(after.get(f) != getattr(change, f) for f in _PAYEE_FIELDS):
            problems.append(
                f"收款账户变更 {change.id} 的户名、开户银行或账号与批准时的记录不符（数据表被直接改动）"
            )
    return RecordsReport(not problems, tuple(problems), checked, uncovered)


__all__ = ["RecordsReport", "snapshot_digest", "verify_records"]
