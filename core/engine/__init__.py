"""The explained award engine (seed 002 附件1 and its readings in the policy file).

Two entry points for programs (the CLI, the case records, the GUI):

- :func:`calc_case_document` / :func:`calc_batch_document`: JSON-shaped dicts in and out,
  exactly the ``ipdesk-cli calc`` contract (docs/cli.md);
- :func:`calculate_application` / :func:`calculate_batch`: typed inputs and results.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.engine.batching import collector_paused
from core.engine.calculate import calculate_application, calculate_batch, prorate
from core.engine.inputs import (
    Applicant,
    CaseInput,
    Claim,
    InputError,
    PriorAward,
    SettledClaim,
    loads_json,
    parse_case,
    parse_money,
    policy_id_of,
)
from core.engine.results import ApplicationResult, BatchResult, ClaimResult, ClaimStatus
from core.policy.loader import PolicyError, load_policy
from core.policy.lpr import LprTable, load_lpr
from core.policy.model import Policy


def _policy(policy_id: str) -> Policy:
    try:
        return load_policy(policy_id)
    except PolicyError as exc:
        raise InputError("policy", exc.problem) from None


def calc_case_document(doc: Any, lpr: LprTable | None = None) -> dict[str, Any]:
    """CASE document → result document. Raises :class:`InputError` on bad input."""
    policy = _policy(policy_id_of(doc))
    case = parse_case(doc, policy)
    return calculate_application(case, policy, lpr or load_lpr()).to_json()


def calc_batch_document(doc: Any, lpr: LprTable | None = None) -> dict[str, Any]:
    """BATCH document → batch result document. Raises :class:`InputError` on bad input."""
    policy = _policy(policy_id_of(doc))
    if not isinstance(doc, dict):
        raise InputError("", "应为 JSON 对象 {…}")
    for key in doc:
        if key not in ("policy", "budget", "applications"):
            raise InputError(key, "不认识的字段；可用字段：policy、budget、applications")
    budget: Decimal | None = None
    if doc.get("budget") is not None:
        budget = parse_money(doc["budget"], "budget")
    raw_apps = doc.get("applications")
    if not isinstance(raw_apps, list):
        raise InputError("applications", "应为申请的 JSON 数组 […]")
    with collector_paused():
        return _calc_batch(raw_apps, policy, lpr or load_lpr(), budget)


def _calc_batch(
    raw_apps: list[Any], policy: Policy, lpr: LprTable, budget: Decimal | None
) -> dict[str, Any]:
    cases = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_apps):
        where = f"applications[{i}]"
        if isinstance(raw, dict) and "policy" in raw:
            # One batch, one programme: an application naming its own (even the same) would
            # read as if it could be computed under another (issue 13 §4).
            raise InputError(
                f"{where}.policy",
                f"批量中的申请不能各自指定政策；全批按批量的 policy（{policy.id}）测算，请删去此项",
            )
        case = parse_case(raw, policy, where)
        if not case.id:
            raise InputError(f"{where}.id", "缺少申请编号 id")
        if case.id in seen:
            raise InputError(f"{where}.id", f"申请编号“{case.id}”重复")
        seen.add(case.id)
        cases.append(case)
    return calculate_batch(cases, policy, lpr, budget).to_json()


__all__ = [
    "Applicant",
    "ApplicationResult",
    "BatchResult",
    "CaseInput",
    "Claim",
    "ClaimResult",
    "ClaimStatus",
    "InputError",
    "PriorAward",
    "SettledClaim",
    "calc_batch_document",
    "calc_case_document",
    "calculate_application",
    "calculate_batch",
    "loads_json",
    "parse_case",
    "prorate",
]
