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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from core.db.clock import local_text, local_today
from core.db.database import Database
from core.db.models import (
    Applicant,
    Application,
    ClaimRow,
    Counter,
    Decision,
    ItemCode,
    MaterialRow,
    NoticeEntry,
    User,
)
from core.engine.calculate import bank_ranks, bonus_key, calculate_application, stacking_key
from core.engine.inputs import (
    APPLICANT_FLAGS,
    CaseInput,
    Claim,
    InputError,
    SettledClaim,
    parse_applicant,
    parse_case,
    parse_claim,
)
from core.engine.results import ApplicationResult
from core.engine.rules import RankDecision
from core.policy.loader import PolicyError, load_policy
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
from core.records.changes import Changes
from core.records.errors import InvalidInput, NotFound, PermissionDenied, RecordsError, StaleEdit
from core.records.lpr import lpr_table
from core.records.permissions import can_edit
from core.records.roles import Role, parse_roles
from core.records.states import (
    AWARDED_STATUSES,
    CLOSED_STATUSES,
    OPEN_STATUSES,
    SUPERVISOR_EDITABLE,
    Action,
    Status,
)

# ---------------------------------------------------------------------------
# Forms (what the GUI hands in)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicantForm:
    """Every field of the 申请表 about the applicant, plus the three 五(一)2 flags."""

    credit_code: str
    name: str
    kind: str
    size: str | None = None
    address: str = ""
    handler: str = ""
    handler_phone: str = ""
    patent_agency: str = ""
    patent_attorney: str = ""
    attorney_phone: str = ""
    account_name: str = ""
    bank: str = ""
    account_number: str = ""
    dishonest_debtor: bool = False
    dishonest_debtor_note: str = ""
    dishonest_debtor_source: str = ""
    ownership_dispute: bool = False
    ownership_dispute_note: str = ""
    ownership_dispute_source: str = ""
    major_accident_3y: bool = False
    major_accident_3y_note: str = ""
    major_accident_3y_source: str = ""


@dataclass(frozen=True)
class CaseForm:
    """A new application as registered at the counter. ``claims`` are CASE-document claims."""

    policy_id: str
    received_on: dt.date
    applicant: ApplicantForm
    claims: Sequence[Mapping[str, Any]]
    filed_by_agent: bool = False
    agent_name: str = ""


@dataclass(frozen=True)
class MaterialUpdate:
    """Changes to one checklist line; None leaves a field as it is."""

    code: str
    received: bool | None = None
    copies: int | None = None
    originals_verified: bool | None = None
    note: str | None = None

    @classmethod
    def complete(cls, code: str, copies: int = 2) -> MaterialUpdate:
        return cls(code, received=True, copies=copies, originals_verified=True)


# ---------------------------------------------------------------------------
# What the GUI reads
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicantInfo:
    id: int
    credit_code: str
    name: str
    kind: str
    size: str | None
    form: ApplicantForm
    version: int


@dataclass(frozen=True)
class ClaimInfo:
    position: int
    item: str
    item_name: str
    date: dt.date
    facts: Mapping[str, Any]
    amount: Decimal | None
    result_status: str | None
    paid_amount: Decimal | None


@dataclass(frozen=True)
class MaterialLine:
    code: str
    name: str
    clause: str
    required: bool
    received: bool
    copies: int
    copies_required: int
    originals_verified: bool
    note: str

    @property
    def complete(self) -> bool:
        return self.received and self.copies >= self.copies_required and self.originals_verified

    def missing_text(self) -> str:
        gaps = []
        if not self.received:
            gaps.append("未提交")
        else:
            if self.copies < self.copies_required:
                gaps.append(f"盖章复印件{self.copies}/{self.copies_required}份")
            if not self.originals_verified:
                gaps.append("原件未核对")
        return f"{self.name}（{'、'.join(gaps)}）"


