"""Read-only queries behind the supervisor's and the administrator's screens (desk, part 2).

Nothing here changes the database. The rules stay where they are: four eyes is
:mod:`core.records.workflow`'s, the budget is :mod:`core.records.notice`'s, the audit chain is
:mod:`core.db.audit`'s; these functions only gather what the screens list:

* :func:`review_queue` — the cases in a status (待审核, 审核通过, 办公会已审定), oldest first,
  with when each entered that status and the days it has waited;
* :func:`notice_entries` — every case of a notice batch with its objection and payout;
* :func:`case_refs` — the cases behind a statistics figure, by case number;
* :func:`payouts_by_month_and_item` — what was actually paid, by payout month and item;
* :func:`audit_page` — the audit log filtered by user, case and date, a page at a time;
* :func:`check_integrity` — SQLite's ``integrity_check`` and the audit chain, together.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from core.db.anchors import check_anchors, known_anchors
from core.db.audit import AuditReport, verify_chain
from core.db.clock import CHINA_TZ, iso_utc, local_today
from core.db.database import Database
from core.db.integrity import verify_records
from core.db.models import (
    Applicant,
    Application,
    AuditEntry,
    ClaimRow,
    Decision,
    NoticeEntry,
    Project,
    User,
)
from core.db.types import loads
from core.money import format_yuan
from core.policy.model import CHOICE_LABELS, Policy
from core.records.queries import MAX_PAGE, CaseFilters, CaseRow, CaseSort, list_cases
from core.records.states import Action, Status

__all__ = [
    "AUDIT_PAGE",
    "AuditFilters",
    "AuditPage",
    "AuditRow",
    "CaseRef",
    "EntryRow",
    "IntegrityReport",
    "PayoutCell",
    "QueueRow",
    "audit_actors",
    "audit_page",
    "case_refs",
    "check_integrity",
    "fact_lines",
    "find_case_id",
    "notice_entries",
    "payouts_by_month_and_item",
    "review_queue",
]

AUDIT_PAGE = 200
T = TypeVar("T")


# ---------------------------------------------------------------------------
# The supervisor's queues
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    """A case waiting in a status, with how long it has waited there."""

    case: CaseRow
    # When the case entered its current status (the last step that led there).
    since: dt.datetime | None
    days_waited: int
    # The acting user registered the case or gave its clerk's review (初审): four eyes keeps
    # them from approving it (core.records.workflow.check_four_eyes refuses, with the reason).
    involved: bool
    meeting_date: dt.date | None = None
    meeting_minute: str | None = None

    @property
    def id(self) -> int:
        return self.case.id


def review_queue(
    db: Database,
    actor_id: int,
    statuses: Sequence[Status] = (Status.AWAITING_SUPERVISOR,),
    *,
    policy_id: str | None = None,
) -> list[QueueRow]:
    """Every case in ``statuses``, oldest first (by when it entered the status).

    ``days_waited`` counts calendar days from that day (Beijing time) to today.
    """
    filters = CaseFilters(statuses=tuple(statuses), policy_id=policy_id)
    cases: list[CaseRow] = []
    offset = 0
    while True:
        page = list_cases(
            db, filters, CaseSort.RECEIVED_ON, offset, MAX_PAGE, descending=False, with_counts=False
        )
        cases += page.rows
        offset += len(page.rows)
        if len(page.rows) < MAX_PAGE:
            break
    if not cases:
        return []
    ids = [c.id for c in cases]
    wanted = [Status(s).value for s in statuses]
    today = local_today(db.clock)
    with db.read() as session:
        since: dict[int, dt.datetime] = {}
        meetings: dict[int, tuple[dt.date | None, str | None]] = {}
        involved: set[int] = set()
        for chunk in _chunks(ids):
            for app_id, at in session.execute(
                select(Decision.application_id, func.max(Decision.at))
                .where(Decision.application_id.in_(chunk), Decision.to_status.in_(wanted))
                .group_by(Decision.application_id)
            ):
                since[app_id] = _aware(at)
            for app_id, clerk_id, date, minute in session.execute(
                select(
                    Application.id,
                    Application.clerk_id,
                    Application.meeting_date,
                    Application.meeting_minute,
                ).where(Application.id.in_(chunk))
            ):
                meetings[app_id] = (date, minute)
                if clerk_id == actor_id:
                    involved.add(app_id)
            involved.update(
                session.scalars(
                    select(Decision.application_id).where(
                        Decision.application_id.in_(chunk),
                        Decision.action == Action.CLERK_REVIEW.value,
                        Decision.actor_id == actor_id,
                    )
                )
            )
    rows = []
    for case in cases:
        entered = since.get(case.id)
        day = entered.astimezone(CHINA_TZ).date() if entered is not None else case.received_on
        date, minute = meetings.get(case.id, (None, None))
        rows.append(
            QueueRow(
                case=case,
                since=entered,
                days_waited=max((today - day).days, 0),
                involved=case.id in involved,
                meeting_date=date,
                meeting_minute=minute,
            )
        )
    # Oldest first; a case with no recorded step (cannot happen) by its received date.
    rows.sort(
        key=lambda r: (
            r.since or dt.datetime.combine(r.case.received_on, dt.time(), CHINA_TZ),
            r.case.year,
            r.case.case_number,
        )
    )
    return rows


def _chunks(ids: Sequence[T], size: int = 500) -> list[Sequence[T]]:
    # SQLite limits bound parameters per statement; 500 stays well inside every build's limit.
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _aware(value: object) -> dt.datetime:
    # Defensive: an aggregate may come back as the stored naive UTC value or as text.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def find_case_id(db: Database, text: str) -> int | None:
    """The one case a typed reference names (case number, 第12号, 2024-12 …), else None."""
    if not text.strip():
        return None
    page = list_cases(db, CaseFilters(search=text), limit=2, with_counts=False)
    return page.rows[0].id if len(page.rows) == 1 else None


def fact_lines(
    policy: Policy, item_code: str, facts: Mapping[str, Any]
) -> tuple[tuple[str, str], ...]:
    """A stored claim's facts as (label, text) in the item's order, as a reviewer reads them:
    choices by their Chinese names, money in yuan, yes/no for flags; undeclared keys last."""
    item = policy.items.get(item_code)
    declared = {f.name: f for f in item.facts} if item is not None else {}
    order = [n for n in declared if n in facts] + [n for n in facts if n not in declared]
    lines = []
    for name in order:
        value = facts[name]
        if value is None or value == "":
            continue
        fact = declared.get(name)
        if isinstance(value, bool):
            text = "是" if value else "否"
        elif fact is not None and fact.type == "money":
            try:
                text = format_yuan(Decimal(str(value)))
            except (InvalidOperation, ValueError):
                text = str(value)
        elif fact is not None and fact.type == "rate":
            text = f"{(Decimal(str(value)) * 100).normalize():f}%"
        elif isinstance(value, str):
            text = CHOICE_LABELS.get(value, value)
        else:
            text = str(value)
        lines.append((fact.label if fact is not None else name, text))
    return tuple(lines)


# ---------------------------------------------------------------------------
# Notice batches
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryRow:
    """One case of a notice batch: amounts before and after proration, objection, payout."""

    case_id: int
    case_number: str
    applicant_name: str
    credit_code: str
    status: Status
    before: Decimal
    amount: Decimal
    objection: str
    objection_at: dt.datetime | None
    resolution: str
    paid_on: dt.date | None
    voucher_no: str | None
    version: int


def notice_entries(db: Database, batch_id: int) -> list[EntryRow]:
    """Every case a batch put on notice, in the batch's order (one query)."""

    with db.read() as session:
        rows = session.execute(
            select(
                NoticeEntry.application_id,
                Application.case_number,
                Application.applicant_name,
                Applicant.credit_code,
                Application.status,
                NoticeEntry.before,
                NoticeEntry.amount,
                NoticeEntry.objection,
                NoticeEntry.objection_at,
                NoticeEntry.resolution,
                NoticeEntry.paid_on,
                NoticeEntry.voucher_no,
                Application.version,
            )
            .join(Application, NoticeEntry.application_id == Application.id)
            .join(Applicant, Application.applicant_id == Applicant.id)
            .where(NoticeEntry.batch_id == batch_id)
            .order_by(NoticeEntry.position)
        ).all()
    return [
        EntryRow(
            case_id=r[0],
            case_number=r[1],
            applicant_name=r[2],
            credit_code=r[3],
            status=Status(r[4]),
            before=r[5],
            amount=r[6],
            objection=r[7] or "",
            objection_at=r[8],
            resolution=r[9] or "",
            paid_on=r[10],
            voucher_no=r[11],
            version=r[12],
        )
        for r in rows
    ]


