"""区财政局拨款: money received for a programme, against which payouts are marked (issue 20
§12, 五(三)2 「由区财政局拨付专利转化专项资金至区市场监管局，由区市场监管局向资助奖励对象进行
兑现」).

A supervisor records each transfer the bureau receives (date, amount, the finance bureau's
document). Reading taken for databases that kept no such record before: the check starts with
the first receipt recorded for a programme; from then on a payout that would take the paid
total past the money received is refused, naming the shortfall.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.clock import local_today
from core.db.database import Database
from core.db.models import Application, FundReceipt, NoticeBatch, NoticeEntry, User
from core.money import format_yuan, parse_yuan
from core.records.base import audit, write_op
from core.records.case_input import policy_for
from core.records.changes import Changes
from core.records.errors import InvalidInput, RecordsError
from core.records.roles import Role
from core.records.states import Status

__all__ = [
    "FundPosition",
    "FundReceiptInfo",
    "ensure_funds",
    "fund_position",
    "fund_receipts",
    "record_fund_receipt",
]

#: Where the rule comes from, for every message that applies it.
FUNDS_CLAUSE = "五(三)2"


@dataclass(frozen=True)
class FundReceiptInfo:
    id: int
    policy_id: str
    received_on: dt.date
    amount: Decimal
    reference: str
    note: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class FundPosition:
    """Money received from the 区财政局 and paid out, for one programme."""

    received: Decimal
    paid: Decimal
    receipts: int

    @property
    def available(self) -> Decimal:
        return self.received - self.paid

    @property
    def tracked(self) -> bool:
        """Whether payouts are held to the money received (any receipt recorded)."""
        return self.receipts > 0


def _position(session: Session, policy_id: str) -> FundPosition:
    received, count = session.execute(
        select(func.coalesce(func.sum(FundReceipt.amount), 0), func.count(FundReceipt.id)).where(
            FundReceipt.policy_id == policy_id
        )
    ).one()
    paid = session.scalars(
        select(NoticeEntry.amount)
        .join(NoticeBatch, NoticeEntry.batch_id == NoticeBatch.id)
        .join(Application, NoticeEntry.application_id == Application.id)
        .where(NoticeBatch.policy_id == policy_id, Application.status == Status.PAID.value)
    )
    return FundPosition(Decimal(received), sum(paid, Decimal("0.00")), int(count))


def fund_position(db: Database, policy_id: str) -> FundPosition:
    with db.read() as session:
        return _position(session, policy_id)


def ensure_funds(session: Session, policy_ids: Iterable[str]) -> None:
    """Refuse (inside the paying transaction, so nothing is kept) when the paid total of a
    programme whose receipts are tracked would pass the money received."""
    for policy_id in sorted(set(policy_ids)):
        session.flush()
        position = _position(session, policy_id)
        if position.tracked and position.paid > position.received:
            raise RecordsError(
                f"区财政局已拨入{format_yuan(position.received)}元，兑现后累计"
                f"{format_yuan(position.paid)}元，超出{format_yuan(position.paid - position.received)}"
                f"元；请先登记区财政局的拨款，或减少本次兑现的案件（{FUNDS_CLAUSE}）"
            )


def record_fund_receipt(
    db: Database,
    actor_id: int,
    policy_id: str,
    received_on: dt.date,
    amount: Decimal | str,
    reference: str,
    note: str = "",
) -> Changes:
    """A supervisor records a transfer received from the 区财政局."""
    policy = policy_for(policy_id)
    try:
        value = parse_yuan(amount)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("amount", str(exc)) from None
    if value <= 0:
        raise InvalidInput("amount", "拨款金额须大于0")
    if not reference.strip():
        raise InvalidInput("reference", "请填写区财政局的拨款文号或凭证号")
    if received_on > local_today(db.clock):
        raise InvalidInput("received_on", "到账日期不能晚于今天")
    with write_op(db, actor_id, {Role.SUPERVISOR}, "登记区财政局拨款") as (session, actor, now):
        row = FundReceipt(
            policy_id=policy.id,
            received_on=received_on,
            amount=value,
            reference=reference.strip(),
            note=note.strip(),
            recorded_by_id=actor.id,
            recorded_at=now,
        )
        session.add(row)
        session.flush()
        audit(
            session,
            now,
            actor,
            "fund_receipt",
            row.id,
            "record",
            None,
            {
                "policy_id": policy.id,
                "arrived_on": received_on.isoformat(),
                "amount": str(value),
                "reference": row.reference,
                "note": row.note,
            },
        )
        total = _position(session, policy.id)
        return Changes(
            notice=True,
            budget=True,
            id=row.id,
            note=(
                f"已登记区财政局拨款{format_yuan(value)}元（{row.reference}）；"
                f"累计拨入{format_yuan(total.received)}元，可兑现{format_yuan(total.available)}元"
            ),
        )


def fund_receipts(db: Database, policy_id: str) -> list[FundReceiptInfo]:
    with db.read() as session:
        rows = session.execute(
            select(FundReceipt, User.display_name)
            .join(User, FundReceipt.recorded_by_id == User.id)
            .where(FundReceipt.policy_id == policy_id)
            .order_by(FundReceipt.received_on, FundReceipt.id)
        ).all()
        return [
            FundReceiptInfo(
                r.id, r.policy_id, r.received_on, r.amount, r.reference, r.note, name, r.recorded_at
            )
            for r, name in rows
        ]