@dataclass(frozen=True)
class DecisionInfo:
    action: str
    action_label: str
    from_status: str
    to_status: str
    actor_id: int
    actor_name: str
    at: dt.datetime
    reason: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Snapshot:
    policy_id: str
    policy_version: str
    policy_sha256: str
    case: Mapping[str, Any]
    result: Mapping[str, Any]
    at: dt.datetime
    amount: Decimal


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_number: str
    policy_id: str
    year: int
    status: Status
    received_on: dt.date
    applicant: ApplicantInfo
    applicant_name: str
    filed_by_agent: bool
    agent_name: str
    clerk_id: int
    clerk_name: str
    claims: tuple[ClaimInfo, ...]
    materials: tuple[MaterialLine, ...]
    decisions: tuple[DecisionInfo, ...]
    computed_total: Decimal | None
    approved_amount: Decimal | None
    snapshot: Snapshot | None
    correction_due: dt.date | None
    intake_ground: str | None
    meeting_date: dt.date | None
    meeting_minute: str | None
    notice_batch_id: int | None
    notice_amount: Decimal | None
    objection: str
    paid_on: dt.date | None
    voucher_no: str | None
    updated_at: dt.datetime
    updated_by_name: str
    version: int
    duplicates: tuple[DuplicateClaim, ...] = ()

    @property
    def missing_materials(self) -> list[MaterialLine]:
        return [m for m in self.materials if m.required and not m.complete]


@dataclass(frozen=True)
class DuplicateClaim:
    """A claim of this case whose patent (or loan: a group that flags duplicates) is also
    claimed in another live case."""

    position: int
    item: str
    patent: str  # the key as shown: the patent number, or the loan's contract or particulars
    other_case_id: int
    other_case_number: str
    other_applicant: str
    other_credit_code: str
    other_status: Status
    same_applicant: bool
    subject: str = "专利"  # what is claimed twice: 专利, or the group's label (同一笔质押贷款)

    @property
    def text(self) -> str:
        """「第2项 同一笔质押贷款「HT-1」另见 璧市监专转〔2024〕第031号（申请人，状态）」"""
        who = "同一申请人" if self.same_applicant else self.other_applicant
        return (
            f"第{self.position + 1}项 {self.subject}「{self.patent}」另见 "
            f"{self.other_case_number}（{who}，{self.other_status.label}）"
        )


@dataclass(frozen=True)
class SettledInfo:
    """A claim of the same applicant, same programme, on the same patent or product in another
    application that holds it (see :func:`settled_claims`)."""

    item: str
    key: str
    amount: Decimal
    reference: str
    # The key is the claim's contract, held for a per-contract bonus (license_in's
    # ``bonus_per``), not a best-of key.
    contract: bool = False


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def policy_for(policy_id: str) -> Policy:
    try:
        return load_policy(policy_id)
    except PolicyError as exc:
        raise InvalidInput("policy_id", exc.problem) from None


def _wrap(exc: InputError) -> InvalidInput:
    return InvalidInput(exc.where, exc.problem)


def validate_applicant(form: ApplicantForm) -> tuple[str, str, str | None]:
    """Check identity fields with the engine's parser; returns (credit code, kind, size)."""
    raw: dict[str, Any] = {
        "name": form.name,
        "credit_code": form.credit_code,
        "kind": form.kind,
        **{flag: getattr(form, flag) for flag in APPLICANT_FLAGS},
    }
    if form.size:
        raw["size"] = form.size
    try:
        parsed = parse_applicant(raw)
    except InputError as exc:
        raise _wrap(exc) from None
    account = form.account_number.replace(" ", "")
    if account and not all(c.isdigit() or c == "-" for c in account):
        raise InvalidInput(
            "applicant.account_number", "银行账号只能含数字（可带空格或短横线），请核对"
        )
    return parsed.credit_code, parsed.kind.value, parsed.size


