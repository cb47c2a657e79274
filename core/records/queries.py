"""The case list: filtered, searched, sorted and paged in the database.

Everything happens in SQL on indexed columns; a page is a few light rows plus the total and
the count per status (for the status tabs), never the whole table in memory.

Search reads the text's shape (reading taken, documented in docs/records.md):

- a case number or part of one with 〔 〕 第 号 (or "2024-12", year and number) → case number;
- 18 characters that look like a credit code → that credit code; 4 to 17 letters and digits
  with a digit among them → any part of a credit code (「MA60K7B3」, 「B30Q」: clerks look
  things up by the tail, issue 20 §6);
- digits (with an optional ZL/CN prefix, dot or X), 6 or more → a whole patent number in any
  written form, or any part of one (「0601862」), or any part of a credit code;
- 1 to 4 digits → the case's sequence number in its year (第012号);
- anything else → the applicant's name, as a substring.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, String, and_, false, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import Applicant, Application, ClaimRow, User
from core.identifiers import IdentifierError, parse_patent_number
from core.policy.loader import PolicyError, load_policy
from core.records.case_input import item_bit
from core.records.states import AWARDED_STATUSES, OPEN_STATUSES, Status
from core.textwidth import half_width

MAX_PAGE = 1000


class CaseSort(StrEnum):
    CASE_NUMBER = "case_number"
    RECEIVED_ON = "received_on"
    APPLICANT = "applicant"
    STATUS = "status"
    AMOUNT = "amount"


@dataclass(frozen=True)
class CaseFilters:
    statuses: tuple[Status, ...] = ()
    item: str | None = None
    year: int | None = None
    policy_id: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    search: str | None = None


@dataclass(frozen=True)
class CaseRow:
    id: int
    case_number: str
    year: int
    seq: int
    received_on: dt.date
    applicant_name: str
    credit_code: str
    status: Status
    items: tuple[str, ...]
    # Approved amount once frozen, else the latest calculation.
    amount: Decimal | None
    clerk_name: str
    has_duplicate: bool
    version: int

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class CasePage:
    rows: tuple[CaseRow, ...]
    total: int
    counts_by_status: dict[Status, int] = field(default_factory=dict)
    offset: int = 0
    limit: int = 0
    # A broad search (one or two characters) matching more than a page is not counted per
    # status, and its total stops at BROAD_CAP: counting 20,000 「重庆…」 rows per keystroke
    # was the slow case (issue 20 §6). ``counted`` is False then, ``more`` when capped.
    counted: bool = True
    more: bool = False


#: How many rows of a broad search are counted (and so can be scrolled to) at most.
BROAD_CAP = 1000
#: A search text this short (after spaces are dropped) is broad.
BROAD_TERM_CHARS = 2


def is_broad_search(text: str | None) -> bool:
    return bool(text) and len("".join((text or "").split())) <= BROAD_TERM_CHARS


def _prefix(column: Any, text: str) -> ColumnElement[bool]:
    # A range, not LIKE: SQLite's LIKE is case-insensitive and so cannot use the index.
    return and_(column >= text, column < text + "\U0010ffff")


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    # LIKE '%…%' (portable; SQLite's case-insensitivity is harmless for codes and numbers,
    # which are stored upper-case). No index helps a substring: a scan of one narrow column.
    result: ColumnElement[bool] = column.contains(text, autoescape=True)
    return result


class LikeIgnoringCase(ColumnElement[bool]):
    """``column LIKE pattern`` that ignores the case of Latin letters on every database, so
    that 「iot」 finds 「重庆璧山IoT传感」 (issue 18 §2). SQLite's LIKE does so already, and
    SQLAlchemy's ``ilike`` would wrap both sides in lower() there, which doubled the name
    search (17.9 → 36.6 ms on 100,000 cases); PostgreSQL's LIKE does not, so it gets ILIKE.
    The pattern escapes with a backslash (``_like_escape``)."""

    inherit_cache = True
    type = Boolean()

    def __init__(self, column: Any, pattern: str) -> None:
        self.column = column
        self.pattern = literal(pattern, String())


@compiles(LikeIgnoringCase)
def _like_default(element: LikeIgnoringCase, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} LIKE {compiler.process(element.pattern, **kw)} ESCAPE '\\'"


@compiles(LikeIgnoringCase, "postgresql")
def _like_postgresql(element: LikeIgnoringCase, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} ILIKE {compiler.process(element.pattern, **kw)} ESCAPE '\\'"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_LATIN = re.compile(r"[A-Za-z]")
_CASE_NO = re.compile(r"[〔〕第号\[\]]")
_BRACKET_YEAR = re.compile(r"[〔\[](\d{4})[〕\]]")
_NUMBER = re.compile(r"第\s*(\d{1,6})")
_YEAR_SEQ = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,4})$")
_SEQ = re.compile(r"^\d{1,4}$")
_PATENTISH = re.compile(r"^(?:ZL|CN)?[\d.]{6,}X?$")
_CODEISH = re.compile(r"^[0-9A-Z]{6,18}$")
# Four or five letters and digits, with a digit in them: the tail of a credit code.
_TAILISH = re.compile(r"^(?=.*\d)[0-9A-Z]{4,5}$")


def search_condition(text: str) -> ColumnElement[bool] | None:
    """The WHERE clause for a search text (see the module doc for how it is read)."""
    raw = half_width("".join(text.split()))
    if not raw:
        return None
    upper = raw.upper()
    if _CASE_NO.search(raw):
        # 〔2024〕 and 第012号 are read as the year and the number, which are indexed; what
        # else a case number holds (the issuer's prefix) does not narrow it further.
        parts: list[ColumnElement[bool]] = []
        year = _BRACKET_YEAR.search(raw)
        number = _NUMBER.search(raw)
        if year:
            parts.append(Application.year == int(year[1]))
        if number:
            parts.append(Application.seq == int(number[1]))
        if parts:
            return and_(*parts)
        return Application.case_number.like(f"%{_like_escape(raw)}%", escape="\\")
    match = _YEAR_SEQ.match(raw)
    if match:
        return and_(Application.year == int(match[1]), Application.seq == int(match[2]))
    if _SEQ.match(raw):
        return Application.seq == int(raw)
    conditions: list[ColumnElement[bool]] = []
    if _PATENTISH.match(upper):
        # A complete number in any written form is normalised and found by the index; any
        # other run of digits is found anywhere in the number (clerks type the tail digits,
        # issue 20 §6: 「0601862」 of ZL201710601862.3).
        try:
            whole = _prefix(ClaimRow.patent, parse_patent_number(raw).normalized)
        except IdentifierError:
            whole = _contains(ClaimRow.patent, upper.removeprefix("ZL").removeprefix("CN"))
        patent_ids = select(ClaimRow.application_id).where(whole)
        conditions.append(Application.id.in_(patent_ids))
    if (_CODEISH.match(upper) or _TAILISH.match(upper)) and upper[0].isalnum():
        # A whole credit code by the index; any part of one anywhere in it (「MA60K7B3」, 「B30Q」).
        code = (
            _prefix(Applicant.credit_code, upper)
            if len(upper) == 18
            else _contains(Applicant.credit_code, upper)
        )
        code_ids = select(Applicant.id).where(code)
        conditions.append(Application.applicant_id.in_(code_ids))
    if conditions:
        return conditions[0] if len(conditions) == 1 else conditions[0] | conditions[1]
    # The applicants table is five times smaller than the applications; a case whose applicant
    # was renamed since is found under the current name.
    pattern = f"%{_like_escape(raw)}%"
    # Only Latin letters have a case: a Chinese name is searched with plain LIKE, which
    # PostgreSQL scans three times faster than ILIKE (24.6 against 63.8 ms, bench_server).
    name = (
        LikeIgnoringCase(Applicant.name, pattern)
        if _LATIN.search(raw)
        else Applicant.name.like(pattern, escape="\\")
    )
    names = select(Applicant.id).where(name)
    return Application.applicant_id.in_(names)


def _where(session: Session, filters: CaseFilters, with_status: bool) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if with_status and filters.statuses:
        where.append(Application.status.in_([Status(s).value for s in filters.statuses]))
    if filters.year is not None:
        where.append(Application.year == filters.year)
    if filters.policy_id:
        where.append(Application.policy_id == filters.policy_id)
    if filters.received_from is not None:
        where.append(Application.received_on >= filters.received_from)
    if filters.received_to is not None:
        where.append(Application.received_on <= filters.received_to)
    if filters.item:
        bit = item_bit(session, filters.item)
        where.append(false() if bit is None else Application.item_mask.op("&")(bit) != 0)
    if filters.search:
        condition = search_condition(filters.search)
        if condition is not None:
            where.append(condition)
    return where


def _order(query: Select[int], sort: CaseSort, descending: bool) -> Select[int]:
    amount = func.coalesce(Application.approved_amount, Application.computed_total)
    orders: dict[CaseSort, list[Any]] = {
        CaseSort.CASE_NUMBER: [Application.year, Application.seq],
        CaseSort.RECEIVED_ON: [Application.received_on, Application.year, Application.seq],
        CaseSort.APPLICANT: [Application.applicant_name, Application.year, Application.seq],
        CaseSort.STATUS: [Application.status, Application.year, Application.seq],
        CaseSort.AMOUNT: [amount, Application.year, Application.seq],
    }
    return query.order_by(*[k.desc() if descending else k.asc() for k in orders[sort]])


def list_cases(
    db: Database,
    filters: CaseFilters | None = None,
    sort: CaseSort = CaseSort.CASE_NUMBER,
    offset: int = 0,
    limit: int = 200,
    *,
    descending: bool = True,
    with_counts: bool = True,
) -> CasePage:
    """One page of the case list, the total matching, and the count per status.

    The counts ignore the status filter (they label the status tabs), and apply every other.
    A broad search that fills the first page is neither counted per status nor past
    :data:`BROAD_CAP` (see :class:`CasePage`); later pages of it are read as usual.
    """
    filters = filters or CaseFilters()
    limit = max(0, min(limit, MAX_PAGE))
    offset = max(0, offset)
    with db.read() as session:
        where = _where(session, filters, with_status=True)
        ids_query = _order(select(Application.id).where(*where), sort, descending)
        ids = list(session.scalars(ids_query.offset(offset).limit(limit)))
        rows = _rows(session, ids)
        counts: dict[Status, int] = {}
        if is_broad_search(filters.search) and offset == 0 and len(ids) == limit > 0:
            capped = select(Application.id).where(*where).limit(BROAD_CAP + 1).subquery()
            found = session.scalar(select(func.count()).select_from(capped)) or 0
            total = min(found, BROAD_CAP)
            return CasePage(
                tuple(rows), total, {}, offset, limit, counted=False, more=found > total
            )
        if with_counts:
            count_where = _where(session, filters, with_status=False)
            counting = select(Application.status, func.count()).where(*count_where)
            for status, n in session.execute(counting.group_by(Application.status)):
                counts[Status(status)] = n
        if filters.statuses and with_counts:
            total = sum(counts.get(Status(s), 0) for s in set(filters.statuses))
        elif with_counts:
            total = sum(counts.values())
        else:
            total = session.scalar(select(func.count()).select_from(Application).where(*where)) or 0
        return CasePage(tuple(rows), total, counts, offset, limit)


def _rows(session: Session, ids: Sequence[int]) -> list[CaseRow]:
    if not ids:
        return []
    data = session.execute(
        select(
            Application.id,
            Application.case_number,
            Application.year,
            Application.seq,
            Application.received_on,
            Application.applicant_name,
            Applicant.credit_code,
            Application.status,
            Application.approved_amount,
            Application.computed_total,
            User.display_name,
            Application.version,
        )
        .join(Applicant, Application.applicant_id == Applicant.id)
        .join(User, Application.clerk_id == User.id)
        .where(Application.id.in_(ids))
    ).all()
    items: dict[int, list[str]] = {}
    patents: dict[int, set[str]] = {}
    loans: dict[int, set[str]] = {}
    flagged = _flagged_items(session, ids)
    for app_id, item, patent, key in session.execute(
        select(ClaimRow.application_id, ClaimRow.item, ClaimRow.patent, ClaimRow.product_key)
        .where(ClaimRow.application_id.in_(ids))
        .order_by(ClaimRow.application_id, ClaimRow.position)
    ):
        items.setdefault(app_id, []).append(item)
        if patent:
            patents.setdefault(app_id, set()).add(patent)
        if key and item in flagged:
            loans.setdefault(app_id, set()).add(f"{flagged[item]}|{key}")
    duplicated = _duplicated(session, patents) | _duplicated_keys(session, loans, flagged)
    by_id = {
        r[0]: CaseRow(
            id=r[0],
            case_number=r[1],
            year=r[2],
            seq=r[3],
            received_on=r[4],
            applicant_name=r[5],
            credit_code=r[6],
            status=Status(r[7]),
            items=tuple(items.get(r[0], ())),
            amount=r[8] if r[8] is not None else r[9],
            clerk_name=r[10],
            has_duplicate=r[0] in duplicated,
            version=r[11],
        )
        for r in data
    }
    return [by_id[i] for i in ids if i in by_id]


def _flagged_items(session: Session, ids: Sequence[int]) -> dict[str, str]:
    """Items in a stacking group that flags duplicates (loans), with their group, in the
    programmes of these cases (policies are read once per process)."""

    flagged: dict[str, str] = {}
    for policy_id in session.scalars(
        select(Application.policy_id).where(Application.id.in_(ids)).distinct()
    ):
        try:
            policy = load_policy(policy_id)
        except PolicyError:  # a broken file is reported where the case is opened
            continue
        for group in policy.stacking_groups:
            if group.flag_duplicates:
                for item in group.items:
                    flagged[item] = group.code
    return flagged


def _duplicated_keys(
    session: Session, keys: dict[int, set[str]], flagged: dict[str, str]
) -> set[int]:
    """Which of these cases share a loan with another live case (one query for the page)."""
    wanted = {k.split("|", 1)[1] for ks in keys.values() for k in ks}
    if not wanted:
        return set()
    live = [s.value for s in OPEN_STATUSES | AWARDED_STATUSES]
    holders: dict[str, set[int]] = {}
    for item, key, app_id in session.execute(
        select(ClaimRow.item, ClaimRow.product_key, ClaimRow.application_id)
        .join(Application, ClaimRow.application_id == Application.id)
        .where(ClaimRow.product_key.in_(wanted), Application.status.in_(live))
    ):
        if item in flagged and key is not None:
            holders.setdefault(f"{flagged[item]}|{key}", set()).add(app_id)
    return {
        app_id for app_id, ks in keys.items() if any(holders.get(k, set()) - {app_id} for k in ks)
    }


def _duplicated(session: Session, patents: dict[int, set[str]]) -> set[int]:
    """Which of these cases share a patent with another live case (one query for the page)."""
    wanted = {p for ps in patents.values() for p in ps}
    if not wanted:
        return set()
    live = [s.value for s in OPEN_STATUSES | AWARDED_STATUSES]
    holders: dict[str, set[int]] = {}
    for patent, app_id in session.execute(
        select(ClaimRow.patent, ClaimRow.application_id)
        .join(Application, ClaimRow.application_id == Application.id)
        .where(ClaimRow.patent.in_(wanted), Application.status.in_(live))
    ):
        if patent is not None:
            holders.setdefault(patent, set()).add(app_id)
    return {
        app_id
        for app_id, ps in patents.items()
        if any(holders.get(p, set()) - {app_id} for p in ps)
    }
