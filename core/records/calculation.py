"""The engine run on a stored case: its CASE document, the live prior awards and settled
claims of the same enterprise, the administrator's LPR rates, and the bank ranking. The
desk's preview goes through the same function as saving."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    Applicant,
    Application,
    ClaimRow,
)
from core.engine.calculate import bank_ranks, calculate_application
from core.engine.inputs import (
    APPLICANT_FLAGS,
    CaseInput,
    InputError,
    parse_case,
)
from core.engine.results import ApplicationResult
from core.engine.rules import RankDecision
from core.policy.model import Policy
from core.records.case_input import claim_document, claim_keys, policy_for
from core.records.case_model import SettledInfo
from core.records.duplicates import prior_awards, settled_claims, settled_for, with_settled
from core.records.errors import InvalidInput
from core.records.lpr import lpr_table
from core.records.policy_versions import policy_of_case
from core.records.states import (
    AWARDED_STATUSES,
    OPEN_STATUSES,
)

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
            patent, product = claim_keys(policy, claim)
            if patent:
                patents.add(patent)
            if product:
                products.add(product)
        settled = settled_for(session, applicant_id, policy.id, case_id, patents, products)
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