def validate_claims(policy: Policy, raw_claims: Sequence[Mapping[str, Any]]) -> list[Claim]:
    if not raw_claims:
        raise InvalidInput("claims", "请至少填写一项资助事项")
    claims = []
    for i, raw in enumerate(raw_claims):
        try:
            claims.append(parse_claim(dict(raw), f"claims[{i}]", policy))
        except InputError as exc:
            raise _wrap(exc) from None
    return claims


def _claim_keys(policy: Policy, claim: Claim) -> tuple[str | None, str | None]:
    """(patent, other key): the other key is the best-of key when it is not the patent (a
    product, a loan), else the contract of a per-contract bonus (a license)."""
    patent = claim.fact("patent")
    product: str | None = None
    group = policy.stacking_group_for(claim.item)
    found = stacking_key(policy, claim)
    if group is not None and group.key_fact != "patent" and found is not None:
        product = found[1][:200]
    else:
        product = bonus_key(policy.items[claim.item], claim)
        product = product[:200] if product else None
    return (str(patent) if patent is not None else None), product


MAX_ITEM_BITS = 62


def item_bit(session: Session, code: str, *, create: bool = False) -> int | None:
    """The bit of an item code in ``Application.item_mask`` (None: no case has it yet)."""
    row = session.get(ItemCode, code)
    if row is not None:
        return 1 << row.bit
    if not create:
        return None
    used = session.scalar(select(func.count()).select_from(ItemCode)) or 0
    if used >= MAX_ITEM_BITS:
        raise RecordsError("资助事项代码已超过本系统可索引的数量（62个），请联系技术支持")
    session.add(ItemCode(code=code, bit=used))
    session.flush()
    return 1 << used


def _set_claims(
    session: Session, app: Application, policy: Policy, claims: Sequence[Claim]
) -> None:
    mask = 0
    for claim in claims:
        mask |= item_bit(session, claim.item, create=True) or 0
    app.item_mask = mask
    existing = {c.position: c for c in app.claims}
    rows: list[ClaimRow] = []
    for position, claim in enumerate(claims):
        patent, product = _claim_keys(policy, claim)
        row = existing.pop(position, None) or ClaimRow(position=position, paid_months=0)
        row.item = claim.item
        row.date = claim.date
        row.facts = {k: jsonable(v) for k, v in claim.facts.items()}
        row.patent = patent
        row.product_key = product
        rows.append(row)
    app.claims = rows


def claim_document(row: ClaimRow) -> dict[str, Any]:
    return {"item": row.item, "date": row.date.isoformat(), **row.facts}


def next_counter(session: Session, name: str) -> int:
    """The next number of a per-programme sequence; safe because writers hold the lock."""
    # FOR UPDATE matters on PostgreSQL; on SQLite the write transaction already holds the lock.
    counter = session.get(Counter, name, with_for_update=True)
    if counter is None:
        counter = Counter(name=name, value=0)
        session.add(counter)
    counter.value += 1
    session.flush()
    return counter.value


def material_lines(app: Application, policy: Policy) -> tuple[MaterialLine, ...]:
    lines = []
    for m in app.materials:
        known = policy.materials.get(m.code)
        lines.append(
            MaterialLine(
                code=m.code,
                name=known.name if known else m.code,
                clause=known.clause if known else "",
                required=m.required,
                received=m.received,
                copies=m.copies,
                copies_required=policy.copies_required,
                originals_verified=m.originals_verified,
                note=m.note,
            )
        )
    return tuple(lines)


def needed_materials(policy: Policy, items: Sequence[str], filed_by_agent: bool) -> list[str]:
    return [
        code
        for code in policy.materials_for(list(items))
        if policy.materials[code].when != "agent" or filed_by_agent
    ]


