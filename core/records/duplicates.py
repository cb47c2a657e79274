"""What other live applications of the same enterprise already hold: prior awards against
the caps (issue 13 §2), settled claims for no-stacking, and the same patent, loan or
contract claimed twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    Applicant,
    Application,
    ClaimRow,
)
from core.engine.inputs import (
    CaseInput,
    SettledClaim,
)
from core.policy.model import Policy
from core.records.case_input import get_application, policy_for
from core.records.case_model import DuplicateClaim, SettledInfo
from core.records.states import (
    AWARDED_STATUSES,
    OPEN_STATUSES,
    Status,
)

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
    return settled_for(session, app.applicant_id, app.policy_id, app.id, patents, products)


def settled_for(
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
