"""Core's calculation of a case as typed, before it is saved (the 资助测算 part updates as
facts change).

Interim until core offers it (see docs/desk.md, "Asked of core"): the CASE document of the
typed state goes through the engine's own parser and calculation, with the applicant's
prior awards read by core (``core.records.cases.prior_awards``). Best-of across this
applicant's other open cases (settled claims) is applied by core when the case is saved,
and shown from then on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.engine.results import ApplicationResult
    from desktop.context import DeskContext


def case_document(context: DeskContext, state: dict[str, Any]) -> dict[str, Any]:
    """The calc contract's CASE document of the editor's state (docs/cli.md)."""
    applicant = state["applicant"]
    doc_applicant: dict[str, Any] = {
        "name": applicant.get("name", ""),
        "credit_code": applicant.get("credit_code", ""),
        "kind": applicant.get("kind", ""),
    }
    if applicant.get("size"):
        doc_applicant["size"] = applicant["size"]
    for flag in ("dishonest_debtor", "ownership_dispute", "major_accident_3y"):
        doc_applicant[flag] = bool(applicant.get(flag))
    return {
        "policy": context.policy.id,
        "received_on": state["case"]["received_on"],
        "applicant": doc_applicant,
        "claims": list(state["claims"]),
    }


def preview_result(
    context: DeskContext, state: dict[str, Any], case_id: int | None
) -> ApplicationResult:
    """Raises core's InputError (with where and what) when the typed case does not parse."""
    from core.engine.calculate import calculate_application
    from core.engine.inputs import parse_case
    from core.records.cases import prior_awards

    doc = case_document(context, state)
    case = parse_case(doc, context.policy)
    with context.db.read() as session:
        doc["prior_awards"] = prior_awards(
            session, case.applicant.credit_code, context.policy, case_id
        )
    return calculate_application(parse_case(doc, context.policy), context.policy)