def sync_materials(app: Application, policy: Policy) -> None:
    """Bring the checklist in line with the claimed items (and whether an agent files).

    Reading taken: a line no longer needed is deleted only if nobody has ticked or noted
    anything on it; otherwise it is kept, marked not required, so that what was handed in at
    the counter is never lost. A line needed again becomes required with its ticks intact.
    """
    needed = needed_materials(policy, [c.item for c in app.claims], app.filed_by_agent)
    existing = {m.code: m for m in app.materials}
    rows: list[MaterialRow] = []
    for position, code in enumerate(needed):
        row = existing.pop(code, None) or MaterialRow(
            code=code, received=False, copies=0, originals_verified=False, note=""
        )
        row.required = True
        row.position = position
        rows.append(row)
    for row in sorted(existing.values(), key=lambda r: r.position):
        if row.touched:
            row.required = False
            row.position = len(rows)
            rows.append(row)
    app.materials = rows


# ---------------------------------------------------------------------------
# Prior awards, settled claims, duplicates
# ---------------------------------------------------------------------------


# Live: registered through paid (issue 13 §2); 不予受理 and 不予资助 hold nothing.
LIVE_STATUSES = OPEN_STATUSES | AWARDED_STATUSES


def prior_awards(
    session: Session, credit_code: str, policy: Policy, exclude_case_id: int | None = None
) -> list[dict[str, Any]]:
    """What other live applications of this credit code already hold, as CASE prior_awards.

    Reading taken (issue 13 §2; 附件1 「同一企业累计…」「每家企业累计…」, 「从优、不叠加」): every
    cumulative cap counts
    - what was paid, in any programme year (the amount paid);
    - what is approved and not yet paid (the frozen amount): decided, it holds its money;
    - what other applications still being handled were given, when they come first in the
      order received date, then case number: an earlier application keeps what it was given,
      a later one gets the remainder. A new case (``exclude_case_id`` None) comes last.
    Each award names its application, so the explanation can say who holds the cap. Items
    unknown to ``policy`` are left out: the caps of this policy only name its own items.
    """
    me = session.get(Application, exclude_case_id) if exclude_case_id is not None else None
    other = Application
    query = (
        select(
            ClaimRow.item,
            ClaimRow.amount,
            ClaimRow.paid_amount,
            ClaimRow.paid_months,
            ClaimRow.facts,
            other.status,
            other.case_number,
            other.received_on,
            other.seq,
            other.id,
        )
        .join(other, ClaimRow.application_id == other.id)
        .join(Applicant, other.applicant_id == Applicant.id)
        .where(
            Applicant.credit_code == credit_code,
            other.status.in_([s.value for s in LIVE_STATUSES]),
        )
        .order_by(other.received_on, other.year, other.seq, ClaimRow.position)
    )
    if exclude_case_id is not None:
        query = query.where(other.id != exclude_case_id)
    awards = []
    for (
        item,
        amount,
        paid,
        paid_months,
        facts,
        status,
        number,
        received,
        seq,
        oid,
    ) in session.execute(query):
        if item not in policy.items:
            continue
        state = Status(status)
        if state is Status.PAID:
            held, months, label = paid, paid_months or 0, "已拨付"
        else:
            if state in OPEN_STATUSES and not _comes_first(me, received, seq, oid):
                continue
            held = amount
            interest = facts.get("interest_months") if isinstance(facts, dict) else None
            months = int(interest) if interest is not None and held else 0
            label = f"{state.label}，未拨付"
        if held is None or held <= 0:
            continue
        awards.append(
            {
                "item": item,
                "amount": str(held),
                "months": months,
                "reference": f"{number}（{label}）",
            }
        )
    return awards


def _comes_first(me: Application | None, received: dt.date, seq: int, other_id: int) -> bool:
    """Whether an open application comes before ``me`` (received date, then case number)."""
    if me is None:
        return True
    return (received, seq, other_id) < (me.received_on, me.seq, me.id)


def settled_claims(session: Session, app: Application) -> list[SettledInfo]:
    """Claims that already hold this case's patents or products for the same applicant.

    Reading taken: another application of the same applicant under the same programme holds a
    patent (or product) when it is approved or later, or when it is still open and was
    registered earlier (first come, first settled); rejected and refused ones hold nothing.
    Its amount is its frozen snapshot amount, or for an open case its latest calculation.
    """
    patents = {c.patent for c in app.claims if c.patent}
    products = {c.product_key for c in app.claims if c.product_key}
    return _settled(session, app.applicant_id, app.policy_id, app.id, patents, products)


