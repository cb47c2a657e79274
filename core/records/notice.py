"""Public notice (公示), budget proration and payout (兑现) (五(三), 四).

A notice batch takes decided cases (approved, then 办公会审定). The amounts follow one ratio for
the whole programme year (四, see :mod:`core.records.year_ruling`):

- before the deadline, at the approved amounts, only while everything on notice at full
  amounts stays within the budget, and only with the supervisor's audited confirmation that
  the 年度核定 may still lower them;
- after the deadline, at the shares of the 年度核定 (a case decided after it: approved × the
  same ratio, while the budget allows).

``preview_notice_batch`` shows exactly what ``create_notice_batch`` will save, including why it
would be refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from core.db.clock import local_today
from core.db.database import Database
from core.db.integrity import snapshot_digest
from core.db.models import Application, Decision, NoticeBatch, NoticeEntry, User
from core.db.settings import EXTRA_WORKDAYS, HOLIDAYS, get_setting, set_setting
from core.documents.model import OBJECTION_OUTCOMES, ObjectionRecord
from core.engine.calculate import prorate
from core.engine.results import ratio_text
from core.money import format_yuan, from_fen, quantize_fen, rmb_capitals, to_fen
from core.policy.model import Policy
from core.records.base import audit, load_user, require_role, write_op
from core.records.case_input import get_application, next_counter, policy_for
from core.records.cases import case_op
from core.records.changes import Changes
from core.records.errors import (
    ConfirmationRequired,
    IllegalTransition,
    InvalidInput,
    NotFound,
    RecordsError,
)
from core.records.funds import ensure_funds
from core.records.payee import payees
from core.records.roles import Role
from core.records.states import HOLDING_STATUSES, Action, Status
from core.records.workflow import apply_transition, check_transition
from core.records.year_ruling import (
    before_deadline,
    committed_amounts,
    current_ruling,
    late_share,
    require_ruling_for_payout,
)

OPEN = "open"
CLOSED = "closed"


# ---------------------------------------------------------------------------
# Working days
# ---------------------------------------------------------------------------


def is_working_day(
    day: dt.date, holidays: Iterable[dt.date] = (), extra_workdays: Iterable[dt.date] = ()
) -> bool:
    """Monday to Friday, except holidays; a weekend day made a working day (调休) counts."""
    if day in set(extra_workdays):
        return True
    return day.weekday() < 5 and day not in set(holidays)


def notice_end_date(
    start: dt.date,
    working_days: int,
    holidays: Iterable[dt.date] = (),
    extra_workdays: Iterable[dt.date] = (),
) -> dt.date:
    """The last day of a notice of ``working_days`` working days starting on ``start``.

    Reading taken: the start day counts as the first day when it is a working day (a notice
    put up on Monday for 5 working days ends on Friday); a weekend start begins on the next
    working day.
    """
    if working_days < 1:
        raise InvalidInput("working_days", "公示期至少 1 个工作日")
    hol, extra = set(holidays), set(extra_workdays)
    day = start
    counted = 0
    while True:
        if is_working_day(day, hol, extra):
            counted += 1
            if counted == working_days:
                return day
        day += dt.timedelta(days=1)


@dataclass(frozen=True)
class NoticeCalendar:
    holidays: tuple[dt.date, ...] = ()
    extra_workdays: tuple[dt.date, ...] = ()


def notice_calendar(db: Database) -> NoticeCalendar:
    with db.read() as session:
        return _calendar(session)


def _calendar(session: Session) -> NoticeCalendar:
    return NoticeCalendar(
        tuple(dt.date.fromisoformat(d) for d in get_setting(session, HOLIDAYS, [])),
        tuple(dt.date.fromisoformat(d) for d in get_setting(session, EXTRA_WORKDAYS, [])),
    )


def set_notice_calendar(
    db: Database, actor_id: int, holidays: Iterable[dt.date], extra_workdays: Iterable[dt.date] = ()
) -> Changes:
    """The statutory holidays and 调休 working weekend days used to count notice periods."""
    hol = sorted(set(holidays))
    extra = sorted(set(extra_workdays))
    both = set(hol) & set(extra)
    if both:
        raise InvalidInput("holidays", f"{min(both).isoformat()} 不能既是节假日又是调休工作日")
    with write_op(db, actor_id, {Role.ADMIN, Role.SUPERVISOR}, "设置节假日") as (
        session,
        actor,
        now,
    ):
        before = {
            "holidays": set_setting(session, HOLIDAYS, [d.isoformat() for d in hol]),
            "extra_workdays": set_setting(session, EXTRA_WORKDAYS, [d.isoformat() for d in extra]),
        }
        audit(
            session,
            now,
            actor,
            "settings",
            "calendar",
            "update",
            before,
            {"holidays": hol, "extra_workdays": extra},
        )
        return Changes(settings=True)


# ---------------------------------------------------------------------------
# Preview and creation
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeLine:
    case_id: int
    case_number: str
    applicant_name: str
    credit_code: str
    before: Decimal
    after: Decimal


@dataclass(frozen=True)
class NoticePreview:
    policy_id: str
    budget: Decimal
    used_before: Decimal
    remaining: Decimal
    requested: Decimal
    total: Decimal
    ratio: Decimal
    start_date: dt.date
    end_date: dt.date
    lines: tuple[NoticeLine, ...]
    explanation: tuple[str, ...]
    before_deadline: bool = False
    # Before the deadline: what the supervisor must confirm (see the module doc).
    warning: str = ""
    # Why the batch cannot be made ("" when it can).
    refusal: str = ""
    ruling_number: int | None = None

    @property
    def prorated(self) -> bool:
        return self.ratio < 1


def budget_used(session: Session, policy_id: str, exclude_batch: int | None = None) -> Decimal:
    """What notice batches of this programme hold or have paid (see the module doc)."""
    query = (
        select(NoticeEntry.amount)
        .join(NoticeBatch, NoticeEntry.batch_id == NoticeBatch.id)
        .join(Application, NoticeEntry.application_id == Application.id)
        .where(
            NoticeBatch.policy_id == policy_id,
            Application.status.in_([s.value for s in HOLDING_STATUSES]),
        )
    )
    if exclude_batch is not None:
        query = query.where(NoticeBatch.id != exclude_batch)
    return sum(session.scalars(query), Decimal("0.00"))


def _yuan(amount: Decimal) -> str:
    return f"{format_yuan(amount)}元"


def held_at_full(session: Session, policy_id: str) -> Decimal:
    """The approved amounts of every case of the programme on notice or beyond."""
    query = (
        select(NoticeEntry.before)
        .join(NoticeBatch, NoticeEntry.batch_id == NoticeBatch.id)
        .join(Application, NoticeEntry.application_id == Application.id)
        .where(
            NoticeBatch.policy_id == policy_id,
            Application.status.in_([s.value for s in HOLDING_STATUSES]),
        )
    )
    return sum(session.scalars(query), Decimal("0.00"))


def _compute(
    session: Session,
    case_ids: Sequence[int],
    start: dt.date,
    working_days: int | None,
    today: dt.date,
) -> tuple[NoticePreview, list[Application]]:
    if not case_ids:
        raise InvalidInput("case_ids", "请选择要公示的案件")
    if len(set(case_ids)) != len(case_ids):
        raise InvalidInput("case_ids", "案件重复选择")
    apps = [get_application(session, i) for i in case_ids]
    policy_ids = {a.policy_id for a in apps}
    if len(policy_ids) > 1:
        raise InvalidInput("case_ids", "一批公示只能包含同一资助政策（同一年度）的案件")
    for app in apps:
        if app.status != Status.DECIDED.value:
            raise IllegalTransition(
                f"案件 {app.case_number} 当前为「{Status(app.status).label}」，"
                "只有审核通过并经办公会审定的案件才能公示"
            )
    apps.sort(key=lambda a: a.seq)
    policy = policy_for(apps[0].policy_id)
    calendar = _calendar(session)
    days = policy.notice_working_days if working_days is None else working_days
    end = notice_end_date(start, days, calendar.holidays, calendar.extra_workdays)
    budget = policy.budget
    before = [a.approved_amount or Decimal("0.00") for a in apps]
    requested = sum(before, Decimal("0.00"))
    explanation = [f"资助预算{_yuan(budget)}（{policy.budget_clause}）"]
    warning = refusal = ""
    ruling_number = None
    early = before_deadline(policy, today)
    if early:
        # Reading taken (issue 13 §3): before the deadline nothing is prorated, so a batch
        # may hold at full amounts only what the budget can bear at full amounts.
        used = held_at_full(session, policy.id)
        after, ratio = list(before), Decimal(1)
        committed = used + requested
        explanation.append(
            f"申报截止（{policy.deadline.isoformat()}）前公示，按审核金额全额计：此前各批公示占用"
            f"{_yuan(used)}，本批 {len(apps)} 件{_yuan(requested)}，合计{_yuan(committed)}"
        )
        if committed > budget:
            refusal = (
                f"申报截止（{policy.deadline.isoformat()}）前公示按审核金额全额占用预算："
                f"{_yuan(used)} + {_yuan(requested)} = {_yuan(committed)}，超过预算"
                f"{_yuan(budget)}，超出{_yuan(committed - budget)}。截止前不能再公示这些案件；"
                "请在截止后进行年度核定，按全年统一比例公示（四、五(一)1）"
            )
        else:
            warning = (
                f"申报截止（{policy.deadline.isoformat()}）前公示：截止前仍可能有新的申请，全年统一的"
                "折算比例尚未确定。本批按审核金额公示；兑现须待截止后的年度核定，届时如全年审核金额"
                f"超过预算{_yuan(budget)}，每件按同一比例调减（{policy.budget_clause}）。"
                f"公示后按全额计共占用{_yuan(committed)}。"
            )
            explanation.append("未超过预算；兑现前须年度核定，金额可能按全年统一比例调减")
    else:
        ruling = current_ruling(session, policy.id)
        if ruling is None:
            used = budget_used(session, policy.id)
            after, ratio = list(before), Decimal(1)
            refusal = (
                f"申报已于 {policy.deadline.isoformat()} 截止，请先进行年度核定（确定全年统一的"
                f"折算比例，{policy.budget_clause}），再公示"
            )
        else:
            ruling_number = ruling.number
            ratio = Decimal(ruling.ratio)
            shares = {s.application_id: s.amount for s in ruling.shares}
            after = [
                shares[a.id] if a.id in shares else late_share(ruling, b)
                for a, b in zip(apps, before, strict=True)
            ]
            used = committed_amounts(session, policy.id, ruling, exclude=case_ids)
            late = [a.case_number for a in apps if a.id not in shares]
            explanation.append(
                f"按第 {ruling.number} 次年度核定的全年统一比例 {ratio_text(ratio)} 计"
                f"（{policy.budget_clause}）"
            )
            if late:
                explanation.append(
                    f"{'、'.join(late)} 在年度核定之后审定，按同一比例折算（审核金额 × 比例，"
                    "四舍五入到分）"
                )
            explanation.append(f"其他案件已占用{_yuan(used)}")
            total_after = sum(after, Decimal("0.00"))
            if total_after > budget - used:
                left = max(budget - used, Decimal("0.00"))
                refusal = (
                    f"按全年比例 {ratio_text(ratio)}，本批应公示{_yuan(total_after)}；预算"
                    f"{_yuan(budget)}已占用{_yuan(used)}，余额{_yuan(left)}，缺口"
                    f"{_yuan(total_after - left)}"
                    + (f"（核定后审定的案件：{'、'.join(late)}）" if late else "")
                    + "。需追加预算，或在尚无兑现时重新年度核定"
                )
    remaining = max(budget - used, Decimal("0.00"))
    total = sum(after, Decimal("0.00"))
    explanation.append(f"本批 {len(apps)} 件，审核通过金额合计{_yuan(requested)}")
    explanation.append(f"本批公示合计{_yuan(total)}（大写：{rmb_capitals(total)}）")
    explanation.append(
        f"公示期 {days} 个工作日：{start.isoformat()} 至 {end.isoformat()}（{policy.notice_clause}）"
    )
    lines = tuple(
        NoticeLine(a.id, a.case_number, a.applicant_name, a.applicant.credit_code, b, f)
        for a, b, f in zip(apps, before, after, strict=True)
    )
    preview = NoticePreview(
        policy_id=policy.id,
        budget=budget,
        used_before=used,
        remaining=remaining,
        requested=requested,
        total=total,
        ratio=ratio,
        start_date=start,
        end_date=end,
        lines=lines,
        explanation=tuple(explanation),
        before_deadline=early,
        warning=warning,
        refusal=refusal,
        ruling_number=ruling_number,
    )
    return preview, apps


def preview_notice_batch(
    db: Database,
    actor_id: int,
    case_ids: Sequence[int],
    *,
    start_date: dt.date | None = None,
    working_days: int | None = None,
) -> NoticePreview:
    """Everything a notice batch would hold (budget, earlier use, ratio, each case before and
    after proration, dates), computed without saving anything."""
    with db.read() as session:
        actor = load_user(session, actor_id)
        require_role(actor, {Role.SUPERVISOR}, "公示")
        today = local_today(db.clock)
        preview, _ = _compute(session, case_ids, start_date or today, working_days, today)
        session.rollback()
        return preview


def create_notice_batch(
    db: Database,
    actor_id: int,
    case_ids: Sequence[int],
    *,
    start_date: dt.date | None = None,
    working_days: int | None = None,
    confirmed_before_deadline: bool = False,
) -> tuple[NoticePreview, Changes]:
    """Save the batch with the same numbers as the preview and put its cases on notice.

    Before the deadline the preview's ``warning`` must be confirmed
    (``confirmed_before_deadline``); without it :class:`ConfirmationRequired` says what to
    confirm and nothing is saved."""
    with db.write() as session:
        actor = load_user(session, actor_id)
        require_role(actor, {Role.SUPERVISOR}, "公示")
        now = db.clock.now()
        today = local_today(db.clock)
        preview, apps = _compute(session, case_ids, start_date or today, working_days, today)
        if preview.refusal:
            raise RecordsError(preview.refusal)
        if preview.warning and not confirmed_before_deadline:
            raise ConfirmationRequired(preview.warning)
        batch = NoticeBatch(
            policy_id=preview.policy_id,
            number=next_counter(session, f"notice:{preview.policy_id}"),
            start_date=preview.start_date,
            end_date=preview.end_date,
            budget=preview.budget,
            used_before=preview.used_before,
            remaining=preview.remaining,
            requested=preview.requested,
            total=preview.total,
            ratio=str(preview.ratio),
            status=OPEN,
            created_by_id=actor.id,
            created_at=now,
        )
        session.add(batch)
        session.flush()
        for position, (app, line) in enumerate(zip(apps, preview.lines, strict=True)):
            transition = check_transition(app, actor, Action.PUBLISH)
            session.add(
                NoticeEntry(
                    batch_id=batch.id,
                    application_id=app.id,
                    position=position,
                    before=line.before,
                    amount=line.after,
                    objection="",
                    resolution="",
                )
            )
            app.updated_at = now
            app.updated_by_id = actor.id
            apply_transition(
                session,
                app,
                actor,
                transition,
                now,
                data={"batch": batch.number, "before": str(line.before), "amount": str(line.after)},
            )
        audit(
            session,
            now,
            actor,
            "notice_batch",
            batch.id,
            "create",
            None,
            {
                "number": batch.number,
                "policy_id": batch.policy_id,
                "start_date": batch.start_date,
                "end_date": batch.end_date,
                "budget": batch.budget,
                "used_before": batch.used_before,
                "remaining": batch.remaining,
                "requested": batch.requested,
                "total": batch.total,
                "ratio": batch.ratio,
                "cases": [line.case_number for line in preview.lines],
                "year_ruling": preview.ruling_number,
                "confirmed_before_deadline": preview.warning or None,
            },
        )
        return preview, Changes(
            case_ids=frozenset(case_ids),
            case_list=True,
            notice=True,
            budget=True,
            id=batch.id,
            note=f"已生成第 {batch.number} 批公示（{len(apps)} 件）",
        )


# ---------------------------------------------------------------------------
# Objections
# ---------------------------------------------------------------------------


def _entry(session: Session, app: Application) -> NoticeEntry:
    entry = session.scalar(select(NoticeEntry).where(NoticeEntry.application_id == app.id))
    if entry is None:
        raise NotFound(f"案件 {app.case_number} 不在任何公示批次中")
    return entry


CHINESE_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 105 (batches never get that far)."""
    if 0 < n < 10:
        return CHINESE_DIGITS[n]
    if 10 <= n < 100:
        tens, units = divmod(n, 10)
        return (
            (CHINESE_DIGITS[tens] if tens > 1 else "")
            + "十"
            + (CHINESE_DIGITS[units] if units else "")
        )
    return str(n)


