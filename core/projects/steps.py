"""Every step of a project as one table: the values a step form collects → core's operation.

The desk's step dialog (and any other front end) hands over the fields as typed, keyed as in
the step's field list, plus ``findings`` (第五条 condition → 符合/不符合) and ``actuals`` (the
measured target values) where the step has them. The table says which operation each step
runs and which form it builds; the operations do every check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from core.db.database import Database
from core.projects import model as m
from core.projects import records, workflow
from core.projects.changes import ProjectChanges
from core.projects.model import RECORD_ACTUALS, RECORD_SPENDING
from core.projects.rules import ClosureDecision

StepValues = Mapping[str, Any]
StepCall = Callable[[Database, int, int, StepValues, "int | None"], ProjectChanges]


def _evaluation(v: StepValues) -> m.EvaluationForm:
    return m.EvaluationForm(v["held_on"], v["experts"], v["opinion"], v["score"])


def _decision(v: StepValues) -> m.DecisionForm:
    return m.DecisionForm(v["decided_on"], bool(v["approved"]), v["opinion"])


def _check_eligibility(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return workflow.check_eligibility(
        db, actor, pid, dict(v["findings"]), v["checked_on"], expected_version=version
    )


def _evaluate(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return workflow.submit_for_evaluation(
        db, actor, pid, v["submitted_on"], note=v["note"], expected_version=version
    )


def _approve(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    approval = m.ApprovalForm(
        _evaluation(v),
        v["task_book_number"],
        v["task_book_date"],
        v["paid_on"],
        v["voucher"],
        approval_amount=v["approval_amount"],
        approval_basis=v["approval_basis"],
    )
    return workflow.approve_project(db, actor, pid, approval, expected_version=version)


def _reject(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return workflow.reject_project(db, actor, pid, _evaluation(v), expected_version=version)


def _start(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return workflow.start_project(db, actor, pid, v["started_on"], expected_version=version)


def _report_progress(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    progress = m.ProgressForm(
        v["reported_on"], v["progress"], v["results"], v["plan"], list(v["actuals"])
    )
    return workflow.report_progress(db, actor, pid, progress, expected_version=version)


def _midterm(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    midterm = m.MidtermForm(v["held_on"], v["experts"], v["result"], v["opinion"])
    return workflow.record_midterm(db, actor, pid, midterm, expected_version=version)


def _request_extension(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    form = m.ExtensionRequestForm(v["submitted_on"], v["reason"], v["progress"], v["new_end"])
    return workflow.request_extension(db, actor, pid, form, expected_version=version)


def _request_termination(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    form = m.TerminationRequestForm(v["submitted_on"], v["reason"], v["progress"], v["follow_up"])
    return workflow.request_termination(db, actor, pid, form, expected_version=version)


def _decide_extension(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return workflow.decide_extension(db, actor, pid, _decision(v), expected_version=version)


def _decide_termination(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    decision = _decision(v)
    # Money is settled only when the termination is approved (第十四条).
    settlement = m.SettlementForm(v["recovered"], v["kept"]) if decision.approved else None
    return workflow.decide_termination(
        db, actor, pid, decision, settlement, expected_version=version
    )


def _accept(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    closure = v.get("closure") or None
    acceptance = m.AcceptanceForm(
        v["held_on"],
        v["method"],
        v["experts"],
        bool(v["passed"]),
        v["opinion"],
        list(v["actuals"]),
        closure=ClosureDecision(closure) if closure and v["passed"] else None,
        closure_amount=v.get("closure_amount") if v["passed"] else None,
        closure_reason=v.get("closure_reason", "") if v["passed"] else "",
    )
    return workflow.accept_project(db, actor, pid, acceptance, expected_version=version)


def _pay_closure(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return workflow.pay_closure(
        db, actor, pid, v["paid_on"], voucher=v["voucher"], expected_version=version
    )


def _record_spending(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    spending = m.SpendingForm(v["spent_on"], v["category"], v["amount"], v["note"])
    return records.record_spending(db, actor, pid, spending, expected_version=version)


def _record_actuals(
    db: Database, actor: int, pid: int, v: StepValues, version: int | None
) -> ProjectChanges:
    return records.record_target_actuals(
        db, actor, pid, v["reported_on"], list(v["actuals"]), expected_version=version
    )


STEP_CALLS: dict[str, StepCall] = {
    "check_eligibility": _check_eligibility,
    "evaluate": _evaluate,
    "approve": _approve,
    "reject": _reject,
    "start": _start,
    "report_progress": _report_progress,
    "midterm": _midterm,
    "request_extension": _request_extension,
    "request_termination": _request_termination,
    "decide_extension": _decide_extension,
    "decide_termination": _decide_termination,
    "accept": _accept,
    "pay_closure": _pay_closure,
    RECORD_SPENDING: _record_spending,
    RECORD_ACTUALS: _record_actuals,
}


def run_step(
    db: Database,
    actor_id: int,
    project_id: int,
    step: str,
    values: StepValues,
    *,
    expected_version: int | None = None,
) -> ProjectChanges:
    """Run one step of a project with the values of its form."""
    return STEP_CALLS[step](db, actor_id, project_id, values, expected_version)