def _settled(
    session: Session,
    applicant_id: int | None,
    policy_id: str,
    app_id: int | None,
    patents: set[str],
    products: set[str],
) -> list[SettledInfo]:
    if applicant_id is None or (not patents and not products):
        return []
    other = Application
    is_open = other.status.in_([s.value for s in OPEN_STATUSES])
    # A new case (None) comes after every registered one.
    earlier = is_open if app_id is None else (is_open & (other.id < app_id))
    holds = other.status.in_([s.value for s in AWARDED_STATUSES]) | earlier
    key_match = ClaimRow.patent.in_(patents) | ClaimRow.product_key.in_(products)
    query = (
        select(ClaimRow, other.case_number)
        .join(other, ClaimRow.application_id == other.id)
        .where(
            other.applicant_id == applicant_id,
            other.policy_id == policy_id,
            holds,
            key_match,
            ClaimRow.amount > Decimal(0),
        )
        .order_by(other.id, ClaimRow.position)
    )
    if app_id is not None:
        query = query.where(other.id != app_id)
    rows = session.execute(query)
    settled = []
    for claim, case_number in rows:
        assert claim.amount is not None
        if claim.patent and claim.patent in patents:
            settled.append(SettledInfo(claim.item, claim.patent, claim.amount, case_number))
        if claim.product_key and claim.product_key in products:
            contract = claim.patent is not None  # a patent item's other key is its contract
            settled.append(
                SettledInfo(claim.item, claim.product_key, claim.amount, case_number, contract)
            )
    return settled


def with_settled(case: CaseInput, settled: Sequence[SettledInfo], policy: Policy) -> CaseInput:
    """Hand the settled claims to the engine, which applies best-of across applications, and
    the contracts whose per-contract bonus another application holds.

    Reading taken: another application's license claim holds its contract's bonus when its
    amount is more than the item's base rate (the bonus is what it has on top)."""
    if not settled:
        return case
    contracts = []
    for s in settled:
        if not s.contract:
            continue
        item = policy.items.get(s.item)
        rate = item.params.rate if item is not None else None
        if rate is not None and s.amount > rate:
            contracts.append((s.key, s.reference))
    return dataclasses.replace(
        case,
        settled=tuple(
            SettledClaim(s.item, s.key, s.amount, s.reference) for s in settled if not s.contract
        ),
        bonus_contracts=tuple(contracts),
    )


def flagged_keys(policy: Policy, app: Application) -> dict[str, tuple[str, tuple[str, ...]]]:
    """This case's keys in groups that flag duplicates (loans): key → (label, group's items)."""
    keys: dict[str, tuple[str, tuple[str, ...]]] = {}
    for c in app.claims:
        group = policy.stacking_group_for(c.item)
        if group is not None and group.flag_duplicates and c.product_key:
            keys[c.product_key] = (group.label, group.items)
    return keys


def _shown_key(row: ClaimRow, policy: Policy) -> str:
    group = policy.stacking_group_for(row.item)
    if group is not None and isinstance(row.facts, dict) and row.facts.get(group.key_fact):
        return str(row.facts[group.key_fact])
    return (row.product_key or "").replace("|", "、")


def duplicate_claims_in(session: Session, app: Application) -> list[DuplicateClaim]:
    result = _duplicate_patents(session, app)
    keys = flagged_keys(policy_for(app.policy_id), app) if app.claims else {}
    if keys:
        result.extend(_duplicate_keys(session, app, keys))
    return sorted(result, key=lambda d: (d.position, d.other_case_id))