def batch_name(policy: Policy, number: int) -> str:
    """How a batch is named on paper: 2024年第一批."""
    return f"{policy.year}年第{_chinese_number(number)}批"


def raise_objection(
    db: Database,
    actor_id: int,
    case_id: int,
    objection: str,
    *,
    objector: str = "",
    contact: str = "",
    received_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Changes:
    """有异议: the case is held, with the objection's facts recorded (who objected, how to
    reach them, the day it was received, its substance), until a supervisor decides it."""
    text = objection.strip()
    who = objector.strip()
    if not who:
        raise InvalidInput("objector", "请填写异议人（单位或姓名；匿名来信写“匿名”）")
    if not text:
        raise InvalidInput("objection", "请填写异议的具体内容")
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        transition = check_transition(app, actor, Action.RAISE_OBJECTION)
        entry = _entry(session, app)
        received = received_on or local_today(db.clock)
        if received > local_today(db.clock):
            raise InvalidInput("received_on", f"收到日期 {received.isoformat()} 晚于今天，请核对")
        if received < entry.batch.start_date:
            raise InvalidInput(
                "received_on",
                f"收到日期 {received.isoformat()} 早于公示开始日 "
                f"{entry.batch.start_date.isoformat()}，请核对",
            )
        entry.objection = text
        entry.objection_at = now
        entry.objector = who
        entry.objector_contact = contact.strip()
        entry.objection_received_on = received
        entry.resolution = ""
        entry.objection_outcome = ""
        entry.objection_amount = None
        apply_transition(
            session,
            app,
            actor,
            transition,
            now,
            reason=f"{who}：{text}",
            data={
                "objector": who,
                "contact": contact.strip(),
                "objection_received_on": received.isoformat(),
            },
        )
        return Changes(case_ids=frozenset({app.id}), case_list=True, notice=True)


def resolve_objection(
    db: Database,
    actor_id: int,
    case_id: int,
    *,
    resolution: str,
    upheld: bool | None = None,
    outcome: str | None = None,
    amount: Decimal | None = None,
    expected_version: int | None = None,
) -> Changes:
    """A supervisor decides an objection, with the finding (``resolution``) and the outcome:

    * ``upheld``: 不予资助 (the held money returns to the budget);
    * ``rejected``: back on notice while the batch is open, cleared for payout once closed;
    * ``amount_changed``: as rejected, at a lower amount decided on the objection. The notice
      amount keeps the batch's proportion (floored to the fen), the approved amount becomes
      the new one, and the old and new amounts go into the decision and the audit trail.

    ``upheld=True/False`` is the older spelling of the first two.
    """
    text = resolution.strip()
    if not text:
        raise InvalidInput("resolution", "请填写异议处理意见（查明的事实和结论）")
    if outcome is None:
        if upheld is None:
            raise InvalidInput("outcome", "请选择处理结果：异议成立、不成立或调整金额")
        outcome = "upheld" if upheld else "rejected"
    if outcome not in OBJECTION_OUTCOMES:
        raise InvalidInput("outcome", f"没有处理结果“{outcome}”")
    if outcome != "amount_changed" and amount is not None:
        raise InvalidInput("amount", "只有“调整资助金额”时才填写金额")
    with case_op(db, actor_id, case_id, expected_version) as (session, actor, app, now):
        entry = _entry(session, app) if app.status == Status.OBJECTION.value else None
        if outcome == "upheld":
            action = Action.UPHOLD_OBJECTION
        elif entry is not None and entry.batch.status == CLOSED:
            action = Action.CLEAR
        else:
            action = Action.DISMISS_OBJECTION
        transition = check_transition(app, actor, action)
        assert entry is not None
        data: dict[str, object] = {"upheld": outcome == "upheld", "outcome": outcome}
        reason = f"{OBJECTION_OUTCOMES[outcome]}：{text}"
        if outcome == "amount_changed":
            old = entry.before
            if amount is None or quantize_fen(amount) != amount or not 0 < amount < old:
                raise InvalidInput(
                    "amount",
                    f"调整后的金额须大于0且低于原审核金额{format_yuan(old)}元，精确到分"
                    "（金额不变请选“异议不成立”，不予资助请选“异议成立”）",
                )
            new_amount = quantize_fen(amount)
            # The batch's proportion for this case, in whole fen, rounded down: the change
            # can only free budget, never take more than the batch set aside.
            after = from_fen(to_fen(new_amount) * to_fen(entry.amount) // to_fen(old))
            data.update(before=str(old), amount=str(new_amount), notice_before=str(entry.amount))
            data.update(notice_amount=str(after))
            reason = (
                f"{OBJECTION_OUTCOMES[outcome]}：审核金额由{format_yuan(old)}元调整为"
                f"{format_yuan(new_amount)}元（公示金额{format_yuan(entry.amount)}元→"
                f"{format_yuan(after)}元）；{text}"
            )
            entry.objection_amount = new_amount
            entry.before = new_amount
            entry.amount = after
            app.approved_amount = new_amount
            # The frozen decision now holds the new amount: its digest goes on record, so the
            # integrity check (core.db.integrity) sees a decided change, not a tampered row.
            data["snapshot_sha256"] = snapshot_digest(app)
        entry.resolution = text
        entry.objection_outcome = outcome
        apply_transition(session, app, actor, transition, now, reason=reason, data=data)
        return Changes(
            case_ids=frozenset({app.id}),
            case_list=True,
            notice=True,
            budget=outcome != "rejected",
        )


def render_objection(db: Database, case_id: int) -> bytes:
    """The 异议处理记录 PDF of a case's objection (issue 20 §11)."""
    from core.documents.objection_record import render_objection_record

    return render_objection_record(objection_record(db, case_id))


def objection_record(db: Database, case_id: int) -> ObjectionRecord:
    """The facts of a case's objection and its handling, from the notice entry and the
    decisions that raised and resolved it."""

    with db.read() as session:
        app = get_application(session, case_id)
        entry = _entry(session, app)
        if not entry.objection:
            raise NotFound(f"案件 {app.case_number} 没有登记异议")
        decisions = list(
            session.scalars(
                select(Decision)
                .where(Decision.application_id == app.id)
                .order_by(Decision.at, Decision.id)
            )
        )
        raised = [d for d in decisions if d.action == Action.RAISE_OBJECTION.value]
        raising = raised[-1] if raised else None
        resolving = next(
            (
                d
                for d in decisions
                if raising is not None
                and (d.at, d.id) > (raising.at, raising.id)
                and d.from_status == Status.OBJECTION.value
            ),
            None,
        )
        names = {u.id: u.display_name for u in session.scalars(select(User))}
        data = dict(resolving.data or {}) if resolving is not None else {}
        policy = policy_for(app.policy_id)
        return ObjectionRecord(
            issuer=policy.issuer,
            programme=policy.title,
            case_number=app.case_number,
            applicant_name=app.applicant_name,
            batch_name=batch_name(policy, entry.batch.number),
            notice_start=entry.batch.start_date,
            notice_end=entry.batch.end_date,
            approved=Decimal(str(data.get("before", entry.before))),
            notice_amount=Decimal(str(data.get("notice_before", entry.amount))),
            objector=entry.objector,
            contact=entry.objector_contact,
            received_on=entry.objection_received_on,
            substance=entry.objection,
            registered_by=names.get(raising.actor_id, "") if raising else "",
            registered_at=raising.at if raising else entry.objection_at,
            finding=entry.resolution,
            outcome=entry.objection_outcome,
            decided_amount=entry.objection_amount,
            decided_notice_amount=entry.amount
            if entry.objection_outcome == "amount_changed"
            else None,
            decided_by=names.get(resolving.actor_id, "") if resolving else "",
            decided_at=resolving.at if resolving else None,
        )


# ---------------------------------------------------------------------------
# Closing and payout
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PayoutLine:
    case_id: int
    case_number: str
    applicant_name: str
    credit_code: str
    account_name: str
    bank: str
    account_number: str
    approved: Decimal
    # The batch's ratio: the year's, once the 年度核定 is made.
    ratio: Decimal
    amount: Decimal
    amount_capitals: str
    status: Status
    paid_on: dt.date | None
    voucher_no: str | None


@dataclass(frozen=True)
class NoticeBatchInfo:
    id: int
    policy_id: str
    number: int
    status: str
    start_date: dt.date
    end_date: dt.date
    budget: Decimal
    used_before: Decimal
    remaining: Decimal
    requested: Decimal
    total: Decimal
    ratio: Decimal
    created_by: str
    created_at: dt.datetime
    cases: int
    version: int


def _batch_info(session: Session, batch: NoticeBatch) -> NoticeBatchInfo:
    creator = session.get(User, batch.created_by_id)
    return NoticeBatchInfo(
        id=batch.id,
        policy_id=batch.policy_id,
        number=batch.number,
        status=batch.status,
        start_date=batch.start_date,
        end_date=batch.end_date,
        budget=batch.budget,
        used_before=batch.used_before,
        remaining=batch.remaining,
        requested=batch.requested,
        total=batch.total,
        ratio=Decimal(batch.ratio),
        created_by=creator.display_name if creator else "",
        created_at=batch.created_at,
        cases=len(batch.entries),
        version=batch.version,
    )


def list_notice_batches(db: Database, policy_id: str | None = None) -> list[NoticeBatchInfo]:
    with db.read() as session:
        query = select(NoticeBatch).order_by(NoticeBatch.id)
        if policy_id:
            query = query.where(NoticeBatch.policy_id == policy_id)
        return [_batch_info(session, b) for b in session.scalars(query)]


def get_notice_batch(db: Database, batch_id: int) -> NoticeBatchInfo:
    with db.read() as session:
        return _batch_info(session, _batch(session, batch_id))


def _batch(session: Session, batch_id: int) -> NoticeBatch:
    batch = session.get(NoticeBatch, batch_id)
    if batch is None:
        raise NotFound(f"没有编号为 {batch_id} 的公示批次")
    return batch


def close_notice_batch(db: Database, actor_id: int, batch_id: int) -> Changes:
    """End the notice once its period is over: cases without objection are cleared for payout;
    cases with an open objection stay held until it is resolved."""
    with write_op(db, actor_id, {Role.SUPERVISOR}, "结束公示") as (session, actor, now):
        batch = _batch(session, batch_id)
        if batch.status == CLOSED:
            raise RecordsError(f"第 {batch.number} 批公示已结束")
        today = local_today(db.clock)
        if today <= batch.end_date:
            raise RecordsError(
                f"第 {batch.number} 批公示期至 {batch.end_date.isoformat()}（含当日），期满后才能结束公示"
            )
        cleared = held = 0
        for entry in batch.entries:
            app = entry.application
            if app.status == Status.ON_NOTICE.value:
                transition = check_transition(app, actor, Action.CLEAR)
                app.updated_at = now
                app.updated_by_id = actor.id
                apply_transition(session, app, actor, transition, now, data={"batch": batch.number})
                cleared += 1
            elif app.status == Status.OBJECTION.value:
                held += 1
        batch.status = CLOSED
        batch.closed_at = now
        batch.closed_by_id = actor.id
        audit(
            session,
            now,
            actor,
            "notice_batch",
            batch.id,
            "close",
            {"status": OPEN},
            {"status": CLOSED, "cleared": cleared, "held": held},
        )
        note = f"第 {batch.number} 批公示已结束：{cleared} 件无异议"
        if held:
            note += f"，{held} 件有异议待处理"
        return Changes(
            case_ids=frozenset(e.application_id for e in batch.entries),
            case_list=True,
            notice=True,
            id=batch.id,
            note=note,
        )


def payout_list(db: Database, batch_id: int) -> list[PayoutLine]:
    """The cases of a batch cleared for payout (or already paid), with bank details."""
    with db.read() as session:
        batch = _batch(session, batch_id)
        # One query with the cases and applicants joined: a lazy load per entry took 3.9 s for
        # a 10,000-case batch.
        entries = session.scalars(
            select(NoticeEntry)
            .where(NoticeEntry.batch_id == batch.id)
            .options(joinedload(NoticeEntry.application).joinedload(Application.applicant))
            .order_by(NoticeEntry.position)
        )
        lines = []
        kept = [
            e for e in entries if e.application.status in (Status.CLEARED.value, Status.PAID.value)
        ]
        # The payee frozen at approval, or an approved change: never the applicant's row.
        paid_to = payees(session, [e.application for e in kept])
        for entry in kept:
            app = entry.application
            payee = paid_to[app.id]
            lines.append(
                PayoutLine(
                    case_id=app.id,
                    case_number=app.case_number,
                    applicant_name=payee.name,
                    credit_code=payee.credit_code,
                    account_name=payee.account_name,
                    bank=payee.bank,
                    account_number=payee.account_number,
                    approved=entry.before,
                    ratio=Decimal(batch.ratio),
                    amount=entry.amount,
                    amount_capitals=rmb_capitals(entry.amount),
                    status=Status(app.status),
                    paid_on=entry.paid_on,
                    voucher_no=entry.voucher_no,
                )
            )
        return lines


@dataclass(frozen=True)
class Payment:
    case_id: int
    voucher_no: str


def _split_to_claims(app: Application, entry: NoticeEntry) -> None:
    """Share the paid amount out over the claims (largest remainder), so that cumulative caps
    later count what each item was actually paid."""
    amounts = [c.amount or Decimal("0.00") for c in app.claims]
    ids = [str(c.position) for c in app.claims]
    if sum(amounts, Decimal(0)) <= 0:
        shares = [Decimal("0.00") for _ in amounts]
    else:
        shares, _ = prorate(amounts, entry.amount, ids)
    for claim, share in zip(app.claims, shares, strict=True):
        claim.paid_amount = share
        months = claim.facts.get("interest_months") if share > 0 else None
        claim.paid_months = int(months) if months is not None else 0


def mark_paid(
    db: Database, actor_id: int, payments: Sequence[Payment], paid_on: dt.date
) -> Changes:
    """兑现: record payment date and voucher number, for one case or many (all or none)."""
    if not payments:
        raise InvalidInput("payments", "请选择要登记兑现的案件")
    ids = [p.case_id for p in payments]
    if len(set(ids)) != len(ids):
        raise InvalidInput("payments", "案件重复选择")
    with db.write() as session:
        actor = load_user(session, actor_id)
        now = db.clock.now()
        if paid_on > local_today(db.clock):
            raise InvalidInput("paid_on", "兑现日期不能晚于今天")
        for p in payments:
            app = get_application(session, p.case_id)
            require_ruling_for_payout(session, app.policy_id)
            transition = check_transition(app, actor, Action.PAY)
            voucher = p.voucher_no.strip()
            if not voucher:
                raise InvalidInput("voucher_no", f"案件 {app.case_number}：请填写凭证号")
            entry = _entry(session, app)
            entry.paid_on = paid_on
            entry.voucher_no = voucher
            entry.paid_by_id = actor.id
            entry.paid_at = now
            _split_to_claims(app, entry)
            app.updated_at = now
            app.updated_by_id = actor.id
            apply_transition(
                session,
                app,
                actor,
                transition,
                now,
                data={
                    "paid_on": paid_on.isoformat(),
                    "voucher_no": voucher,
                    "amount": str(entry.amount),
                },
            )
        # 五(三)2: paid out of money the 区财政局 has transferred (core.records.funds).
        ensure_funds(session, {get_application(session, p.case_id).policy_id for p in payments})
        return Changes(
            case_ids=frozenset(ids),
            case_list=True,
            notice=True,
            budget=True,
            note=f"已登记兑现 {len(payments)} 件",
        )


def budget_status(db: Database, policy_id: str) -> tuple[Decimal, Decimal, Decimal]:
    """(budget, held or paid, remaining) of a programme: before the 年度核定 what notices hold,
    after it what every live case holds under it (its notice amount, else its share)."""
    policy = policy_for(policy_id)
    with db.read() as session:
        ruling = current_ruling(session, policy_id)
        if ruling is None:
            used = budget_used(session, policy_id)
        else:
            used = committed_amounts(session, policy_id, ruling)
    return policy.budget, used, max(policy.budget - used, Decimal("0.00"))


__all__ = [
    "NoticeBatchInfo",
    "NoticeCalendar",
    "NoticeLine",
    "NoticePreview",
    "Payment",
    "PayoutLine",
    "budget_status",
    "close_notice_batch",
    "create_notice_batch",
    "get_notice_batch",
    "is_working_day",
    "list_notice_batches",
    "mark_paid",
    "notice_calendar",
    "notice_end_date",
    "payout_list",
    "preview_notice_batch",
    "raise_objection",
    "resolve_objection",
    "set_notice_calendar",
]