# ---------------------------------------------------------------------------
# Statistics: the cases behind a figure, and payouts by month and item
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRef:
    id: int
    case_number: str
    applicant_name: str
    status: Status
    approved_amount: Decimal | None
    paid_amount: Decimal | None
    paid_on: dt.date | None


def case_refs(db: Database, case_numbers: Sequence[str]) -> list[CaseRef]:
    """The cases with these numbers, in the order given (unknown numbers are left out)."""
    wanted = list(dict.fromkeys(case_numbers))
    if not wanted:
        return []
    found: dict[str, CaseRef] = {}
    with db.read() as session:
        for chunk in _chunks(wanted):
            for r in session.execute(
                select(
                    Application.id,
                    Application.case_number,
                    Application.applicant_name,
                    Application.status,
                    Application.approved_amount,
                    NoticeEntry.amount,
                    NoticeEntry.paid_on,
                )
                .outerjoin(NoticeEntry, NoticeEntry.application_id == Application.id)
                .where(Application.case_number.in_(chunk))
            ):
                paid = r[6] is not None
                found[r[1]] = CaseRef(
                    id=r[0],
                    case_number=r[1],
                    applicant_name=r[2],
                    status=Status(r[3]),
                    approved_amount=r[4],
                    paid_amount=r[5] if paid else None,
                    paid_on=r[6],
                )
    return [found[n] for n in wanted if n in found]


