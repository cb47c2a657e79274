"""年度核定: one proration ratio for the whole programme year (issue 13 §3).

Seed 002 四: 「以上专利转化运用资助资金限额预算100万元，超过预算资金根据实际情况按比例进行资助」 —
one proportion for everyone, so it can only be known once no more applications can come:
after the deadline (五(一)1「申报时间为通知印发之日至2024年11月22日……逾期申报的，不再受理」).

The rules, written out in docs/records.md:

- **Before the deadline** a notice batch is published at the approved amounts, and only if
  everything held by notices at full amounts, this batch included, stays within the budget;
  the supervisor confirms that later applications may still lower the amounts (audited).
- **年度核定** (after the deadline, a supervisor): the ratio is
  ``r = min(1, (budget − paid before) ÷ approved total)`` over every case of the programme that
  is approved, decided, on notice, under objection or cleared. Each gets its share to the fen by
  largest remainder, so the shares add up to the budget exactly when r < 1. Amounts already on
  notice are set to their shares. ``paid before`` is 0 except in a database from before this
  version, whose earlier payments stand.
- A 年度核定 can be made again, to take in cases decided meanwhile, until the first payment
  under it; from then on the ratio is fixed for the year.
- **Payout** needs the 年度核定.
- **A case decided after the 年度核定** (after an objection or a 补正) is given ``approved × r``
  (half up to the fen) while the budget allows; when it does not, the notice is refused with
  the exact shortfall.
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
from core.db.models import Application, NoticeBatch, NoticeEntry, User, YearRuling, YearRulingShare
from core.engine.calculate import prorate
from core.engine.results import ratio_text
from core.money import format_yuan, from_fen, to_fen
from core.policy.model import Policy
from core.records.base import audit, write_op
from core.records.case_input import policy_for
from core.records.changes import Changes
from core.records.errors import RecordsError
from core.records.roles import Role
from core.records.states import Status

# The set a ruling prorates over: approved by a supervisor and not (yet) paid, refused or
# withdrawn. Paid cases join only in an old database (see ``paid before``).
RULED_STATUSES = frozenset(
    {Status.APPROVED, Status.DECIDED, Status.ON_NOTICE, Status.OBJECTION, Status.CLEARED}
)
# Still in review: they may join the set later, as late cases.
PENDING_STATUSES = frozenset(
    {
        Status.REGISTERED,
        Status.CORRECTION_REQUESTED,
        Status.ACCEPTED,
        Status.CLERK_REVIEWED,
        Status.AWAITING_SUPERVISOR,
        Status.RETURNED,
    }
)
# Whose amount counts against the budget once it is fixed.
COMMITTED_STATUSES = RULED_STATUSES | {Status.PAID}
ZERO = Decimal("0.00")


def _yuan(amount: Decimal) -> str:
    return f"{format_yuan(amount)}元"


def before_deadline(policy: Policy, today: dt.date) -> bool:
    """Applications may still come on the deadline day itself (五(一)1)."""
    return today <= policy.deadline


def current_ruling(session: Session, policy_id: str) -> YearRuling | None:
    return session.scalar(
        select(YearRuling)
        .where(YearRuling.policy_id == policy_id)
        .order_by(YearRuling.number.desc())
        .limit(1)
    )


def late_share(ruling: YearRuling, approved: Decimal) -> Decimal:
    """A case decided after the ruling: approved × r, half up to the fen, with r exact."""
    available = to_fen(ruling.budget) - to_fen(ruling.paid_before)
    total = to_fen(ruling.approved_total)
    fen = to_fen(approved)
    if total <= available:
        return approved
    quotient, remainder = divmod(fen * available, total)
    return from_fen(quotient + (1 if 2 * remainder >= total else 0))


def ruled_amounts(session: Session, ruling: YearRuling) -> dict[int, Decimal]:
    return {s.application_id: s.amount for s in ruling.shares}


def committed_amounts(
    session: Session, policy_id: str, ruling: YearRuling, exclude: Iterable[int] = ()
) -> Decimal:
    """What the programme's live cases hold under the ruling: the notice amount of a case on
    notice or beyond, else its share; refused or withdrawn cases hold nothing."""
    skip = set(exclude)
    entries = dict(
        session.execute(
            select(NoticeEntry.application_id, NoticeEntry.amount)
            .join(NoticeBatch, NoticeEntry.batch_id == NoticeBatch.id)
            .join(Application, NoticeEntry.application_id == Application.id)
            .where(
                NoticeBatch.policy_id == policy_id,
                Application.status.in_([s.value for s in COMMITTED_STATUSES]),
            )
        ).all()
    )
    held = sum((a for i, a in entries.items() if i not in skip), Decimal("0.00"))
    live = set(
        session.scalars(
            select(Application.id).where(
                Application.policy_id == policy_id,
                Application.status.in_([s.value for s in COMMITTED_STATUSES]),
            )
        )
    )
    for share in ruling.shares:
        i = share.application_id
        if i in live and i not in entries and i not in skip:
            held += share.amount
    return held


# ---------------------------------------------------------------------------
# The year at a glance, and the ruling
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class YearLine:
    case_id: int
    case_number: str
    applicant_name: str
    status: Status
    approved: Decimal
    amount: Decimal
    # The notice batch holding the case, if any.
    batch_number: int | None


@dataclass(frozen=True)
class YearPreview:
    """The year as a 年度核定 would fix it now, or, once payments were made under the ruling
    in force, as that ruling fixed it (``refusal`` then says it is fixed)."""

    policy_id: str
    year: int
    budget: Decimal
    deadline: dt.date
    before_deadline: bool
    paid_before: Decimal
    approved_total: Decimal
    total: Decimal
    ratio: Decimal
    pending_cases: int
    lines: tuple[YearLine, ...]
    explanation: tuple[str, ...]
    # Why a ruling cannot be made now ("" when it can).
    refusal: str
    ruling_number: int | None
    ruling_at: dt.datetime | None
    ruling_by: str


def _notice_entries(session: Session, policy_id: str) -> dict[int, NoticeEntry]:
    """Each case's notice entry in the programme's batches, by case id."""
    return {
        e.application_id: e
        for e in session.scalars(
            select(NoticeEntry)
            .join(NoticeBatch, NoticeEntry.batch_id == NoticeBatch.id)
            .where(NoticeBatch.policy_id == policy_id)
        )
    }


def _paid_since(session: Session, policy_id: str, since: dt.datetime) -> int:
    return (
        session.scalar(
            select(func.count(NoticeEntry.id))
            .join(NoticeBatch, NoticeEntry.batch_id == NoticeBatch.id)
            .where(NoticeBatch.policy_id == policy_id, NoticeEntry.paid_at >= since)
        )
        or 0
    )


def _compute(session: Session, policy: Policy, today: dt.date) -> YearPreview:
    apps = list(
        session.scalars(
            select(Application)
            .where(
                Application.policy_id == policy.id,
                Application.status.in_([s.value for s in RULED_STATUSES | {Status.PAID}]),
            )
            .order_by(Application.seq)
        )
    )
    entries = _notice_entries(session, policy.id)
    pending = (
        session.scalar(
            select(func.count(Application.id)).where(
                Application.policy_id == policy.id,
                Application.status.in_([s.value for s in PENDING_STATUSES]),
            )
        )
        or 0
    )
    ruling = current_ruling(session, policy.id)
    paid_since = _paid_since(session, policy.id, ruling.created_at) if ruling else 0
    if ruling is not None and paid_since:
        return _fixed(session, policy, ruling, apps, entries, pending, paid_since)
    paid = [a for a in apps if a.status == Status.PAID.value]
    ruled = [a for a in apps if a.status != Status.PAID.value]
    paid_before = sum((entries[a.id].amount for a in paid if a.id in entries), Decimal("0.00"))
    approved = [a.approved_amount or Decimal("0.00") for a in ruled]
    approved_total = sum(approved, Decimal("0.00"))
    available = max(policy.budget - paid_before, Decimal("0.00"))
    shares, ratio = prorate(approved, available, [a.case_number for a in ruled])
    total = sum(shares, Decimal("0.00"))
    share_of = {a.id: s for a, s in zip(ruled, shares, strict=True)}

    lines = []
    for a in apps:
        entry = entries.get(a.id)
        lines.append(
            YearLine(
                case_id=a.id,
                case_number=a.case_number,
                applicant_name=a.applicant_name,
                status=Status(a.status),
                approved=a.approved_amount or Decimal("0.00"),
                amount=share_of.get(a.id, entry.amount if entry else ZERO),
                batch_number=entry.batch.number if entry else None,
            )
        )

    explanation = [
        f"{policy.year} 年度资助预算{_yuan(policy.budget)}（{policy.budget_clause}）",
        f"审核通过尚未兑现的 {len(ruled)} 件，审核金额合计{_yuan(approved_total)}",
    ]
    if paid:
        explanation.append(
            f"本版本之前已兑现 {len(paid)} 件共{_yuan(paid_before)}，不再调整；"
            f"其余按剩余预算{_yuan(available)}折算"
        )
    if approved_total > available:
        explanation.append(
            f"超过预算，全年统一比例 = {_yuan(available)} ÷ {_yuan(approved_total)} ≈ "
            f"{ratio_text(ratio)}；每件按此比例折算到分，舍去的分按最大余数法补足，"
            f"合计恰为{_yuan(total)}（{policy.budget_clause}）"
        )
    else:
        explanation.append("未超过预算，全年比例为 1，按审核金额全额资助")
    if pending:
        explanation.append(
            f"尚有 {pending} 件在审；核定后审定的案件按同一比例在预算余额内资助，余额不足时"
            "公示会说明缺口"
        )

    refusal = ""
    if before_deadline(policy, today):
        refusal = (
            f"申报截止日为 {policy.deadline.isoformat()}（{policy.deadline_clause}），截止前仍可能"
            "有新的申请，全年比例尚不能确定；请在截止日之后进行年度核定"
        )
    elif not ruled:
        refusal = "本年度没有审核通过待兑现的案件，无需核定"
    creator = session.get(User, ruling.created_by_id) if ruling else None
    return YearPreview(
        policy_id=policy.id,
        year=policy.year,
        budget=policy.budget,
        deadline=policy.deadline,
        before_deadline=before_deadline(policy, today),
        paid_before=paid_before,
        approved_total=approved_total,
        total=total,
        ratio=ratio,
        pending_cases=pending,
        lines=tuple(lines),
        explanation=tuple(explanation),
        refusal=refusal,
        ruling_number=ruling.number if ruling else None,
        ruling_at=ruling.created_at if ruling else None,
        ruling_by=creator.display_name if creator else "",
    )


def _fixed(
    session: Session,
    policy: Policy,
    ruling: YearRuling,
    apps: list[Application],
    entries: dict[int, NoticeEntry],
    pending: int,
    paid_since: int,
) -> YearPreview:
    """The year as the ruling in force fixed it (payments made under it): each case at its
    notice amount, else its share, else (decided later) approved × the same ratio."""
    shares = ruled_amounts(session, ruling)
    lines = []
    late = 0
    for a in apps:
        entry = entries.get(a.id)
        approved = a.approved_amount or ZERO
        if entry is not None:
            amount = entry.amount
        elif a.id in shares:
            amount = shares[a.id]
        else:
            amount = late_share(ruling, approved)
        if a.id not in shares and a.status != Status.PAID.value:
            late += 1
        lines.append(
            YearLine(
                case_id=a.id,
                case_number=a.case_number,
                applicant_name=a.applicant_name,
                status=Status(a.status),
                approved=approved,
                amount=amount,
                batch_number=entry.batch.number if entry else None,
            )
        )
    ratio = Decimal(ruling.ratio)
    creator = session.get(User, ruling.created_by_id)
    explanation = [
        f"{policy.year} 年度资助预算{_yuan(ruling.budget)}（{policy.budget_clause}）",
        f"第 {ruling.number} 次年度核定：审核金额合计{_yuan(ruling.approved_total)}，全年比例 "
        f"{ratio_text(ratio)}，核定金额合计{_yuan(ruling.total)}",
    ]
    if ruling.paid_before:
        explanation.append(f"核定前已兑现{_yuan(ruling.paid_before)}，不再调整")
    if late:
        explanation.append(f"核定后审定 {late} 件，按同一比例在预算余额内资助")
    if pending:
        explanation.append(f"尚有 {pending} 件在审")
    return YearPreview(
        policy_id=policy.id,
        year=policy.year,
        budget=ruling.budget,
        deadline=policy.deadline,
        before_deadline=False,
        paid_before=ruling.paid_before,
        approved_total=ruling.approved_total,
        total=ruling.total,
        ratio=ratio,
        pending_cases=pending,
        lines=tuple(lines),
        explanation=tuple(explanation),
        refusal=(
            f"第 {ruling.number} 次年度核定之后已有 {paid_since} 件兑现，全年比例已固定，"
            "不能重新核定"
        ),
        ruling_number=ruling.number,
        ruling_at=ruling.created_at,
        ruling_by=creator.display_name if creator else "",
    )


def preview_year_ruling(db: Database, policy_id: str) -> YearPreview:
    """The year's budget, approved total, ratio and every case's approved and prorated
    amounts, as a 年度核定 made now would fix them. Saves nothing."""
    policy = policy_for(policy_id)
    with db.read() as session:
        return _compute(session, policy, local_today(db.clock))


@dataclass(frozen=True)
class RulingInfo:
    policy_id: str
    number: int
    budget: Decimal
    paid_before: Decimal
    approved_total: Decimal
    total: Decimal
    ratio: Decimal
    created_at: dt.datetime
    created_by: str


def ruling_in_force(db: Database, policy_id: str) -> RulingInfo | None:
    with db.read() as session:
        ruling = current_ruling(session, policy_id)
        if ruling is None:
            return None
        creator = session.get(User, ruling.created_by_id)
        return RulingInfo(
            policy_id=ruling.policy_id,
            number=ruling.number,
            budget=ruling.budget,
            paid_before=ruling.paid_before,
            approved_total=ruling.approved_total,
            total=ruling.total,
            ratio=Decimal(ruling.ratio),
            created_at=ruling.created_at,
            created_by=creator.display_name if creator else "",
        )


def make_year_ruling(db: Database, actor_id: int, policy_id: str) -> tuple[YearPreview, Changes]:
    """Fix the year's ratio: save every share and set the amounts already on notice."""
    policy = policy_for(policy_id)
    with write_op(db, actor_id, {Role.SUPERVISOR}, "年度核定") as (session, actor, now):
        preview = _compute(session, policy, local_today(db.clock))
        if preview.refusal:
            raise RecordsError(preview.refusal)
        previous = current_ruling(session, policy.id)
        ruling = YearRuling(
            policy_id=policy.id,
            number=(previous.number + 1) if previous else 1,
            budget=preview.budget,
            paid_before=preview.paid_before,
            approved_total=preview.approved_total,
            total=preview.total,
            ratio=str(preview.ratio),
            pending_cases=preview.pending_cases,
            created_by_id=actor.id,
            created_at=now,
        )
        session.add(ruling)
        session.flush()
        entries = _notice_entries(session, policy.id)
        changed: dict[str, dict[str, str]] = {}
        touched_batches: set[int] = set()
        for line in preview.lines:
            if line.status is Status.PAID:
                continue
            session.add(
                YearRulingShare(
                    ruling_id=ruling.id,
                    application_id=line.case_id,
                    approved=line.approved,
                    amount=line.amount,
                )
            )
            entry = entries.get(line.case_id)
            if entry is None:
                continue
            touched_batches.add(entry.batch_id)
            if entry.amount != line.amount:
                changed[line.case_number] = {"before": str(entry.amount), "after": str(line.amount)}
                entry.amount = line.amount
        for batch_id in touched_batches:
            batch = session.get(NoticeBatch, batch_id)
            assert batch is not None
            batch.total = sum((e.amount for e in batch.entries), Decimal("0.00"))
            batch.ratio = ruling.ratio
        audit(
            session,
            now,
            actor,
            "year_ruling",
            ruling.id,
            "create",
            {"number": previous.number, "ratio": previous.ratio} if previous else None,
            {
                "policy_id": policy.id,
                "number": ruling.number,
                "budget": ruling.budget,
                "paid_before": ruling.paid_before,
                "approved_total": ruling.approved_total,
                "total": ruling.total,
                "ratio": ruling.ratio,
                "pending_cases": ruling.pending_cases,
                "notice_amounts_changed": changed,
            },
        )
        note = f"已完成第 {ruling.number} 次年度核定：全年比例 {ratio_text(preview.ratio)}"
        if changed:
            note += f"，{len(changed)} 件公示金额已按比例调整"
        return preview, Changes(
            case_ids=frozenset(line.case_id for line in preview.lines),
            case_list=True,
            notice=True,
            budget=True,
            id=ruling.id,
            note=note,
        )


def require_ruling_for_payout(session: Session, policy_id: str) -> YearRuling:
    ruling = current_ruling(session, policy_id)
    if ruling is None:
        policy = policy_for(policy_id)
        raise RecordsError(
            f"兑现前须完成 {policy.year} 年度核定：全年统一的折算比例要在申报截止"
            f"（{policy.deadline.isoformat()}）之后确定（{policy.budget_clause}）。"
            "请在「公示与兑现」中点「年度核定」"
        )
    return ruling


__all__ = [
    "COMMITTED_STATUSES",
    "PENDING_STATUSES",
    "RULED_STATUSES",
    "RulingInfo",
    "YearLine",
    "YearPreview",
    "before_deadline",
    "committed_amounts",
    "current_ruling",
    "late_share",
    "make_year_ruling",
    "preview_year_ruling",
    "require_ruling_for_payout",
    "ruled_amounts",
    "ruling_in_force",
]