@dataclass(frozen=True)
class _OtherClaim:
    """A claim of another live case matching one of ours, with what the flag shows of it."""

    value: str  # the patent or loan key matched
    item: str
    case_id: int
    case_number: str
    applicant: str
    credit_code: str
    status: str
    applicant_id: int

    def flag(
        self, app: Application, mine: ClaimRow, shown: str, subject: str = "专利"
    ) -> DuplicateClaim:
        return DuplicateClaim(
            position=mine.position,
            item=mine.item,
            patent=shown,
            other_case_id=self.case_id,
            other_case_number=self.case_number,
            other_applicant=self.applicant,
            other_credit_code=self.credit_code,
            other_status=Status(self.status),
            same_applicant=self.applicant_id == app.applicant_id,
            subject=subject,
        )


def _other_live_claims(
    session: Session, app: Application, column: Any, values: Sequence[str]
) -> list[_OtherClaim]:
    """Claims of other open, approved or paid cases whose ``column`` is one of ``values``."""
    other = Application
    live = [s.value for s in OPEN_STATUSES | AWARDED_STATUSES]
    rows = session.execute(
        select(
            column,
            ClaimRow.item,
            other.id,
            other.case_number,
            other.applicant_name,
            Applicant.credit_code,
            other.status,
            other.applicant_id,
        )
        .join(other, ClaimRow.application_id == other.id)
        .join(Applicant, other.applicant_id == Applicant.id)
        .where(column.in_(list(values)), other.id != app.id, other.status.in_(live))
        .order_by(other.id)
    )
    return [_OtherClaim(*row) for row in rows]


def _duplicate_keys(
    session: Session, app: Application, keys: dict[str, tuple[str, tuple[str, ...]]]
) -> list[DuplicateClaim]:
    """A second live claim on the same loan, by anyone (issue 13 §2)."""
    policy = policy_for(app.policy_id)
    result = []
    for found in _other_live_claims(session, app, ClaimRow.product_key, list(keys)):
        label, items = keys[found.value]
        if found.item not in items:
            continue
        for mine in app.claims:
            if mine.product_key == found.value and mine.item in items:
                result.append(found.flag(app, mine, _shown_key(mine, policy), label))
    return result


def _duplicate_patents(session: Session, app: Application) -> list[DuplicateClaim]:
    patents = {c.patent for c in app.claims if c.patent}
    if not patents:
        return []
    result = []
    seen: set[tuple[int, int]] = set()
    for found in _other_live_claims(session, app, ClaimRow.patent, sorted(patents)):
        for mine in app.claims:
            if mine.patent == found.value and (mine.position, found.case_id) not in seen:
                seen.add((mine.position, found.case_id))
                result.append(found.flag(app, mine, found.value))
    return result


def duplicate_claims(db: Database, case_id: int) -> list[DuplicateClaim]:
    """The same patent, or the same loan, claimed in another open, approved or paid case, by
    anyone.

    Both cases see the flag, since each is the other's duplicate. Cases rejected at intake or
    refused are left out: they hold nothing.
    """
    with db.read() as session:
        return duplicate_claims_in(session, get_application(session, case_id))


# ---------------------------------------------------------------------------
# Calculation
# ---------------------------------------------------------------------------


def applicant_document(app: Application) -> dict[str, Any]:
    a = app.applicant
    doc: dict[str, Any] = {
        "name": app.applicant_name,
        "credit_code": a.credit_code,
        "kind": a.kind,
        **{flag: bool(getattr(a, flag)) for flag in APPLICANT_FLAGS},
    }
    if a.size:
        doc["size"] = a.size
    return doc


def case_document(session: Session, app: Application, policy: Policy) -> dict[str, Any]:
    """The CASE document of the calc contract for this application, history included."""
    return {
        "policy": app.policy_id,
        "id": app.case_number,
        "received_on": app.received_on.isoformat(),
        "applicant": applicant_document(app),
        "prior_awards": prior_awards(session, app.applicant.credit_code, policy, app.id),
        "claims": [claim_document(c) for c in app.claims],
        "intake": {"out_of_scope": False, "incomplete_materials": False},
    }


@dataclass
class Calculation:
    document: dict[str, Any]
    settled: list[SettledInfo]
    result: ApplicationResult
    policy: Policy = field(repr=False)


