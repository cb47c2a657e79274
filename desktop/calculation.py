"""Core's calculation of a case as typed, before it is saved (the 资助测算 part updates as
facts change): the editor's state as the calc contract's CASE document, computed by
``core.records.calculation.preview_calculation`` exactly as saving will (live prior awards,
best-of across applications, the administrator's LPR rates). Nothing here computes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.engine.results import ApplicationResult
    from desktop.context import DeskContext


def case_document(context: DeskContext, state: dict[str, Any]) -> dict[str, Any]:
    """The calc contract's CASE document of the editor's state (docs/cli.md)."""
    from core.engine.inputs import APPLICANT_FLAGS

    applicant = state["applicant"]
    doc_applicant: dict[str, Any] = {
        "name": applicant.get("name", ""),
        "credit_code": applicant.get("credit_code", ""),
        "kind": applicant.get("kind", ""),
    }
    if applicant.get("size"):
        doc_applicant["size"] = applicant["size"]
    for flag in APPLICANT_FLAGS:
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
    from core.records.calculation import preview_calculation

    return preview_calculation(context.db, context.policy, case_document(context, state), case_id)