@dataclass(frozen=True)
class PayoutCell:
    """What was paid for one item in one payout month (the claims' shares of the payouts)."""

    month: str  # "2024-07"
    item: str
    amount: Decimal
    references: tuple[str, ...]


def payouts_by_month_and_item(db: Database, policy_id: str) -> list[PayoutCell]:
    """Paid amounts of a programme by payout month and item, months and items in order.

    Each payout is shared out over its case's claims when it is recorded
    (``core.records.notice.mark_paid``), so the cells of a month add up to exactly what
    was paid that month.
    """
    with db.read() as session:
        rows = session.execute(
            select(
                NoticeEntry.paid_on, ClaimRow.item, ClaimRow.paid_amount, Application.case_number
            )
            .join(Application, NoticeEntry.application_id == Application.id)
            .join(ClaimRow, ClaimRow.application_id == Application.id)
            .where(
                Application.policy_id == policy_id,
                Application.status == Status.PAID.value,
                NoticeEntry.paid_on.is_not(None),
            )
            .order_by(NoticeEntry.paid_on, Application.seq, ClaimRow.position)
        ).all()
    cells: dict[tuple[str, str], tuple[Decimal, list[str]]] = {}
    for paid_on, item, amount, number in rows:
        if amount is None or amount <= 0 or paid_on is None:
            continue
        key = (f"{paid_on.year:04d}-{paid_on.month:02d}", item)
        total, refs = cells.get(key, (Decimal("0.00"), []))
        if number not in refs:
            refs.append(number)
        cells[key] = (total + amount, refs)
    return [
        PayoutCell(month, item, total, tuple(refs))
        for (month, item), (total, refs) in sorted(cells.items())
    ]


# ---------------------------------------------------------------------------
# The audit log
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilters:
    actor_id: int | None = None
    case_id: int | None = None
    # Days in Beijing time, both included.
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor_name: str
    entity: str
    entity_id: str
    action: str
    before: Any
    after: Any
    # The record as a reader knows it: a case or project number, a user's or applicant's
    # name; empty when it is gone or has no such name (issue 20 §13: not 「案件 10」).
    entity_name: str = ""


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int
    offset: int


def _day_start(day: dt.date) -> str:
    return iso_utc(dt.datetime.combine(day, dt.time(), CHINA_TZ))