def calculate(session: Session, app: Application) -> Calculation:
    """Run the engine on the stored case and keep the amounts on the claims (with the policy
    version the case was registered under)."""
    from core.records.policy_versions import policy_of_case

    policy = policy_of_case(session, app, policy_for(app.policy_id))
    document = case_document(session, app, policy)
    try:
        case = parse_case(document, policy)
    except InputError as exc:  # stored data was valid when written; the policy changed since
        raise InvalidInput(
            exc.where, f"{exc.problem}（按现行政策文件校验未通过，请修改后再办理）"
        ) from None
    settled = settled_claims(session, app)
    result = calculate_application(
        with_settled(case, settled, policy),
        policy,
        lpr_table(session),
        _bank_rank(session, app, case, policy),
    )
    for row, claim_result in zip(app.claims, result.claims, strict=True):
        row.amount = claim_result.amount
        row.result_status = claim_result.status.value
    app.computed_total = result.total
    return Calculation(document, settled, result, policy)


def preview_calculation(
    db: Database, policy: Policy, document: Mapping[str, Any], case_id: int | None
) -> ApplicationResult:
    """The calculation of a case as typed, before it is saved, as saving will compute it:
    the same live prior awards, best-of across applications, and the administrator's LPR
    rates (the desk computed without the last, so a 贴息 showed 15,500.00 on screen and
    saved as 10,000.00; issue 15). Raises the engine's InputError for facts that do not
    parse; nothing is written."""
    doc = dict(document)
    case = parse_case(doc, policy)
    with db.read() as session:
        doc["prior_awards"] = prior_awards(session, case.applicant.credit_code, policy, case_id)
        case = parse_case(doc, policy)
        applicant_id = session.scalar(
            select(Applicant.id).where(Applicant.credit_code == case.applicant.credit_code)
        )
        patents: set[str] = set()
        products: set[str] = set()
        for claim in case.claims:
            patent, product = _claim_keys(policy, claim)
            if patent:
                patents.add(patent)
            if product:
                products.add(product)
        settled = _settled(session, applicant_id, policy.id, case_id, patents, products)
        lpr = lpr_table(session)
    return calculate_application(with_settled(case, settled, policy), policy, lpr)


def _bank_rank(
    session: Session, app: Application, case: CaseInput, policy: Policy
) -> dict[int, RankDecision] | None:
    """A bank's ranking claim is placed among every live bank application of the programme
    (附件1·知识产权质押融资·第1行「排名前三」; reading "bank_ranking"): the name list is fixed by
    the deadline, and the place is frozen with the snapshot when the case is approved."""
    ranking_items = [code for code, item in policy.items.items() if item.rule == "ranking"]
    if not any(c.item in ranking_items for c in case.claims):
        return None
    live = [s.value for s in OPEN_STATUSES | AWARDED_STATUSES]
    others = session.scalars(
        select(Application)
        .where(
            Application.policy_id == app.policy_id,
            Application.id != app.id,
            Application.status.in_(live),
            Application.claims.any(ClaimRow.item.in_(ranking_items)),
        )
        .order_by(Application.id)
    ).all()
    field = [case]
    for other in others:
        try:
            field.append(parse_case(case_document(session, other, policy), policy))
        except InputError:
            continue  # a case the current policy no longer accepts cannot take a place
    return bank_ranks(field, policy).get(0)


# ---------------------------------------------------------------------------
# Loading and editing
# ---------------------------------------------------------------------------


def get_application(session: Session, case_id: int) -> Application:
    app = session.get(Application, case_id)
    if app is None:
        raise NotFound(f"没有编号为 {case_id} 的案件")
    return app


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
        _set_claims(session, app, policy, claims)
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
            _set_claims(session, app, policy, parsed)
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
    from core.identifiers import IdentifierError, validate_credit_code

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
                action_label=_action_label(d.action),
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


def _action_label(action: str) -> str:
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