def audit_page(
    db: Database, filters: AuditFilters | None = None, offset: int = 0, limit: int = AUDIT_PAGE
) -> AuditPage:
    """A page of the audit log, newest first, and how many records match.

    ``case_id`` keeps the records of that application (its registration, every step and
    edit). Times are compared as stored: ISO text in UTC, which sorts as time does.
    """
    filters = filters or AuditFilters()
    where = []
    if filters.actor_id is not None:
        where.append(AuditEntry.actor_id == filters.actor_id)
    if filters.case_id is not None:
        where.append(
            and_(AuditEntry.entity == "application", AuditEntry.entity_id == str(filters.case_id))
        )
    if filters.date_from is not None:
        where.append(AuditEntry.at >= _day_start(filters.date_from))
    if filters.date_to is not None:
        where.append(AuditEntry.at < _day_start(filters.date_to + dt.timedelta(days=1)))
    limit = max(0, min(limit, MAX_PAGE))
    with db.read() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry).where(*where)) or 0
        entries = session.scalars(
            select(AuditEntry)
            .where(*where)
            .order_by(AuditEntry.id.desc())
            .offset(max(offset, 0))
            .limit(limit)
        ).all()
        names = _entity_names(session, entries)
        rows = tuple(
            AuditRow(
                id=e.id,
                at=dt.datetime.fromisoformat(e.at),
                actor_name=e.actor_name,
                entity=e.entity,
                entity_id=e.entity_id,
                action=e.action,
                before=None if e.before is None else loads(e.before),
                after=None if e.after is None else loads(e.after),
                entity_name=names.get((e.entity, e.entity_id), ""),
            )
            for e in entries
        )
    return AuditPage(rows, total, max(offset, 0))


# The log's entity → (model, the column a reader knows it by); one query per kind and page.
_NAMED: dict[str, tuple[Any, Any]] = {
    "application": (Application, Application.case_number),
    "project": (Project, Project.number),
    "user": (User, User.display_name),
    "applicant": (Applicant, Applicant.name),
}


def _entity_names(session: Session, entries: Sequence[AuditEntry]) -> dict[tuple[str, str], str]:
    wanted: dict[str, set[int]] = {}
    for e in entries:
        if e.entity in _NAMED and e.entity_id.isdigit():
            wanted.setdefault(e.entity, set()).add(int(e.entity_id))
    names: dict[tuple[str, str], str] = {}
    for entity, ids in wanted.items():
        model, column = _NAMED[entity]
        for row_id, name in session.execute(select(model.id, column).where(model.id.in_(ids))):
            names[(entity, str(row_id))] = str(name)
    return names


def audit_actors(db: Database) -> list[tuple[int, str]]:
    """Everyone who appears in the audit log (users, including deactivated ones), by name."""
    with db.read() as session:
        ids = set(session.scalars(select(AuditEntry.actor_id).distinct()))
        rows = session.execute(
            select(User.id, User.display_name, User.username).where(User.id.in_(ids))
        ).all()
    return sorted(((r[0], f"{r[1]}（{r[2]}）") for r in rows), key=lambda r: r[0])


# ---------------------------------------------------------------------------
# Integrity
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IntegrityReport:
    database_ok: bool
    database_messages: tuple[str, ...]
    audit: AuditReport

    @property
    def ok(self) -> bool:
        return self.database_ok and self.audit.ok

    def summary(self) -> str:
        first = (
            "数据库完整性检查通过（PRAGMA integrity_check：ok）"
            if self.database_ok
            else f"数据库完整性检查未通过：{'；'.join(self.database_messages[:5])}"
        )
        return f"{first}\n{self.audit.message}"


def check_integrity(
    db: Database, progress: Callable[[int, int], bool] | None = None
) -> IntegrityReport:
    """SQLite's full ``integrity_check`` of the open database, then the audit chain walked
    from its first record (``core.db.audit.verify_chain``), the heads this PC recorded at each
    backup, and the tables against the trail. Read-only."""
    messages: list[str] = []
    if db.is_sqlite:
        raw = db.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            messages = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            raw.close()
    database_ok = messages in ([], ["ok"])
    if progress is not None and not progress(0, 1):
        return IntegrityReport(
            database_ok, tuple(messages), AuditReport(False, 0, None, "已取消检查")
        )
    with db.read() as session:
        report = verify_chain(session, progress)
        if report.ok:
            # The tables against what the trail recorded, and the trail against the heads
            # recorded outside the file (issue 14 §1): a wiped log, an amount or payee edited
            # directly, or history rewritten before the last backup fails here.
            anchors = known_anchors(db.identity)
            problems = check_anchors(session, anchors)
            records = verify_records(session)
            parts = [report.message, *problems, records.message]
            if anchors and not problems:
                parts.insert(1, f"与本机记下的 {len(anchors)} 个备份链头相符")
            report = AuditReport(records.ok and not problems, report.count, None, "；".join(parts))
    return IntegrityReport(database_ok, tuple(messages), report)
